import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { getIntrospectionQuery } from "graphql";
import { DEFAULT_MAX_QUERY_COST } from "../../src/plugin/query-cost/index.js";
import { DashboardDocument, NumberAcrossProvidersDocument, PoolsWithMembersDocument } from "../generated/operations.js";
import { startStack, type Stack } from "../support/stack.js";

/** Each number's pools with each pool's members: priced 1,000 × (1 connection + 1 number + 2 pools × (1 + 25 members × 2)) = 104,000 objects at first=1000. */
const POOLS_OF_EVERY_NUMBER = "query($first: Int) { phoneNumbers(first: $first) { nodes { e164 pools { name numbers { e164 assignee { name } } } } } }";
/** The same, one level deeper: 1,000 × 2 × 25 × 2 × 25 objects and more. */
const POOLS_OF_POOLS = "{ phoneNumbers(first: 1000) { nodes { pools { numbers { pools { numbers { e164 } } } } } } }";

describe("an operation that could return too many objects is refused before any provider is called", () => {
  let stack: Stack;
  let strict: Stack;
  beforeAll(async () => {
    [stack, strict] = await Promise.all([startStack({ numbers: 50, documentLimits: { tokens: 100_000 } }), startStack({ numbers: 50, maxQueryCost: 100_000 })]);
  });
  afterAll(() => Promise.all([stack?.stop(), strict?.stop()]));

  it("says with HTTP 400 and BAD_USER_INPUT what it would cost, what the limit is and how to ask for less", async () => {
    strict.sims.resetCounts();
    const refused = await strict.request(POOLS_OF_EVERY_NUMBER, { first: 1000 });
    expect(refused.status).toBe(400);
    expect(refused.data).toBeUndefined();
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", cost: 104_000, maxCost: 100_000 });
    expect(refused.errors![0]!.message).toMatch(/could return about 104000 objects; the gateway answers at most 100000 .*a smaller `first`/);
    expect(strict.sims.counts()).toEqual({});

    // The same question in pages of 100 is well within the limit, and answered.
    const paged = await strict.request<{ phoneNumbers: { nodes: unknown[] } }, { first: number }>(POOLS_OF_EVERY_NUMBER, { first: 100 });
    expect(paged.errors).toBeUndefined();
    expect(paged.data!.phoneNumbers.nodes).toHaveLength(100);
  });

  it("serves the repo's dashboard and analyst operations at their largest page, and the IDE's introspection, under the default limit", async () => {
    expect(DEFAULT_MAX_QUERY_COST).toBe(200_000);
    for (const [document, variables] of [
      [DashboardDocument, { first: 1000 }],
      [PoolsWithMembersDocument, { first: 1000 }],
      [NumberAcrossProvidersDocument, {}],
      [getIntrospectionQuery({ descriptions: true, directiveIsRepeatable: true, inputValueDeprecation: true }), {}],
      [POOLS_OF_EVERY_NUMBER, { first: 1000 }],
    ] as const) {
      const result = await stack.request(document, variables as never);
      expect([result.status, result.errors]).toEqual([200, undefined]);
    }
    const refused = await stack.request(POOLS_OF_POOLS);
    expect([refused.status, refused.errors![0]!.extensions!.code, refused.errors![0]!.extensions!.maxCost]).toEqual([400, "BAD_USER_INPUT", DEFAULT_MAX_QUERY_COST]);
  });

  it("remembers a price whatever the strings in the variables (a cursor, a search), but never across page sizes or list lengths", async () => {
    strict.sims.resetCounts();
    const pageAfter = "query($first: Int, $after: String) { phoneNumbers(first: $first, after: $after) { nodes { e164 pools { name numbers { e164 assignee { name } } } } } }";
    for (const after of [null, "not-a-cursor", "another"]) {
      const refused = await strict.request(pageAfter, { first: 1000, after });
      expect([refused.status, refused.errors![0]!.extensions!.cost]).toEqual([400, 104_000]);
    }
    expect(strict.sims.counts()).toEqual({});
    // 1,000 ids at 1 + 2 × (1 + 25 × 2) = 103 objects each, over the limit; 900 of them are under it.
    const byIds = "query($ids: [ID!]!) { phoneNumbersByIds(ids: $ids) { e164 pools { name numbers { e164 assignee { name } } } } }";
    const ids = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}`);
    const priced = async (n: number, tag: string) => (await strict.request(byIds, { ids: ids(n, tag) })).errors?.find((e) => e.extensions?.cost !== undefined)?.extensions?.cost;
    expect(await priced(900, "a")).toBeUndefined();
    expect(await priced(1000, "a")).toBe(103_000);
    expect(await priced(900, "b")).toBeUndefined();
    expect(await priced(1000, "b")).toBe(103_000);
  });

  it("prices a first out of range as the largest page, so the resolver's own message says what is wrong with it", async () => {
    const result = await stack.request("{ phoneNumbers(first: 100000000) { nodes { pools { numbers { e164 } } } } }");
    expect(result.errors![0]!.message).toMatch(/first must be from 1 to 1000; got 100000000/);
  });

  it("leaves variables that do not fit the operation to GraphQL's own error", async () => {
    const result = await stack.request("query($first: Int!) { phoneNumbers(first: $first) { totalCount } }", {});
    expect(result.status).toBe(400);
    expect(result.errors![0]!.message).toMatch(/Variable "\$first" of required type "Int!" was not provided/);
  });

  it("refuses an operation of more than 10,000 selections, however cheap each one (with the token limit raised above it)", async () => {
    stack.sims.resetCounts();
    const wide = `{ ${Array.from({ length: 10_001 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    const result = await stack.request(wide);
    expect(result.status).toBe(400);
    expect(result.errors![0]!.message).toMatch(/more than 10000 selections; split it/);
    expect(stack.sims.counts()).toEqual({});
  });
});
