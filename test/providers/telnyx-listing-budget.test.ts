import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { ListingBounds } from "../../src/model/index.js";
import { GatewayMetrics } from "../../src/observability/metrics.js";
import { createTelnyxAccount } from "../../src/providers/telnyx/telnyx-client.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { crossHeldFor } from "../../src/simulators/seed.js";
import { TelnyxSimulator } from "../../src/simulators/telnyx/index.js";
import { SnapshotService } from "../../src/snapshots/snapshot-service.js";
import { captureLogLines, TEST_DEPS, testLogger } from "../support/log-capture.js";
import { eventually, testBounds } from "../support/stack.js";
import { everythingIn, upstreamFailure } from "../support/upstream-error.js";

const KEY = SIM_CREDENTIALS.telnyx.apiKey;
const PATH = "GET /v2/phone_numbers";
/** Seven full pages of 250 (the cross-held numbers count too): more pages than one window of 5 allows. */
const SEVEN_PAGES = 7 * 250 - crossHeldFor("TELNYX").length;
const tuning = { retryBaseDelayMs: 5, retries: 1, timeoutMs: 3000 };

/** Bounds as the snapshot service gives them: a signal that aborts when the budget is spent, and when that is. */
const budgetOf = (ms: number): ListingBounds => testBounds({ budgetMs: ms, maxPages: 100 });

describe("a wait for Telnyx's window to reset is bounded by what is left of the listing's time budget", () => {
  const sims: TelnyxSimulator[] = [];
  const logLines = captureLogLines();
  let metrics: GatewayMetrics;
  beforeAll(() => {
    metrics = new GatewayMetrics();
  });
  afterAll(() => metrics.stop());
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((s) => s.stop()));
  });

  /** A Telnyx account whose window is 5 calls per `windowMs`, enforced with 429s (no Retry-After) past it. */
  const start = async (windowMs: number, accountId: string) => {
    const sim = new TelnyxSimulator({ numbers: SEVEN_PAGES, rateLimit: { limit: 5, windowMs }, enforceRateLimit: true });
    sims.push(sim);
    const baseUrl = `${await sim.start()}/v2`;
    return { sim, account: createTelnyxAccount({ accountId, apiKey: KEY, baseUrl, ...tuning }, TEST_DEPS) };
  };
  const headerWaits = async (accountId: string) => (await metrics.rateLimitWaits.get()).values.find((v) => v.labels.account === accountId && v.labels.source === "headers")?.value ?? 0;

  it("lists 7 pages through a window of 5 per 11 s within a budget of 60 s: the 2 calls past the window wait for its reset, none is refused", async () => {
    // A reset further off than the 10 s a wait used to be bounded by, well within the budget.
    const { sim, account } = await start(11_000, "long-budget");
    const { numbers } = await account.listInventory(budgetOf(60_000));
    expect(numbers).toHaveLength(7 * 250);
    expect(new Set(numbers.map((n) => n.e164)).size).toBe(7 * 250);
    // The minimum pages, and no call sent into a spent window.
    expect(sim.statusCounts()).toEqual({ [`${PATH} 200`]: 7 });
    // Pages 6 and 7 were held back by the window x-ratelimit-* reported: two waits in the metrics.
    expect(await headerWaits("long-budget")).toBe(2);
  });

  it("fails at once, before its budget of 5 s runs out, when the window resets in 30 s: UPSTREAM_RATE_LIMITED saying when, and nothing sent past the window", async () => {
    const { sim, account } = await start(30_000, "short-budget");
    const bounds = budgetOf(5_000);
    const error = await upstreamFailure(account.listInventory(bounds));
    // Refused, not timed out: the listing did not sit out its budget waiting for a reset it could not use.
    expect(bounds.signal.aborted).toBe(false);
    expect(error.code).toBe("UPSTREAM_RATE_LIMITED");
    expect(error.message).toMatch(/^Telnyx's rate limit for account short-budget is spent; its window resets in \d+ s, after this listing's time budget runs out \(in \d+ s\)\. Retry in \d+ s, or raise NUMBERGRAPH_LISTING_BUDGET_SECONDS/);
    expect(error.details.retryAfterMs).toBeGreaterThan(5_000);
    expect(error.details.retryAfterMs).toBeLessThanOrEqual(30_000);
    // The calls sent inside the window (in flight when page 6 was refused) are answered; nothing past it is sent.
    await eventually(() => sim.total() >= 5);
    expect(sim.statusCounts()).toEqual({ [`${PATH} 200`]: 5 });
    expect(everythingIn(error)).not.toContain(KEY);
    expect(await headerWaits("short-budget")).toBe(0);
  });

  it("takes the budget from NUMBERGRAPH_LISTING_BUDGET_SECONDS through the snapshot service: 2 s left, a reset in 30 s fails the listing as rate-limited, and the next listing sends nothing", async () => {
    const { sim, account } = await start(30_000, "service-short");
    const refresh = async () => {
      const service = new SnapshotService([account], { policy: { listingBudgetMs: 2_000 }, logger: testLogger });
      await service.warmAll();
      await service.stop();
      return service.status()[0]!;
    };
    const first = await refresh();
    expect(first.state).toBe("failed");
    expect(first.lastError).toEqual({ code: "UPSTREAM_RATE_LIMITED", message: expect.stringMatching(/its window resets in \d+ s, after this listing's time budget runs out \(in [0-2] s\).*NUMBERGRAPH_LISTING_BUDGET_SECONDS/) });
    await eventually(() => sim.total() >= 5);
    expect(sim.statusCounts()).toEqual({ [`${PATH} 200`]: 5 });
    // Within the same window the next listing knows it cannot wait, and asks nothing.
    expect((await refresh()).lastError?.code).toBe("UPSTREAM_RATE_LIMITED");
    expect(sim.total()).toBe(5);
  });

  it("wrote no API key to any log line in these tests", () => {
    for (const line of logLines) expect(line).not.toContain(KEY);
  });
});
