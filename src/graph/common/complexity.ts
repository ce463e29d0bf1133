import type { ComplexityEstimator } from "graphql-query-complexity";
import { DEFAULT_FIRST, MAX_FIRST } from "../connection/paginate.js";

/**
 * What a field costs in the query-cost plugin's currency: objects the operation can be expected to
 * return. Declared on each list field (`complexity:` on `@Field`, `@FieldResolver`, `@Query`), so
 * a renamed or new list field can never fall back silently to a default price
 * (test/graph/declared-costs.test.ts checks every one). A price reads numbers and list lengths
 * only, never a string: the query-cost plugin remembers prices by variables without their strings.
 */
type Args = Record<string, unknown>;

/** `items(args)` objects, each costing itself and its selection. */
export function perItem(items: (args: Args) => number): ComplexityEstimator {
  return ({ args, childComplexity }) => items(args) * (1 + childComplexity);
}

/** A connection's page: its page size multiplies the whole selection (edges and nodes count once). */
export const connectionPage = perItem((args) => pageSize(args.first));

/** A list whose length the caller fixes: `ids`, `representations`. */
export const onePerId = perItem((args) => lengthOf(args.ids));

/** A connection's `edges` / `nodes`: the page size is already counted on the connection field. */
export const withinPage: ComplexityEstimator = ({ childComplexity }) => 1 + childComplexity;

/** A list of typically `n` objects: a number's pools or other holdings, a pool's members. */
export const typically = (n: number) => perItem(() => n);

/** Out-of-range `first` is priced as its nearest valid value: the resolver then says what is wrong with it. */
function pageSize(first: unknown): number {
  return typeof first === "number" && Number.isFinite(first) ? Math.min(MAX_FIRST, Math.max(1, Math.trunc(first))) : DEFAULT_FIRST;
}

export function lengthOf(list: unknown): number {
  return Array.isArray(list) ? list.length : 1;
}
