import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { redisCommand, type RedisConnection } from "./redis-connection.js";

/** Deletes or extends the lock only while it is still ours (it may have expired and gone to another). */
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

/** What one try at a Redis lock came to: `fn` ran holding it, another holds it, or Redis could not say. */
export type LockOutcome<T> = { outcome: "ran"; value: T } | { outcome: "busy" } | { outcome: "unavailable" };

/**
 * Run `fn` holding the Redis lock `key` if it is free: a value with an expiry of `lockMs`, renewed
 * while `fn` runs, so a holder that crashes stops blocking others within `lockMs`. Each script names
 * its one key, so it runs on a Cluster too (the key's slot decides the node).
 */
export async function tryWithRedisLock<T>(redis: RedisConnection, key: string, lockMs: number, fn: () => Promise<T>): Promise<LockOutcome<T>> {
  const token = randomUUID();
  const taken = await redisCommand(redis, () => redis.client.set(key, token, "PX", lockMs, "NX"));
  if (taken === undefined) return { outcome: "unavailable" };
  if (taken !== "OK") return { outcome: "busy" };
  const renew = setInterval(() => void redisCommand(redis, () => redis.client.eval(RENEW, 1, key, token, lockMs)), Math.max(10, Math.floor(lockMs / 3)));
  renew.unref();
  try {
    return { outcome: "ran", value: await fn() };
  } finally {
    clearInterval(renew);
    await redisCommand(redis, () => redis.client.eval(RELEASE, 1, key, token));
  }
}

/** Until the lock `key` is gone (released or expired), Redis fails, `giveUpAt` (epoch ms) passes or `stopped()`. */
export async function redisLockReleased(redis: RedisConnection, key: string, giveUpAt: number, pollMs: number, stopped: () => boolean = () => false): Promise<void> {
  while (!stopped() && Date.now() < giveUpAt) {
    await sleep(pollMs, undefined, { ref: false });
    const held = await redisCommand(redis, () => redis.client.exists(key));
    if (held !== 1) return;
  }
}
