import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { NumberRecord } from "../../src/model/index.js";
import { createHighLevelAccounts, HIGHLEVEL_PAGE_SIZE } from "../../src/providers/highlevel/highlevel-client.js";
import type { HighLevelAccountsConfig } from "../../src/providers/highlevel/highlevel-config.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { HighLevelSimulator, type HighLevelWireNumber } from "../../src/simulators/highlevel/index.js";
import { crossHeldFor } from "../../src/simulators/seed.js";
import { listNumbers, listPools } from "../support/stack.js";
import { numberFields } from "../support/number-fields.js";
import { TEST_DEPS, captureLogLines } from "../support/log-capture.js";
import { collectUpstreamFailures, everythingIn, upstreamFailure } from "../support/upstream-error.js";

/** Requests for number pages: each listing also asks for the location's pools once, beside them. */
function numberCounts(sim: HighLevelSimulator): Record<string, number> {
  return Object.fromEntries(Object.entries(sim.counts()).filter(([key]) => !key.includes("number-pools")));
}

const [MAIN, BRANCH, EMPTY] = SIM_CREDENTIALS.highlevel.locationIds as unknown as [string, string, string];
const TOKEN = SIM_CREDENTIALS.highlevel.token;
const numbersPath = (location: string) => `GET /phone-system/numbers/location/${location}`;
const tuning = { retryBaseDelayMs: 5, retries: 1, timeoutMs: 1000 };
const inventoryOf = (sim: HighLevelSimulator, location: string) => sim.location(location).numbers.map((n) => [n.sid, n.phoneNumber]);
const listed = (numbers: NumberRecord[]) => numbers.map((n) => [n.providerId, n.e164]);

describe("HighLevel client: the full inventory at the default scale", () => {
  const sim = new HighLevelSimulator();
  afterAll(() => sim.stop());

  it("lists every number of every location (pool members included) in one call each", async () => {
    // A generous timeout: on a loaded machine a retried call would count twice.
    const accounts = createHighLevelAccounts({ token: TOKEN, locationIds: [MAIN, BRANCH, EMPTY], baseUrl: await sim.start(), ...tuning, timeoutMs: 5000 }, TEST_DEPS);
    expect(accounts.map((a) => [a.provider, a.accountId])).toEqual([
      ["HIGHLEVEL", MAIN],
      ["HIGHLEVEL", BRANCH],
      ["HIGHLEVEL", EMPTY],
    ]);
    const [main, branch, empty] = await Promise.all(accounts.map((a) => listNumbers(a)));
    expect(listed(main!)).toEqual(inventoryOf(sim, MAIN));
    expect(listed(branch!)).toEqual(inventoryOf(sim, BRANCH));
    expect(empty).toEqual([]);
    expect(numberCounts(sim)).toEqual({ [numbersPath(MAIN)]: 1, [numbersPath(BRANCH)]: 1, [numbersPath(EMPTY)]: 1 });
  });
});

describe("HighLevel client against the HighLevel simulator over HTTP", () => {
  const sim = new HighLevelSimulator({ numbers: 2100 });
  let config: HighLevelAccountsConfig;

  beforeAll(async () => {
    config = { token: TOKEN, locationIds: [MAIN, BRANCH, EMPTY], baseUrl: await sim.start(), ...tuning };
  });
  afterEach(() => {
    sim.resetFaults();
    sim.resetCounts();
  });
  afterAll(() => sim.stop());

  it("pages at pageSize=1000 with skipNumberPool=false to the short last page: the minimum number of calls", async () => {
    const accounts = createHighLevelAccounts(config, TEST_DEPS);
    const [main, branch] = await Promise.all(accounts.slice(0, 2).map((a) => listNumbers(a)));
    expect(listed(main!)).toEqual(inventoryOf(sim, MAIN));
    expect(listed(branch!)).toEqual(inventoryOf(sim, BRANCH));
    // Pool members are hidden by HighLevel's default paging; they must come back as full records.
    const pooled = [...sim.location(MAIN).pooledSids];
    expect(pooled.length).toBeGreaterThan(0);
    expect(main!.filter((n) => pooled.includes(n.providerId))).toHaveLength(pooled.length);
    // 2106 numbers: pages of 1000, 1000 and 106; 700: one short page.
    const mainCount = sim.location(MAIN).numbers.length;
    expect(mainCount % HIGHLEVEL_PAGE_SIZE).not.toBe(0);
    expect(numberCounts(sim)).toEqual({ [numbersPath(MAIN)]: Math.ceil(mainCount / HIGHLEVEL_PAGE_SIZE), [numbersPath(BRANCH)]: 1 });
  });

  it("needs one more call, answered by the empty shape, when the inventory fills its last page exactly", async () => {
    // 994 seeded + the 6 cross-held numbers: sim-loc-main holds exactly 1000.
    const exact = new HighLevelSimulator({ numbers: HIGHLEVEL_PAGE_SIZE - crossHeldFor("HIGHLEVEL").length });
    try {
      const [main] = createHighLevelAccounts({ ...config, baseUrl: await exact.start() }, TEST_DEPS);
      expect(exact.location(MAIN).numbers).toHaveLength(HIGHLEVEL_PAGE_SIZE);
      expect(listed(await listNumbers(main!))).toEqual(inventoryOf(exact, MAIN));
      expect(numberCounts(exact)).toEqual({ [numbersPath(MAIN)]: 2 });
    } finally {
      await exact.stop();
    }
  });

  it("maps types, status, capabilities, assignees, dates and details", async () => {
    const [main] = createHighLevelAccounts(config, TEST_DEPS);
    const numbers = await listNumbers(main!);
    const byId = new Map(numbers.map((n) => [n.providerId, n]));
    const wires = sim.location(MAIN).numbers;
    const user = wires.find((w) => w.linkedUser && w.type === "toll-free" && w.inboundCallService)!;
    const { capabilities: _capabilities, ...ownFields } = user;
    expect(numberFields(byId.get(user.sid)!)).toEqual({
      id: expect.any(String),
      key: user.sid,
      provider: "HIGHLEVEL",
      providerId: user.sid,
      accountId: MAIN,
      e164: user.phoneNumber,
      displayName: user.friendlyName,
      countryCode: "US",
      numberType: "TOLL_FREE",
      status: "ACTIVE",
      capabilities: { ...user.capabilities, inbound: null, outbound: null },
      // A linked user answers before the inbound call service.
      assigned: true,
      assignee: { id: user.linkedUser, name: null, type: "USER", extensionNumber: null },
      createdAt: new Date(user.dateAdded),
      updatedAt: new Date(user.dateUpdated),
      details: { provider: "HIGHLEVEL", ...ownFields },
    });
    for (const service of ["voice_ai", "ivr", "forward"] as const) {
      const wire = wires.find((w) => !w.linkedUser && w.inboundCallService?.type === service)!;
      expect(byId.get(wire.sid)).toMatchObject({ assigned: true, assignee: { id: wire.inboundCallService!.value, name: null, type: { voice_ai: "VOICE_AI", ivr: "IVR", forward: "FORWARD" }[service], extensionNumber: null } });
    }
    const free = wires.find((w) => !w.linkedUser && !w.inboundCallService)!;
    expect(byId.get(free.sid)).toMatchObject({ assigned: false, assignee: null, details: { linkedUser: null, inboundCallService: null } });
    const uk = wires.find((w) => w.type === "mobile")!;
    expect(byId.get(uk.sid)).toMatchObject({ e164: uk.phoneNumber, countryCode: "GB", numberType: "MOBILE" });
    expect(new Set(numbers.map((n) => n.numberType))).toEqual(new Set(["LOCAL", "TOLL_FREE", "MOBILE", "NATIONAL"]));
    expect(new Set(numbers.map((n) => n.status))).toEqual(new Set(["ACTIVE"]));
  });

  it("maps values outside the documented vocabulary to UNKNOWN, tolerates nulls and extra fields, and rejects a number that is none", async () => {
    const branch = sim.location(BRANCH).numbers;
    const template = branch.find((w) => !w.linkedUser)!;
    const odd = {
      ...template,
      sid: "PNodd0000000000000000000000000000",
      phoneNumber: "+14155550123",
      type: "shared-cost",
      inboundCallService: { type: "ai_agent", value: "agent_9" },
      friendlyName: null,
      forwardingNumber: null,
      addressSid: null,
      bundleSid: null,
      capabilities: { voice: true },
      somethingNew: { nested: true },
    } as unknown as HighLevelWireNumber;
    branch.push(odd);
    try {
      const numbers = await listNumbers(createHighLevelAccounts(config, TEST_DEPS)[1]!);
      expect(numbers.find((n) => n.providerId === odd.sid)).toMatchObject({
        e164: "+14155550123",
        numberType: "UNKNOWN",
        assigned: true,
        assignee: { id: "agent_9", type: "UNKNOWN" },
        displayName: null,
        capabilities: { voice: true, sms: null, mms: null, fax: null, inbound: null, outbound: null },
        details: { type: "shared-cost", inboundCallService: { type: "ai_agent", value: "agent_9" }, friendlyName: null },
      });
      expect(numbers.find((n) => n.providerId === odd.sid)!.details).not.toHaveProperty("somethingNew");

      branch[branch.length - 1] = { ...odd, phoneNumber: "not a number" };
      const error = await upstreamFailure(listNumbers(createHighLevelAccounts(config, TEST_DEPS)[1]!));
      expect([error.code, error.details.accountId]).toEqual(["UPSTREAM_BAD_RESPONSE", BRANCH]);
      expect(error.message).toContain(odd.sid);
    } finally {
      branch.pop();
    }
  });

  it("lists each location's pools in one call beside its numbers, members normalised to E.164", async () => {
    const [main, branch, empty] = createHighLevelAccounts(config, TEST_DEPS);
    const pools = await listPools(main!);
    expect(pools.map((p) => p.providerId)).toEqual(sim.location(MAIN).pools.map((p) => p.id));
    const wire = sim.location(MAIN).pools[0]!;
    expect(pools[0]).toEqual({
      id: expect.any(String),
      key: wire.id,
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
    // Every member is a number the location lists (with skipNumberPool=false), so the graph can join them.
    const e164s = new Set((await listNumbers(main!)).map((n) => n.e164));
    expect(pools.flatMap((p) => p.memberE164s).every((e164) => e164s.has(e164))).toBe(true);
    expect((await listPools(branch!)).map((p) => p.accountId)).toEqual(sim.location(BRANCH).pools.map(() => BRANCH));
    expect(await listPools(empty!)).toEqual([]);
    expect(sim.total("GET /phone-system/number-pools")).toBe(4);
  });

  it("stops when HighLevel ignores the page parameter instead of looping", async () => {
    sim.ignorePage = true;
    try {
      const error = await upstreamFailure(listNumbers(createHighLevelAccounts(config, TEST_DEPS)[0]!));
      expect(error.code).toBe("UPSTREAM_BAD_RESPONSE");
      expect(error.message).toContain("again");
      expect(sim.total("GET /phone-system/numbers")).toBe(2);
    } finally {
      sim.ignorePage = false;
    }
  });

  describe("faults and HighLevel's error shapes", () => {
    const logLines = captureLogLines();
    const { errors, failure } = collectUpstreamFailures();

    it("a 500 that persists is UPSTREAM_UNAVAILABLE with HighLevel's {msg, accountStatus}, after the bounded retries", async () => {
      sim.setFaults({ failureRate: 1 });
      const error = await failure(listNumbers(createHighLevelAccounts(config, TEST_DEPS)[0]!));
      expect([error.code, error.details.status, error.details.accountId]).toEqual(["UPSTREAM_UNAVAILABLE", 500, MAIN]);
      expect(error.message).toContain("Internal server error, account active");
      expect(sim.total("GET /phone-system/numbers")).toBe(1 + tuning.retries);
    });

    it("a 500 that clears is retried and the listing completes", async () => {
      sim.setFaults({ failNext: 1 });
      expect(listed(await listNumbers(createHighLevelAccounts(config, TEST_DEPS)[0]!))).toEqual(inventoryOf(sim, MAIN));
      expect(sim.total("GET /phone-system/numbers")).toBe(1 + Math.ceil(sim.location(MAIN).numbers.length / HIGHLEVEL_PAGE_SIZE));
    });

    it("a 429 is waited out for its Retry-After, and one that persists is UPSTREAM_RATE_LIMITED", async () => {
      sim.setFaults({ rateLimitNext: 1, retryAfterSeconds: 1 });
      expect(await listNumbers(createHighLevelAccounts(config, TEST_DEPS)[1]!)).toHaveLength(sim.location(BRANCH).numbers.length);
      expect(sim.total("GET /phone-system/numbers")).toBe(2);
      sim.resetCounts();
      sim.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1 });
      const error = await failure(listNumbers(createHighLevelAccounts({ ...config, retries: 0 }, TEST_DEPS)[1]!));
      expect([error.code, error.details.status, error.details.retryAfterMs]).toEqual(["UPSTREAM_RATE_LIMITED", 429, 1000]);
      expect(error.message).toContain("Too Many Requests");
      // A Retry-After longer than we will wait fails at once, without a second call.
      sim.resetCounts();
      sim.setFaults({ retryAfterSeconds: 60 });
      expect((await failure(listNumbers(createHighLevelAccounts(config, TEST_DEPS)[1]!))).code).toBe("UPSTREAM_RATE_LIMITED");
      expect(sim.total("GET /phone-system/numbers")).toBe(1);
    });

    it("a malformed body is UPSTREAM_BAD_RESPONSE; a hang past the timeout is UPSTREAM_TIMEOUT", async () => {
      sim.setFaults({ malformedNext: 2 });
      expect((await failure(listNumbers(createHighLevelAccounts({ ...config, retries: 0 }, TEST_DEPS)[0]!))).code).toBe("UPSTREAM_BAD_RESPONSE");
      sim.setFaults({ hangMs: 1500 });
      expect((await failure(listNumbers(createHighLevelAccounts({ ...config, retries: 0, timeoutMs: 200 }, TEST_DEPS)[0]!))).code).toBe("UPSTREAM_TIMEOUT");
    });

    it("a refused token is UPSTREAM_AUTH_FAILED with HighLevel's message and without the token; an unknown location is a 404", async () => {
      const wrong = "pit-wrong-token-123";
      const denied = await failure(listNumbers(createHighLevelAccounts({ ...config, token: wrong }, TEST_DEPS)[0]!));
      expect([denied.code, denied.details.status]).toEqual(["UPSTREAM_AUTH_FAILED", 401]);
      expect(denied.message).toContain("Invalid token: access token is invalid");
      expect(`${denied.message} ${denied.stack} ${JSON.stringify(denied)}`).not.toContain(wrong);
      expect(sim.total("GET /phone-system/numbers")).toBe(1); // a 401 is not retried

      const unknown = await failure(listNumbers(createHighLevelAccounts({ ...config, locationIds: ["no-such-location"] }, TEST_DEPS)[0]!));
      expect([unknown.code, unknown.details.status, unknown.details.accountId]).toEqual(["UPSTREAM_BAD_RESPONSE", 404, "no-such-location"]);
      expect(unknown.message).toContain("Phone system is not connected to this account");
    });

    it("never puts the token in an error, a log line or a mapped record", async () => {
      const records = await listNumbers(createHighLevelAccounts(config, TEST_DEPS)[0]!);
      expect(errors.length).toBeGreaterThanOrEqual(7);
      expect(logLines.some((line) => line.includes("retrying upstream call"))).toBe(true);
      for (const text of [...errors.map(everythingIn), ...logLines, JSON.stringify(records)]) {
        expect(text).not.toContain(TOKEN);
        expect(text).not.toContain("pit-wrong-token-123");
      }
    });
  });
});
