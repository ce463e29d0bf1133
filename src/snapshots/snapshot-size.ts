import type { SnapshotData } from "./account-snapshot.js";

/** Records sampled per list: enough for a steady average, few enough to cost nothing. */
const SAMPLE = 32;
/**
 * Bytes per record beyond its JSON text: the object itself, its entries in the indexes (by key, by
 * E.164, pool membership) and the filtered views' references.
 */
const PER_RECORD_OVERHEAD = 600;

const estimates = new WeakMap<readonly unknown[], number>();

/**
 * Roughly how much memory an indexed snapshot holds: the records' JSON length (sampled, at two
 * bytes a character as JavaScript strings are) plus a fixed overhead per record. An estimate, cheap
 * and the same on every instance for the same data; what NUMBERGRAPH_CACHE_MAX_MB is counted in.
 * Remembered per record list, so a re-stamped snapshot (same content) costs nothing to size again.
 */
export function estimateSnapshotBytes(snapshot: Pick<SnapshotData, "numbers" | "pools">): number {
  return listBytes(snapshot.numbers) + listBytes(snapshot.pools) + 1_024;
}

function listBytes(records: readonly unknown[]): number {
  const known = estimates.get(records);
  if (known !== undefined) return known;
  let sampled = 0;
  const step = Math.max(1, Math.floor(records.length / SAMPLE));
  let count = 0;
  for (let i = 0; i < records.length && count < SAMPLE; i += step, count++) sampled += JSON.stringify(records[i]).length;
  const bytes = count === 0 ? 0 : Math.round((sampled / count) * 2 * records.length + PER_RECORD_OVERHEAD * records.length);
  estimates.set(records, bytes);
  return bytes;
}
