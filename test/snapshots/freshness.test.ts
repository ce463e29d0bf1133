import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { eventually, startStack, type Stack } from "../support/stack.js";

const TELNYX_LIST = "TELNYX GET /v2/phone_numbers";
const FIRST_TELNYX = "{ phoneNumbers(first: 1, filter: { providers: [TELNYX] }) { nodes { providerId displayName } } }";
type FirstTelnyx = { phoneNumbers: { nodes: { providerId: string; displayName: string | null }[] } };

/** SPEC §6 freshness: TTL with stale-while-revalidate, Cache-Control from the client, and a refresh floor. */
describe("snapshot freshness", () => {
  let stack: Stack;
  const pages = () => Math.ceil(stack.sims.telnyx.numbers.length / 250);
  beforeAll(async () => {
    stack = await startStack({ numbers: 300, snapshotPolicy: { ttlMs: 2_500, minRefreshMs: 0 } });
  });
  afterAll(() => stack?.stop());
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("within the TTL no request calls upstream; after it, the answer comes from the current snapshot and exactly one refresh follows", async () => {
    // A snapshot just fetched, so a slow machine cannot have aged it past the TTL already.
    await stack.request(FIRST_TELNYX, undefined, { "cache-control": "no-cache" });
    stack.sims.resetCounts();
    await Promise.all([stack.request(FIRST_TELNYX), stack.request(FIRST_TELNYX)]);
    expect(stack.sims.counts()).toEqual({});

    await sleep(2_600);
    const answers = await Promise.all(Array.from({ length: 5 }, () => stack.request(FIRST_TELNYX)));
    // Served at once from the old snapshot: its age is past the TTL.
    for (const answer of answers) expect(answer.extensions!.freshness![0]!.ageSeconds).toBeGreaterThanOrEqual(2.5);
    await eventually(() => stack.sims.telnyx.total() === pages());
    await sleep(200);
    expect(stack.sims.telnyx.counts()).toEqual({ "GET /v2/phone_numbers": pages() });
    expect(stack.sims.counts()[TELNYX_LIST]).toBe(pages());
  });

  it("Cache-Control: no-cache waits for a refresh and answers from it, not from the old snapshot", async () => {
    const first = stack.sims.telnyx.numbers.slice().sort((a, b) => (a.phone_number < b.phone_number ? -1 : 1))[0]!;
    const before = await stack.request<FirstTelnyx, never>(FIRST_TELNYX);
    expect(before.data!.phoneNumbers.nodes[0]!.providerId).toBe(first.id);
    first.customer_reference = `renamed-${Date.now()}`;
    stack.sims.resetCounts();
    const fresh = await stack.request<FirstTelnyx, never>(FIRST_TELNYX, undefined, { "cache-control": "no-cache" });
    expect(fresh.data!.phoneNumbers.nodes[0]!.displayName).toBe(first.customer_reference);
    expect(fresh.extensions!.freshness![0]!.ageSeconds).toBeLessThan(1);
    expect(stack.sims.counts()[TELNYX_LIST]).toBe(pages());
    // The refreshed snapshot now serves everyone.
    expect((await stack.request<FirstTelnyx, never>(FIRST_TELNYX)).data!.phoneNumbers.nodes[0]!.displayName).toBe(first.customer_reference);
  });

  it("max-age=N refreshes only snapshots older than N seconds", async () => {
    stack.sims.resetCounts();
    await stack.request(FIRST_TELNYX, undefined, { "cache-control": "max-age=60" });
    expect(stack.sims.counts()).toEqual({});
    await sleep(1_100);
    await stack.request(FIRST_TELNYX, undefined, { "cache-control": "max-age=1" });
    expect(stack.sims.counts()[TELNYX_LIST]).toBe(pages());
  });
});

describe("the refresh floor", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ numbers: 40, snapshotPolicy: { minRefreshMs: 60_000 } });
  });
  afterAll(() => stack?.stop());

  it("no caller gets an account listed more often than NUMBERGRAPH_MIN_REFRESH_SECONDS, whatever its headers ask", async () => {
    stack.sims.resetCounts();
    const answers = await Promise.all(Array.from({ length: 10 }, () => stack.request(FIRST_TELNYX, undefined, { "cache-control": "no-cache" })));
    for (const answer of answers) expect(answer.data).toBeTruthy();
    expect(stack.sims.counts()).toEqual({});
  });
});
