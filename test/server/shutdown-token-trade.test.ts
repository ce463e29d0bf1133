import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HIGHLEVEL_SIM_APP, HighLevelSimulator } from "../../src/simulators/highlevel/index.js";
import { postGraphQL, startMain } from "../support/main-process.js";

const LOCATION = "sim-loc-main";
const QUERY = "{ phoneNumbers(first: 1000, filter: { providers: [HIGHLEVEL] }) { totalCount } }";

const until = async (what: string, check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 800; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
};

/** The refresh tokens the state directory holds (one file per install; locks and temporaries aside). */
async function storedRefreshTokens(dir: string): Promise<string[]> {
  const tokens: string[] = [];
  for (const name of await readdir(dir)) {
    if (name.startsWith(".") || name.includes("lock")) continue;
    const text = await readFile(join(dir, name), "utf8").catch(() => "");
    const parsed = (() => {
      try {
        return JSON.parse(text) as { refreshToken?: string };
      } catch {
        return {};
      }
    })();
    if (parsed.refreshToken) tokens.push(parsed.refreshToken);
  }
  return tokens;
}

/**
 * Issue 12's shutdown: a refresh-token trade in flight when SIGTERM arrives completes, and its new
 * refresh token reaches the state directory before the process exits. HighLevel retires the old
 * token the moment it trades, so a shutdown that cut the trade off would leave the install with no
 * live refresh token at all.
 */
describe("shutdown with a HighLevel OAuth trade in flight", () => {
  // The simulator runs here, outside the gateway process, and answers /oauth/token slowly.
  const sim = new HighLevelSimulator({ numbers: 40 });
  let dir: string;
  beforeAll(async () => {
    await sim.start();
    dir = await mkdtemp(join(tmpdir(), "numbergraph-shutdown-trade-"));
  });
  afterAll(async () => {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("lets the trade finish and stores its new refresh token before exiting 0; a restart with the retired token in its environment carries on from the store", async () => {
    const original = sim.oauth.install({ locationId: LOCATION });
    const env = {
      NODE_ENV: "development",
      LOG_LEVEL: "info",
      HIGHLEVEL_CLIENT_ID: HIGHLEVEL_SIM_APP.clientId,
      HIGHLEVEL_CLIENT_SECRET: HIGHLEVEL_SIM_APP.clientSecret,
      HIGHLEVEL_REFRESH_TOKEN: original,
      HIGHLEVEL_LOCATION_IDS: LOCATION,
      HIGHLEVEL_BASE_URL: sim.baseUrl,
      NUMBERGRAPH_STATE_DIR: dir,
    };
    sim.oauth.tokenAnswerDelayMs = 2500;
    const first = await startMain(env);
    try {
      // The start-up listing trades first; the simulator has made the trade (retiring `original`) and holds its answer.
      await until("the trade to reach HighLevel", () => sim.oauth.counters.trades === 1);
      expect(sim.oauth.isCurrent(original)).toBe(false);
      first.child.kill("SIGTERM");
      const code = await first.exited;
      if (code !== 0) console.log(first.output().split("\n").slice(-8).join("\n"));
      expect(code).toBe(0);
      expect(first.output().match(/numbergraph stopped on SIGTERM/g)).toHaveLength(1);
    } finally {
      if (first.child.exitCode === null) first.child.kill("SIGKILL");
    }

    // The state directory holds the trade's new refresh token, which HighLevel still honours.
    const stored = await storedRefreshTokens(dir);
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toBe(original);
    expect(sim.oauth.isCurrent(stored[0]!)).toBe(true);
    expect(sim.oauth.counters).toMatchObject({ trades: 1, retiredRefreshTokenPresented: 0 });

    // Restarted with the original (now retired) token still in the environment: the store's wins, and
    // the access token stored beside it is still valid, so the restart answers without a trade.
    sim.oauth.tokenAnswerDelayMs = 0;
    const second = await startMain(env);
    try {
      const answer = await postGraphQL(second.url, QUERY);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.phoneNumbers.totalCount).toBe(sim.location(LOCATION).numbers.length);
      expect(sim.oauth.counters).toMatchObject({ trades: 1, retiredRefreshTokenPresented: 0, refusedTrades: 0 });
    } finally {
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    }
    // No token or secret reached the log of either run.
    for (const secret of [original, ...stored, HIGHLEVEL_SIM_APP.clientSecret]) {
      expect(first.output()).not.toContain(secret);
      expect(second.output()).not.toContain(secret);
    }
  }, 90_000);
});
