import "reflect-metadata";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { GHLAuthenticationError, GHLError, GHLNotFoundError, GHLRateLimitError, HighLevel } from "@gohighlevel/api-client";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { HighLevelSimulator } from "../../src/simulators/highlevel/index.js";

const [MAIN, BRANCH, EMPTY] = SIM_CREDENTIALS.highlevel.locationIds as unknown as [string, string, string];

/**
 * HighLevel's official SDK (phone-system.js: `activeNumbers(params)` with path `locationId` and
 * query `pageSize`, `page`, `searchFilter`, `skipNumberPool`; `getNumberPoolList({ locationId })`),
 * its axios client pointed at our simulator.
 */
describe("@gohighlevel/api-client lists every number and pool from the HighLevel simulator", () => {
  const sim = new HighLevelSimulator({ numbers: 1200 });
  let base: string;
  const sdk = (options: { token?: string; apiVersion?: string } = {}) => {
    const ghl = new HighLevel({ privateIntegrationToken: options.token ?? SIM_CREDENTIALS.highlevel.token, apiVersion: options.apiVersion ?? "2021-07-28", logLevel: "none" });
    ghl.getHttpClient().defaults.baseURL = base;
    return ghl;
  };
  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => e as GHLError,
    );

  beforeAll(async () => {
    base = await sim.start();
  });
  afterEach(() => sim.resetFaults());
  afterAll(() => sim.stop());

  it("pages activeNumbers with skipNumberPool=false to every number, pool members included", async () => {
    for (const location of [MAIN, BRANCH]) {
      const numbers: unknown[] = [];
      for (let page = 0; ; page++) {
        const body = await sdk().phoneSystem.activeNumbers({ locationId: location, pageSize: 1000, page, skipNumberPool: false });
        numbers.push(...body.numbers);
        if (body.numbers.length < 1000) break;
      }
      // Whole records, field for field, as the simulator holds them.
      expect(numbers).toEqual(sim.location(location).numbers);
    }
  });

  it("sees pool members hidden by default paging, and the empty-location shape", async () => {
    const hidden = await sdk().phoneSystem.activeNumbers({ locationId: MAIN, pageSize: 1000, page: 1 });
    const pooled = sim.location(MAIN).pooledSids;
    const unpooled = sim.location(MAIN).numbers.filter((n) => !pooled.has(n.sid));
    expect(hidden.numbers.map((n: { sid: string }) => n.sid)).toEqual(unpooled.slice(1000).map((n) => n.sid));
    expect(await sdk().phoneSystem.activeNumbers({ locationId: EMPTY, pageSize: 100 })).toEqual({ numbers: [], total: 0 });
  });

  it("lists every pool with getNumberPoolList", async () => {
    for (const location of [MAIN, BRANCH, EMPTY]) {
      const body = await sdk().phoneSystem.getNumberPoolList({ locationId: location });
      expect(body).toEqual({ success: true, data: sim.location(location).pools, total: sim.location(location).pools.length });
    }
  });

  it("raises the SDK's own errors from the simulator's error bodies and rate-limit headers", async () => {
    // The SDK's default apiVersion (2023-02-21) is not one this endpoint accepts.
    const wrongVersion = await rejection(sdk({ apiVersion: "2023-02-21" }).phoneSystem.activeNumbers({ locationId: MAIN }));
    expect(wrongVersion).toBeInstanceOf(GHLError);
    expect([wrongVersion!.statusCode, wrongVersion!.response]).toEqual([400, { message: expect.stringContaining("2021-07-28"), error: "Bad Request", statusCode: 400 }]);

    const denied = await rejection(sdk({ token: "pit-wrong" }).phoneSystem.activeNumbers({ locationId: MAIN }));
    expect(denied).toBeInstanceOf(GHLAuthenticationError);
    expect(denied!.message).toBe("Invalid token: access token is invalid");

    const notConnected = await rejection(sdk().phoneSystem.activeNumbers({ locationId: "no-such-location" }));
    expect(notConnected).toBeInstanceOf(GHLNotFoundError);
    expect(notConnected!.message).toBe("Phone system is not connected to this account");

    sim.setFaults({ rateLimitNext: 1, retryAfterSeconds: 3 });
    const limited = (await rejection(sdk().phoneSystem.activeNumbers({ locationId: MAIN }))) as GHLRateLimitError;
    expect(limited).toBeInstanceOf(GHLRateLimitError);
    expect(limited.rateLimit).toMatchObject({ scope: "burst", max: 100, remaining: 0, intervalMs: 10_000, dailyLimit: 200_000 });
  });
});
