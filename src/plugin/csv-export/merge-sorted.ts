/** A list in the graph's order with each item's sort key beside it (the snapshots' SortedList). */
export interface Sorted<T> {
  items: readonly T[];
  keys: readonly string[];
}

/**
 * Walk several sorted lists as one, in key order, without copying them: the export streams every
 * account's matching numbers in the graph's stable order, each with the source (snapshot) it came
 * from. k is the number of accounts (small), so a linear scan of the heads beats a heap.
 */
export function* mergeSorted<T, S>(lists: readonly { list: Sorted<T>; source: S }[]): Generator<{ item: T; source: S }> {
  const at = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (at[i]! >= lists[i]!.list.items.length) continue;
      if (best === -1 || lists[i]!.list.keys[at[i]!]! < lists[best]!.list.keys[at[best]!]!) best = i;
    }
    if (best === -1) return;
    yield { item: lists[best]!.list.items[at[best]!]!, source: lists[best]!.source };
    at[best]!++;
  }
}
