import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { createHighLevelAccounts, HIGHLEVEL_PAGE_SIZE, type HighLevelAccountsConfig } from "../../src/providers/highlevel/highlevel-client.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { upstreamFailure } from "../support/upstream-error.js";
import { HighLevelSimulator } from "../../src/simulators/highlevel/index.js";

const [MAIN, BRANCH, EMPTY] = SIM_CREDENTIALS.highlevel.locationIds;

describe("HighLevel client against the HighLevel simulator over HTTP", () => {
  const sim = new HighLevelSimulator({ numbers: 2100 });
  let config: HighLevelAccountsConfig;
  const numbersPath = (location: string) => `GET /phone-system/numbers/location/${location}`;

  beforeAll(async () => {
    config = { token: SIM_CREDENTIALS.highlevel.token, locationIds: [...SIM_CREDENTIALS.highlevel.locationIds], baseUrl: await sim.start(), retryBaseDelayMs: 5, retries: 1, timeoutMs: 1000, maxRetryAfterMs: 1500 };
  });
  afterEach(() => {
    sim.resetFaults();
    sim.resetCounts();
  });
  afterAll(() => sim.stop());

  it("lists every number of every location, pool members included, at the minimum pages", async () => {
    const accounts = createHighLevelAccounts(config);
    expect(accounts.map((a) => a.accountId)).toEqual([MAIN, BRANCH, EMPTY]);
    const [main, branch, empty] = await Promise.all(accounts.map((a) => a.listNumbers()));
    expect(main!.map((n) => n.providerId)).toEqual(sim.location(MAIN!).numbers.map((n) => n.sid));
    expect(branch!.map((n) => n.providerId)).toEqual(sim.location(BRANCH!).numbers.map((n) => n.sid));
    expect(empty).toEqual([]);
    // Pool members are hidden by HighLevel's default paging; skipNumberPool=false brings them back.
    const pooled = [...sim.location(MAIN!).pooledSids];
    expect(pooled.length).toBeGreaterThan(0);
    expect(main!.filter((n) => pooled.includes(n.providerId))).toHaveLength(pooled.length);
    // 2100 + cross-held numbers: 3 pages (the last one short); 700: 1 page; the empty location: 1 call.
    expect(sim.counts()).toEqual({
      [numbersPath(MAIN!)]: Math.ceil((sim.location(MAIN!).numbers.length + 1) / HIGHLEVEL_PAGE_SIZE),
      [numbersPath(BRANCH!)]: 1,
      [numbersPath(EMPTY!)]: 1,
    });
  });

  it("maps types, capabilities, assignees, dates and details", async () => {
    const [main] = createHighLevelAccounts(config);
    const numbers = await main!.listNumbers();
    const byId = new Map(numbers.map((n) => [n.providerId, n]));
    const wires = sim.location(MAIN!).numbers;
    const user = wires.find((w) => w.linkedUser && w.type === "toll-free")!;
    expect(byId.get(user.sid)).toMatchObject({
      provider: "HIGHLEVEL",
      accountId: MAIN,
      e164: user.phoneNumber,
      displayName: user.friendlyName,
      countryCode: "US",
      numberType: "TOLL_FREE",
      status: "ACTIVE",
      assigned: true,
      assignee: { id: user.linkedUser, type: "USER" },
      capabilities: { ...user.capabilities, inbound: null, outbound: null },
      createdAt: new Date(user.dateAdded),
      updatedAt: new Date(user.dateUpdated),
      details: { provider: "HIGHLEVEL", sid: user.sid, origin: user.origin, linkedRingAllUsers: user.linkedRingAllUsers },
    });
    for (const service of ["voice_ai", "ivr", "forward"] as const) {
      const wire = wires.find((w) => !w.linkedUser && w.inboundCallService?.type === service)!;
      expect(byId.get(wire.sid)!.assignee).toEqual({ id: wire.inboundCallService!.value, name: null, type: { voice_ai: "VOICE_AI", ivr: "IVR", forward: "FORWARD" }[service], extensionNumber: null });
    }
    const free = wires.find((w) => !w.linkedUser && !w.inboundCallService)!;
    expect(byId.get(free.sid)).toMatchObject({ assigned: false, assignee: null });
    expect(new Set(numbers.map((n) => n.numberType))).toEqual(new Set(["LOCAL", "TOLL_FREE", "MOBILE", "NATIONAL"]));
  });

  it("lists each location's pools in one call", async () => {
    const [main, , empty] = createHighLevelAccounts(config);
    const pools = await main!.listPools(async () => []);
    expect(pools.map((p) => p.providerId)).toEqual(sim.location(MAIN!).pools.map((p) => p.id));
    const wire = sim.location(MAIN!).pools[0]!;
    expect(pools[0]).toEqual({
      provider: "HIGHLEVEL",
      providerId: wire.id,
      accountId: MAIN,
      name: wire.name,
      memberE164s: wire.numbers.map((n) => n.phoneNumber),
      forwardingNumber: wire.forwardingNumber,
      callRecording: wire.callRecording,
      whisper: wire.whisper,
      whisperMessage: wire.whisperMessage,
      isActive: wire.isActive,
    });
    expect(await empty!.listPools(async () => [])).toEqual([]);
    expect(sim.counts()).toEqual({ "GET /phone-system/number-pools": 2 });
  });

  it("stops when HighLevel ignores the page parameter instead of looping", async () => {
    sim.ignorePage = true;
    try {
      const error = await upstreamFailure(createHighLevelAccounts(config)[0]!.listNumbers());
      expect(error.code).toBe("UPSTREAM_BAD_RESPONSE");
      expect(error.message).toContain("again");
      expect(sim.total()).toBe(2);
    } finally {
      sim.ignorePage = false;
    }
  });

  it("maps faults and HighLevel's error shapes to typed errors without leaking the token", async () => {
    const [main] = createHighLevelAccounts(config);
    sim.setFaults({ failureRate: 1 });
    const unavailable = await upstreamFailure(main!.listNumbers());
    expect([unavailable.code, unavailable.details.status, unavailable.details.accountId]).toEqual(["UPSTREAM_UNAVAILABLE", 500, MAIN]);
    expect(unavailable.message).toContain("Internal server error");
    sim.resetFaults();
    sim.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1 });
    expect((await upstreamFailure(main!.listNumbers())).code).toBe("UPSTREAM_RATE_LIMITED");
    sim.resetFaults();
    sim.setFaults({ malformedNext: 1 });
    expect((await upstreamFailure(createHighLevelAccounts({ ...config, retries: 0 })[0]!.listNumbers())).code).toBe("UPSTREAM_BAD_RESPONSE");
    sim.resetFaults();
    sim.setFaults({ hangMs: 1500 });
    expect((await upstreamFailure(createHighLevelAccounts({ ...config, retries: 0, timeoutMs: 200 })[0]!.listNumbers())).code).toBe("UPSTREAM_TIMEOUT");
    sim.resetFaults();
    sim.setFaults({ failNext: 1 });
    expect(await main!.listNumbers()).toHaveLength(sim.location(MAIN!).numbers.length);

    const denied = await upstreamFailure(createHighLevelAccounts({ ...config, token: "pit-wrong-token-123" })[0]!.listNumbers());
    expect(denied.code).toBe("UPSTREAM_AUTH_FAILED");
    expect(denied.message).toContain("Invalid token");
    expect(denied.message).not.toContain("pit-wrong-token-123");

    const unknown = await upstreamFailure(createHighLevelAccounts({ ...config, locationIds: ["no-such-location"] })[0]!.listNumbers());
    expect([unknown.code, unknown.details.status]).toEqual(["UPSTREAM_BAD_RESPONSE", 404]);
    expect(unknown.message).toContain("Phone system is not connected");
  });
});
