import type { ApolloServerPlugin } from "@apollo/server";
import { getNamedType, GraphQLError, isCompositeType, type DocumentNode, type GraphQLSchema } from "graphql";
import { fieldExtensionsEstimator, getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import { LRUCache } from "lru-cache";
import { QueryTooCostlyError } from "../../errors/gateway-errors.js";

export interface QueryCostOptions {
  /** The most objects one operation may be expected to return. */
  maxCost: number;
}

/** About 20-40 MB of JSON: far above the dashboard (8,000 at first=1000) and analyst queries (54,000 for 1000 pools with members). */
export const DEFAULT_MAX_QUERY_COST = 200_000;

/** graphql-query-complexity gives up on documents with more selections than this, whatever their cost. */
const MAX_SELECTIONS = 10_000;

/**
 * Costs remembered per document, operation and variables: a dashboard's poll is priced once, not on
 * every request, and so is a page walk, whose `after` cursor changes every time. Prices read only
 * numbers (`first`) and list lengths (`ids`), never a string (`src/graph/common/complexity.ts`),
 * so strings are left out of the key; a list of ids keeps its length.
 */
const MEMO_ENTRIES = 2_000;
/** Keys longer than this (long id lists in variables) are priced afresh rather than kept. */
const MEMO_MAX_KEY = 4_096;

/**
 * An operation's cost is the number of objects it can be expected to return: every object field
 * counts one, times the items of each list it sits in (`first`, `ids`, typical pool sizes), as
 * each field declares with `complexity` (`src/graph/common/complexity.ts`). Loaders keep upstream calls flat however a query nests, so what a deep or
 * wide query costs is the gateway's own memory and time; this plugin refuses it up front, with a
 * message that says how to ask for less, before any provider is called.
 */
export function queryCostPlugin({ maxCost }: QueryCostOptions): ApolloServerPlugin {
  // The same document, operation and variables always cost the same.
  const memo = new LRUCache<string, { cost: number | "too-many-selections" | undefined }>({ max: MEMO_ENTRIES });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, queryHash }) {
          const key = `${queryHash}\n${operationName ?? ""}\n${JSON.stringify(request.variables ?? {}, withoutStrings)}`;
          let priced = key.length <= MEMO_MAX_KEY ? memo.get(key) : undefined;
          if (!priced) {
            priced = { cost: price(schema, document, operationName, request.variables) };
            // Variables that do not fit (undefined) are not kept: other strings in their place may well fit.
            if (key.length <= MEMO_MAX_KEY && priced.cost !== undefined) memo.set(key, priced);
          }
          const { cost } = priced;
          if (cost === "too-many-selections") {
            throw new QueryTooCostlyError(`This operation has more than ${MAX_SELECTIONS} selections; split it into smaller operations.`, { maxSelections: MAX_SELECTIONS });
          }
          // Variables that do not fit the operation: execution reports them in GraphQL's own words.
          if (cost === undefined) return;
          if (cost > maxCost) {
            throw new QueryTooCostlyError(
              `This operation could return about ${cost} objects; the gateway answers at most ${maxCost} in one request. Ask for less: a smaller \`first\` (then page on with \`after\`), fewer ids, or fewer nested lists such as \`pools { numbers }\` inside a page of numbers.`,
              { cost, maxCost },
            );
          }
        },
      };
    },
  };
}

/** JSON.stringify's replacer for the memo key: every string (a cursor, a search, an id) as one placeholder. */
const withoutStrings = (_key: string, value: unknown) => (typeof value === "string" ? "" : value);

function price(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): number | "too-many-selections" | undefined {
  try {
    return getComplexity({ schema, query: document, operationName: operationName ?? undefined, variables: variables ?? {}, estimators: [fieldExtensionsEstimator(), undeclared], maxQueryNodes: MAX_SELECTIONS });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) return "too-many-selections";
    return undefined;
  }
}

/**
 * Fields that declare no cost: an object counts one plus its selection, a scalar nothing, and
 * federation's `_entities` one per representation. Every list field of our own declares its
 * cost on the field (`src/graph/common/complexity.ts`).
 */
const undeclared: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const own = isCompositeType(getNamedType(field.type)) ? 1 : 0;
  const items = field.name === "_entities" && Array.isArray(args.representations) ? args.representations.length : 1;
  return items * (own + childComplexity);
};
