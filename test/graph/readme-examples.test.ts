import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { root } from "../support/main-process.js";
import { startStack, type Stack } from "../support/stack.js";

/** The README's "Asking the graph" examples, as written: each ```graphql block and the ```json answer after it. */
const section = (() => {
  const readme = readFileSync(`${root}README.md`, "utf8");
  return readme.slice(readme.indexOf("## Asking the graph"), readme.indexOf("\n## ", readme.indexOf("## Asking the graph") + 1));
})();
const blocks = [...section.matchAll(/```(graphql|json)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));
const examples = blocks.flatMap((b, i) => (b.lang === "graphql" && blocks[i + 1]?.lang === "json" ? [{ query: b.text, answer: JSON.parse(blocks[i + 1]!.text) as unknown }] : []));
/** The answer shown with no query block above it: Telnyx down, for the query the prose names. */
const telnyxDown = {
  query: `{ ${/`(phoneNumbers\(first: 1, filter: \{ search: "1212901" \}\))`/.exec(section)![1]} { totalCount nodes { e164 provider } } }`,
  answer: JSON.parse(blocks.filter((b) => b.lang === "json").find((b) => b.text.includes('"errors"'))!.text) as unknown,
};

/** `expected` with each string the README shortened ("WyJjMSIs…") replaced by the actual value it begins. */
function unabridged(expected: unknown, actual: unknown): unknown {
  if (typeof expected === "string" && expected.endsWith("…") && typeof actual === "string" && actual.startsWith(expected.slice(0, -1))) return actual;
  if (Array.isArray(expected)) return expected.map((e, i) => unabridged(e, Array.isArray(actual) ? actual[i] : undefined));
  if (expected && typeof expected === "object") {
    const a = (actual && typeof actual === "object" ? actual : {}) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, unabridged(v, a[k])]));
  }
  return expected;
}

/** The README answers over the built-in simulators (npm start with nothing configured): they must stay true. */
describe("the README's example answers", () => {
  let stack: Stack;
  beforeAll(async () => {
    // The demo's simulators at their default size (400 per account); no refresh floor and no stale-if-error, so a failed Telnyx shows.
    stack = await startStack({ numbers: 400, snapshotPolicy: { minRefreshMs: 0, staleIfErrorMs: 0 } });
  });
  afterAll(() => stack?.stop());

  it("finds the examples in the README", () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it("answers each query exactly as the README shows", async () => {
    for (const example of examples) {
      const { data, errors } = await stack.request(example.query);
      const actual = errors ? { errors, data } : { data };
      expect(actual).toEqual(unabridged(example.answer, actual));
    }
  });

  it("answers the Telnyx-down example as shown, errors with their path", async () => {
    stack.sims.telnyx.setFaults({ failureRate: 1 });
    try {
      const { data, errors } = await stack.request(telnyxDown.query, undefined, { "cache-control": "no-cache" });
      expect({ errors, data }).toEqual(unabridged(telnyxDown.answer, { errors, data }));
    } finally {
      stack.sims.resetFaults();
    }
  });
});
