import type { NumberRecord, PoolRecord } from "../model/index.js";

/**
 * The graph's one stable order (docs/graph-semantics.md): every record has a sort key, compared as
 * plain strings, so one comparison serves sorting, binary search, merging and cursors alike.
 */

/** A list in the graph's stable order, with each item's sort key beside it for binary search. */
export interface SortedList<T> {
  items: readonly T[];
  keys: readonly string[];
}

/** Sort keys join their parts with U+0000, which sorts below every character the parts hold. */
export const SORT_KEY_SEPARATOR = "\u0000";

/** Numbers: by e164, then provider, then id. */
export function numberSortKey(n: NumberRecord): string {
  return [n.e164, n.provider, n.id].join(SORT_KEY_SEPARATOR);
}

/** Pools: by provider, then account, name and id. */
export function poolSortKey(p: PoolRecord): string {
  return [p.provider, p.accountId, p.name, p.id].join(SORT_KEY_SEPARATOR);
}

/** The one comparison of sort keys. */
export function compareSortKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedBy<T>(items: readonly T[], sortKey: (item: T) => string): SortedList<T> {
  const keyed = items.map((item) => ({ item, key: sortKey(item) })).sort((a, b) => compareSortKeys(a.key, b.key));
  return { items: keyed.map((k) => k.item), keys: keyed.map((k) => k.key) };
}

/**
 * Walk several sorted lists as one, in key order, from `positions` (default: each list's start),
 * without copying them: yields which list the next item is in and where. k is the number of
 * accounts (small), so a linear scan of the heads beats a heap.
 */
export function* mergeSorted<T>(lists: readonly SortedList<T>[], positions: readonly number[] = lists.map(() => 0)): Generator<{ list: number; index: number }> {
  const at = [...positions];
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (at[i]! < lists[i]!.keys.length && (best === -1 || compareSortKeys(lists[i]!.keys[at[i]!]!, lists[best]!.keys[at[best]!]!) < 0)) best = i;
    }
    if (best === -1) return;
    yield { list: best, index: at[best]! };
    at[best]!++;
  }
}
