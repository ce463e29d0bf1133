import type { NumberRecord, PoolRecord } from "../model/index.js";

/**
 * The graph's one stable order (docs/graph-semantics.md): a kind of record is ordered by a few of
 * its string fields, compared field by field as plain strings; one comparison serves sorting,
 * binary search, merging and cursors alike. Snapshots keep no sort-key string per record (one was
 * ~110 bytes a number, ~30 MB at 50,000 per account): fields are compared where they lie, and a
 * cursor carries the same fields.
 */

/** Field names of `T` whose values are strings. */
type StringField<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

export interface SortOrder<T> {
  readonly fields: readonly StringField<T>[];
}

/** A list in the graph's stable order. */
export interface SortedList<T> {
  items: readonly T[];
  order: SortOrder<T>;
}

/** Numbers: by e164, then provider, then id. */
export const numberOrder: SortOrder<NumberRecord> = { fields: ["e164", "provider", "id"] };

/** Pools: by provider, then account, name and id. */
export const poolOrder: SortOrder<PoolRecord> = { fields: ["provider", "accountId", "name", "id"] };

/** The sort key of `item`: its order's fields, as a cursor carries them. */
export function sortKeyOf<T>(order: SortOrder<T>, item: T): string[] {
  return order.fields.map((field) => item[field] as string);
}

/** How `item` sorts against a sort key (`sortKeyOf`'s fields); a key that runs out first sorts first. */
export function compareToSortKey<T>(order: SortOrder<T>, item: T, key: readonly string[]): number {
  const { fields } = order;
  const length = Math.min(fields.length, key.length);
  for (let i = 0; i < length; i++) {
    const a = item[fields[i]!] as string;
    const b = key[i]!;
    if (a !== b) return a < b ? -1 : 1;
  }
  return fields.length - key.length;
}

/** The one comparison of two records in an order. */
export function compareInOrder<T>(order: SortOrder<T>, a: T, b: T): number {
  for (const field of order.fields) {
    const x = a[field] as string;
    const y = b[field] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function sortedBy<T>(items: readonly T[], order: SortOrder<T>): SortedList<T> {
  return { items: [...items].sort((a, b) => compareInOrder(order, a, b)), order };
}

/**
 * Walk several sorted lists as one, in order, from `positions` (default: each list's start),
 * without copying them: yields which list the next item is in and where. k is the number of
 * accounts (small), so a linear scan of the heads beats a heap.
 */
export function* mergeSorted<T>(lists: readonly SortedList<T>[], positions: readonly number[] = lists.map(() => 0)): Generator<{ list: number; index: number }> {
  const at = [...positions];
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (at[i]! < lists[i]!.items.length && (best === -1 || compareInOrder(lists[i]!.order, lists[i]!.items[at[i]!]!, lists[best]!.items[at[best]!]!) < 0)) best = i;
    }
    if (best === -1) return;
    yield { list: best, index: at[best]! };
    at[best]!++;
  }
}
