import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { createZoomAccount, ZOOM_PAGE_SIZE, type ZoomAccountConfig } from "../../src/providers/zoom/zoom-client.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { upstreamFailure } from "../support/upstream-error.js";
import { ZOOM_EMERGENCY_POOLS, ZoomSimulator } from "../../src/simulators/zoom/index.js";

describe("Zoom client against the Zoom simulator over HTTP", () => {
  const sim = new ZoomSimulator({ tokenTtlSeconds: 3600 });
  let config: ZoomAccountConfig;
  const list = "GET /v2/phone/numbers";
  const token = "POST /oauth/token";

  beforeAll(async () => {
    const base = await sim.start();
    config = { ...SIM_CREDENTIALS.zoom, baseUrl: `${base}/v2`, oauthUrl: `${base}/oauth/token`, retryBaseDelayMs: 5, retries: 1, timeoutMs: 1000, maxRetryAfterMs: 1500 };
  });
  afterEach(() => {
    sim.resetFaults();
    sim.resetCounts();
  });
  afterAll(() => sim.stop());

  it("lists every number at the minimum pages with one token, however many calls wait for it", async () => {
    const account = createZoomAccount(config);
    const [a, b, c] = await Promise.all([account.listNumbers(), account.listNumbers(), account.listNumbers()]);
    expect(a.map((n) => n.providerId)).toEqual(sim.numbers.map((n) => n.id));
    expect(b).toHaveLength(a.length);
    expect(c).toHaveLength(a.length);
    expect(sim.counts()).toEqual({ [token]: 1, [list]: 3 * Math.ceil(sim.numbers.length / ZOOM_PAGE_SIZE) });
  });

  it("maps assignees, capabilities, types, statuses and BYOC details; derives emergency pools", async () => {
    const account = createZoomAccount(config);
    const numbers = await account.listNumbers();
    const byId = new Map(numbers.map((n) => [n.providerId, n]));
    const types = new Set(numbers.map((n) => n.assignee?.type ?? "NONE"));
    expect(types).toEqual(new Set(["USER", "CALL_QUEUE", "AUTO_RECEPTIONIST", "COMMON_AREA", "EMERGENCY_NUMBER_POOL", "COMPANY_LOCATION", "MEETING_SERVICE", "NONE"]));

    const user = sim.numbers.find((n) => n.assignee?.type === "user" && n.capability.length === 1 && n.capability[0] === "incoming")!;
    expect(byId.get(user.id)).toMatchObject({
      e164: user.number,
      assigned: true,
      assignee: { id: user.assignee!.id, name: user.assignee!.name, type: "USER", extensionNumber: String(user.assignee!.extension_number) },
      capabilities: { voice: true, sms: null, inbound: true, outbound: false },
      numberType: user.number_type === "toll" ? "LOCAL" : "TOLL_FREE",
      status: user.status === "available" ? "ACTIVE" : "PENDING",
    });
    const byoc = sim.numbers.find((n) => n.source === "external")!;
    expect(byId.get(byoc.id)!.details).toMatchObject({ source: "external", carrier: { name: byoc.carrier!.name }, sipGroup: { id: byoc.sip_group!.id }, emergencyAddress: { zip: byoc.emergency_address!.zip } });
    const internal = sim.numbers.find((n) => n.source === "internal")!;
    expect(byId.get(internal.id)!.details).toMatchObject({ carrier: null, sipGroup: null, emergencyAddress: null });

    sim.resetCounts();
    const pools = await account.listPools(async () => numbers);
    expect(sim.total()).toBe(0);
    expect(pools.map((p) => p.providerId).sort()).toEqual(ZOOM_EMERGENCY_POOLS.map((p) => p.id).sort());
    for (const pool of pools) {
      expect(pool.memberE164s.sort()).toEqual(sim.numbers.filter((n) => n.assignee?.id === pool.providerId).map((n) => n.number).sort());
    }
  });

  it("renews a revoked token once and carries on; refreshes an expiring one before use", async () => {
    const account = createZoomAccount(config);
    await account.listNumbers({ assigned: false });
    sim.revokeTokens();
    sim.resetCounts();
    const unassigned = await account.listNumbers({ assigned: false });
    expect(unassigned).toHaveLength(sim.numbers.filter((n) => !n.assignee).length);
    expect(sim.counts()[token]).toBe(1);
    expect(sim.counts()[list]).toBe(Math.ceil(unassigned.length / ZOOM_PAGE_SIZE) + 1);

    // expires_in of 30 s is inside the one-minute refresh margin: every call gets a fresh token.
    const shortLived = new ZoomSimulator({ numbers: 10, tokenTtlSeconds: 30 });
    const base = await shortLived.start();
    const quick = createZoomAccount({ ...config, baseUrl: `${base}/v2`, oauthUrl: `${base}/oauth/token` });
    await quick.listNumbers();
    await quick.listNumbers();
    expect(shortLived.counts()["POST /oauth/token"]).toBe(2);
    await shortLived.stop();
  });

  it("maps bad client credentials, faults and timeouts to typed errors without leaking secrets", async () => {
    const denied = await upstreamFailure(createZoomAccount({ ...config, clientSecret: "not-the-zoom-secret" }).listNumbers());
    expect(denied.code).toBe("UPSTREAM_AUTH_FAILED");
    expect(denied.message).toContain("invalid_client");
    expect(denied.message).not.toContain("not-the-zoom-secret");
    expect(sim.counts()[list]).toBeUndefined();

    const account = createZoomAccount(config);
    sim.setFaults({ failureRate: 1 });
    expect((await upstreamFailure(account.listNumbers())).code).toBe("UPSTREAM_UNAVAILABLE");
    sim.resetFaults();
    sim.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1 });
    const limited = await upstreamFailure(account.listNumbers());
    expect([limited.code, limited.details.retryAfterMs]).toEqual(["UPSTREAM_RATE_LIMITED", 1000]);
    sim.resetFaults();
    sim.setFaults({ malformedNext: 1 });
    expect((await upstreamFailure(createZoomAccount({ ...config, retries: 0 }).listNumbers())).code).toBe("UPSTREAM_BAD_RESPONSE");
    sim.resetFaults();
    sim.setFaults({ hangMs: 1500 });
    expect((await upstreamFailure(createZoomAccount({ ...config, retries: 0, timeoutMs: 200 }).listNumbers())).code).toBe("UPSTREAM_TIMEOUT");
    sim.resetFaults();
    sim.setFaults({ failNext: 1 });
    expect(await account.listNumbers()).toHaveLength(sim.numbers.length);
  });
});
