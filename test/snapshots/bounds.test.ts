import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { eventually, startStack, type Stack } from "../support/stack.js";

const BY_PROVIDER = "{ phoneNumbers(first: 1000) { nodes { provider } } }";
type ByProvider = { phoneNumbers: { nodes: { provider: string }[] } };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SPEC §6 bounds: a request deadline, and a page cap and time budget per listing. */
describe("bounded waits and listings", () => {
  let stack: Stack;
  beforeAll(async () => {
    // The request below shares the start-up listings (the refresh floor keeps it from starting its own).
    stack = await startStack({
      numbers: 40,
      warm: false,
      tuning: { retries: 0, timeoutMs: 20_000 },
      snapshotPolicy: { deadlineMs: 2_500, maxPages: 10, listingBudgetMs: 6_000, minRefreshMs: 60_000 },
      beforeGateway: (sims) => {
        sims.highlevel.setFaults({ hangMs: 15_000 });
        sims.butter.endlessCursor = true;
        sims.telnyx.claimedTotalPages = 200_000;
      },
    });
  });
  afterAll(() => stack?.stop());

  it("answers at the deadline, long before the hung provider would, with the others' data and UPSTREAM_TIMEOUT for it; an endless cursor and an absurd total_pages stop at the page cap", async () => {
    const answer = await stack.request<ByProvider, never>(BY_PROVIDER);
    // The answer did not wait for the hung provider: HighLevel (answering after 15 s, its listing budget 6 s) is still listing
    // when it arrives. Order, not a clock: how long the deadline takes on this machine is not this test's to assert.
    expect(
      stack.gateway.snapshots
        .status()
        .filter((s) => s.provider === "HIGHLEVEL")
        .map((s) => s.state),
    ).toEqual(["loading", "loading", "loading"]);
    expect(new Set(answer.data!.phoneNumbers.nodes.map((n) => n.provider))).toEqual(new Set(["ZOOM"]));
    const byProvider = Object.fromEntries(answer.errors!.map((e) => [e.extensions?.provider, e]));
    expect(byProvider.HIGHLEVEL!.extensions!.code).toBe("UPSTREAM_TIMEOUT");
    expect(byProvider.HIGHLEVEL!.message).toMatch(/NUMBERGRAPH_DEADLINE_SECONDS/);
    expect(byProvider.TELNYX!.extensions!.code).toBe("UPSTREAM_BAD_RESPONSE");
    expect(byProvider.TELNYX!.message).toMatch(/claimed 200000 pages.*page cap of 10/);
    // Butter's listing ran into the cap (or, on a slow machine, is still paging towards it within the deadline).
    expect(["UPSTREAM_BAD_RESPONSE", "UPSTREAM_TIMEOUT"]).toContain(byProvider.BUTTER!.extensions!.code);
    expect(stack.sims.telnyx.total()).toBe(1);
  });

  it("stops paging at the cap, and stops a hung listing at its time budget: nothing goes on after", async () => {
    await eventually(() => stack.gateway.snapshots.status().every((s) => s.state !== "loading"), 10_000);
    expect(stack.sims.butter.total()).toBe(10);
    const butter = stack.gateway.snapshots.status().find((s) => s.provider === "BUTTER")!;
    expect(butter.lastError!.message).toMatch(/kept paging past 10 pages/);
    const highlevel = stack.gateway.snapshots.status().filter((s) => s.provider === "HIGHLEVEL");
    for (const location of highlevel) expect(location.lastError!.message).toMatch(/NUMBERGRAPH_LISTING_BUDGET_SECONDS/);
    const calls = stack.sims.counts();
    await sleep(500);
    expect(stack.sims.counts()).toEqual(calls);
  });
});
