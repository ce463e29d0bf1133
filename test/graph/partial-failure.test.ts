import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { startStack, type Stack } from "../support/stack.js";

const COUNT_BY_PROVIDER = "{ phoneNumbers(first: 1000) { totalCount nodes { provider } } }";

/**
 * With no snapshot to fall back on (stale-if-error 0) and every request revalidating (TTL 0, no
 * refresh floor), a failed listing is a failed account: the others are still served. Serving the
 * last good snapshot through an outage is test/snapshots/stale-if-error.test.ts.
 */
describe("partial failure: one provider down, the others still served", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ numbers: 120, snapshotPolicy: { ttlMs: 0, minRefreshMs: 0, staleIfErrorMs: 0 } });
  });
  afterEach(() => stack.sims.resetFaults());
  afterAll(() => stack?.stop());

  async function providersServed(): Promise<{ providers: Set<string>; errors: { message: string; extensions?: Record<string, unknown> }[] }> {
    const result = await stack.request<{ phoneNumbers: { nodes: { provider: string }[] } }, never>(COUNT_BY_PROVIDER);
    return { providers: new Set(result.data!.phoneNumbers.nodes.map((n) => n.provider)), errors: result.errors ?? [] };
  }

  it.each([
    ["telnyx", { failureRate: 1 }, "TELNYX", "UPSTREAM_UNAVAILABLE"],
    ["zoom", { rateLimitRate: 1, retryAfterSeconds: 1 }, "ZOOM", "UPSTREAM_RATE_LIMITED"],
    ["butter", { malformedRate: 1 }, "BUTTER", "UPSTREAM_BAD_RESPONSE"],
    ["highlevel", { hangMs: 4000 }, "HIGHLEVEL", "UPSTREAM_TIMEOUT"],
  ] as const)("%s failing gives the others' data and one %s error; the next request is whole again", async (sim, faults, provider, code) => {
    stack.sims[sim].setFaults(faults);
    const broken = await providersServed();
    expect(broken.providers).toEqual(new Set(["HIGHLEVEL", "TELNYX", "ZOOM", "BUTTER"].filter((p) => p !== provider)));
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0]!.extensions).toMatchObject({ code, provider });
    expect(broken.errors[0]!.message).toMatch(/retry|check|later|timeout|JSON/i);

    stack.sims[sim].resetFaults();
    const whole = await providersServed();
    expect(whole.errors).toEqual([]);
    expect(whole.providers).toEqual(new Set(["HIGHLEVEL", "TELNYX", "ZOOM", "BUTTER"]));
  });

  it("reports one error per failed provider, naming its failed accounts", async () => {
    stack.sims.highlevel.setFaults({ failureRate: 1 });
    stack.sims.butter.setFaults({ failureRate: 1 });
    const { providers, errors } = await providersServed();
    expect(providers).toEqual(new Set(["TELNYX", "ZOOM"]));
    expect(errors.map((e) => e.extensions?.provider).sort()).toEqual(["BUTTER", "HIGHLEVEL"]);
    expect(errors.find((e) => e.extensions?.provider === "HIGHLEVEL")!.extensions!.accountIds).toEqual(["sim-loc-branch", "sim-loc-empty", "sim-loc-main"]);
  });

  it("serves a single lookup as null plus the provider's error when its account is down", async () => {
    const page = await stack.request<{ phoneNumbers: { nodes: { id: string }[] } }, never>("{ phoneNumbers(first: 1, filter: { providers: [TELNYX] }) { nodes { id } } }");
    stack.sims.telnyx.setFaults({ failureRate: 1 });
    const lookup = await stack.request<{ phoneNumber: null }, { id: string }>("query($id: ID!) { phoneNumber(id: $id) { e164 } }", { id: page.data!.phoneNumbers.nodes[0]!.id });
    expect(lookup.data).toEqual({ phoneNumber: null });
    expect(lookup.errors?.map((e) => e.extensions?.code)).toEqual(["UPSTREAM_UNAVAILABLE"]);
  });
});
