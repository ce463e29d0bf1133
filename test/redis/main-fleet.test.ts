import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HIGHLEVEL_SIM_APP, HighLevelSimulator } from "../../src/simulators/highlevel/index.js";
import { postGraphQL, startMain, type MainProcess } from "../support/main-process.js";
import { startRedisServer, type RedisServer } from "../support/redis-server.js";

const LOCATION = "sim-loc-main";
const QUERY = "{ phoneNumbers(first: 1000, filter: { providers: [HIGHLEVEL] }) { totalCount } }";

/** `npm start` twice with one REDIS_URL, as a fleet runs: the wiring in main, not a test's own. */
describe("two gateway processes with REDIS_URL and one HighLevel OAuth install", () => {
  const sim = new HighLevelSimulator({ numbers: 30 });
  let redisServer: RedisServer;
  let root: string;
  const processes: MainProcess[] = [];

  beforeAll(async () => {
    await sim.start();
    redisServer = await startRedisServer();
    root = await mkdtemp(join(tmpdir(), "numbergraph-main-fleet-"));
  });
  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill("SIGKILL");
    await redisServer?.stop();
    await sim.stop();
    await rm(root, { recursive: true, force: true });
  });

  it("trade once for the install between them, share its tokens and snapshots through Redis, and say so in /readyz", async () => {
    const original = sim.oauth.install({ locationId: LOCATION });
    const env = (name: string) => ({
      NODE_ENV: "development",
      LOG_LEVEL: "info",
      REDIS_URL: redisServer.url,
      HIGHLEVEL_CLIENT_ID: HIGHLEVEL_SIM_APP.clientId,
      HIGHLEVEL_CLIENT_SECRET: HIGHLEVEL_SIM_APP.clientSecret,
      HIGHLEVEL_REFRESH_TOKEN: original,
      HIGHLEVEL_LOCATION_IDS: LOCATION,
      HIGHLEVEL_BASE_URL: sim.baseUrl,
      NUMBERGRAPH_STATE_DIR: join(root, name),
    });
    processes.push(...(await Promise.all([startMain(env("a")), startMain(env("b"))])));
    for (const p of processes) {
      const answer = await postGraphQL(p.url, QUERY);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.phoneNumbers.totalCount).toBe(sim.location(LOCATION).numbers.length);
      const ready = (await (await fetch(p.url.replace(/\/graphql$/, "/readyz"))).json()) as { redis: { state: string; address: string } };
      expect(ready.redis).toMatchObject({ state: "up", address: `127.0.0.1:${redisServer.port}` });
    }
    expect(sim.oauth.counters).toMatchObject({ trades: 1, retiredRefreshTokenPresented: 0 });

    // The install's record is in Redis under the prefix and its hash tag, holding HighLevel's current refresh token.
    const probe = new Redis(redisServer.url);
    try {
      const keys = await probe.keys("numbergraph:{state:*");
      expect(keys).toEqual([`numbergraph:{state:highlevel-oauth/${HIGHLEVEL_SIM_APP.clientId.split("-")[0]}/Location/${LOCATION}}:value`]);
      const record = JSON.parse((await probe.hget(keys[0]!, "value"))!) as { refreshToken: string };
      expect(sim.oauth.isCurrent(record.refreshToken)).toBe(true);
      expect(await probe.exists(`numbergraph:{HIGHLEVEL/${LOCATION}}:snapshot`)).toBe(1);
    } finally {
      await probe.quit();
    }

    for (const p of processes) p.child.kill("SIGTERM");
    expect(await Promise.all(processes.map((p) => p.exited))).toEqual([0, 0]);
    for (const p of processes) {
      expect(p.output()).not.toContain(original);
      expect(p.output()).not.toMatch(/sim-(access|refresh)\.[A-Za-z0-9_-]{10}/);
    }
  }, 60_000);
});
