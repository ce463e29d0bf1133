import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { root } from "../support/main-process.js";
import { startStack, type Stack } from "../support/stack.js";

/** Alias, depth, token and directive bombs: refused before anything runs, with no provider called, while the server keeps serving. */
describe("document limits (graphql-armor rules, graphql-js's token limit)", () => {
  let stack: Stack;
  let tuned: Stack;
  beforeAll(async () => {
    stack = await startStack({ numbers: 20 });
    tuned = await startStack({ numbers: 20, documentLimits: { aliases: 2, depth: 3, tokens: 40, directives: 1 } });
  });
  afterAll(async () => {
    await stack?.stop();
    await tuned?.stop();
  });

  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: phoneNumbers(first: 1) { totalCount }`).join(" ")} }`;
  const deep = (n: number) => `{ phoneNumbers(first: 1) { nodes { ${"alsoHeldAt { ".repeat(n)}id${" }".repeat(n)} } } }`;
  const directives = (n: number) => `{ phoneNumbers(first: 1) { ${Array.from({ length: n }, () => "totalCount @include(if: true)").join(" ")} } }`;
  const tokens = (n: number) => `{ phoneNumbersByIds(ids: [${Array.from({ length: n }, (_, i) => `"id${i}"`).join(", ")}]) { id } }`;

  it.each([
    ["300 aliases", aliases(300), /This operation has 300 aliases; the gateway accepts at most 30 \(NUMBERGRAPH_MAX_ALIASES\)/],
    ["nesting 40 deep", deep(40), /levels of nesting; the gateway accepts at most 12 \(NUMBERGRAPH_MAX_DEPTH\)/],
    ["200 directives", directives(200), /This operation has 200 directives; the gateway accepts at most 50 \(NUMBERGRAPH_MAX_DIRECTIVES\)/],
    ["10,000 tokens", tokens(10_000), /more than 5000 tokens; the gateway accepts at most 5000 \(NUMBERGRAPH_MAX_TOKENS\). Pass long lists as variables/],
  ])("refuses %s with 400 BAD_REQUEST and calls no provider", async (_name, query, message) => {
    stack.sims.resetCounts();
    const answer = await stack.request(query);
    expect(answer.status).toBe(400);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]!.extensions?.code).toBe("BAD_REQUEST");
    expect(answer.errors![0]!.message).toMatch(message);
    expect(stack.sims.counts()).toEqual({});
    // …and the server goes on serving.
    const after = await stack.request("{ phoneNumbers(first: 1) { totalCount } }");
    expect(after.errors).toBeUndefined();
  });

  it("lets the dashboard and every analyst query through at the defaults", async () => {
    const dashboard = readFileSync(`${root}operations/dashboard.graphql`, "utf8");
    expect((await stack.request(dashboard, { first: 1000 } as never)).errors).toBeUndefined();
    const analyst = readFileSync(`${root}operations/analyst.graphql`, "utf8");
    const answer = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: analyst, operationName: "PoolsWithMembers" }),
    });
    expect(((await answer.json()) as { errors?: unknown }).errors).toBeUndefined();
  });

  it("takes its limits from the NUMBERGRAPH_MAX_* settings", async () => {
    tuned.sims.resetCounts();
    const answers = await Promise.all([tuned.request(aliases(3)), tuned.request(deep(3)), tuned.request(directives(2)), tuned.request(tokens(50))]);
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400]);
    expect(answers.map((a) => /at most (\d+)/.exec(a.errors![0]!.message)?.[1])).toEqual(["2", "3", "1", "40"]);
    expect(tuned.sims.counts()).toEqual({});
    expect((await tuned.request(aliases(2))).errors).toBeUndefined();
  });
});
