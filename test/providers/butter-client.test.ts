import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { getMetadataStorage } from "type-graphql";
import { BUTTER_PAGE_LIMIT, createButterAccount, type ButterAccountConfig } from "../../src/providers/butter/butter-client.js";
import { mapButterNumber, type ButterDetails } from "../../src/providers/butter/butter-mapping.js";
import { RecordMapper } from "../../src/providers/shared/mapping.js";
import { butterListResponseSchema } from "../../src/providers/butter/butter-wire.js";
import { ButterNumberDetails } from "../../src/providers/butter/butter-details.type.js";
import { ButterSimulator } from "../../src/simulators/butter/index.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { crossHeldFor } from "../../src/simulators/seed.js";
import { upstreamFailure } from "../support/upstream-error.js";
import { listNumbers, testBounds } from "../support/stack.js";
import { numberFields } from "../support/number-fields.js";
import { TEST_DEPS, testLogger } from "../support/log-capture.js";

/** The response example of butter-list-phone-numbers.md, verbatim. */
const DOC_EXAMPLE = {
  success: true,
  data: [
    {
      phone_number_id: "phon_a1b2c3d4e5f6",
      phone_number: "+15551234567",
      provider: "twilio",
      status: "assigned",
      supports_inbound: true,
      supports_outbound: true,
      assigned_agent_id: "agent_b2c3d4e5f6a7",
      created_at: "2024-01-15T10:30:00Z",
    },
    { phone_number_id: "phon_b2c3d4e5f6a7", phone_number: "+15559876543", provider: "sip", status: "free", supports_inbound: true, supports_outbound: true, assigned_agent_id: null, created_at: "2024-01-10T09:00:00Z" },
  ],
  pagination: { next_cursor: null, has_more: false, page_size: 2, total_count: 2 },
};

describe("Butter client against the Butter simulator over HTTP", () => {
  const sim = new ButterSimulator();
  let config: ButterAccountConfig;
  const path = "GET /api/phone-numbers";
  const pagesFor = (n: number) => Math.ceil(n / BUTTER_PAGE_LIMIT);

  beforeAll(async () => {
    config = { ...SIM_CREDENTIALS.butter, baseUrl: await sim.start(), retryBaseDelayMs: 5, retries: 1, timeoutMs: 1000 };
  });
  afterEach(() => {
    sim.resetFaults();
    sim.repeatCursor = false;
    sim.dropCursor = false;
    sim.resetCounts();
  });
  afterAll(() => sim.stop());

  it("lists the whole default-scale inventory in the minimum number of pages", async () => {
    expect(sim.numbers.length).toBe(400 + crossHeldFor("BUTTER").length);
    const numbers = await listNumbers(createButterAccount(config, TEST_DEPS));
    expect(numbers.map((n) => n.providerId)).toEqual(sim.numbers.map((n) => n.phone_number_id));
    expect(numbers.map((n) => n.e164)).toEqual(sim.numbers.map((n) => n.phone_number));
    expect(numbers.every((n) => n.provider === "BUTTER" && n.accountId === SIM_CREDENTIALS.butter.organizationId)).toBe(true);
    expect(sim.counts()).toEqual({ [path]: pagesFor(sim.numbers.length) });
  });

  it("maps statuses, assignees, capabilities, dates and details", async () => {
    const numbers = await listNumbers(createButterAccount(config, TEST_DEPS));
    const byId = new Map(numbers.map((n) => [n.providerId, n]));

    const assigned = sim.numbers.find((n) => n.status === "assigned" && n.supports_inbound && !n.supports_outbound)!;
    expect(numberFields(byId.get(assigned.phone_number_id)!)).toEqual({
      id: expect.any(String),
      key: assigned.phone_number_id,
      provider: "BUTTER",
      providerId: assigned.phone_number_id,
      accountId: SIM_CREDENTIALS.butter.organizationId,
      e164: assigned.phone_number,
      displayName: null,
      countryCode: expect.any(String),
      numberType: expect.any(String),
      status: "ACTIVE",
      capabilities: { voice: true, sms: null, mms: null, fax: null, inbound: true, outbound: false },
      assigned: true,
      assignee: { id: assigned.assigned_agent_id, type: "AGENT", name: null, extensionNumber: null },
      createdAt: new Date(assigned.created_at),
      updatedAt: null,
      details: {
        provider: "BUTTER",
        phoneNumberId: assigned.phone_number_id,
        phoneNumber: assigned.phone_number,
        carrier: assigned.provider,
        status: "assigned",
        supportsInbound: true,
        supportsOutbound: false,
        assignedAgentId: assigned.assigned_agent_id,
        createdAt: assigned.created_at,
      },
    });

    const free = sim.numbers.find((n) => n.status === "free" && !n.supports_inbound)!;
    expect(byId.get(free.phone_number_id)).toMatchObject({
      status: "ACTIVE",
      assigned: false,
      assignee: null,
      capabilities: { inbound: false, outbound: true },
      details: { status: "free", assignedAgentId: null },
    });
    expect(numbers.filter((n) => n.assigned)).toHaveLength(sim.numbers.filter((n) => n.status === "assigned").length);
    expect(numbers.every((n) => n.assigned === (n.assignee !== null))).toBe(true);
    expect(new Set(numbers.map((n) => (n.details as ButterDetails).carrier))).toEqual(new Set(["twilio", "sip", "telnyx", "vonage"]));

    // The GraphQL details type describes exactly the details object (minus the union's discriminator).
    const fields = getMetadataStorage()
      .fields.filter((f) => f.target === ButterNumberDetails)
      .map((f) => f.name);
    for (const n of numbers)
      expect(
        Object.keys(n.details)
          .filter((k) => k !== "provider")
          .sort(),
      ).toEqual([...fields].sort());
  });

  it("types numbers from the E.164 number itself", async () => {
    const numbers = await listNumbers(createButterAccount(config, TEST_DEPS));
    const typeOf = (prefix: string) => new Set(numbers.filter((n) => n.e164.startsWith(prefix)).map((n) => `${n.numberType} ${n.countryCode}`));
    expect(typeOf("+1800")).toEqual(new Set(["TOLL_FREE US"]));
    expect(typeOf("+1415")).toEqual(new Set(["LOCAL US"]));
    expect(typeOf("+447400")).toEqual(new Set(["MOBILE GB"]));
    expect(typeOf("+44207")).toEqual(new Set(["LOCAL GB"]));
    expect(typeOf("+44330")).toEqual(new Set(["NATIONAL GB"]));
    expect(typeOf("+33810")).toEqual(new Set(["SHARED_COST FR"]));
    expect(typeOf("+44845")).toEqual(new Set(["UNKNOWN GB"])); // libphonenumber: premium rate, no unified type
    expect(new Set(numbers.map((n) => n.numberType))).toEqual(new Set(["LOCAL", "TOLL_FREE", "MOBILE", "NATIONAL", "SHARED_COST", "UNKNOWN"]));
  });

  it("reads the documented example, and maps values it does not know to UNKNOWN", () => {
    const docMapper = new RecordMapper("BUTTER", "org_doc", testLogger);
    const page = butterListResponseSchema.parse({ ...DOC_EXAMPLE, data: DOC_EXAMPLE.data.map((n) => ({ ...n, label: "extra fields are tolerated" })) });
    const [twilio, sip] = page.data.map((n) => mapButterNumber(n, docMapper));
    // +1 555 numbers are fictional: they parse, but have no type.
    expect(twilio).toMatchObject({ e164: "+15551234567", numberType: "UNKNOWN", assigned: true, assignee: { id: "agent_b2c3d4e5f6a7", type: "AGENT" }, createdAt: new Date("2024-01-15T10:30:00Z") });
    expect(sip).toMatchObject({ providerId: "phon_b2c3d4e5f6a7", assigned: false, assignee: null, details: { carrier: "sip", status: "free" } });

    const odd = mapButterNumber({ ...page.data[0]!, phone_number: "+14155550100", status: "porting", provider: null, supports_outbound: null, created_at: "not a date" }, docMapper);
    expect(odd).toMatchObject({ status: "UNKNOWN", assigned: true, capabilities: { outbound: null }, createdAt: null, details: { status: "porting", carrier: null, createdAt: "not a date" } });
    const oddFree = mapButterNumber({ ...page.data[1]!, status: "released" }, docMapper);
    expect(oddFree).toMatchObject({ status: "UNKNOWN", assigned: false, assignee: null });

    expect(() => mapButterNumber({ ...page.data[0]!, phone_number: "n/a" }, docMapper)).toThrow(expect.objectContaining({ provider: "BUTTER", code: "UPSTREAM_BAD_RESPONSE" }));
  });

  it("stops on a repeated cursor instead of looping", async () => {
    sim.repeatCursor = true;
    const error = await upstreamFailure(listNumbers(createButterAccount(config, TEST_DEPS)));
    expect(error.code).toBe("UPSTREAM_BAD_RESPONSE");
    expect(error.message).toContain("twice");
    expect(sim.total()).toBe(2); // page 1 issues the cursor, page 2 answers with it again
  });

  it("fails on has_more without a next_cursor instead of stopping short", async () => {
    sim.dropCursor = true;
    const error = await upstreamFailure(listNumbers(createButterAccount(config, TEST_DEPS)));
    expect([error.code, error.provider]).toEqual(["UPSTREAM_BAD_RESPONSE", "BUTTER"]);
    expect(error.message).toContain("next_cursor");
    expect(sim.total()).toBe(1);
  });

  it("maps 5xx, 429, malformed and hanging answers to typed errors", async () => {
    const account = createButterAccount(config, TEST_DEPS);
    sim.setFaults({ failureRate: 1 });
    const unavailable = await upstreamFailure(listNumbers(account));
    expect([unavailable.code, unavailable.provider, unavailable.details.status]).toEqual(["UPSTREAM_UNAVAILABLE", "BUTTER", 500]);
    expect(unavailable.message).toContain("INTERNAL_ERROR");
    expect(sim.total()).toBe(2); // one retry

    sim.resetFaults();
    sim.resetCounts();
    sim.setFaults({ rateLimitRate: 1, retryAfterSeconds: 60 }); // past the listing's 30 s budget: fail fast
    const limited = await upstreamFailure(listNumbers(account));
    expect([limited.code, limited.details.status, limited.details.retryAfterMs]).toEqual(["UPSTREAM_RATE_LIMITED", 429, 60_000]);
    expect(limited.message).toContain("RATE_LIMITED");
    expect(sim.total()).toBe(1);

    sim.resetFaults();
    sim.setFaults({ malformedNext: 2 });
    expect((await upstreamFailure(listNumbers(createButterAccount({ ...config, retries: 0 }, TEST_DEPS)))).code).toBe("UPSTREAM_BAD_RESPONSE");

    sim.resetFaults();
    sim.setFaults({ hangMs: 1500 });
    expect((await upstreamFailure(listNumbers(createButterAccount({ ...config, retries: 0, timeoutMs: 200 }, TEST_DEPS)))).code).toBe("UPSTREAM_TIMEOUT");
  });

  it("recovers from a transient 500 and from a 429 after its Retry-After, at one extra request each", async () => {
    const account = createButterAccount(config, TEST_DEPS);
    const pages = pagesFor(sim.numbers.length);
    sim.setFaults({ failNext: 1 });
    expect(await listNumbers(account)).toHaveLength(sim.numbers.length);
    expect(sim.total()).toBe(pages + 1);

    sim.resetCounts();
    sim.setFaults({ rateLimitNext: 1, retryAfterSeconds: 1 });
    expect(await listNumbers(account)).toHaveLength(sim.numbers.length);
    expect(sim.total()).toBe(pages + 1);

    sim.resetCounts();
    sim.setFaults({ latencyMs: 20 });
    expect(await listNumbers(account)).toHaveLength(sim.numbers.length);
    expect(sim.total()).toBe(pages);
  });

  it("reports refused credentials without the key, in errors and records alike", async () => {
    const wrongKey = "wrong-butter-key-123";
    const denied = await upstreamFailure(listNumbers(createButterAccount({ ...config, apiKey: wrongKey }, TEST_DEPS)));
    expect([denied.code, denied.details.status]).toEqual(["UPSTREAM_AUTH_FAILED", 401]);
    expect(denied.message).toContain("UNAUTHORIZED");
    expect(sim.total()).toBe(1); // a 401 is not retried

    const otherOrg = await upstreamFailure(listNumbers(createButterAccount({ ...config, organizationId: "org_other" }, TEST_DEPS)));
    expect([otherOrg.code, otherOrg.details.status, otherOrg.details.accountId]).toEqual(["UPSTREAM_AUTH_FAILED", 403, "org_other"]);

    for (const error of [denied, otherOrg]) {
      const text = `${error.message} ${error.stack} ${JSON.stringify(error)}`;
      expect(text).not.toContain(wrongKey);
      expect(text).not.toContain(SIM_CREDENTIALS.butter.apiKey);
    }
    expect(JSON.stringify(await listNumbers(createButterAccount(config, TEST_DEPS)))).not.toContain(SIM_CREDENTIALS.butter.apiKey);
  });

  it("has no pools", async () => {
    expect((await createButterAccount(config, TEST_DEPS).listInventory(testBounds())).pools).toEqual([]);
  });
});
