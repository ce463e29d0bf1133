import { fieldOf, type GroupValues, type NumberDimension } from "./number-dimension.js";

/** A group: its count, and the value of each grouped-by field (the others absent, served as null). */
export type Group = { count: number } & Partial<GroupValues>;

export interface Stats {
  total: number;
  groups: Group[];
}

/**
 * Count `numbers` by the fields of `dimensions`, in one pass with one counter per distinct
 * combination. Groups come out by count, largest first; ties in the order of their values, so the
 * answer is the same every time for the same data.
 */
export function countGroups(numbers: Iterable<GroupValues>, dimensions: readonly NumberDimension[]): Stats {
  const fields = [...new Set(dimensions)].map(fieldOf);
  const counters = new Map<string, Group>();
  let total = 0;
  for (const n of numbers) {
    total++;
    const values = fields.map((f) => n[f]);
    const key = JSON.stringify(values);
    const group = counters.get(key);
    if (group) group.count++;
    else counters.set(key, { count: 1, ...Object.fromEntries(fields.map((f, i) => [f, values[i]])) });
  }
  const groups = [...counters.entries()].sort(([ka, a], [kb, b]) => b.count - a.count || (ka < kb ? -1 : ka > kb ? 1 : 0)).map(([, g]) => g);
  return { total, groups };
}
