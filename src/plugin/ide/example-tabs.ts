import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse, print, type DefinitionNode, type OperationDefinitionNode } from "graphql";

export interface IdeTab {
  query: string;
  variables?: string;
}

/**
 * One IDE tab per operation in `operationsDir/*.graphql`, its leading `#` comment kept as its
 * caption, and `first: 10` filled in where the operation pages, so every tab runs as it opens.
 */
export function exampleTabs(operationsDir: string): IdeTab[] {
  let files: string[];
  try {
    files = readdirSync(operationsDir)
      .filter((f) => f.endsWith(".graphql"))
      .sort();
  } catch {
    return [];
  }
  return files.flatMap((file) => {
    const source = readFileSync(join(operationsDir, file), "utf8");
    const document = parse(source);
    const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
    return document.definitions
      .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
      .map((operation) => ({
        query: [leadingComment(source, operation), print(operation), ...fragments.filter((f) => usesFragment(operation, f)).map((f) => print(f))].filter(Boolean).join("\n\n") + "\n",
        variables: operation.variableDefinitions?.some((v) => v.variable.name.value === "first") ? JSON.stringify({ first: 10 }, null, 2) : undefined,
      }));
  });
}

/** The `#` lines right above a definition (graphql-js drops comments when it prints). */
function leadingComment(source: string, definition: DefinitionNode): string {
  const before = source.slice(0, definition.loc?.start ?? 0).split("\n");
  before.pop();
  const comment: string[] = [];
  for (let line = before.pop(); line !== undefined && line.trim().startsWith("#"); line = before.pop()) comment.unshift(line.trim());
  return comment.join("\n");
}

function usesFragment(operation: OperationDefinitionNode, fragment: DefinitionNode): boolean {
  return fragment.kind === Kind.FRAGMENT_DEFINITION && print(operation).includes(`...${fragment.name.value}`);
}
