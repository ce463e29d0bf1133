import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { HighLevel } from "@gohighlevel/api-client";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { HighLevelSimulator } from "../../src/simulators/highlevel/index.js";

const [MAIN, , EMPTY] = SIM_CREDENTIALS.highlevel.locationIds;

/** HighLevel's official SDK, its HTTP client pointed at our simulator. */
describe("@gohighlevel/api-client lists every number and pool from the HighLevel simulator", () => {
  const sim = new HighLevelSimulator({ numbers: 1200 });
  let ghl: HighLevel;
  beforeAll(async () => {
    const base = await sim.start();
    ghl = new HighLevel({ privateIntegrationToken: SIM_CREDENTIALS.highlevel.token, apiVersion: "2021-07-28" });
    ghl.getHttpClient().defaults.baseURL = base;
  });
  afterAll(() => sim.stop());

  it("pages activeNumbers with skipNumberPool=false to every number, pool members included", async () => {
    const sids: string[] = [];
    for (let page = 0; ; page++) {
      const body = await ghl.phoneSystem.activeNumbers({ locationId: MAIN!, pageSize: 1000, page, skipNumberPool: false });
      sids.push(...body.numbers.map((n: { sid: string }) => n.sid));
      if (body.numbers.length < 1000) break;
    }
    expect(sids).toEqual(sim.location(MAIN!).numbers.map((n) => n.sid));
  });

  it("sees pool members hidden by default paging, and the empty-location shape", async () => {
    const hidden = await ghl.phoneSystem.activeNumbers({ locationId: MAIN!, pageSize: 1000, page: 0 });
    const pooled = sim.location(MAIN!).pooledSids;
    expect(hidden.numbers.some((n: { sid: string }) => pooled.has(n.sid))).toBe(false);
    expect(await ghl.phoneSystem.activeNumbers({ locationId: EMPTY!, pageSize: 100 })).toEqual({ numbers: [], total: 0 });
  });

  it("lists every pool with getNumberPoolList", async () => {
    const body = await ghl.phoneSystem.getNumberPoolList({ locationId: MAIN! });
    expect(body.success).toBe(true);
    expect(body.data.map((p: { id: string }) => p.id)).toEqual(sim.location(MAIN!).pools.map((p) => p.id));
  });
});
