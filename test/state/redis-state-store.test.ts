import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { UpstreamError } from "../../src/model/index.js";
import { HighLevelInstallTokens, HighLevelLocationTokens, type HighLevelOAuthDeps } from "../../src/providers/highlevel/highlevel-oauth.js";
import { createFormPoster } from "../../src/providers/shared/form-post.js";
import { connectRedis, type RedisConnection } from "../../src/redis/redis-connection.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { HIGHLEVEL_SIM_APP, HighLevelSimulator } from "../../src/simulators/highlevel/index.js";
import { DirectoryStateStore } from "../../src/state/directory-state-store.js";
import { RedisStateStore } from "../../src/state/redis-state-store.js";
import { memoryLogger } from "../support/memory-logger.js";
import { startRedisServer, type RedisServer } from "../support/redis-server.js";

const [MAIN, BRANCH] = SIM_CREDENTIALS.highlevel.locationIds as unknown as [string, string];
const app = { clientId: HIGHLEVEL_SIM_APP.clientId, clientSecret: HIGHLEVEL_SIM_APP.clientSecret };
const appId = app.clientId.split("-")[0];

/** One gateway instance's view of the state: its own Redis connection and its own state directory. */
interface Instance {
  redis: RedisConnection;
  dir: string;
  store: RedisStateStore;
  deps: HighLevelOAuthDeps;
  log: ReturnType<typeof memoryLogger>;
}

describe("the state store on Redis, shared by two instances, against the HighLevel simulator's OAuth endpoints", () => {
  const clock = { now: Date.UTC(2026, 11, 2) };
  const sim = new HighLevelSimulator({ numbers: 10, oauth: { accessTokenTtlSeconds: 3 }, now: () => clock.now });
  let redisServer: RedisServer;
  let root: string;
  let a: Instance;
  let b: Instance;
  const secrets = new Set<string>([HIGHLEVEL_SIM_APP.clientSecret]);

  async function instance(name: string): Promise<Instance> {
    const log = memoryLogger();
    const redis = connectRedis(redisServer.url, log.logger);
    const dir = join(root, name);
    const store = new RedisStateStore({ redis, directory: await DirectoryStateStore.open(dir), logger: log.logger, lockMs: 2_000 });
    const post = createFormPoster({ provider: "HIGHLEVEL", accountId: "oauth", baseUrl: sim.baseUrl, timeoutMs: 3000 });
    return { redis, dir, store, log, deps: { store, post, log: log.logger, now: () => clock.now } };
  }
  const install = (target: Parameters<typeof sim.oauth.install>[0]) => {
    const token = sim.oauth.install(target);
    secrets.add(token);
    return token;
  };
  const remember = (tokens: { secrets(): string[] }) => tokens.secrets().forEach((s) => secrets.add(s));
  /** The install record in Redis, as the fleet sees it. */
  const inRedis = async (key: string) => {
    const probe = new Redis(redisServer.url);
    try {
      const value = await probe.hget(`numbergraph:{state:${key}}:value`, "value");
      return value === null ? undefined : (JSON.parse(value) as { refreshToken: string; accessToken?: string });
    } finally {
      await probe.quit();
    }
  };
  const lists = async (token: string, location: string) => (await fetch(`${sim.baseUrl}/phone-system/numbers/location/${location}?pageSize=5`, { headers: { authorization: `Bearer ${token}`, version: "2021-07-28" } })).status;

  beforeAll(async () => {
    await sim.start();
    redisServer = await startRedisServer();
    root = await mkdtemp(join(tmpdir(), "numbergraph-redis-state-"));
    [a, b] = await Promise.all([instance("a"), instance("b")]);
  });
  afterAll(async () => {
    // Closed once reconnected after the last outage, so no reconnect timer outlives the test.
    while (!a.redis.available || !b.redis.available) await sleep(20);
    await Promise.all([a?.redis.close(), b?.redis.close()]);
    await redisServer?.stop();
    await sim.stop();
    await rm(root, { recursive: true, force: true });
    // No token, secret or refresh token in any log line.
    for (const line of [...a.log.lines, ...b.log.lines]) {
      for (const secret of secrets) expect(line).not.toContain(secret);
      expect(line).not.toMatch(/sim-(access|refresh)\.[A-Za-z0-9_-]{10}/);
    }
  });

  it("trades once per install across both instances, which share its access token, and never presents a retired refresh token", async () => {
    const env = install({ locationId: MAIN });
    const tokensA = new HighLevelInstallTokens({ ...app, refreshToken: env }, MAIN, a.deps);
    const tokensB = new HighLevelInstallTokens({ ...app, refreshToken: env }, MAIN, b.deps);
    const before = { ...sim.oauth.counters };
    for (let round = 1; round <= 4; round++) {
      const got = await Promise.all([tokensA.accessToken(), tokensB.accessToken(), tokensA.accessToken(), tokensB.accessToken()]);
      remember(tokensA);
      remember(tokensB);
      expect(new Set(got).size).toBe(1);
      expect(await lists(got[0], MAIN)).toBe(200);
      expect(sim.oauth.counters.trades - before.trades).toBe(round);
      clock.now += 3_000; // the access token expires
    }
    expect(sim.oauth.counters.retiredRefreshTokenPresented).toBe(before.retiredRefreshTokenPresented);
    const record = await inRedis(`highlevel-oauth/${appId}/Location/${MAIN}`);
    expect(sim.oauth.isCurrent(record!.refreshToken)).toBe(true);
  });

  it("locks an agency install, not each location: four locations' tokens over two instances cost one Company trade", async () => {
    const env = install({ approvedLocations: [MAIN, BRANCH] });
    const agency = (i: Instance) => {
      const company = new HighLevelInstallTokens({ ...app, refreshToken: env, companyId: HIGHLEVEL_SIM_APP.companyId }, HIGHLEVEL_SIM_APP.companyId, i.deps);
      return [MAIN, BRANCH].map((id) => new HighLevelLocationTokens(company, HIGHLEVEL_SIM_APP.companyId, id, i.deps));
    };
    const locations = [...agency(a), ...agency(b)];
    const before = { ...sim.oauth.counters };
    const tokens = await Promise.all(locations.map((l) => l.accessToken()));
    locations.forEach(remember);
    expect(await Promise.all(tokens.map((t, i) => lists(t, i % 2 === 0 ? MAIN : BRANCH)))).toEqual([200, 200, 200, 200]);
    expect([sim.oauth.counters.trades - before.trades, sim.oauth.counters.locationTokens - before.locationTokens]).toEqual([1, 4]);
    expect(sim.oauth.counters.retiredRefreshTokenPresented).toBe(before.retiredRefreshTokenPresented);
    clock.now += 3_000;
  });

  it("while Redis is down writes the rotated token to the state directory, copies it to Redis once back, and the other instance trades on from it", async () => {
    const env = install({ locationId: BRANCH });
    const key = `highlevel-oauth/${appId}/Location/${BRANCH}`;
    const tokensA = new HighLevelInstallTokens({ ...app, refreshToken: env }, BRANCH, a.deps);
    const tokensB = new HighLevelInstallTokens({ ...app, refreshToken: env }, BRANCH, b.deps);
    const before = { ...sim.oauth.counters };
    remember({ secrets: () => [...[tokensA, tokensB].flatMap((t) => t.secrets())] });
    await Promise.all([tokensA.accessToken(), tokensB.accessToken()]);
    expect(sim.oauth.counters.trades - before.trades).toBe(1);
    clock.now += 3_000;

    await redisServer.kill();
    while (a.redis.available) await sleep(20);
    const during = await tokensA.accessToken();
    remember(tokensA);
    expect(await lists(during, BRANCH)).toBe(200);
    expect(sim.oauth.counters.trades - before.trades).toBe(2);
    // Durable in A's state directory before its access token was used, and noted for Redis.
    const local = JSON.parse(await readFile(join(a.dir, "redis-pending"), "utf8")) as Record<string, { value: string }>;
    const kept = JSON.parse(local[key]!.value) as { refreshToken: string };
    expect(sim.oauth.isCurrent(kept.refreshToken)).toBe(true);
    expect(a.log.lines.some((l) => l.includes("is copied to Redis once it is back"))).toBe(true);

    // Redis comes back empty (it keeps nothing on disk here): A copies what it kept, without being asked.
    await redisServer.start();
    while (!a.log.lines.some((l) => l.includes(`state ${key} kept in the`))) await sleep(20);
    expect((await inRedis(key))?.refreshToken).toBe(kept.refreshToken);
    expect(JSON.parse(await readFile(join(a.dir, "redis-pending"), "utf8"))).toEqual({});

    // B, whose own memory and directory hold the retired token, trades from Redis's.
    while (!b.redis.available) await sleep(20);
    clock.now += 3_000;
    const after = await tokensB.accessToken();
    remember(tokensB);
    expect(await lists(after, BRANCH)).toBe(200);
    expect(sim.oauth.counters.trades - before.trades).toBe(3);
    expect(sim.oauth.counters.retiredRefreshTokenPresented).toBe(before.retiredRefreshTokenPresented);
  });

  it("does not trade when neither Redis nor the state directory can be written, and names both", async () => {
    const c = await instance("c");
    try {
      const env = install({ locationId: MAIN });
      await redisServer.kill();
      while (c.redis.available) await sleep(20);
      await rm(c.dir, { recursive: true });
      await writeFile(c.dir, "not a directory");
      const trades = sim.oauth.counters.trades;
      const error = await new HighLevelInstallTokens({ ...app, refreshToken: env }, MAIN, c.deps).accessToken().then(
        () => undefined,
        (e: unknown) => e as UpstreamError,
      );
      expect(error?.code).toBe("UPSTREAM_AUTH_FAILED");
      expect(error?.message).toContain(`Redis at 127.0.0.1:${redisServer.port} is unreachable and could not`);
      expect(error?.message).toContain(c.dir);
      expect(error?.message).toContain("so no trade was made");
      expect(sim.oauth.counters.trades).toBe(trades);
      expect(sim.oauth.isCurrent(env)).toBe(true);
    } finally {
      await c.redis.close();
      await redisServer.start();
    }
  });
});
