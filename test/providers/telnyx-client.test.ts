import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { createTelnyxAccount, TELNYX_PAGE_SIZE, type TelnyxAccountConfig } from "../../src/providers/telnyx/telnyx-client.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { upstreamFailure } from "../support/upstream-error.js";
import { TelnyxSimulator } from "../../src/simulators/telnyx/index.js";

describe("Telnyx client against the Telnyx simulator over HTTP", () => {
  const sim = new TelnyxSimulator();
  let config: TelnyxAccountConfig;
  const path = "GET /v2/phone_numbers";

  beforeAll(async () => {
    config = { accountId: "default", apiKey: SIM_CREDENTIALS.telnyx.apiKey, baseUrl: `${await sim.start()}/v2`, retryBaseDelayMs: 5, retries: 1, timeoutMs: 1000, maxRetryAfterMs: 1500 };
  });
  afterEach(() => {
    sim.resetFaults();
    sim.resetCounts();
  });
  afterAll(() => sim.stop());

  it("lists every number, pages 2..N in parallel, at the minimum number of pages", async () => {
    const numbers = await createTelnyxAccount(config).listNumbers();
    expect(numbers.map((n) => n.providerId).sort()).toEqual(sim.numbers.map((n) => n.id).sort());
    expect(new Set(numbers.map((n) => n.e164))).toEqual(new Set(sim.numbers.map((n) => n.phone_number)));
    expect(sim.counts()).toEqual({ [path]: Math.ceil(sim.numbers.length / TELNYX_PAGE_SIZE) });
    expect(sim.numbers.length).toBeGreaterThan(TELNYX_PAGE_SIZE);
  });

  it("maps statuses, legacy types, connections and capabilities; drops external_pin", async () => {
    const numbers = await createTelnyxAccount(config).listNumbers();
    const byId = new Map(numbers.map((n) => [n.providerId, n]));
    const wireWith = (predicate: (w: (typeof sim.numbers)[number]) => boolean) => sim.numbers.find(predicate)!;

    const connected = wireWith((w) => w.connection_id !== null && w.messaging_profile_id !== null && w.status === "active");
    expect(byId.get(connected.id)).toMatchObject({
      status: "ACTIVE",
      assigned: true,
      assignee: { id: connected.connection_id, name: connected.connection_name, type: "CONNECTION", extensionNumber: null },
      capabilities: { voice: true, sms: true, inbound: true, outbound: null, mms: null },
      countryCode: connected.country_iso_alpha2,
      createdAt: new Date(connected.created_at),
      updatedAt: new Date(connected.updated_at),
      details: { provider: "TELNYX", id: connected.id, connectionName: connected.connection_name, status: "active" },
    });
    const loose = wireWith((w) => w.connection_id === null);
    expect(byId.get(loose.id)).toMatchObject({ assigned: false, assignee: null, capabilities: { voice: null, inbound: null } });

    const statusOf = (raw: string) => byId.get(wireWith((w) => w.status === raw).id)!.status;
    expect([statusOf("port-pending"), statusOf("ported-out"), statusOf("requirement-info-exception"), statusOf("deleted")]).toEqual(["PENDING", "INACTIVE", "PENDING", "INACTIVE"]);
    const typeOf = (raw: string) => byId.get(wireWith((w) => w.phone_number_type === raw).id)!.numberType;
    expect([typeOf("tollfree"), typeOf("longcode"), typeOf("landline"), typeOf("shared_cost"), typeOf("shortcode")]).toEqual(["TOLL_FREE", "LOCAL", "LOCAL", "SHARED_COST", "UNKNOWN"]);

    const pinned = wireWith((w) => w.external_pin !== null);
    expect(byId.get(pinned.id)!.details).toMatchObject({ hasExternalPin: true });
    const everything = JSON.stringify(numbers);
    expect(everything).not.toContain("external_pin");
    expect(everything).not.toContain("externalPin\"");
    for (const w of sim.numbers.filter((n) => n.external_pin).slice(0, 50)) expect(JSON.stringify(byId.get(w.id))).not.toContain(`"${w.external_pin}"`);
  });

  it("pushes down only exact filters", async () => {
    const active = await createTelnyxAccount(config).listNumbers({ statuses: ["ACTIVE"], countryCodes: ["GB"] });
    const expected = sim.numbers.filter((n) => n.status === "active" && n.country_iso_alpha2 === "GB");
    expect(active.map((n) => n.providerId).sort()).toEqual(expected.map((n) => n.id).sort());
    expect(sim.total()).toBe(Math.max(1, Math.ceil(expected.length / TELNYX_PAGE_SIZE)));

    // TOLL_FREE is toll_free or legacy tollfree: not one filter value, so nothing is pushed.
    sim.resetCounts();
    const all = await createTelnyxAccount(config).listNumbers({ numberTypes: ["TOLL_FREE"] });
    expect(all).toHaveLength(sim.numbers.length);
  });

  it("maps faults to typed errors, recovers from transient ones, never leaks the key", async () => {
    const account = createTelnyxAccount(config);
    sim.setFaults({ failureRate: 1 });
    const unavailable = await upstreamFailure(account.listNumbers());
    expect([unavailable.code, unavailable.provider, unavailable.details.status]).toEqual(["UPSTREAM_UNAVAILABLE", "TELNYX", 500]);
    expect(unavailable.message).toContain("10007");

    sim.resetFaults();
    sim.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1 });
    const limited = await upstreamFailure(account.listNumbers());
    expect([limited.code, limited.details.retryAfterMs]).toEqual(["UPSTREAM_RATE_LIMITED", 1000]);
    expect(limited.message).toContain("10011");

    sim.resetFaults();
    sim.setFaults({ rateLimitRate: 1, retryAfterSeconds: 30 });
    sim.resetCounts();
    expect((await upstreamFailure(account.listNumbers())).code).toBe("UPSTREAM_RATE_LIMITED");
    expect(sim.total()).toBe(1); // a Retry-After beyond maxRetryAfterMs fails fast instead of waiting

    sim.resetFaults();
    sim.setFaults({ malformedNext: 1 });
    expect((await upstreamFailure(createTelnyxAccount({ ...config, retries: 0 }).listNumbers())).code).toBe("UPSTREAM_BAD_RESPONSE");

    sim.resetFaults();
    sim.setFaults({ hangMs: 1500 });
    expect((await upstreamFailure(createTelnyxAccount({ ...config, retries: 0, timeoutMs: 200 }).listNumbers())).code).toBe("UPSTREAM_TIMEOUT");

    sim.resetFaults();
    sim.resetCounts();
    sim.setFaults({ failNext: 1, rateLimitNext: 1, retryAfterSeconds: 0 });
    expect(await createTelnyxAccount({ ...config, retries: 2 }).listNumbers()).toHaveLength(sim.numbers.length);
    expect(sim.total()).toBe(Math.ceil(sim.numbers.length / TELNYX_PAGE_SIZE) + 2);

    const denied = await upstreamFailure(createTelnyxAccount({ ...config, apiKey: "KEYwrongwrongwrong" }).listNumbers());
    expect(denied.code).toBe("UPSTREAM_AUTH_FAILED");
    expect(denied.message).toContain("10009");
    expect(denied.message).not.toContain("KEYwrongwrongwrong");
  });
});
