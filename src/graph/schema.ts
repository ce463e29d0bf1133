import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { isObjectType, parse, type GraphQLField, type GraphQLSchema } from "graphql";
import { GraphQLDateTime } from "graphql-scalars";
import { buildSchema, createResolversMap } from "type-graphql";
import { resolveDialNumberReference } from "./dial-number/dial-number.reference.js";
import { DialNumberResolver } from "./dial-number/dial-number.resolver.js";
import { resolveNumberPoolReference } from "./number-pool/number-pool.reference.js";
import { resolvePhoneNumberReference } from "./phone-number/phone-number.reference.js";
import { detailsTypeName } from "./phone-number/provider-number-details.union.js";
import { NodeResolver } from "./node/node.resolver.js";
import { NumberPoolResolver } from "./number-pool/number-pool.resolver.js";
import { NumberStatsResolver } from "./number-stats/number-stats.resolver.js";
import { PhoneNumberResolver } from "./phone-number/phone-number.resolver.js";
import "./common/enums.js";

/** @apollo/subgraph's resolver map (its type is not exported); createResolversMap's is looser, the shapes match. */
type SubgraphResolvers = Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>["resolvers"];

/** Federation 2 header: the directives the type-graphql classes use (`@Directive('@key …')`). */
const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/**
 * The executable schema: type-graphql builds it from the decorated classes, then
 * `@apollo/subgraph` turns it into a Federation 2 subgraph (`_service`, `_entities`) with reference
 * resolvers (`<feature>/<feature>.reference.ts`) that read the same per-request snapshots as every other path.
 *
 * Every object type is declared with `simpleResolvers: true`: its plain fields resolve as
 * properties (graphql-js's default resolver) instead of through type-graphql's per-field wrapper,
 * which a 1,000-node page would otherwise call some 30,000 times. There are no global middlewares
 * or auth checks for that wrapper to run.
 */
export async function buildGraphSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [PhoneNumberResolver, NumberPoolResolver, DialNumberResolver, NodeResolver, NumberStatsResolver],
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    validate: false,
  });
  // type-graphql has no decorator for the root type's own description.
  schema.getQueryType()!.description = "numbergraph: every phone number a business holds at HighLevel, Telnyx, Zoom Phone and Butter AI, in one model. A gateway key sees only its accounts.";
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  const entityResolvers = {
    PhoneNumber: { __resolveReference: resolvePhoneNumberReference },
    NumberPool: { __resolveReference: resolveNumberPoolReference },
    DialNumber: { __resolveReference: resolveDialNumberReference },
  };
  for (const [typeName, fields] of Object.entries(entityResolvers)) resolvers[typeName] = { ...resolvers[typeName], ...fields };
  // type-graphql wraps a union's resolveType in an async function: a promise for every node of a page. The same choice, at once.
  resolvers.ProviderNumberDetails = { ...resolvers.ProviderNumberDetails, __resolveType: detailsTypeName };
  const subgraph = buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    resolvers: resolvers as SubgraphResolvers,
  });
  carryFieldExtensions(schema, subgraph);
  return subgraph;
}

/**
 * The subgraph is built from printed SDL, which drops field extensions; carry over what
 * type-graphql put there (each field's declared `complexity`) so the query-cost plugin reads it.
 */
function carryFieldExtensions(from: GraphQLSchema, to: GraphQLSchema): void {
  for (const type of Object.values(from.getTypeMap())) {
    const target = to.getType(type.name);
    if (!isObjectType(type) || !isObjectType(target)) continue;
    const targetFields = target.getFields();
    for (const [name, field] of Object.entries(type.getFields())) {
      if (field.extensions.complexity !== undefined && targetFields[name]) {
        (targetFields[name] as { extensions: GraphQLField<unknown, unknown>["extensions"] }).extensions = { ...targetFields[name].extensions, complexity: field.extensions.complexity };
      }
    }
  }
}
