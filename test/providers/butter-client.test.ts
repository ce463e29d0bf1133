import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { BUTTER_PAGE_LIMIT, createButterAccount, type ButterAccountConfig } from "../../src/providers/butter/butter-client.js";
import { ButterSimulator } from "../../src/simulators/butter/index.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { upstreamFailure } from "../support/upstream-error.js";

describe("Butter client against the Butter simulator over HTTP", () => {
  const sim = new ButterSimulator();
  let config: ButterAccountConfig;
  const path = "GET /api/phone-numbers";

  beforeAll(async () => {
    config = { ...SIM_CREDENTIALS.butter, baseUrl: await sim.start(), retryBaseDelayMs: 5, retries: 1, timeoutMs: 1000 };
  });
  afterEach(() => {
    sim.resetFaults();
    sim.repeatCursor = false;
    sim.resetCounts();
  });
  afterAll(() => sim.stop());

  it("lists every number in the minimum number of pages, mapped", async () => {
    const numbers = await createButterAccount(config).listNumbers();
    expect(numbers.map((n) => n.providerId)).toEqual(sim.numbers.map((n) => n.phone_number_id));
    expect(numbers.map((n) => n.e164)).toEqual(sim.numbers.map((n) => n.phone_number));
    expect(sim.counts()).toEqual({ [path]: Math.ceil(sim.numbers.length / BUTTER_PAGE_LIMIT) });

    const wire = sim.numbers.find((n) => n.status === "assigned" && n.supports_inbound && !n.supports_outbound) ?? sim.numbers.find((n) => n.status === "assigned")!;
    const mapped = numbers.find((n) => n.providerId === wire.phone_number_id)!;
    expect(mapped).toMatchObject({
      provider: "BUTTER",
      accountId: SIM_CREDENTIALS.butter.organizationId,
      status: "ACTIVE",
      assigned: true,
      assignee: { id: wire.assigned_agent_id, type: "AGENT", name: null, extensionNumber: null },
      capabilities: { voice: true, sms: null, mms: null, fax: null, inbound: wire.supports_inbound, outbound: wire.supports_outbound },
      createdAt: new Date(wire.created_at),
      details: { provider: "BUTTER", phoneNumberId: wire.phone_number_id, carrier: wire.provider, status: "assigned", assignedAgentId: wire.assigned_agent_id },
    });
    expect(numbers.filter((n) => !n.assigned).every((n) => n.assignee === null)).toBe(true);
    expect(new Set(numbers.map((n) => n.numberType))).toEqual(new Set(["LOCAL", "TOLL_FREE"]));
  });

  it("pushes the assigned filter down as status", async () => {
    const free = await createButterAccount(config).listNumbers({ assigned: false });
    const expected = sim.numbers.filter((n) => n.status === "free");
    expect(free.map((n) => n.providerId)).toEqual(expected.map((n) => n.phone_number_id));
    expect(sim.total()).toBe(Math.ceil(expected.length / BUTTER_PAGE_LIMIT));
  });

  it("stops on a repeated cursor instead of looping", async () => {
    sim.repeatCursor = true;
    const error = await upstreamFailure(createButterAccount(config).listNumbers());
    expect(error.code).toBe("UPSTREAM_BAD_RESPONSE");
    expect(error.message).toContain("twice");
    expect(sim.total()).toBe(2); // page 1 issues the cursor, page 2 repeats it
  });

  it("maps faults to typed errors, recovers from a transient one, and never leaks the key", async () => {
    const account = createButterAccount(config);
    sim.setFaults({ failureRate: 1 });
    const unavailable = await upstreamFailure(account.listNumbers());
    expect([unavailable.code, unavailable.provider, unavailable.details.status]).toEqual(["UPSTREAM_UNAVAILABLE", "BUTTER", 500]);
    expect(sim.total()).toBe(2); // one retry

    sim.resetFaults();
    sim.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1 });
    expect((await upstreamFailure(account.listNumbers())).code).toBe("UPSTREAM_RATE_LIMITED");

    sim.resetFaults();
    sim.setFaults({ malformedNext: 1 });
    expect((await upstreamFailure(createButterAccount({ ...config, retries: 0 }).listNumbers())).code).toBe("UPSTREAM_BAD_RESPONSE");

    sim.resetFaults();
    sim.setFaults({ hangMs: 1500 });
    expect((await upstreamFailure(createButterAccount({ ...config, retries: 0, timeoutMs: 200 }).listNumbers())).code).toBe("UPSTREAM_TIMEOUT");

    sim.resetFaults();
    sim.setFaults({ latencyMs: 20 });
    expect(await account.listNumbers()).toHaveLength(sim.numbers.length);

    sim.resetFaults();
    sim.resetCounts();
    sim.setFaults({ failNext: 1 });
    expect(await account.listNumbers()).toHaveLength(sim.numbers.length);
    expect(sim.total()).toBe(Math.ceil(sim.numbers.length / BUTTER_PAGE_LIMIT) + 1);

    const denied = await upstreamFailure(createButterAccount({ ...config, apiKey: "wrong-butter-key-123" }).listNumbers());
    expect(denied.code).toBe("UPSTREAM_AUTH_FAILED");
    expect(denied.message).toContain("UNAUTHORIZED");
    expect(denied.message).not.toContain("wrong-butter-key-123");
    expect(JSON.stringify(denied)).not.toContain(SIM_CREDENTIALS.butter.apiKey);
  });
});
