import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { print } from "graphql";
import { createProviderAccounts } from "../../src/providers/create-accounts.js";
import { setTimeout as sleep } from "node:timers/promises";
import { type RedisConnection } from "../../src/redis/redis-connection.js";
import { type RunningGateway } from "../../src/server.js";
import { AccountSnapshot } from "../../src/snapshots/account-snapshot.js";
import { estimateSnapshotBytes } from "../../src/snapshots/snapshot-size.js";
import { startSimulators, type RunningSimulators } from "../../src/simulators/start-all.js";
import { DashboardDocument, type DashboardQuery } from "../generated/operations.js";
import { startRedisInstance, type RedisInstance } from "../support/redis-instance.js";
import { startRedisServer, type RedisServer } from "../support/redis-server.js";
import { type GraphQLResponse, inventoryCounts, simAccounts, testAccounts, testBounds } from "../support/stack.js";

describe("NUMBERGRAPH_CACHE_MAX_MB: in-process copies bounded by bytes, dropped accounts read back from Redis", () => {
  let redisServer: RedisServer;
  let sims: RunningSimulators;
  let gateway: RunningGateway;
  let oneListing: Record<string, number>;
  let totalNumbers = 0;
  let accounts = 0;
  let bound = 0;
  let redis: RedisConnection;
  let log: RedisInstance["log"];

  const dashboard = async (): Promise<GraphQLResponse<DashboardQuery>> => {
    const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: print(DashboardDocument), variables: { first: 50 } }) });
    return { status: response.status, ...((await response.json()) as object) };
  };

  beforeAll(async () => {
    redisServer = await startRedisServer();
    sims = await startSimulators();
    // Each account's estimated size, from a listing of its own: the bound holds the largest alone.
    const sizes: number[] = [];
    for (const account of testAccounts(sims)) {
      const inventory = await account.listInventory(testBounds());
      totalNumbers += inventory.numbers.length;
      sizes.push(estimateSnapshotBytes(AccountSnapshot.fromInventory(account.provider, account.accountId, inventory, Date.now())));
    }
    accounts = sizes.length;
    bound = Math.max(...sizes);
    oneListing = inventoryCounts(sims);
    sims.resetCounts();
    ({ gateway, redis, log } = await startRedisInstance(redisServer.url, { accounts: (_redis, log) => createProviderAccounts(simAccounts(sims), { log }), snapshotPolicy: { maxCacheBytes: bound, minRefreshMs: 0 } }));
  });

  afterAll(async () => {
    // Stopped once reconnected after the outage, so no reconnect timer outlives the test.
    while (redis && !redis.available) await sleep(20);
    await gateway?.stop();
    await sims?.stop();
    await redisServer?.stop();
  });

  it("lists each account once, and keeps no more in memory than the bound", async () => {
    expect(accounts).toBeGreaterThanOrEqual(4);
    await gateway.snapshots.warmAll();
    expect(inventoryCounts(sims)).toEqual(oneListing);
    const memory = gateway.snapshots.memory();
    expect(memory.bytes).toBeLessThanOrEqual(bound);
    expect(memory.accounts).toBeLessThan(accounts);
    // A dropped account is still ready: its snapshot is in Redis.
    expect(gateway.snapshots.status().map((s) => s.state)).toEqual(Array(accounts).fill("fresh"));
    expect((await fetch(`${gateway.opsUrl}/readyz`)).status).toBe(200);
  });

  it("answers dashboards over every account by reading dropped ones back from Redis, never from the providers", async () => {
    sims.resetCounts();
    for (let round = 0; round < 3; round++) {
      const answer = await dashboard();
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.phoneNumbers.totalCount).toBe(totalNumbers);
      expect(gateway.snapshots.memory().bytes).toBeLessThanOrEqual(bound);
    }
    expect(inventoryCounts(sims)).toEqual({});
    const readBack = new Set(
      log
        .records()
        .filter((r) => String(r.msg).includes("read back from the store"))
        .map((r) => r.account),
    );
    expect(readBack.size).toBeGreaterThanOrEqual(accounts - 1);
  });

  it("while Redis is down lists a dropped account once and keeps it past the bound, rather than listing it again and again", async () => {
    await redisServer.kill();
    try {
      const first = await dashboard();
      expect(first.errors).toBeUndefined();
      expect(first.data!.phoneNumbers.totalCount).toBe(totalNumbers);
      // Every account is in memory now, whatever the bound: nothing could be read back.
      expect(gateway.snapshots.memory().accounts).toBe(accounts);
      sims.resetCounts();
      for (let round = 0; round < 3; round++) expect((await dashboard()).data!.phoneNumbers.totalCount).toBe(totalNumbers);
      expect(inventoryCounts(sims)).toEqual({});
    } finally {
      await redisServer.start();
    }
  });
});
