import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import { REDIS_COMMAND_TIMEOUT_MS, withinTime, type RedisConnection } from "../redis/redis-connection.js";
import type { SnapshotData } from "./account-snapshot.js";
import { decodeSnapshot, encodeSnapshot } from "./snapshot-codec.js";
import type { SnapshotStore } from "./snapshot-store.js";

export interface RedisSnapshotStoreOptions {
  redis: RedisConnection;
  logger: Logger;
  /** NUMBERGRAPH_REDIS_PREFIX: the start of every key (default `numbergraph:`). */
  prefix?: string;
  /** How long Redis keeps a snapshot nobody refreshes: past stale-if-error nobody may serve it. */
  keepMs: number;
  /** How long an instance waits for another's refresh before it lists by itself: the listing budget. */
  waitMs: number;
  /** The lock's expiry, renewed while its holder lists: how soon a crashed holder stops blocking others. */
  lockMs?: number;
  /** How often a waiting instance looks whether the holder is done. */
  pollMs?: number;
}

/** Deletes or extends the lock only while it is still ours (it may have expired and gone to another). */
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

/**
 * Snapshots shared by every instance through Redis (SPEC §6): one copy per account, and one refresh
 * per account in the fleet at a time, held by a lock that expires unless its holder renews it. The
 * others wait for the holder (polling its lock), then take their turn, in which the service loads
 * what the holder saved rather than listing again. Keys: `<prefix>{<PROVIDER>/<account>}:snapshot`
 * and `…:lock`; the braces are a Cluster hash tag, so an account's keys share a slot.
 *
 * Redis is a help, not a dependency: while it is away every method answers as the in-process store
 * would (nothing loaded, nothing saved, single flight within this process), at once, and the
 * connection reconnects by itself.
 */
export class RedisSnapshotStore implements SnapshotStore {
  private readonly redis: RedisConnection;
  private readonly logger: Logger;
  private readonly prefix: string;
  private readonly keepMs: number;
  private readonly waitMs: number;
  private readonly lockMs: number;
  private readonly pollMs: number;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private closed = false;

  constructor(options: RedisSnapshotStoreOptions) {
    this.redis = options.redis;
    this.logger = options.logger;
    this.prefix = options.prefix ?? "numbergraph:";
    this.keepMs = Math.max(1, Math.round(options.keepMs));
    this.waitMs = options.waitMs;
    this.lockMs = options.lockMs ?? 10_000;
    this.pollMs = options.pollMs ?? 50;
  }

  /** The key of one of an account's records (`snapshot`, `lock`). */
  key(accountKey: string, what: "snapshot" | "lock"): string {
    return `${this.prefix}{${accountKey}}:${what}`;
  }

  async load(accountKey: string): Promise<SnapshotData | undefined> {
    const bytes = await this.command(() => this.redis.client.getBuffer(this.key(accountKey, "snapshot")));
    if (!bytes) return undefined;
    try {
      return decodeSnapshot(bytes);
    } catch (error) {
      this.logger.warn({ account: accountKey, reason: error instanceof Error ? error.message : String(error) }, "a snapshot in Redis could not be read; listing the account instead");
      return undefined;
    }
  }

  async save(snapshot: SnapshotData): Promise<void> {
    const bytes = encodeSnapshot(snapshot);
    await this.command(() => this.redis.client.set(this.key(`${snapshot.provider}/${snapshot.accountId}`, "snapshot"), bytes, "PX", this.keepMs));
  }

  singleFlight<T>(accountKey: string, refresh: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(accountKey);
    if (running) return running as Promise<T>;
    const started = this.fleetFlight(accountKey, refresh).finally(() => this.inFlight.delete(accountKey));
    this.inFlight.set(accountKey, started);
    return started;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.redis.close();
  }

  /** Take the account's lock and refresh; while another holds it, wait for it (bounded), then try again. */
  private async fleetFlight<T>(accountKey: string, refresh: () => Promise<T>): Promise<T> {
    const lock = this.key(accountKey, "lock");
    const token = randomUUID();
    const giveUpAt = Date.now() + this.waitMs;
    for (;;) {
      if (this.closed) return refresh();
      const taken = await this.command(() => this.redis.client.set(lock, token, "PX", this.lockMs, "NX"));
      // Redis failed: this process's own single flight is all there is.
      if (taken === undefined) return refresh();
      if (taken === "OK") return this.holding(lock, token, refresh);
      if (Date.now() >= giveUpAt) {
        this.logger.warn({ account: accountKey, waitedMs: this.waitMs }, "another instance's refresh of %s did not finish in time; refreshing it here", accountKey);
        return refresh();
      }
      await this.lockReleased(lock, giveUpAt);
    }
  }

  private async holding<T>(lock: string, token: string, refresh: () => Promise<T>): Promise<T> {
    const renew = setInterval(() => void this.command(() => this.redis.client.eval(RENEW, 1, lock, token, this.lockMs)), Math.max(10, Math.floor(this.lockMs / 3)));
    renew.unref();
    try {
      return await refresh();
    } finally {
      clearInterval(renew);
      await this.command(() => this.redis.client.eval(RELEASE, 1, lock, token));
    }
  }

  /** Until the lock is gone (released or expired), Redis fails, or `giveUpAt`. */
  private async lockReleased(lock: string, giveUpAt: number): Promise<void> {
    while (!this.closed && Date.now() < giveUpAt) {
      await sleep(this.pollMs, undefined, { ref: false });
      const held = await this.command(() => this.redis.client.exists(lock));
      if (held !== 1) return;
    }
  }

  /** One command, or undefined when Redis is away or failed (noted once per outage by the connection). */
  private async command<R>(run: () => Promise<R>): Promise<R | undefined> {
    if (!this.redis.available && !(await this.redis.firstConnect)) return undefined;
    if (!this.redis.available) return undefined;
    try {
      const result = await withinTime(run(), REDIS_COMMAND_TIMEOUT_MS);
      if (result === undefined) {
        this.redis.failed(new Error(`no answer within ${REDIS_COMMAND_TIMEOUT_MS} ms`));
        return undefined;
      }
      this.redis.succeeded();
      return result;
    } catch (error) {
      this.redis.failed(error);
      return undefined;
    }
  }
}
