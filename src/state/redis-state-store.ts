import type { Logger } from "pino";
import { z } from "zod";
import { redisCommand, type RedisConnection } from "../redis/redis-connection.js";
import { redisLockReleased, tryWithRedisLock } from "../redis/redis-lock.js";
import type { DirectoryStateStore } from "./directory-state-store.js";
import { StateStoreError, type StateStore } from "./state-store.js";

export interface RedisStateStoreOptions {
  redis: RedisConnection;
  /** NUMBERGRAPH_STATE_DIR: where values go while Redis is unreachable, and a mirror of the last ones seen. */
  directory: DirectoryStateStore;
  logger: Logger;
  /** NUMBERGRAPH_REDIS_PREFIX (default `numbergraph:`). */
  prefix?: string;
  /** A lock's expiry, renewed while held: how soon a crashed holder stops blocking the fleet. */
  lockMs?: number;
  /** How long `withLock` waits for another instance's holder before it gives up with a StateStoreError. */
  lockWaitMs?: number;
  pollMs?: number;
  now?: () => number;
}

/** Values kept in the directory while Redis was away, to copy there once it is back: key → value and when it was set. */
const PENDING_KEY = "redis-pending";
const pendingSchema = z.record(z.string(), z.object({ value: z.string(), savedAt: z.number() }));
type Pending = z.infer<typeof pendingSchema>;

/** Copy a value kept locally to Redis unless Redis holds a newer one (set by another instance meanwhile). */
const SET_IF_NEWER = `local t = redis.call("hget", KEYS[1], "savedAt")
if t and tonumber(t) >= tonumber(ARGV[2]) then return 0 end
redis.call("hset", KEYS[1], "value", ARGV[1], "savedAt", ARGV[2])
return 1`;
/** Copy a value from the directory only when Redis has none (a Redis that was emptied, or first use of Redis). */
const SET_IF_ABSENT = `if redis.call("exists", KEYS[1]) == 1 then return 0 end
redis.call("hset", KEYS[1], "value", ARGV[1], "savedAt", ARGV[2])
return 1`;

/**
 * The state store of a fleet (docs/configuration.md): values in Redis, so every instance sees the latest rotated
 * refresh token and current access token, and locks in Redis (expiring unless renewed), so one
 * token trade per install happens across the fleet at a time. Keys are
 * `<prefix>{state:<key>}:value` (a hash: value, savedAt) and `…:lock`; the braces are the hash tag,
 * so a key and its lock share a Cluster slot.
 *
 * While Redis is unreachable a value is written to the state directory first (and noted there as
 * pending); once Redis is back it is copied there unless Redis holds a newer one. If neither can be
 * written, `set` fails, so no trade happens whose new token could be lost. Every value this instance
 * writes or reads from Redis is mirrored to the directory too, so an outage starts from the newest
 * value this instance knew. Locks fall back to the directory's (this host's) while Redis is away.
 */
export class RedisStateStore implements StateStore {
  readonly description: string;
  private readonly redis: RedisConnection;
  private readonly directory: DirectoryStateStore;
  private readonly logger: Logger;
  private readonly prefix: string;
  private readonly lockMs: number;
  private readonly lockWaitMs: number;
  private readonly pollMs: number;
  private readonly now: () => number;
  /** What the directory mirrors per key, so reading an unchanged value from Redis writes nothing. */
  private readonly mirrored = new Map<string, string>();
  /** Per-lock queues, so callers in this process wait their turn instead of polling Redis. */
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Changes to the pending index, one at a time. */
  private pendingWrites: Promise<unknown> = Promise.resolve();
  private syncing: Promise<void> | undefined;

  constructor(options: RedisStateStoreOptions) {
    this.redis = options.redis;
    this.directory = options.directory;
    this.logger = options.logger;
    this.prefix = options.prefix ?? "numbergraph:";
    this.lockMs = options.lockMs ?? 10_000;
    this.lockWaitMs = options.lockWaitMs ?? 30_000;
    this.pollMs = options.pollMs ?? 50;
    this.now = options.now ?? Date.now;
    this.description = `Redis at ${this.redis.status().address} (the ${this.directory.description} while Redis is unreachable)`;
    // At start and after each outage: what was kept locally goes to Redis, unless Redis has newer.
    this.redis.onReady(() => void this.copyPending());
    void this.copyPending();
  }

  /** The Redis key of a state key's value or lock. */
  key(key: string, what: "value" | "lock"): string {
    return `${this.prefix}{state:${key}}:${what}`;
  }

  async get(key: string): Promise<string | undefined> {
    if (this.redis.available) await this.copyPending();
    const pending = (await this.readPending())[key];
    // Not yet copied to Redis: the local value is the newest this instance knows.
    if (pending) return pending.value;
    const stored = await redisCommand(this.redis, () => this.redis.client.hget(this.key(key, "value"), "value"));
    if (stored === undefined) return this.directory.get(key);
    if (stored !== null) {
      await this.mirror(key, stored);
      return stored;
    }
    // Redis has none: the directory's (from before Redis was used, or a Redis that lost its data) goes up.
    const local = await this.directory.get(key);
    // Its age is unknown (savedAt 0), so a value another instance kept during an outage wins over it.
    if (local !== undefined) await redisCommand(this.redis, () => this.redis.client.eval(SET_IF_ABSENT, 1, this.key(key, "value"), local, 0));
    return local;
  }

  async set(key: string, value: string): Promise<void> {
    const savedAt = this.now();
    const written = await redisCommand(this.redis, () => this.redis.client.hset(this.key(key, "value"), "value", value, "savedAt", savedAt));
    if (written !== undefined) {
      await this.mirror(key, value);
      // An older value kept during an outage must not pass for the newest later.
      if ((await this.readPending().catch((): Pending => ({})))[key]) {
        await this.updatePending(({ [key]: _older, ...rest }) => rest).catch((error: unknown) => this.logger.warn({ key, reason: (error as Error).message }, "could not update the list of state values kept for Redis"));
      }
      return;
    }
    try {
      // The pending index holds the value itself, so it is durable before the mirror file is.
      await this.updatePending((pending) => ({ ...pending, [key]: { value, savedAt } }));
      await this.directory.set(key, value);
      this.mirrored.set(key, value);
    } catch (error) {
      throw new StateStoreError(`Redis at ${this.redis.status().address} is unreachable and ${error instanceof Error ? error.message : String(error)}`);
    }
    this.logger.warn({ key }, "Redis is unreachable: state %s was written to the %s and is copied to Redis once it is back", key, this.directory.description);
  }

  async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(name) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.holdingFleetLock(name, fn));
    const tail = run.catch(() => undefined);
    this.queues.set(name, tail);
    void tail.then(() => {
      if (this.queues.get(name) === tail) this.queues.delete(name);
    });
    return run;
  }

  private async holdingFleetLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const lock = this.key(name, "lock");
    const giveUpAt = Date.now() + this.lockWaitMs;
    for (;;) {
      const attempt = await tryWithRedisLock(this.redis, lock, this.lockMs, fn);
      if (attempt.outcome === "ran") return attempt.value;
      // Redis is away: instances on this host (sharing the directory) still take turns.
      if (attempt.outcome === "unavailable")
        return this.directory.withLock(name, fn).catch((error: unknown) => {
          throw error instanceof StateStoreError ? new StateStoreError(`Redis at ${this.redis.status().address} is unreachable and ${error.message}`) : error;
        });
      if (Date.now() >= giveUpAt) {
        throw new StateStoreError(`another instance has held the lock ${name} in Redis for over ${Math.round(this.lockWaitMs / 1000)} s; retry shortly.`);
      }
      await redisLockReleased(this.redis, lock, giveUpAt, this.pollMs);
    }
  }

  /** Copy every value kept locally during an outage to Redis (unless Redis has newer), then forget it. */
  private copyPending(): Promise<void> {
    this.syncing ??= this.copyPendingNow().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async copyPendingNow(): Promise<void> {
    const pending = await this.readPending().catch((): Pending => ({}));
    const done = new Map<string, boolean>();
    for (const [key, { value, savedAt }] of Object.entries(pending)) {
      const copied = await redisCommand(this.redis, () => this.redis.client.eval(SET_IF_NEWER, 1, this.key(key, "value"), value, savedAt));
      if (copied === undefined) break;
      done.set(key, copied === 1);
    }
    if (done.size === 0) return;
    // Forget only what was copied (or lost to newer): a value kept again meanwhile stays pending.
    await this.updatePending((current) => Object.fromEntries(Object.entries(current).filter(([key, entry]) => !(done.has(key) && entry.savedAt === pending[key]!.savedAt)))).catch((error: unknown) =>
      this.logger.warn({ reason: (error as Error).message }, "could not update the list of state values kept for Redis; they are copied again later"),
    );
    for (const [key, copied] of done) {
      if (copied) this.logger.info({ key }, "Redis is back: state %s kept in the %s is copied to Redis", key, this.directory.description);
      else this.logger.info({ key }, "Redis is back and holds a newer state %s than the one kept in the %s; Redis's wins", key, this.directory.description);
    }
  }

  private async readPending(): Promise<Pending> {
    const raw = await this.directory.get(PENDING_KEY);
    if (raw === undefined) return {};
    const parsed = pendingSchema.safeParse(safeJson(raw));
    return parsed.success ? parsed.data : {};
  }

  private updatePending(change: (pending: Pending) => Pending): Promise<void> {
    const write = this.pendingWrites
      .catch(() => undefined)
      .then(async () => {
        const next = change(await this.readPending());
        await this.directory.set(PENDING_KEY, JSON.stringify(next));
      });
    this.pendingWrites = write;
    return write;
  }

  /** Keep the directory's copy current (best effort: Redis already holds it). */
  private async mirror(key: string, value: string): Promise<void> {
    if (this.mirrored.get(key) === value) return;
    try {
      await this.directory.set(key, value);
      this.mirrored.set(key, value);
    } catch (error) {
      this.logger.warn({ key, reason: (error as Error).message }, "could not mirror state %s to the %s; Redis holds it", key, this.directory.description);
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
