import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { DashboardDocument } from "../generated/operations.js";
import { inventoryCounts, oneListingOfEach, startStack, TEST_TUNING, type Stack } from "../support/stack.js";

/** SPEC §6: one snapshot per account, listed once and read by every request of every caller. */
describe("snapshots are shared by every request", () => {
  let stack: Stack;
  beforeAll(async () => {
    // A generous per-call timeout: a retry on a loaded machine would count as a second call.
    stack = await startStack({ warm: false, tuning: { ...TEST_TUNING, timeoutMs: 15_000 } });
  });
  afterAll(() => stack?.stop());

  it("30 concurrent identical dashboards, arriving while the start-up listing runs, cost one listing per account", async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => stack.request(DashboardDocument, { first: 100, after: null, filter: null })));
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.phoneNumbers.nodes).toHaveLength(100);
    }
    expect(inventoryCounts(stack.sims)).toEqual(oneListingOfEach(stack.sims));
  });

  it("walking every page of the dashboard in pages of 100 costs no further call", async () => {
    stack.sims.resetCounts();
    let after: string | null = null;
    let seen = 0;
    let total = 0;
    do {
      const page: Awaited<ReturnType<typeof stack.request<{ phoneNumbers: { totalCount: number; nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }, never>>> = await stack.request(DashboardDocument, {
        first: 100,
        after,
        filter: null,
      });
      expect(page.errors).toBeUndefined();
      seen += page.data!.phoneNumbers.nodes.length;
      total = page.data!.phoneNumbers.totalCount;
      after = page.data!.phoneNumbers.pageInfo.hasNextPage ? page.data!.phoneNumbers.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toBe(total);
    expect(stack.sims.counts()).toEqual({});
  });

  it("says in extensions.freshness how old each account's snapshot is", async () => {
    const answer = await stack.request("{ phoneNumbers(first: 1, filter: { providers: [TELNYX, ZOOM] }) { totalCount } }");
    const freshness = answer.extensions!.freshness!;
    expect(freshness.map((f) => f.provider).sort()).toEqual(["TELNYX", "ZOOM"]);
    for (const entry of freshness) {
      expect(entry.stale).toBe(false);
      expect(entry.ageSeconds).toBeGreaterThanOrEqual(0);
      expect(Date.parse(entry.fetchedAt)).toBeLessThanOrEqual(Date.now());
    }
  });
});
