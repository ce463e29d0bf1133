import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { parseGatewayKeys } from "../../src/access/gateway-keys.js";
import { PROVIDERS } from "../../src/model/index.js";
import { scrape, total } from "../support/prometheus.js";
import { startStack, type Stack } from "../support/stack.js";

/** Requests each simulator served, per provider (token grants and pool lists included: they are upstream calls too). */
function servedPerProvider(stack: Stack): Record<string, number> {
  const served: Record<string, number> = Object.fromEntries(PROVIDERS.map((p) => [p, 0]));
  for (const [key, n] of Object.entries(stack.sims.counts())) {
    const provider = key.split(" ")[0]!;
    served[provider] = (served[provider] ?? 0) + n;
  }
  return served;
}

const BREAKER_COOLDOWN_MS = 5_000;
/** Accounts per provider in the simulators (HighLevel lists each of its three locations). */
const ACCOUNTS = { HIGHLEVEL: 3, TELNYX: 1, ZOOM: 1, BUTTER: 1 };

/** SPEC §8's /metrics: the counters move by exactly the upstream calls and GraphQL requests a known workload made. */
describe("/metrics (prom-client)", () => {
  let stack: Stack;
  let metricsUrl: string;
  beforeAll(async () => {
    // No refresh floor and no stale-if-error: `Cache-Control: no-cache` lists every account again, and a failed listing fails its provider.
    // A breaker cooldown long enough that the request right after the breaker opens finds it open.
    stack = await startStack({ numbers: 30, gatewayKeys: parseGatewayKeys("ops-91bc:*", "test"), snapshotPolicy: { minRefreshMs: 0, staleIfErrorMs: 0, breakerCooldownMs: BREAKER_COOLDOWN_MS } });
    metricsUrl = new URL("/metrics", stack.gateway.opsUrl).toString();
  });
  afterAll(() => stack?.stop());
  const key = { "x-api-key": "ops-91bc" };
  const fresh = { ...key, "cache-control": "no-cache" };

  it("counts every upstream attempt by provider and status, exactly as the simulators served them", async () => {
    const before = await scrape(metricsUrl);
    stack.sims.resetCounts();
    stack.sims.telnyx.setFaults({ failNext: 1 }); // one 500, then got retries it
    const answer = await stack.request("{ phoneNumbers(first: 5) { totalCount nodes { pools { name } } } }", undefined, fresh);
    expect(answer.errors).toBeUndefined();
    const after = await scrape(metricsUrl);
    const served = servedPerProvider(stack);
    for (const provider of PROVIDERS) {
      expect(served[provider]).toBeGreaterThan(0);
      const moved = total(after, "numbergraph_upstream_requests_total", { provider }) - total(before, "numbergraph_upstream_requests_total", { provider });
      expect([provider, moved]).toEqual([provider, served[provider]]);
      const timed = total(after, "numbergraph_upstream_request_duration_seconds_count", { provider }) - total(before, "numbergraph_upstream_request_duration_seconds_count", { provider });
      expect([provider, timed]).toEqual([provider, served[provider]]);
    }
    const telnyx500 = total(after, "numbergraph_upstream_requests_total", { provider: "TELNYX", status: "500" }) - total(before, "numbergraph_upstream_requests_total", { provider: "TELNYX", status: "500" });
    expect(telnyx500).toBe(1);
    expect(total(after, "numbergraph_upstream_request_duration_seconds_count", { provider: "TELNYX", endpoint: "GET /v2/phone_numbers" })).toBeGreaterThan(0);
    expect(total(after, "numbergraph_upstream_request_duration_seconds_count", { provider: "HIGHLEVEL", endpoint: "GET /phone-system/numbers/location/:account" })).toBeGreaterThan(0);
  });

  it("counts GraphQL requests by outcome", async () => {
    const before = await scrape(metricsUrl);
    await stack.request("{ phoneNumbers(first: 1) { totalCount } }", undefined, key); // ok
    await stack.request("{ phoneNumbers(first: 1) { totalCount } }", undefined, { "x-api-key": "nope" }); // unauthenticated
    await stack.request("{ phoneNumbers(first: 1) { totalCount }", undefined, key); // bad_request
    stack.sims.zoom.setFaults({ failureRate: 1 });
    try {
      await stack.request("{ phoneNumbers(first: 1, filter: { providers: [ZOOM, TELNYX] }) { totalCount } }", undefined, fresh); // partial
    } finally {
      stack.sims.resetFaults();
    }
    const after = await scrape(metricsUrl);
    const moved = (outcome: string) => total(after, "numbergraph_graphql_requests_total", { outcome }) - total(before, "numbergraph_graphql_requests_total", { outcome });
    expect({ ok: moved("ok"), partial: moved("partial"), unauthenticated: moved("unauthenticated"), bad_request: moved("bad_request"), error: moved("error") }).toEqual({
      ok: 1,
      partial: 1,
      unauthenticated: 1,
      bad_request: 1,
      error: 0,
    });
  });

  it("counts snapshot refreshes by provider and outcome, each with its duration", async () => {
    const before = await scrape(metricsUrl);
    // `no-cache` waits for a listing of every account in scope.
    expect((await stack.request("{ phoneNumbers(first: 1) { totalCount } }", undefined, fresh)).errors).toBeUndefined();
    stack.sims.telnyx.setFaults({ failureRate: 1 });
    try {
      const failed = await stack.request("{ phoneNumbers(first: 1, filter: { providers: [TELNYX] }) { totalCount } }", undefined, fresh);
      expect(failed.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    } finally {
      stack.sims.resetFaults();
    }
    const after = await scrape(metricsUrl);
    const moved = (name: string, labels: Record<string, string>) => total(after, name, labels) - total(before, name, labels);
    for (const provider of PROVIDERS) {
      expect([provider, moved("numbergraph_snapshot_refreshes_total", { provider, outcome: "listed" })]).toEqual([provider, ACCOUNTS[provider]]);
      expect([provider, moved("numbergraph_snapshot_refresh_duration_seconds_count", { provider, outcome: "listed" })]).toEqual([provider, ACCOUNTS[provider]]);
      expect([provider, moved("numbergraph_snapshot_refreshes_total", { provider, outcome: "failed" })]).toEqual([provider, provider === "TELNYX" ? 1 : 0]);
      expect([provider, moved("numbergraph_snapshot_refreshes_total", { provider, outcome: "adopted" })]).toEqual([provider, 0]);
    }
    expect(moved("numbergraph_snapshot_refresh_duration_seconds_count", { provider: "TELNYX", outcome: "failed" })).toBe(1);
    expect(moved("numbergraph_snapshot_refresh_duration_seconds_sum", { provider: "TELNYX", outcome: "listed" })).toBeGreaterThan(0);
  });

  it("counts response-cache hits, misses, bypasses and stored answers", async () => {
    // Every account servable (a failed refresh in an earlier test would make the cache step aside).
    expect((await stack.request("{ phoneNumbers(first: 1) { totalCount } }", undefined, fresh)).errors).toBeUndefined();
    const before = await scrape(metricsUrl);
    const query = "query CacheMetrics { phoneNumbers(first: 3) { totalCount nodes { e164 } } }";
    const first = await stack.request(query, undefined, key); // miss, then stored
    const second = await stack.request(query, undefined, key); // hit
    const third = await stack.request(query, undefined, fresh); // bypass: it asks for fresh data
    expect(second.data).toEqual(first.data);
    expect(third.data).toEqual(first.data);
    const after = await scrape(metricsUrl);
    const moved = (name: string, labels: Record<string, string> = {}) => total(after, name, labels) - total(before, name, labels);
    expect({
      hit: moved("numbergraph_response_cache_requests_total", { result: "hit" }),
      miss: moved("numbergraph_response_cache_requests_total", { result: "miss" }),
      bypass: moved("numbergraph_response_cache_requests_total", { result: "bypass" }),
    }).toEqual({
      hit: 1,
      miss: 1,
      bypass: 1,
    });
    expect(moved("numbergraph_response_cache_stored_total")).toBe(1);
    // The gateway's own tally agrees with what it exposes.
    expect(stack.gateway.responseCache!.hits).toBe(total(after, "numbergraph_response_cache_requests_total", { result: "hit" }));
  });

  it("counts a call held back by Telnyx's reported window as one rate-limit wait, with the seconds it waited", async () => {
    const before = await scrape(metricsUrl);
    stack.sims.resetCounts();
    // One 429 (code 10011, no Retry-After, x-ratelimit-reset 1 s): the retry waits for the reset.
    stack.sims.telnyx.setFaults({ rateLimitNext: 1, retryAfterSeconds: 1 });
    try {
      const answer = await stack.request("{ phoneNumbers(first: 1, filter: { providers: [TELNYX] }) { totalCount } }", undefined, fresh);
      expect(answer.errors).toBeUndefined();
    } finally {
      stack.sims.resetFaults();
    }
    expect(Object.entries(stack.sims.telnyx.statusCounts()).filter(([k]) => k.endsWith(" 429"))).toHaveLength(1);
    const after = await scrape(metricsUrl);
    const moved = (name: string, labels: Record<string, string>) => total(after, name, labels) - total(before, name, labels);
    for (const provider of PROVIDERS) {
      expect([provider, moved("numbergraph_rate_limit_waits_total", { provider })]).toEqual([provider, provider === "TELNYX" ? 1 : 0]);
    }
    expect(moved("numbergraph_rate_limit_waits_total", { provider: "TELNYX", source: "headers" })).toBe(1);
    expect(moved("numbergraph_rate_limit_wait_seconds_total", { provider: "TELNYX" })).toBeGreaterThan(0);
  });

  it("shows each account's breaker: open after repeated failed listings (then no call is made), closed again after a good probe", async () => {
    const telnyxOnly = "{ phoneNumbers(first: 1, filter: { providers: [TELNYX] }) { totalCount } }";
    const breaker = (samples: Map<string, number>, provider: string) => total(samples, "numbergraph_breaker_open", { provider });
    const start = await scrape(metricsUrl);
    expect(PROVIDERS.map((p) => [p, breaker(start, p)])).toEqual(PROVIDERS.map((p) => [p, 0]));
    stack.sims.telnyx.setFaults({ failureRate: 1 });
    try {
      for (let i = 0; i < 3; i++) await stack.request(telnyxOnly, undefined, fresh); // the default policy opens after 3 failed listings in a row
      const open = await scrape(metricsUrl);
      expect(PROVIDERS.map((p) => [p, breaker(open, p)])).toEqual(PROVIDERS.map((p) => [p, p === "TELNYX" ? 1 : 0]));
      stack.sims.resetCounts();
      const refused = await stack.request(telnyxOnly, undefined, fresh);
      expect(refused.errors?.[0]?.message).toMatch(/left alone/);
      expect(stack.sims.telnyx.total()).toBe(0);
      const after = await scrape(metricsUrl);
      expect(total(after, "numbergraph_snapshot_refreshes_total", { provider: "TELNYX", outcome: "breaker_open" }) - total(open, "numbergraph_snapshot_refreshes_total", { provider: "TELNYX", outcome: "breaker_open" })).toBe(1);
    } finally {
      stack.sims.resetFaults();
    }
    // After the cooldown one probe is let through; it succeeds and closes the breaker.
    await new Promise((r) => setTimeout(r, BREAKER_COOLDOWN_MS + 200));
    expect((await stack.request(telnyxOnly, undefined, fresh)).errors).toBeUndefined();
    const closed = await scrape(metricsUrl);
    expect(PROVIDERS.map((p) => [p, breaker(closed, p)])).toEqual(PROVIDERS.map((p) => [p, 0]));
  }, 30_000);

  it("is served without a key and costs no upstream call", async () => {
    stack.sims.resetCounts();
    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(stack.sims.counts()).toEqual({});
  });
});
