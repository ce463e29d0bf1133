import type { Logger } from "pino";
import type { ProviderAccount } from "../../src/model/index.js";
import { connectRedis, type RedisConnection } from "../../src/redis/redis-connection.js";
import { startGateway, type GatewayOptions, type RunningGateway } from "../../src/server.js";
import { RedisSnapshotStore } from "../../src/snapshots/redis-snapshot-store.js";
import { memoryLogger } from "./memory-logger.js";

/** One gateway instance of a fleet: its own Redis connection, provider clients and log, as main.ts wires them with REDIS_URL. */
export interface RedisInstance {
  gateway: RunningGateway;
  redis: RedisConnection;
  log: ReturnType<typeof memoryLogger>;
}

export interface RedisInstanceOptions extends Partial<Omit<GatewayOptions, "accounts">> {
  /** The instance's provider clients, given its connection (for rate budgets) and its logger. */
  accounts(redis: RedisConnection, log: Logger): readonly ProviderAccount[];
}

/** Start a gateway over the Redis at `url` once connected: snapshots kept an hour in it, listings awaited up to 20 s; `options` override the rest. */
export async function startRedisInstance(url: string, { accounts, ...options }: RedisInstanceOptions): Promise<RedisInstance> {
  const log = memoryLogger();
  const redis = connectRedis(url, log.logger);
  // Connected (or refused) before the first listing, so its rate budgets and snapshots start in Redis.
  await redis.firstConnect;
  const gateway = await startGateway({
    gatewayKeys: [],
    port: 0,
    host: "127.0.0.1",
    logger: log.logger,
    snapshotStore: new RedisSnapshotStore({ redis, logger: log.logger, keepMs: 3_600_000, waitMs: 20_000 }),
    redisStatus: () => redis.status(),
    ...options,
    accounts: accounts(redis, log.logger),
  });
  return { gateway, redis, log };
}
