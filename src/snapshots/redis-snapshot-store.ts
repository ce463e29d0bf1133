import type { Logger } from "pino";
import { redisCommand, type RedisConnection } from "../redis/redis-connection.js";
import { redisLockReleased, tryWithRedisLock } from "../redis/redis-lock.js";
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
  /** Whether `close` closes the connection too (default true; false when others share it). */
  closeConnection?: boolean;
}

/**
 * Snapshots shared by every instance through Redis (docs/freshness.md, README "Several instances"): one copy per account, and one refresh
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
  private readonly closeConnection: boolean;

  constructor(options: RedisSnapshotStoreOptions) {
    this.redis = options.redis;
    this.logger = options.logger;
    this.prefix = options.prefix ?? "numbergraph:";
    this.keepMs = Math.max(1, Math.round(options.keepMs));
    this.waitMs = options.waitMs;
    this.lockMs = options.lockMs ?? 10_000;
    this.pollMs = options.pollMs ?? 50;
    this.closeConnection = options.closeConnection ?? true;
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

  reachable(): boolean {
    return this.redis.available;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.closeConnection) await this.redis.close();
  }

  /** Take the account's lock and refresh; while another holds it, wait for it (bounded), then try again. */
  private async fleetFlight<T>(accountKey: string, refresh: () => Promise<T>): Promise<T> {
    const lock = this.key(accountKey, "lock");
    const giveUpAt = Date.now() + this.waitMs;
    for (;;) {
      if (this.closed) return refresh();
      const attempt = await tryWithRedisLock(this.redis, lock, this.lockMs, refresh);
      // Redis failed: this process's own single flight is all there is.
      if (attempt.outcome === "unavailable") return refresh();
      if (attempt.outcome === "ran") return attempt.value;
      if (Date.now() >= giveUpAt) {
        this.logger.warn({ account: accountKey, waitedMs: this.waitMs }, "another instance's refresh of %s did not finish in time; refreshing it here", accountKey);
        return refresh();
      }
      await redisLockReleased(this.redis, lock, giveUpAt, this.pollMs, () => this.closed);
    }
  }

  /** One command, or undefined when Redis is away or failed (noted once per outage by the connection). */
  private command<R>(run: () => Promise<R>): Promise<R | undefined> {
    return redisCommand(this.redis, run);
  }
}
