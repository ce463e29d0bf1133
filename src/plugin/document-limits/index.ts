import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { GraphQLError, OperationTypeNode, type ParseOptions, type ValidationContext, type ValidationRule } from "graphql";

export interface DocumentLimits {
  /** Aliased fields per operation (300 aliased `phoneNumbers` would each be served). */
  aliases: number;
  /** Nested selections (the dashboard is 5 deep; pools' members' pools 7). */
  depth: number;
  /** Lexical tokens in the document; long id lists belong in variables, which do not count. */
  tokens: number;
  /** Directives (`@include`, `@skip`, …) per operation. */
  directives: number;
}

/** Generous for every query in `operations/` and for federation and stitching gateways' own documents. */
export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = { aliases: 30, depth: 12, tokens: 5000, directives: 50 };

const variableOf: Record<keyof DocumentLimits, string> = {
  aliases: "NUMBERGRAPH_MAX_ALIASES",
  depth: "NUMBERGRAPH_MAX_DEPTH",
  tokens: "NUMBERGRAPH_MAX_TOKENS",
  directives: "NUMBERGRAPH_MAX_DIRECTIVES",
};

/**
 * Limits that refuse a hostile document before anything runs (no provider called): graphql-armor's
 * alias, depth and directive rules as validation rules, graphql-js's own token limit at parse time
 * (armor's token rule swaps the parser, which Apollo does not let a plugin do), and the
 * contract's "an operation type this schema does not serve" (docs/errors.md). Our own `query-cost` plugin prices what passes.
 */
export function documentLimits(limits: DocumentLimits): { validationRules: ValidationRule[]; parseOptions: ParseOptions } {
  // armor throws from inside graphql's visitor by default; report instead, in words that say what to change.
  const refuse = (limit: keyof DocumentLimits, what: string) => ({
    n: limits[limit],
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = /found (\d+)/.exec(error.message)?.[1];
        context?.reportError(new GraphQLError(`This operation has ${found ? `${found} ${what}` : `too many ${what}`}; the gateway accepts at most ${limits[limit]} (${variableOf[limit]}). ${advice[limit]}`));
      },
    ],
  });
  return {
    validationRules: [
      maxAliasesRule(refuse("aliases", "aliases")),
      maxDepthRule({ ...refuse("depth", "levels of nesting"), ignoreIntrospection: true, flattenFragments: true }),
      maxDirectivesRule(refuse("directives", "directives")),
      queryOperationsOnly,
    ],
    parseOptions: { maxTokens: limits.tokens },
  };
}

const advice: Record<keyof DocumentLimits, string> = {
  aliases: "Ask once with a filter that covers what the aliases asked for, or split the operation.",
  depth: "Ask for less nesting (e.g. pools' numbers without their pools), or split the operation.",
  tokens: "Pass long lists as variables, or split the operation.",
  directives: "Use fewer @include/@skip directives, or split the operation.",
};

/** This schema serves queries only: a mutation or subscription is a request error, not a crash. */
export const queryOperationsOnly: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === OperationTypeNode.QUERY) return;
    context.reportError(new GraphQLError(`This gateway serves queries only; it has no ${node.operation} type. Send a \`query\` operation.`, { nodes: node }));
  },
});

/** graphql-js words its token limit as a syntax error; say which setting it is. */
export function describeTokenLimit(message: string, limits: DocumentLimits): string | undefined {
  if (!/Document contains more that \d+ tokens/.test(message)) return undefined;
  return `This operation has more than ${limits.tokens} tokens; the gateway accepts at most ${limits.tokens} (${variableOf.tokens}). ${advice.tokens}`;
}
