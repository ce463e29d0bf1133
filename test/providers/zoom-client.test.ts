import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import type { NumberRecord } from "../../src/model/index.js";
import { createZoomAccount, ZOOM_PAGE_SIZE, type ZoomAccountConfig } from "../../src/providers/zoom/zoom-client.js";
import { emergencyPoolsOf } from "../../src/providers/zoom/zoom-mapping.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { crossHeldFor } from "../../src/simulators/seed.js";
import { ZOOM_EMERGENCY_POOLS, ZoomSimulator, type ZoomWirePhoneNumber } from "../../src/simulators/zoom/index.js";
import { listNumbers } from "../support/stack.js";
import { numberFields } from "../support/number-fields.js";
import { TEST_DEPS, captureLogLines } from "../support/log-capture.js";
import { collectUpstreamFailures, everythingIn, upstreamFailure } from "../support/upstream-error.js";

const LIST = "GET /v2/phone/numbers";
const TOKEN = "POST /oauth/token";
/** Without a call budget: these tests fire listings in parallel on purpose (budgets: test/providers/rate-budgets.test.ts). */
const tuning = { retryBaseDelayMs: 5, retries: 1, timeoutMs: 1000, rateLimit: false as const };
/** These tests are of the deprecated /phone/numbers path (Number Management: zoom-number-management-client.test.ts). */
const configFor = (base: string): ZoomAccountConfig => ({ ...SIM_CREDENTIALS.zoom, baseUrl: `${base}/v2`, oauthUrl: `${base}/oauth/token`, numbersApi: "phone", ...tuning });
const pagesOf = (count: number) => Math.max(1, Math.ceil(count / ZOOM_PAGE_SIZE));
const listed = (numbers: NumberRecord[]) => numbers.map((n) => [n.providerId, n.e164]);
const wires = (numbers: readonly ZoomWirePhoneNumber[]) => numbers.map((n) => [n.id, n.number]);

describe("Zoom client: the full inventory at the default scale", () => {
  const sim = new ZoomSimulator();
  afterAll(() => sim.stop());

  it("lists every number with one token at page_size=100, to the page with an empty token", async () => {
    const account = createZoomAccount(configFor(await sim.start()), TEST_DEPS);
    expect([account.provider, account.accountId]).toEqual(["ZOOM", SIM_CREDENTIALS.zoom.accountId]);
    const numbers = await listNumbers(account);
    expect(listed(numbers)).toEqual(wires(sim.numbers));
    expect(numbers.map((n) => n.e164)).toEqual(expect.arrayContaining(crossHeldFor("ZOOM")));
    expect(sim.numbers.length % ZOOM_PAGE_SIZE).not.toBe(0);
    expect(sim.counts()).toEqual({ [TOKEN]: 1, [LIST]: pagesOf(sim.numbers.length) });
  });
});

describe("Zoom client against the Zoom simulator over HTTP", () => {
  const sim = new ZoomSimulator({ numbers: 300 });
  let config: ZoomAccountConfig;
  const pages = () => pagesOf(sim.numbers.length);

  beforeAll(async () => {
    config = configFor(await sim.start());
  });
  afterEach(() => {
    sim.resetFaults();
    sim.resetCounts();
  });
  afterAll(() => sim.stop());

  describe("paging", () => {
    it("needs no extra call when the inventory fills its last page exactly", async () => {
      const exact = new ZoomSimulator({ numbers: 2 * ZOOM_PAGE_SIZE - crossHeldFor("ZOOM").length });
      try {
        const numbers = await listNumbers(createZoomAccount(configFor(await exact.start()), TEST_DEPS));
        expect(listed(numbers)).toEqual(wires(exact.numbers));
        expect(exact.counts()).toEqual({ [TOKEN]: 1, [LIST]: 2 });
      } finally {
        await exact.stop();
      }
    });

    it("stops at the page cap when Zoom's page token never ends", async () => {
      const error = await upstreamFailure(listNumbers(createZoomAccount(config, TEST_DEPS), { maxPages: 2 }));
      expect(error.code).toBe("UPSTREAM_BAD_RESPONSE");
      expect(error.message).toMatch(/kept paging past 2 pages/);
      expect(sim.counts()[LIST]).toBe(2);
    });

    it("sends no call once the listing's signal has aborted", async () => {
      const controller = new AbortController();
      controller.abort(new Error("the gateway is stopping"));
      const error = await upstreamFailure(listNumbers(createZoomAccount(config, TEST_DEPS), { signal: controller.signal }));
      expect(error.code).toBe("UPSTREAM_TIMEOUT");
      expect(sim.counts()[LIST]).toBeUndefined();
    });

    it("stops with UPSTREAM_BAD_RESPONSE when Zoom repeats a page token instead of looping", async () => {
      sim.repeatPageToken = true;
      try {
        const error = await upstreamFailure(listNumbers(createZoomAccount(config, TEST_DEPS)));
        expect(error.code).toBe("UPSTREAM_BAD_RESPONSE");
        expect(error.message).toContain("twice");
        // Page 1 hands out a token, page 2 hands the same one back: two calls, then the error.
        expect(sim.counts()[LIST]).toBe(2);
      } finally {
        sim.repeatPageToken = false;
      }
    });
  });

  describe("mapping", () => {
    let numbers: NumberRecord[];
    let byId: Map<string, NumberRecord>;
    beforeAll(async () => {
      numbers = await listNumbers(createZoomAccount(config, TEST_DEPS));
      byId = new Map(numbers.map((n) => [n.providerId, n]));
    });

    it("maps an internal number assigned to a user whole", () => {
      const wire = sim.numbers.find((n) => n.assignee?.type === "user" && n.source === "internal" && n.display_name && n.capability.join() === "incoming" && n.number_type === "toll")!;
      expect(numberFields(byId.get(wire.id)!)).toEqual({
        id: expect.any(String),
        // The E.164 number, not Zoom's id: the same in both Zoom APIs.
        key: wire.number,
        provider: "ZOOM",
        providerId: wire.id,
        accountId: SIM_CREDENTIALS.zoom.accountId,
        e164: wire.number,
        displayName: wire.display_name,
        countryCode: wire.number.startsWith("+44") ? "GB" : "US",
        numberType: "LOCAL",
        status: wire.status === "available" ? "ACTIVE" : "PENDING",
        capabilities: { voice: true, sms: null, mms: null, fax: null, inbound: true, outbound: false },
        assigned: true,
        assignee: { id: wire.assignee!.id, name: wire.assignee!.name, type: "USER", extensionNumber: String(wire.assignee!.extension_number) },
        createdAt: null,
        updatedAt: null,
        details: {
          provider: "ZOOM",
          api: "phone",
          id: wire.id,
          number: wire.number,
          displayName: wire.display_name,
          callerIdName: null,
          allocatedProduct: null,
          numberType: "toll",
          status: wire.status,
          source: "internal",
          location: wire.location,
          locationDetail: null,
          capability: ["incoming"],
          assignee: { id: wire.assignee!.id, name: wire.assignee!.name, extensionNumber: String(wire.assignee!.extension_number), type: "user", sourceChannel: null },
          assignedList: [{ id: wire.assignee!.id, name: wire.assignee!.name, extensionNumber: String(wire.assignee!.extension_number), type: "user", sourceChannel: null }],
          site: wire.site,
          carrier: null,
          sipGroup: null,
          emergencyAddress: null,
          emergencyAddressStatus: null,
          addressUpdateRequired: null,
          emergencyAddressUpdateTime: null,
        },
      });
    });

    it("keeps a BYOC number's carrier, SIP group and emergency address in details", () => {
      const wire = sim.numbers.find((n) => n.source === "external" && !n.assignee)!;
      const address = wire.emergency_address!;
      expect(byId.get(wire.id)).toMatchObject({
        numberType: wire.number_type === "toll" ? "LOCAL" : "TOLL_FREE",
        assigned: false,
        assignee: null,
        details: {
          source: "external",
          assignee: null,
          carrier: wire.carrier,
          sipGroup: { id: wire.sip_group!.id, displayName: wire.sip_group!.display_name },
          emergencyAddress: { addressLine1: address.address_line1, addressLine2: address.address_line2, city: address.city, country: address.country, stateCode: address.state_code, zip: address.zip, county: null },
          emergencyAddressStatus: wire.emergency_address_status,
          emergencyAddressUpdateTime: wire.emergency_address_update_time,
        },
      });
    });

    it("maps every assignee type, status, number type, direction and country Zoom lists", () => {
      expect(new Set(numbers.map((n) => n.assignee?.type ?? "NONE"))).toEqual(new Set(["USER", "CALL_QUEUE", "AUTO_RECEPTIONIST", "COMMON_AREA", "EMERGENCY_NUMBER_POOL", "COMPANY_LOCATION", "MEETING_SERVICE", "NONE"]));
      expect(numbers.every((n) => n.assigned === (n.assignee !== null))).toBe(true);
      expect(new Set(numbers.map((n) => n.status))).toEqual(new Set(["ACTIVE", "PENDING"]));
      expect(new Set(numbers.map((n) => n.numberType))).toEqual(new Set(["LOCAL", "TOLL_FREE"]));
      expect(new Set(numbers.map((n) => `${n.capabilities.inbound}/${n.capabilities.outbound}`))).toEqual(new Set(["true/true", "true/false", "false/true"]));
      expect(new Set(numbers.map((n) => n.countryCode))).toEqual(new Set(["US", "GB"]));
      const location = sim.numbers.find((n) => n.assignee?.type === "companyLocation")!;
      expect(byId.get(location.id)!.assignee).toEqual({ id: location.assignee!.id, name: location.assignee!.name, type: "COMPANY_LOCATION", extensionNumber: null });
      const unnamed = sim.numbers.find((n) => n.display_name === undefined)!;
      expect(byId.get(unnamed.id)).toMatchObject({ displayName: null, details: { displayName: null } });
    });

    it("derives one emergency pool per pool assignee from the numbers, with no call of its own", async () => {
      sim.resetCounts();
      const pools = emergencyPoolsOf(numbers, SIM_CREDENTIALS.zoom.accountId);
      expect(sim.total()).toBe(0);
      expect(pools.map((p) => [p.providerId, p.name]).sort()).toEqual(ZOOM_EMERGENCY_POOLS.map((p) => [p.id, p.name]).sort());
      for (const pool of pools) {
        expect(pool).toEqual({
          id: expect.any(String),
          key: pool.providerId,
          provider: "ZOOM",
          providerId: pool.providerId,
          accountId: SIM_CREDENTIALS.zoom.accountId,
          name: pool.name,
          memberE164s: sim.numbers.filter((n) => n.assignee?.id === pool.providerId).map((n) => n.number),
          forwardingNumber: null,
          callRecording: null,
          whisper: null,
          whisperMessage: null,
          isActive: null,
        });
      }
      expect(
        emergencyPoolsOf(
          numbers.filter((n) => n.assignee?.type !== "EMERGENCY_NUMBER_POOL"),
          SIM_CREDENTIALS.zoom.accountId,
        ),
      ).toEqual([]);
    });

    it("maps values outside the documented vocabulary to UNKNOWN, tolerates missing parts and extra fields, and rejects a number that is none", async () => {
      const odd = {
        id: "zoomOdd00000000000000",
        number: "+14155550123",
        assignee: { id: "rg_1", name: "Front Desk Ring Group", type: "ringGroup" },
        location: "Somewhere",
        number_type: "premium",
        source: "partner",
        status: "porting",
        carrier: { code: "42", name: "Odd Carrier" },
        somethingNew: { nested: true },
      } as unknown as ZoomWirePhoneNumber;
      sim.numbers.push(odd);
      try {
        const mapped = (await listNumbers(createZoomAccount(config, TEST_DEPS))).find((n) => n.providerId === odd.id)!;
        expect(mapped).toMatchObject({
          e164: "+14155550123",
          displayName: null,
          numberType: "UNKNOWN",
          status: "UNKNOWN",
          capabilities: { voice: true, sms: null, mms: null, fax: null, inbound: null, outbound: null },
          assigned: true,
          assignee: { id: "rg_1", name: "Front Desk Ring Group", type: "UNKNOWN", extensionNumber: null },
          details: { numberType: "premium", status: "porting", source: "partner", capability: [], site: null, carrier: { code: 42, name: "Odd Carrier" }, assignee: { type: "ringGroup" } },
        });
        expect(mapped.details).not.toHaveProperty("somethingNew");

        sim.numbers[sim.numbers.length - 1] = { ...odd, number: "not a number" };
        const error = await upstreamFailure(listNumbers(createZoomAccount(config, TEST_DEPS)));
        expect([error.code, error.details.accountId]).toEqual(["UPSTREAM_BAD_RESPONSE", SIM_CREDENTIALS.zoom.accountId]);
        expect(error.message).toContain(odd.id);
      } finally {
        sim.numbers.pop();
      }
    });
  });

  describe("Server-to-Server OAuth tokens", () => {
    it("fetches one token however many calls wait for it, and reuses it", async () => {
      const account = createZoomAccount(config, TEST_DEPS);
      const results = await Promise.all([listNumbers(account), listNumbers(account), listNumbers(account)]);
      expect(results.map((r) => r.length)).toEqual([sim.numbers.length, sim.numbers.length, sim.numbers.length]);
      await listNumbers(account);
      expect(sim.counts()[TOKEN]).toBe(1);
    });

    it("after a revocation, renews once for all the calls that were refused together, and retries each once", async () => {
      const account = createZoomAccount(config, TEST_DEPS);
      await listNumbers(account);
      sim.revokeTokens();
      sim.resetCounts();
      const results = await Promise.all([listNumbers(account), listNumbers(account), listNumbers(account)]);
      expect(results.every((r) => r.length === sim.numbers.length)).toBe(true);
      expect(sim.counts()).toEqual({ [TOKEN]: 1, [LIST]: 3 * (pages() + 1) });
    });

    it("renews a token Zoom says has expired (clocks apart) once, then carries on", async () => {
      let skewMs = 0;
      const skewed = new ZoomSimulator({ numbers: 150, now: () => Date.now() + skewMs });
      try {
        const account = createZoomAccount(configFor(await skewed.start()), TEST_DEPS);
        await listNumbers(account);
        skewMs = 2 * 3600_000;
        expect(await listNumbers(account)).toHaveLength(skewed.numbers.length);
        expect(skewed.counts()).toEqual({ [TOKEN]: 2, [LIST]: 2 * pagesOf(skewed.numbers.length) + 1 });
      } finally {
        await skewed.stop();
      }
    });

    it("renews a token before its expires_in runs out, without a refused call", async () => {
      // expires_in 2 s: renewed from 1.8 s on (a tenth of the lifetime early), so the second call renews first.
      const shortLived = new ZoomSimulator({ numbers: 10, tokenTtlSeconds: 2 });
      try {
        const account = createZoomAccount(configFor(await shortLived.start()), TEST_DEPS);
        await listNumbers(account);
        await new Promise((resolve) => setTimeout(resolve, 1900));
        await listNumbers(account);
        expect(shortLived.counts()).toEqual({ [TOKEN]: 2, [LIST]: 2 });
      } finally {
        await shortLived.stop();
      }
    });

    it("gives up after one renewal when Zoom refuses every token", async () => {
      // A clock two hours on at every look: each token has expired by the time it is used.
      let clock = Date.now();
      const refuse = new ZoomSimulator({ numbers: 1, now: () => (clock += 2 * 3600_000) });
      try {
        const error = await upstreamFailure(listNumbers(createZoomAccount(configFor(await refuse.start()), TEST_DEPS)));
        expect([error.code, error.details.status]).toEqual(["UPSTREAM_AUTH_FAILED", 401]);
        expect(error.message).toContain("Access token is expired.");
        expect(refuse.counts()).toEqual({ [TOKEN]: 2, [LIST]: 2 });
      } finally {
        await refuse.stop();
      }
    });
  });

  describe("faults, errors and secrets", () => {
    const logLines = captureLogLines();
    const { errors, failure } = collectUpstreamFailures();

    it("bad client credentials are UPSTREAM_AUTH_FAILED from one token request shared by every waiting call", async () => {
      const account = createZoomAccount({ ...config, clientSecret: "not-the-zoom-secret" }, TEST_DEPS);
      const denied = await Promise.all([failure(listNumbers(account)), failure(listNumbers(account))]);
      expect(denied.map((e) => [e.code, e.details.status])).toEqual([
        ["UPSTREAM_AUTH_FAILED", 401],
        ["UPSTREAM_AUTH_FAILED", 401],
      ]);
      expect(denied[0].message).toContain("Invalid client_id or client_secret");
      expect(sim.counts()).toEqual({ [TOKEN]: 1 });
    });

    it("an unknown account id is UPSTREAM_AUTH_FAILED too (Zoom answers it with a 400)", async () => {
      const denied = await failure(listNumbers(createZoomAccount({ ...config, accountId: "no-such-account" }, TEST_DEPS)));
      expect([denied.code, denied.details.status, denied.details.accountId]).toEqual(["UPSTREAM_AUTH_FAILED", 400, "no-such-account"]);
      expect(denied.message).toContain("refused the token grant for account no-such-account (HTTP 400: invalid_request: Invalid account_id)");
      expect(sim.counts()).toEqual({ [TOKEN]: 1 });
    });

    it("a 500 that persists is UPSTREAM_UNAVAILABLE after the bounded retries; one that clears is retried", async () => {
      const account = createZoomAccount(config, TEST_DEPS);
      sim.setFaults({ failureRate: 1 });
      const error = await failure(listNumbers(account));
      expect([error.code, error.details.status]).toEqual(["UPSTREAM_UNAVAILABLE", 500]);
      expect(error.message).toContain("Internal Server Error.");
      expect(sim.counts()).toEqual({ [TOKEN]: 1, [LIST]: 1 + tuning.retries });
      sim.resetFaults();
      sim.resetCounts();
      sim.setFaults({ failNext: 1 });
      expect(listed(await listNumbers(account))).toEqual(wires(sim.numbers));
      expect(sim.counts()).toEqual({ [LIST]: pages() + 1 });
    });

    it("a 429 is waited out for its Retry-After; one that persists is UPSTREAM_RATE_LIMITED, at once when the wait is too long", async () => {
      const account = createZoomAccount(config, TEST_DEPS);
      sim.setFaults({ rateLimitNext: 1, retryAfterSeconds: 1 });
      expect(await listNumbers(account)).toHaveLength(sim.numbers.length);
      expect(sim.counts()[LIST]).toBe(pages() + 1);
      sim.resetCounts();
      sim.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1 });
      const limited = await failure(listNumbers(createZoomAccount({ ...config, retries: 0 }, TEST_DEPS)));
      expect([limited.code, limited.details.status, limited.details.retryAfterMs]).toEqual(["UPSTREAM_RATE_LIMITED", 429, 1000]);
      expect(limited.message).toContain("maximum per-second rate limit");
      sim.resetCounts();
      sim.setFaults({ retryAfterSeconds: 60 });
      expect((await failure(listNumbers(account))).code).toBe("UPSTREAM_RATE_LIMITED");
      expect(sim.counts()[LIST]).toBe(1);
    });

    it("a malformed body is UPSTREAM_BAD_RESPONSE; a hang past the timeout is UPSTREAM_TIMEOUT", async () => {
      sim.setFaults({ malformedNext: 2 });
      expect((await failure(listNumbers(createZoomAccount({ ...config, retries: 0 }, TEST_DEPS)))).code).toBe("UPSTREAM_BAD_RESPONSE");
      sim.setFaults({ hangMs: 1500 });
      expect((await failure(listNumbers(createZoomAccount({ ...config, retries: 0, timeoutMs: 200 }, TEST_DEPS)))).code).toBe("UPSTREAM_TIMEOUT");
    });

    it("never puts the client secret, its Basic form or an access token in an error, a log line or a mapped record", async () => {
      const records = await listNumbers(createZoomAccount(config, TEST_DEPS));
      expect(errors.length).toBeGreaterThanOrEqual(8);
      expect(logLines.some((line) => line.includes("retrying upstream call"))).toBe(true);
      const secrets = [SIM_CREDENTIALS.zoom.clientSecret, "not-the-zoom-secret", Buffer.from(`${SIM_CREDENTIALS.zoom.clientId}:${SIM_CREDENTIALS.zoom.clientSecret}`).toString("base64"), "eyJzaW0iOiJ6b29tIn0"];
      for (const text of [...errors.map(everythingIn), ...logLines, JSON.stringify(records)]) {
        for (const secret of secrets) expect(text).not.toContain(secret);
      }
    });
  });
});
