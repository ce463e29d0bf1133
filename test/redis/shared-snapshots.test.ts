import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { print } from "graphql";
import { setTimeout as sleep } from "node:timers/promises";
import { type RedisConnection } from "../../src/redis/redis-connection.js";
import { type RunningGateway } from "../../src/server.js";
import { startSimulators, type RunningSimulators } from "../../src/simulators/start-all.js";
import { DashboardDocument, type DashboardQuery } from "../generated/operations.js";
import { startRedisInstance } from "../support/redis-instance.js";
import { memoryLogger } from "../support/memory-logger.js";
import { startRedisServer, type RedisServer } from "../support/redis-server.js";
import { type GraphQLResponse, inventoryCounts, testAccounts, testBounds } from "../support/stack.js";

/** One gateway instance: its own provider clients, its own Redis connection, the shared simulators. */
interface Instance {
  gateway: RunningGateway;
  redis: RedisConnection;
  log: ReturnType<typeof memoryLogger>;
  dashboard(headers?: Record<string, string>): Promise<GraphQLResponse<DashboardQuery>>;
}

describe("two gateway instances sharing one Redis", () => {
  let redisServer: RedisServer;
  let sims: RunningSimulators;
  let a: Instance;
  let b: Instance;
  /** What listing every account once costs the simulators. */
  let oneListing: Record<string, number>;
  /** The instances' clock runs this far ahead of the real one (to age snapshots without waiting). */
  let clockOffsetMs = 0;
  const now = () => Date.now() + clockOffsetMs;

  async function startInstance(): Promise<Instance> {
    const { gateway, redis, log } = await startRedisInstance(redisServer.url, { accounts: () => testAccounts(sims), snapshotPolicy: { minRefreshMs: 0 }, now });
    return {
      gateway,
      redis,
      log,
      async dashboard(headers = {}) {
        const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: print(DashboardDocument), variables: { first: 50 } }) });
        return { status: response.status, ...((await response.json()) as object) };
      },
    };
  }

  function expectAnswered(responses: GraphQLResponse<DashboardQuery>[]): void {
    for (const response of responses) {
      expect(response.errors).toBeUndefined();
      expect(response.data!.phoneNumbers.totalCount).toBe(totalNumbers);
    }
  }
  let totalNumbers = 0;

  async function until(condition: () => boolean): Promise<void> {
    while (!condition()) await sleep(20);
  }

  beforeAll(async () => {
    redisServer = await startRedisServer();
    sims = await startSimulators();
    const accounts = testAccounts(sims);
    for (const account of accounts) totalNumbers += (await account.listInventory(testBounds())).numbers.length;
    oneListing = inventoryCounts(sims);
    sims.resetCounts();
    [a, b] = await Promise.all([startInstance(), startInstance()]);
  });

  afterAll(async () => {
    await Promise.all([a?.gateway.stop(), b?.gateway.stop()]);
    await sims?.stop();
    await redisServer?.stop();
  });

  it("answers 40 concurrent dashboards spread over both with one listing per account in the fleet", async () => {
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).dashboard()));
    expectAnswered(responses);
    expect(inventoryCounts(sims)).toEqual(oneListing);

    // One snapshot per account in Redis, under the account's hash tag.
    const probe = new Redis(redisServer.url);
    const keys = (await probe.keys("numbergraph:*")).sort();
    await probe.quit();
    const accountKeys = a.gateway.snapshots.accounts.map((account) => `numbergraph:{${account.provider}/${account.accountId}}:snapshot`).sort();
    expect(keys).toEqual(accountKeys);
  });

  it("answers either instance afterwards without an upstream call", async () => {
    sims.resetCounts();
    expectAnswered(await Promise.all([a.dashboard(), b.dashboard(), a.dashboard(), b.dashboard()]));
    expect(inventoryCounts(sims)).toEqual({});
    expect(a.gateway.snapshots.status().map((s) => s.version)).toEqual(b.gateway.snapshots.status().map((s) => s.version));
  });

  it("keeps answering when Redis dies mid-run, each instance from its own memory and listings, and says so once", async () => {
    sims.resetCounts();
    const during = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).dashboard());
    await redisServer.kill();
    const after = [a.dashboard(), b.dashboard()];
    expectAnswered(await Promise.all([...during, ...after]));
    expect(inventoryCounts(sims)).toEqual({});

    // Asked for fresh data, each instance lists by itself rather than failing or waiting for Redis.
    await until(() => !a.redis.available && !b.redis.available);
    expectAnswered(await Promise.all([a.dashboard({ "cache-control": "no-cache" }), b.dashboard({ "cache-control": "no-cache" })]));
    expect(inventoryCounts(sims)).toEqual(doubled(oneListing));
    expectAnswered(await Promise.all([a.dashboard({ "cache-control": "no-cache" }), b.dashboard()]));
    for (const instance of [a, b]) {
      const outages = instance.log.records().filter((r) => String(r.msg).includes("is unreachable"));
      expect(outages).toHaveLength(1);
      expect(JSON.stringify(outages[0])).not.toContain("redis://");
      // /readyz says so, and the instance stays ready: Redis is a help, not a dependency.
      const ready = await readyz(instance);
      expect(ready).toMatchObject({ status: 200, body: { status: "ready", redis: { state: "down", kind: "server", address: `127.0.0.1:${redisServer.port}` } } });
      expect(Date.parse(ready.body.redis.since)).toBeGreaterThan(0);
    }
  });

  it("shares again once Redis is back, without a restart", async () => {
    await redisServer.start();
    await until(() => a.redis.available && b.redis.available);
    for (const instance of [a, b]) {
      expect(instance.log.records().filter((r) => String(r.msg).includes("is back"))).toHaveLength(1);
      expect((await readyz(instance)).body.redis.state).toBe("up");
    }

    // Two minutes on, every copy is past the TTL. A lists and saves; B, asking for at most a minute's age, takes A's.
    clockOffsetMs += 120_000;
    sims.resetCounts();
    expectAnswered([await a.dashboard({ "cache-control": "no-cache" })]);
    expect(inventoryCounts(sims)).toEqual(oneListing);
    expectAnswered([await b.dashboard({ "cache-control": "max-age=60" })]);
    expect(inventoryCounts(sims)).toEqual(oneListing);
    for (const s of b.gateway.snapshots.status()) expect(s.ageSeconds).toBeLessThan(60);
  });

  it("learns of another instance's newer snapshot when its own passes the TTL: loaded from Redis, not listed", async () => {
    // Two minutes on, both copies are past the TTL. A, asked for fresh data, lists and saves.
    clockOffsetMs += 120_000;
    sims.resetCounts();
    expectAnswered([await a.dashboard({ "cache-control": "no-cache" })]);
    expect(inventoryCounts(sims)).toEqual(oneListing);
    // B answers at once from its old copy and refreshes in the background, which finds A's in Redis.
    expectAnswered([await b.dashboard()]);
    await until(() => b.gateway.snapshots.status().every((s) => s.ageSeconds !== null && s.ageSeconds < 60));
    expect(inventoryCounts(sims)).toEqual(oneListing);
    expect(b.gateway.snapshots.status().map((s) => s.version)).toEqual(a.gateway.snapshots.status().map((s) => s.version));
  });

  it("answers warm requests without a Redis round trip", async () => {
    const probe = new Redis(redisServer.url);
    const processed = async () => Number(/total_commands_processed:(\d+)/.exec(await probe.info("stats"))![1]);
    try {
      const before = await processed();
      sims.resetCounts();
      for (let i = 0; i < 10; i++) expectAnswered(await Promise.all([a.dashboard(), b.dashboard()]));
      // Only the probe's own INFO reached Redis: twenty dashboards read the instances' memory.
      expect((await processed()) - before).toBe(1);
      expect(inventoryCounts(sims)).toEqual({});
    } finally {
      await probe.quit();
    }
  });
});

async function readyz(instance: Instance): Promise<{ status: number; body: { status: string; redis: { state: string; since: string } } }> {
  const response = await fetch(`${instance.gateway.opsUrl}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string; redis: { state: string; since: string } } };
}

function doubled(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([key, n]) => [key, 2 * n]));
}
