import "reflect-metadata";
import { afterEach, describe, expect, it } from "@jest/globals";
import { createHighLevelAccounts } from "../../src/providers/highlevel/highlevel-client.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { HighLevelSimulator } from "../../src/simulators/highlevel/index.js";
import { testBounds } from "../support/stack.js";
import { TEST_DEPS, captureLogLines } from "../support/log-capture.js";

const [MAIN] = SIM_CREDENTIALS.highlevel.locationIds as unknown as [string];
const NUMBERS = `GET /phone-system/numbers/location/${MAIN}`;
const POOLS = "GET /phone-system/number-pools";
const tuning = { retryBaseDelayMs: 5, retries: 1, timeoutMs: 3000 };
const bounds = () => testBounds({ maxPages: 100 });

describe("HighLevel pacing by X-RateLimit-Remaining and X-RateLimit-Interval-Milliseconds", () => {
  const sims: HighLevelSimulator[] = [];
  const logLines = captureLogLines();
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((s) => s.stop()));
  });
  // 3,500 numbers: four pages of 1,000 plus the pools call, through a burst of 3 per 2 s, and 429s without Retry-After.
  const start = async () => {
    const sim = new HighLevelSimulator({ numbers: 3500, enforceRateLimit: true, burstLimit: { burstMax: 3, burstIntervalMs: 2000 }, retryAfterOn429: false });
    sims.push(sim);
    const baseUrl = await sim.start();
    const [account] = createHighLevelAccounts({ token: SIM_CREDENTIALS.highlevel.token, locationIds: [MAIN], baseUrl, ...tuning }, TEST_DEPS);
    return { sim, baseUrl, account: account! };
  };

  it("spends a burst of 3 and waits out the window before the next calls, with no 429", async () => {
    const { sim, account } = await start();
    const { numbers } = await account.listInventory(bounds());
    expect(numbers).toHaveLength(sim.location(MAIN).numbers.length);
    expect(sim.statusCounts()).toEqual({ [`${NUMBERS} 200`]: 4, [`${POOLS} 200`]: 1 });
  });

  it("after a 429 with no Retry-After, waits one interval before calling again, and completes with that one 429", async () => {
    const { sim, baseUrl, account } = await start();
    const headers = { authorization: `Bearer ${SIM_CREDENTIALS.highlevel.token}`, version: "2021-07-28" };
    for (let i = 0; i < 3; i++) expect((await fetch(`${baseUrl}/phone-system/number-pools?locationId=${MAIN}`, { headers })).status).toBe(200);
    const { numbers } = await account.listInventory(bounds());
    expect(numbers).toHaveLength(sim.location(MAIN).numbers.length);
    const counts = sim.statusCounts();
    expect(counts[`${NUMBERS} 200`]).toBe(4);
    expect((counts[`${NUMBERS} 429`] ?? 0) + (counts[`${POOLS} 429`] ?? 0)).toBe(1);
  });

  it("wrote no token to any log line in these tests", () => {
    expect(logLines.some((l) => l.includes("retrying upstream call"))).toBe(true); // the log was captured
    for (const line of logLines) expect(line).not.toContain(SIM_CREDENTIALS.highlevel.token);
  });
});
