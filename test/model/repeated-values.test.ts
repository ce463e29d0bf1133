import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { RepeatedValues, revivedNumberRecord, type NumberRecord } from "../../src/model/index.js";
import { startSimulators, type RunningSimulators } from "../../src/simulators/start-all.js";
import { numberFields } from "../support/number-fields.js";
import { listNumbers, testAccounts } from "../support/stack.js";

/** Every object and array reachable from `value`, with the path it was found at. */
function objectsIn(value: unknown, path: string, found: [string, object][] = []): [string, object][] {
  if (value === null || typeof value !== "object") return found;
  found.push([path, value]);
  for (const [name, item] of Object.entries(value)) objectsIn(item, Array.isArray(value) ? `${path}[]` : `${path}.${name}`, found);
  return found;
}

/**
 * The places (e.g. `TELNYX.details.tags`) where values mostly repeat within an account, and those of them
 * where an account still holds equal values as separate objects.
 */
function sharing(records: readonly NumberRecord[]): { repeating: string[]; unshared: string[] } {
  const separate = new Map<string, Map<string, Set<object>>>();
  const occurrences = new Map<string, number>();
  for (const n of records) {
    for (const [place, object] of objectsIn({ capabilities: n.capabilities, assignee: n.assignee, details: n.details }, n.provider)) {
      const path = `${place} ${n.accountId}`;
      const byContent = separate.get(path) ?? new Map<string, Set<object>>();
      separate.set(path, byContent);
      occurrences.set(path, (occurrences.get(path) ?? 0) + 1);
      const key = JSON.stringify(object);
      byContent.set(key, (byContent.get(key) ?? new Set()).add(object));
    }
  }
  // Where values mostly repeat (at most a quarter distinct), each value should be one object; where they are mostly
  // distinct (assignees at Zoom, one per number) the place may be given up, which costs little.
  const repeating = [...separate].filter(([path, byContent]) => byContent.size <= occurrences.get(path)! / 4);
  const places = (paths: [string, unknown][]) => [...new Set(paths.map(([path]) => path.split(" ")[0]!))];
  return { repeating: places(repeating), unshared: places(repeating.filter(([, byContent]) => [...byContent.values()].some((objects) => objects.size > 1))) };
}

const PLACES_THAT_REPEAT = ["TELNYX.capabilities", "TELNYX.details.tags", "ZOOM.details.capability", "HIGHLEVEL.details.linkedRingAllUsers"];

describe("repeated values in an account's records are shared", () => {
  let sims: RunningSimulators;
  let listed: NumberRecord[];

  beforeAll(async () => {
    sims = await startSimulators({ numbers: 1_500 });
    listed = (await Promise.all(testAccounts(sims).map((a) => listNumbers(a)))).flat();
  });
  afterAll(() => sims.stop());

  it("by every listing, page by page: each repeated capability set, assignee and details value is one object per account", () => {
    const { repeating, unshared } = sharing(listed);
    expect(repeating).toEqual(expect.arrayContaining(PLACES_THAT_REPEAT));
    expect(unshared).toEqual([]);
  });

  it("without changing a value a reader sees (records as a snapshot store hands them back, unshared, then shared)", () => {
    // Through JSON, as from Redis: every string and object its own copy again.
    const copies = listed.map((n) => revivedNumberRecord(JSON.parse(JSON.stringify(n)) as NumberRecord));
    expect(sharing(copies).unshared).toEqual(expect.arrayContaining(PLACES_THAT_REPEAT));
    const before = copies.map((n) => JSON.stringify(numberFields(n)));
    for (const account of new Set(copies.map((n) => `${n.provider} ${n.accountId}`))) new RepeatedValues().share(copies.filter((n) => `${n.provider} ${n.accountId}` === account));
    expect(copies.map((n) => JSON.stringify(numberFields(n)))).toEqual(before);
    expect(sharing(copies).unshared).toEqual([]);
  });
});
