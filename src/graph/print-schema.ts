import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { buildGraphSchema } from "./schema.js";

/**
 * The SDL kept in `schema/schema.graphql`: the whole executable subgraph schema with its
 * directives (`@link`, `@key`, `_entities`, `_service`), so codegen, stitching gateways and humans
 * all read the same file.
 */
export async function printGraphSchema(): Promise<string> {
  return `${printSchemaWithDirectives(await buildGraphSchema())}\n`;
}
