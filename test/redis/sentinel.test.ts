import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { connectRedis, type RedisConnection } from "../../src/redis/redis-connection.js";
import { RedisSnapshotStore } from "../../src/snapshots/redis-snapshot-store.js";
import { AccountSnapshot } from "../../src/snapshots/account-snapshot.js";
import { memoryLogger } from "../support/memory-logger.js";
import { startRedisSentinel, startRedisServer, type RedisSentinel, type RedisServer } from "../support/redis-server.js";

describe("REDIS_URL naming a Sentinel set", () => {
  let master: RedisServer;
  let sentinel: RedisSentinel;
  let redis: RedisConnection;

  beforeAll(async () => {
    master = await startRedisServer();
    sentinel = await startRedisSentinel(master.port);
    redis = connectRedis(sentinel.url, memoryLogger().logger);
  });
  afterAll(async () => {
    await redis?.close();
    await sentinel?.stop();
    await master?.stop();
  });

  it("reaches the master the sentinels name, and shares snapshots through it", async () => {
    expect(await redis.firstConnect).toBe(true);
    expect(redis.status()).toMatchObject({ state: "up", kind: "sentinel", address: `127.0.0.1:${sentinel.port}/mymaster` });
    const store = new RedisSnapshotStore({ redis, logger: memoryLogger().logger, keepMs: 60_000, waitMs: 1_000 });
    const snapshot = AccountSnapshot.fromInventory("TELNYX", "acct-1", { numbers: [], pools: [] }, Date.now());
    await store.save(snapshot);
    // Written to the master itself, not to the sentinel.
    const probe = new Redis(master.port, "127.0.0.1");
    try {
      expect(await probe.exists("numbergraph:{TELNYX/acct-1}:snapshot")).toBe(1);
    } finally {
      await probe.quit();
    }
    expect((await store.load("TELNYX/acct-1"))?.version).toBe(snapshot.version);
    expect(await store.singleFlight("TELNYX/acct-1", async () => "refreshed")).toBe("refreshed");
  });
});
