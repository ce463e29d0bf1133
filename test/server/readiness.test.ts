import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { scrape } from "../support/prometheus.js";
import { startStack, type Stack } from "../support/stack.js";

type Readyz = { status: string; accounts: { provider: string; accountId: string; state: string; ageSeconds: number | null; breaker: string; lastErrorCode: string | null }[] };

async function readyz(stack: Stack): Promise<{ status: number; body: Readyz; text: string }> {
  const response = await fetch(new URL("/readyz", stack.gateway.opsUrl));
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Readyz, text };
}

/** SPEC §8 /readyz: per-account snapshot state; 200 when every account can be served, 503 when one failed with no usable snapshot. */
describe("/readyz", () => {
  let stack: Stack;
  let cold: Stack;
  beforeAll(async () => {
    // Every request revalidates, and a failed listing leaves nothing to serve (no stale-if-error).
    stack = await startStack({ numbers: 20, snapshotPolicy: { ttlMs: 0, minRefreshMs: 0, staleIfErrorMs: 0 } });
    cold = await startStack({ numbers: 20, warm: false, faults: { latencyMs: 1500 } });
  });
  afterAll(() => Promise.all([stack?.stop(), cold?.stop()]));

  it("is 503 while the start-up listing runs, and 200 once every account has its snapshot", async () => {
    const loading = await readyz(cold);
    expect(loading.status).toBe(503);
    expect(loading.body.status).toBe("not_ready");
    expect(loading.body.accounts.some((a) => a.state === "loading")).toBe(true);
    await cold.gateway.snapshots.warmAll();
    expect((await readyz(cold)).status).toBe(200);
  });

  it("is 200 with each account's state, age and breaker, and no credential", async () => {
    const ready = await readyz(stack);
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe("ready");
    expect(ready.body.accounts.map((a) => `${a.provider}/${a.accountId}`).sort()).toEqual(
      ["BUTTER/org_sim0001", "HIGHLEVEL/sim-loc-branch", "HIGHLEVEL/sim-loc-empty", "HIGHLEVEL/sim-loc-main", "TELNYX/default", "ZOOM/sim-zoom-account"].sort(),
    );
    for (const account of ready.body.accounts) expect(account).toMatchObject({ state: "fresh", breaker: "closed", lastErrorCode: null, ageSeconds: expect.any(Number) });
    for (const secret of [SIM_CREDENTIALS.highlevel.token, SIM_CREDENTIALS.telnyx.apiKey, SIM_CREDENTIALS.zoom.clientSecret, SIM_CREDENTIALS.butter.apiKey]) expect(ready.text).not.toContain(secret);
  });

  it("turns 503 when a provider fails with no usable snapshot, says which and why, and 200 again once it recovers", async () => {
    stack.sims.telnyx.setFaults({ failureRate: 1 });
    try {
      const answer = await stack.request("{ phoneNumbers(first: 1) { totalCount } }");
      expect(answer.errors?.map((e) => e.extensions?.provider)).toEqual(["TELNYX"]);
      const down = await readyz(stack);
      expect(down.status).toBe(503);
      expect(down.body.status).toBe("not_ready");
      expect(down.body.accounts.find((a) => a.provider === "TELNYX")).toMatchObject({ state: "failed", lastErrorCode: "UPSTREAM_UNAVAILABLE" });
      expect(down.body.accounts.filter((a) => a.state !== "fresh").map((a) => a.provider)).toEqual(["TELNYX"]);
      const metrics = await scrape(new URL("/metrics", stack.gateway.opsUrl).toString());
      expect(metrics.get('numbergraph_snapshot_usable{provider="TELNYX",account="default",state="failed"}')).toBe(0);
      expect(metrics.get('numbergraph_snapshot_usable{provider="ZOOM",account="sim-zoom-account",state="fresh"}')).toBe(1);
      expect(metrics.get('numbergraph_breaker_open{provider="TELNYX",account="default"}')).toBe(0);
      expect(metrics.has('numbergraph_snapshot_age_seconds{provider="ZOOM",account="sim-zoom-account"}')).toBe(true);
    } finally {
      stack.sims.resetFaults();
    }
    expect((await stack.request("{ phoneNumbers(first: 1) { totalCount } }")).errors).toBeUndefined();
    expect((await readyz(stack)).status).toBe(200);
  });
});
