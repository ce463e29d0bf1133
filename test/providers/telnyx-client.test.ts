import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { getMetadataStorage } from "type-graphql";
import type { NumberRecord } from "../../src/model/index.js";
import { createTelnyxAccount, TELNYX_PAGE_SIZE, type TelnyxAccountConfig } from "../../src/providers/telnyx/telnyx-client.js";
import { TelnyxNumberDetails } from "../../src/providers/telnyx/telnyx-details.type.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { crossHeldFor } from "../../src/simulators/seed.js";
import { TELNYX_NUMBER_TYPES, TELNYX_STATUSES, TelnyxSimulator, type TelnyxWirePhoneNumber } from "../../src/simulators/telnyx/index.js";
import { listNumbers, testBounds } from "../support/stack.js";
import { numberFields } from "../support/number-fields.js";
import { TEST_DEPS, captureLogLines } from "../support/log-capture.js";
import { collectUpstreamFailures, everythingIn, upstreamFailure } from "../support/upstream-error.js";

const KEY = SIM_CREDENTIALS.telnyx.apiKey;
const PATH = "GET /v2/phone_numbers";
const tuning = { retryBaseDelayMs: 5, retries: 1, timeoutMs: 1000 };
const byPhoneNumber = (rows: TelnyxWirePhoneNumber[]) => [...rows].sort((a, b) => (a.phone_number < b.phone_number ? -1 : 1));
/** [id, E.164] pairs in the order the client asks for (sort=phone_number). */
const inventoryOf = (rows: TelnyxWirePhoneNumber[]) => byPhoneNumber(rows).map((n) => [n.id, n.phone_number]);
const listed = (numbers: NumberRecord[]) => numbers.map((n) => [n.providerId, n.e164]);
const pagesFor = (count: number) => Math.max(1, Math.ceil(count / TELNYX_PAGE_SIZE));
const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
/** The details a wire record must map to: every field but the PIN, camelCased, and whether a PIN is set. */
const detailsOf = ({ external_pin, ...rest }: TelnyxWirePhoneNumber) => ({
  provider: "TELNYX",
  ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [camel(k), v])),
  hasExternalPin: external_pin !== null,
});

describe("Telnyx client: the full inventory at the default scale", () => {
  const sim = new TelnyxSimulator();
  afterAll(() => sim.stop());

  it("lists every number, id and E.164 as the simulator holds them, in the minimum number of pages", async () => {
    const account = createTelnyxAccount({ accountId: "default", apiKey: KEY, baseUrl: `${await sim.start()}/v2`, ...tuning }, TEST_DEPS);
    expect([account.provider, account.accountId]).toEqual(["TELNYX", "default"]);
    const { numbers, pools } = await account.listInventory(testBounds());
    expect(sim.numbers).toHaveLength(400 + crossHeldFor("TELNYX").length);
    expect(listed(numbers)).toEqual(inventoryOf(sim.numbers));
    expect(pools).toEqual([]);
    expect(sim.counts()).toEqual({ [PATH]: pagesFor(sim.numbers.length) });
  });
});

describe("Telnyx client against the Telnyx simulator over HTTP", () => {
  const sim = new TelnyxSimulator({ numbers: 1200 });
  let config: TelnyxAccountConfig;
  const account = (overrides: Partial<TelnyxAccountConfig> = {}) => createTelnyxAccount({ ...config, ...overrides }, TEST_DEPS);
  // Everything logged while these tests run, to check no key or PIN is ever written.
  const logLines = captureLogLines();

  beforeAll(async () => {
    config = { accountId: "ops", apiKey: KEY, baseUrl: `${await sim.start()}/v2`, ...tuning };
  });
  afterEach(() => {
    sim.resetFaults();
    sim.resetCounts();
  });
  afterAll(async () => {
    await sim.stop();
  });

  describe("paging", () => {
    it("reads meta.total_pages from page 1 and fetches pages 2..N at page[size]=250: one call per page", async () => {
      expect(listed(await listNumbers(account()))).toEqual(inventoryOf(sim.numbers));
      expect(sim.numbers.length % TELNYX_PAGE_SIZE).not.toBe(0);
      expect(sim.counts()).toEqual({ [PATH]: 5 });
    });

    it("makes no extra call when the inventory fills its last page exactly", async () => {
      const exact = new TelnyxSimulator({ numbers: 2 * TELNYX_PAGE_SIZE - crossHeldFor("TELNYX").length });
      try {
        expect(exact.numbers).toHaveLength(2 * TELNYX_PAGE_SIZE);
        const numbers = await listNumbers(createTelnyxAccount({ ...config, baseUrl: `${await exact.start()}/v2` }, TEST_DEPS));
        expect(listed(numbers)).toEqual(inventoryOf(exact.numbers));
        expect(exact.counts()).toEqual({ [PATH]: 2 });
      } finally {
        await exact.stop();
      }
    });

    it("answers an empty account (total_pages 0) with one call", async () => {
      const empty = new TelnyxSimulator({ numbers: 1 });
      empty.numbers.splice(0);
      try {
        expect(await listNumbers(createTelnyxAccount({ ...config, baseUrl: `${await empty.start()}/v2` }, TEST_DEPS))).toEqual([]);
        expect(empty.counts()).toEqual({ [PATH]: 1 });
      } finally {
        await empty.stop();
      }
    });

    it("stops before page 2 when page 1 claims more pages than the cap, and asks for nothing more", async () => {
      const error = await upstreamFailure(listNumbers(account(), { maxPages: 3 }));
      expect(error).toMatchObject({ code: "UPSTREAM_BAD_RESPONSE" });
      expect(error.message).toMatch(/claimed 5 pages for account \w+, more than the page cap of 3 \(NUMBERGRAPH_MAX_PAGES\)/);
      expect(sim.counts()).toEqual({ [PATH]: 1 });
    });

    it("keeps one copy of a number that a purchase mid-listing shifts onto the next page", async () => {
      const first = byPhoneNumber(sim.numbers)[0]!;
      const bought: TelnyxWirePhoneNumber = { ...first, id: "1293384261075700001", phone_number: "+12015550123", external_pin: null };
      sim.onPageServed = (page) => {
        if (page === 1 && !sim.numbers.includes(bought)) sim.numbers.push(bought);
      };
      try {
        const numbers = await listNumbers(account());
        const ids = numbers.map((n) => n.providerId);
        expect(new Set(ids).size).toBe(ids.length);
        // Everything held before the purchase came back once; the new number sorts first, so page 1 missed it.
        expect(new Set(ids)).toEqual(new Set(sim.numbers.filter((n) => n !== bought).map((n) => n.id)));
      } finally {
        sim.onPageServed = undefined;
        sim.numbers.splice(sim.numbers.indexOf(bought), 1);
      }
    });

    it("refuses an upstream that ignores page[number] rather than list page 1 five times", async () => {
      sim.ignorePageNumber = true;
      try {
        const error = await upstreamFailure(listNumbers(account()));
        expect([error.code, error.provider, error.details.accountId]).toEqual(["UPSTREAM_BAD_RESPONSE", "TELNYX", "ops"]);
        expect(error.message).toMatch(/request for page [2-5] with page 1;/);
        // Pages 2..5 were all in flight (concurrency 4); let them land before the next test counts.
        while (sim.total() < 5) await new Promise((resolve) => setTimeout(resolve, 5));
      } finally {
        sim.ignorePageNumber = false;
      }
    });

    it("stops fetching queued pages once one has failed", async () => {
      const large = new TelnyxSimulator({ numbers: 11 * TELNYX_PAGE_SIZE - crossHeldFor("TELNYX").length });
      const url = await large.start();
      // Page 1 comes back; then every call fails: pages 2..5 are in flight, pages 6..11 still queued.
      large.onPageServed = () => large.setFaults({ failureRate: 1 });
      try {
        const error = await upstreamFailure(listNumbers(createTelnyxAccount({ ...config, baseUrl: `${url}/v2`, retries: 0 }, TEST_DEPS)));
        expect(error.code).toBe("UPSTREAM_UNAVAILABLE");
        while (large.total() < 5) await new Promise((resolve) => setTimeout(resolve, 5));
        await new Promise((resolve) => setTimeout(resolve, 50)); // room for a queued page to (wrongly) go out
        expect(large.total()).toBe(1 + 4);
      } finally {
        await large.stop();
      }
    });
  });

  describe("mapping", () => {
    let byId: Map<string, NumberRecord>;
    const wireWith = (test: (w: TelnyxWirePhoneNumber) => boolean) => sim.numbers.find(test)!;
    beforeAll(async () => {
      byId = new Map((await listNumbers(account())).map((n) => [n.providerId, n]));
    });

    it("maps a connected number whole: type, status, capabilities, assignee, dates and details", async () => {
      const wire = wireWith((w) => w.connection_id !== null && w.messaging_profile_id !== null && w.t38_fax_gateway_enabled && w.status === "active" && w.external_pin !== null && w.customer_reference !== null);
      expect(numberFields(byId.get(wire.id)!)).toEqual({
        id: expect.any(String),
        key: wire.id,
        provider: "TELNYX",
        providerId: wire.id,
        accountId: "ops",
        e164: wire.phone_number,
        displayName: wire.customer_reference,
        countryCode: wire.country_iso_alpha2,
        numberType: { local: "LOCAL", toll_free: "TOLL_FREE", mobile: "MOBILE", national: "NATIONAL", shared_cost: "SHARED_COST", landline: "LOCAL", tollfree: "TOLL_FREE", longcode: "LOCAL", shortcode: "UNKNOWN" }[wire.phone_number_type],
        status: "ACTIVE",
        // A connection routes calls in; a messaging profile means SMS; the T.38 gateway means fax. Nothing says MMS or outbound.
        capabilities: { voice: true, sms: true, mms: null, fax: true, inbound: true, outbound: null },
        assigned: true,
        assignee: { id: wire.connection_id, name: wire.connection_name, type: "CONNECTION", extensionNumber: null },
        createdAt: new Date(wire.created_at),
        updatedAt: new Date(wire.updated_at),
        details: detailsOf(wire),
      });
    });

    it("maps a number with no connection, profile or fax gateway as unassigned, its capabilities unknown", async () => {
      const wire = wireWith((w) => w.connection_id === null && w.messaging_profile_id === null && !w.t38_fax_gateway_enabled && w.customer_reference === null);
      expect(byId.get(wire.id)).toMatchObject({
        assigned: false,
        assignee: null,
        displayName: null,
        capabilities: { voice: null, sms: null, mms: null, fax: null, inbound: null, outbound: null },
        details: detailsOf(wire),
      });
    });

    it("maps every status and every type, legacy ones included, through explicit tables", async () => {
      const statusOf = (raw: string) => byId.get(wireWith((w) => w.status === raw).id)!.status;
      expect(Object.fromEntries(TELNYX_STATUSES.map((s) => [s, statusOf(s)]))).toEqual({
        active: "ACTIVE",
        "purchase-pending": "PENDING",
        "port-pending": "PENDING",
        "port-out-pending": "PENDING",
        "provision-pending": "PENDING",
        "requirement-info-pending": "PENDING",
        "requirement-info-under-review": "PENDING",
        "requirement-info-exception": "PENDING",
        "purchase-failed": "INACTIVE",
        "port-failed": "INACTIVE",
        deleted: "INACTIVE",
        "ported-out": "INACTIVE",
        "emergency-only": "INACTIVE",
      });
      const typeOf = (raw: string) => byId.get(wireWith((w) => w.phone_number_type === raw).id)!.numberType;
      expect(Object.fromEntries(TELNYX_NUMBER_TYPES.map((t) => [t, typeOf(t)]))).toEqual({
        local: "LOCAL",
        landline: "LOCAL",
        longcode: "LOCAL",
        toll_free: "TOLL_FREE",
        tollfree: "TOLL_FREE",
        mobile: "MOBILE",
        national: "NATIONAL",
        shared_cost: "SHARED_COST",
        shortcode: "UNKNOWN",
      });
      const uk = wireWith((w) => w.phone_number_type === "mobile");
      expect(byId.get(uk.id)).toMatchObject({ e164: uk.phone_number, countryCode: "GB" });
    });

    it("details are exactly the fields TelnyxNumberDetails serves", () => {
      const fields = getMetadataStorage()
        .fields.filter((f) => f.target === TelnyxNumberDetails)
        .map((f) => f.name);
      for (const record of byId.values())
        expect(
          Object.keys(record.details)
            .filter((k) => k !== "provider")
            .sort(),
        ).toEqual([...fields].sort());
    });

    it("maps values outside the doc's vocabulary to UNKNOWN, tolerates absent and extra fields, and rejects a number that is none", async () => {
      const template = wireWith((w) => w.connection_id !== null);
      const odd = {
        id: "1293384261075799999",
        record_type: "phone_number",
        phone_number: "+14155550123",
        status: "quarantined",
        phone_number_type: "satellite",
        tags: null,
        external_pin: "98765432",
        connection_id: template.connection_id,
        connection_name: null,
        created_at: "not a date",
        purchased_at: "2024-01-01T00:00:00.000Z",
        deletion_lock_enabled: false,
        somethingNew: { nested: true },
      } as unknown as TelnyxWirePhoneNumber;
      sim.numbers.push(odd);
      try {
        const mapped = (await listNumbers(account())).find((n) => n.providerId === odd.id)!;
        expect(mapped).toMatchObject({
          e164: "+14155550123",
          countryCode: "US",
          numberType: "UNKNOWN",
          status: "UNKNOWN",
          assigned: true,
          assignee: { id: template.connection_id, name: null, type: "CONNECTION" },
          capabilities: { voice: true, sms: null, fax: null, inbound: true },
          createdAt: null,
          updatedAt: null,
          details: { status: "quarantined", phoneNumberType: "satellite", tags: [], countryIsoAlpha2: null, emergencyEnabled: null, hasExternalPin: true },
        });
        expect(mapped.details).not.toHaveProperty("somethingNew");
        expect(JSON.stringify(mapped)).not.toContain("98765432");

        sim.numbers[sim.numbers.length - 1] = { ...odd, phone_number: "not a number" };
        const error = await upstreamFailure(listNumbers(account()));
        expect([error.code, error.details.accountId]).toEqual(["UPSTREAM_BAD_RESPONSE", "ops"]);
        expect(error.message).toContain(odd.id);
        expect(error.message).not.toContain("98765432");
      } finally {
        sim.numbers.pop();
      }
    });

    it("drops external_pin: neither the field nor any PIN is in a mapped record", () => {
      const pinned = sim.numbers.filter((n) => n.external_pin !== null);
      expect(pinned.length).toBeGreaterThan(100);
      for (const wire of pinned) {
        const text = JSON.stringify(byId.get(wire.id));
        expect(text).not.toMatch(/"external_?pin"/i);
        expect(text).not.toContain(`"${wire.external_pin}"`);
        expect(byId.get(wire.id)!.details).toMatchObject({ hasExternalPin: true });
      }
    });
  });

  describe("faults and Telnyx's error bodies", () => {
    const { errors, failure } = collectUpstreamFailures();

    it("a 500 that persists is UPSTREAM_UNAVAILABLE with Telnyx's code 10007, after the bounded retries", async () => {
      sim.setFaults({ failureRate: 1 });
      const error = await failure(listNumbers(account()));
      expect([error.code, error.provider, error.details.status, error.details.accountId]).toEqual(["UPSTREAM_UNAVAILABLE", "TELNYX", 500, "ops"]);
      expect(error.message).toContain("code 10007 — Unexpected error");
      expect(sim.total()).toBe(1 + tuning.retries);
    });

    it("a 500 or a 429 that clears is retried and the listing completes", async () => {
      sim.setFaults({ failNext: 1, rateLimitNext: 1, retryAfterSeconds: 0 });
      expect(listed(await listNumbers(account({ retries: 2 })))).toEqual(inventoryOf(sim.numbers));
      expect(sim.total()).toBe(pagesFor(sim.numbers.length) + 2);
    });

    it("a 429 is waited out for its x-ratelimit-reset (Telnyx sends no Retry-After); one that persists is UPSTREAM_RATE_LIMITED with code 10011; a long one fails at once", async () => {
      sim.setFaults({ rateLimitNext: 1, retryAfterSeconds: 1 });
      expect(await listNumbers(account())).toHaveLength(sim.numbers.length);
      expect(sim.total()).toBe(pagesFor(sim.numbers.length) + 1);

      sim.resetCounts();
      sim.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1 });
      const limited = await failure(listNumbers(account({ retries: 0 })));
      expect([limited.code, limited.details.status, limited.details.retryAfterMs]).toEqual(["UPSTREAM_RATE_LIMITED", 429, 1000]);
      expect(limited.message).toContain("code 10011 — Too many requests");

      sim.resetCounts();
      sim.setFaults({ retryAfterSeconds: 60 });
      expect((await failure(listNumbers(account()))).code).toBe("UPSTREAM_RATE_LIMITED");
      expect(sim.total()).toBe(1);
    });

    it("a body cut off once is asked for once more, and the listing completes", async () => {
      sim.resetCounts();
      sim.setFaults({ malformedNext: 1 });
      expect(listed(await listNumbers(account({ retries: 0 })))).toEqual(inventoryOf(sim.numbers));
      expect(sim.total()).toBe(pagesFor(sim.numbers.length) + 1);
      sim.resetFaults();
    });

    it("a body malformed twice is UPSTREAM_BAD_RESPONSE; a hang past the timeout is UPSTREAM_TIMEOUT; a closed port is UPSTREAM_UNAVAILABLE", async () => {
      sim.setFaults({ malformedNext: 2 });
      expect((await failure(listNumbers(account({ retries: 0 })))).code).toBe("UPSTREAM_BAD_RESPONSE");
      sim.setFaults({ hangMs: 1500 });
      expect((await failure(listNumbers(account({ retries: 0, timeoutMs: 200 })))).code).toBe("UPSTREAM_TIMEOUT");
      sim.resetFaults();
      const closed = new TelnyxSimulator({ numbers: 1 });
      const url = await closed.start();
      await closed.stop();
      expect((await failure(listNumbers(account({ baseUrl: `${url}/v2`, retries: 0 })))).code).toBe("UPSTREAM_UNAVAILABLE");
    });

    it("a body of the wrong shape is UPSTREAM_BAD_RESPONSE naming the field; a wrong base path is Telnyx's 404", async () => {
      sim.numbers.push({ id: 42 } as unknown as TelnyxWirePhoneNumber);
      try {
        const error = await failure(listNumbers(account()));
        expect(error.code).toBe("UPSTREAM_BAD_RESPONSE");
        expect(error.message).toMatch(/data\.\d+\.id/);
      } finally {
        sim.numbers.pop();
      }
      const missing = await failure(listNumbers(account({ baseUrl: `${sim.baseUrl}/v1` })));
      expect([missing.code, missing.details.status]).toEqual(["UPSTREAM_BAD_RESPONSE", 404]);
      expect(missing.message).toContain("code 10005 — Resource not found");
    });

    it("a refused key is UPSTREAM_AUTH_FAILED with code 10009, not retried, and the key appears nowhere", async () => {
      const wrong = "KEYwrongwrongwrong0123456789";
      const denied = await failure(listNumbers(account({ apiKey: wrong })));
      expect([denied.code, denied.details.status]).toEqual(["UPSTREAM_AUTH_FAILED", 401]);
      expect(denied.message).toContain("code 10009 — Authentication failed — Could not understand the provided credentials.");
      expect(sim.total()).toBe(1);
      expect(`${denied.message} ${denied.stack} ${JSON.stringify(denied)}`).not.toContain(wrong);
    });

    it("no error or log line carries the API key or a PIN", () => {
      expect(errors.length).toBeGreaterThanOrEqual(9);
      // The unmapped values were logged (once), the retries too: the check below has lines to read.
      expect(logLines.join("")).toContain('"value":"quarantined"');
      expect(logLines.join("")).toContain("retrying upstream call");
      const everything = `${errors.map(everythingIn).join("\n")}\n${logLines.join("")}`;
      expect(everything).not.toContain(KEY);
      expect(everything).not.toContain("KEYwrongwrongwrong");
      expect(everything).not.toMatch(/"external_?pin"/i);
      for (const wire of sim.numbers) if (wire.external_pin) expect(everything).not.toContain(`"${wire.external_pin}"`);
    });
  });
});
