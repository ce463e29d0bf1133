import "reflect-metadata";
import { afterEach, describe, expect, it } from "@jest/globals";
import { createTelnyxAccount } from "../../src/providers/telnyx/telnyx-client.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { crossHeldFor } from "../../src/simulators/seed.js";
import { TelnyxSimulator } from "../../src/simulators/telnyx/index.js";
import { captureLogLines } from "../support/log-capture.js";
import { testBounds } from "../support/stack.js";
import { upstreamFailure } from "../support/upstream-error.js";
import { TEST_DEPS } from "../support/log-capture.js";

const KEY = SIM_CREDENTIALS.telnyx.apiKey;
const PATH = "GET /v2/phone_numbers";
/** Four full pages of 250 (the cross-held numbers count too). */
const FOUR_PAGES = 1000 - crossHeldFor("TELNYX").length;
/** Quick retries: a client that retried a 429 on its own backoff, not the reported reset, would be refused again. */
const tuning = { retryBaseDelayMs: 5, retries: 1, timeoutMs: 3000 };
/** A listing's bounds: a time budget of `budgetMs` (the waits below fit in 30 s), or a signal the test aborts. */
const bounds = (signal?: AbortSignal, budgetMs = 30_000) => testBounds({ budgetMs, maxPages: 100, ...(signal ? { signal } : {}) });

describe("Telnyx pacing: the client spends its window as x-ratelimit-* reports it, and waits for x-ratelimit-reset", () => {
  const sims: TelnyxSimulator[] = [];
  const logLines = captureLogLines();
  const start = async (limit: number, windowMs: number) => {
    const sim = new TelnyxSimulator({ numbers: FOUR_PAGES, rateLimit: { limit, windowMs }, enforceRateLimit: true });
    sims.push(sim);
    const baseUrl = `${await sim.start()}/v2`;
    return { sim, baseUrl, account: createTelnyxAccount({ accountId: "paced", apiKey: KEY, baseUrl, ...tuning }, TEST_DEPS) };
  };
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((s) => s.stop()));
  });

  it("lists 4 pages through a budget of 3 per 2 s: the fourth call waits for the reset instead of spending a 429", async () => {
    const { sim, account } = await start(3, 2000);
    const { numbers } = await account.listInventory(bounds());
    expect(numbers).toHaveLength(1000);
    expect(new Set(numbers.map((n) => n.e164)).size).toBe(1000);
    // Every call the enforcing simulator answered was inside a window with room: none was refused.
    expect(sim.statusCounts()).toEqual({ [`${PATH} 200`]: 4 });
  });

  it("waits out a 429 that carries no Retry-After until its x-ratelimit-reset, then completes, with that one 429 only", async () => {
    const { sim, baseUrl, account } = await start(3, 2000);
    // Another app on the same Telnyx account has just spent the window.
    for (let i = 0; i < 3; i++) expect((await fetch(`${baseUrl}/phone_numbers`, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(200);
    const { numbers } = await account.listInventory(bounds());
    expect(numbers).toHaveLength(1000);
    expect(sim.statusCounts()).toEqual({ [`${PATH} 200`]: 3 + 4, [`${PATH} 429`]: 1 });
  });

  it("fails at once, as UPSTREAM_RATE_LIMITED saying when to retry, when the reset comes after the listing's time budget is spent", async () => {
    const { sim, baseUrl, account } = await start(1, 60_000);
    expect((await fetch(`${baseUrl}/phone_numbers`, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(200);
    const error = await upstreamFailure(account.listInventory(bounds(undefined, 5_000)));
    expect(error.code).toBe("UPSTREAM_RATE_LIMITED");
    expect(error.details.retryAfterMs).toBeGreaterThan(5_000);
    expect(error.message).toMatch(/Telnyx's rate limit for account paced is spent; its window resets in \d+ s, after this listing's time budget runs out/);
    expect(sim.statusCounts()).toEqual({ [`${PATH} 200`]: 1, [`${PATH} 429`]: 1 });
    // The next listing does not knock again before the reset: no call at all.
    expect((await upstreamFailure(account.listInventory(bounds(undefined, 5_000)))).code).toBe("UPSTREAM_RATE_LIMITED");
    expect(sim.total()).toBe(2);
  });

  it("stops waiting when the listing's signal aborts it (the gateway stopping)", async () => {
    const { sim, baseUrl, account } = await start(1, 4000);
    expect((await fetch(`${baseUrl}/phone_numbers`, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(200);
    const deadline = new AbortController();
    const listing = account.listInventory(bounds(deadline.signal));
    // Abort once the 429 has been answered and the client is waiting for the reset.
    while (sim.total() < 2) await new Promise((r) => setTimeout(r, 10));
    deadline.abort();
    const error = await upstreamFailure(listing);
    expect(["UPSTREAM_RATE_LIMITED", "UPSTREAM_TIMEOUT"]).toContain(error.code);
    expect(error.message).toMatch(/was stopped|deadline/);
    expect(sim.total()).toBe(2);
  });

  it("wrote no API key to any log line in these tests", () => {
    expect(logLines.some((l) => l.includes("retrying upstream call"))).toBe(true); // the log was captured
    for (const line of logLines) expect(line).not.toContain(KEY);
  });
});
