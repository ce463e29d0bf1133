import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { parseGatewayKeys } from "../../src/access/gateway-keys.js";
import { PROVIDERS } from "../../src/model/index.js";
import { scrape, total } from "../support/prometheus.js";
import { startStack, type Stack } from "../support/stack.js";

/** Requests each simulator served, per provider (token grants and pool lists included: they are upstream calls too). */
function servedPerProvider(stack: Stack): Record<string, number> {
  const served: Record<string, number> = Object.fromEntries(PROVIDERS.map((p) => [p, 0]));
  for (const [key, n] of Object.entries(stack.sims.counts())) served[key.split(" ")[0]!] += n;
  return served;
}

/** SPEC §8's /metrics: the counters move by exactly the upstream calls and GraphQL requests a known workload made. */
describe("/metrics (prom-client)", () => {
  let stack: Stack;
  let metricsUrl: string;
  beforeAll(async () => {
    // No refresh floor and no stale-if-error: `Cache-Control: no-cache` lists every account again, and a failed listing fails its provider.
    stack = await startStack({ numbers: 30, gatewayKeys: parseGatewayKeys("ops-91bc:*", "test"), snapshotPolicy: { minRefreshMs: 0, staleIfErrorMs: 0 } });
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

  it("is served without a key and costs no upstream call", async () => {
    stack.sims.resetCounts();
    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(stack.sims.counts()).toEqual({});
  });
});
