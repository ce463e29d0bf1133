import { setFlagsFromString } from "node:v8";

/**
 * How far V8 lets its heap grow past what the last full collection kept, before it collects again.
 * V8 ties this factor to the heap's ceiling: on a host where the ceiling is 2 GB or more it is up to
 * 4×, which suits a process that keeps little, not one holding ~160 MB of snapshots at 50,000
 * numbers per account. A cold listing promotes garbage steadily (mapped pages, requests sat out
 * under rate budgets); with a 4× factor the heap reached ~500 MB before one full collection,
 * against ~200 MB live (docs/operations.md, "Memory"). 60 % is the factor V8 itself picks for a
 * 1 GB heap, without its out-of-memory ceiling: a larger inventory still gets all the heap it needs.
 *
 * V8 reads the setting at every full collection, so setting it once at start-up, before the first
 * listing, is enough; 0 leaves V8's own policy.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
