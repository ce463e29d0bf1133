import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { NumberRecord } from "../../src/model/index.js";
import { startSimulators, type RunningSimulators } from "../../src/simulators/start-all.js";
import { shareRepeatedValues } from "../../src/snapshots/shared-values.js";
import { numberFields } from "../support/number-fields.js";
import { listNumbers, testAccounts } from "../support/stack.js";

/** Every object and array reachable from `value`, with the path it was found at. */
function objectsIn(value: unknown, path: string, found: [string, object][] = []): [string, object][] {
  if (value === null || typeof value !== "object") return found;
  found.push([path, value]);
  for (const [name, item] of Object.entries(value)) objectsIn(item, Array.isArray(value) ? `${path}[]` : `${path}.${name}`, found);
  return found;
}

describe("a snapshot build shares the values its records repeat", () => {
  let sims: RunningSimulators;
  let listed: NumberRecord[];
  let before: string[];

  beforeAll(async () => {
    sims = await startSimulators({ numbers: 1_500 });
    listed = (await Promise.all(testAccounts(sims).map((a) => listNumbers(a)))).flat();
    before = listed.map((n) => JSON.stringify(numberFields(n)));
    for (const provider of new Set(listed.map((n) => n.provider))) shareRepeatedValues(listed.filter((n) => n.provider === provider));
  });
  afterAll(() => sims.stop());

  it("changes no value a reader sees", () => {
    expect(listed.map((n) => JSON.stringify(numberFields(n)))).toEqual(before);
  });

  it("makes equal small objects and arrays one object per place in the record: capabilities, assignees and the details' own", () => {
    // Per place (e.g. details.capability), how many equal-by-content values remain separate objects.
    const separate = new Map<string, Map<string, Set<object>>>();
    const occurrences = new Map<string, number>();
    for (const n of listed) {
      for (const [path, object] of objectsIn({ capabilities: n.capabilities, assignee: n.assignee, details: n.details }, n.provider)) {
        const byContent = separate.get(path) ?? new Map<string, Set<object>>();
        separate.set(path, byContent);
        occurrences.set(path, (occurrences.get(path) ?? 0) + 1);
        const key = JSON.stringify(object);
        byContent.set(key, (byContent.get(key) ?? new Set()).add(object));
      }
    }
    // Where values mostly repeat (at most a quarter distinct), each value is one object; where they are mostly
    // distinct (assignees at Zoom, one per number) the place may be given up, which costs little.
    const repeating = [...separate].filter(([path, byContent]) => byContent.size <= occurrences.get(path)! / 4);
    expect(repeating.map(([path]) => path)).toEqual(expect.arrayContaining(["TELNYX.capabilities", "TELNYX.details.tags", "ZOOM.details.capability", "HIGHLEVEL.details.linkedRingAllUsers"]));
    expect(repeating.filter(([, byContent]) => [...byContent.values()].some((objects) => objects.size > 1)).map(([path]) => path)).toEqual([]);
  });
});
