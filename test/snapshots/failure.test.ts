import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { startStack, type Stack } from "../support/stack.js";

const BY_PROVIDER = "{ phoneNumbers(first: 1000) { nodes { provider } } }";
type ByProvider = { phoneNumbers: { nodes: { provider: string }[] } };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SPEC §6 stale-if-error: a failed refresh leaves the last good snapshot in service, marked stale. */
describe("a provider failing after a good snapshot", () => {
  let stack: Stack;
  beforeAll(async () => {
    // Every request revalidates (TTL 0), at most once a second per account, without retries inside a listing.
    stack = await startStack({ numbers: 60, tuning: { retries: 0, timeoutMs: 3000, retryBaseDelayMs: 5 }, snapshotPolicy: { ttlMs: 0, minRefreshMs: 1_000, staleIfErrorMs: 4_000, breakerFailures: 10 } });
  });
  afterEach(() => stack.sims.resetFaults());
  afterAll(() => stack?.stop());

  it("still serves its numbers, marked stale with age and code; five requests during the outage call it at most once more", async () => {
    // A snapshot just fetched, so a slow machine cannot have aged it past the stale-if-error bound already.
    await sleep(1_100);
    await stack.request(BY_PROVIDER, undefined, { "cache-control": "no-cache" });
    await sleep(1_100);
    stack.sims.telnyx.setFaults({ failureRate: 1 });
    stack.sims.resetCounts();
    // Five at once: however slow the machine, they fall inside one refresh floor.
    for (const answer of await Promise.all(Array.from({ length: 5 }, () => stack.request<ByProvider, never>(BY_PROVIDER)))) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.phoneNumbers.nodes.filter((n) => n.provider === "TELNYX").length).toBe(stack.sims.telnyx.numbers.length);
      const telnyx = answer.extensions!.freshness!.find((f) => f.provider === "TELNYX")!;
      expect(telnyx).toMatchObject({ stale: true, error: { code: "UPSTREAM_UNAVAILABLE" } });
      expect(telnyx.error!.message).toMatch(/Telnyx/);
      expect(telnyx.ageSeconds).toBeGreaterThan(1);
      expect(answer.extensions!.freshness!.filter((f) => f.stale).map((f) => f.provider)).toEqual(["TELNYX"]);
    }
    expect(stack.sims.telnyx.total()).toBe(1);
  });

  it("past NUMBERGRAPH_STALE_IF_ERROR_SECONDS the account fails as it does with no snapshot", async () => {
    stack.sims.telnyx.setFaults({ failureRate: 1 });
    await sleep(4_100);
    const answer = await stack.request<ByProvider, never>(BY_PROVIDER);
    expect(answer.data!.phoneNumbers.nodes.some((n) => n.provider === "TELNYX")).toBe(false);
    expect(answer.errors?.map((e) => [e.extensions?.code, e.extensions?.provider])).toEqual([["UPSTREAM_UNAVAILABLE", "TELNYX"]]);

    stack.sims.telnyx.resetFaults();
    await sleep(1_100);
    const whole = await stack.request<ByProvider, never>(BY_PROVIDER);
    expect(whole.errors).toBeUndefined();
    expect(whole.extensions!.freshness!.every((f) => !f.stale)).toBe(true);
  });
});

describe("the circuit breaker", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      numbers: 30,
      tuning: { retries: 0, timeoutMs: 3000 },
      snapshotPolicy: { ttlMs: 0, minRefreshMs: 0, breakerFailures: 3, breakerCooldownMs: 60_000 },
      beforeGateway: (sims) => sims.butter.setFaults({ failureRate: 1 }),
    });
  });
  afterAll(() => stack?.stop());

  it("one failed cold listing does not open it; three in a row do, and then the provider is left alone", async () => {
    expect(stack.gateway.snapshots.status().find((s) => s.provider === "BUTTER")).toMatchObject({ state: "failed", breaker: "closed" });
    await stack.request(BY_PROVIDER);
    await stack.request(BY_PROVIDER);
    expect(stack.gateway.snapshots.status().find((s) => s.provider === "BUTTER")!.breaker).toBe("open");
    stack.sims.resetCounts();
    const answer = await stack.request<ByProvider, never>(BY_PROVIDER);
    expect(stack.sims.butter.total()).toBe(0);
    const butter = answer.errors!.find((e) => e.extensions?.provider === "BUTTER")!;
    expect(butter.message).toMatch(/failed 3 listings in a row, so it is left alone for 60 s/);
    expect(answer.data!.phoneNumbers.nodes.some((n) => n.provider === "TELNYX")).toBe(true);
  });
});
