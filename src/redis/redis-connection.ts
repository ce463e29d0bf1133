import type { Cluster, Redis } from "ioredis";
import { createRequire } from "node:module";
import type { Logger } from "pino";
import { parseRedisUrl, type RedisTarget } from "./redis-url.js";

/** How long any one Redis command may take before the caller goes on without it (see `withinTime`). */
export const REDIS_COMMAND_TIMEOUT_MS = 1_000;
/**
 * How long connecting may take: start-up waits this long at most for the first connection before the
 * instance goes on without Redis (and keeps trying); a refused connection ends the wait at once.
 */
const CONNECT_TIMEOUT_MS = 5_000;
/** ioredis's own bound on a command, a backstop behind ours: a command that hangs is dropped after this. */
const BACKSTOP_TIMEOUT_MS = 10_000;

/** What /readyz says of Redis: never the URL, which may hold a password. */
export interface RedisStatus {
  /** `up`: commands are answered; `down`: an outage (refused, lost or too slow); `connecting`: the first connection is under way. */
  state: "up" | "down" | "connecting";
  /** ISO 8601: since when it is in that state. */
  since: string;
  /** One server, a Cluster or a Sentinel set. */
  kind: RedisTarget["kind"];
  /** host:port (several for a Cluster or Sentinel), no user or password. */
  address: string;
}

export interface RedisConnection {
  /** One server (also behind Sentinel) or a Cluster: both speak the same commands. */
  client: Redis | Cluster;
  /** Connected; commands sent now may succeed (while false they fail at once). */
  readonly available: boolean;
  /**
   * Resolves true once connected, or false as soon as the first try to connect fails or times out:
   * what start-up waits for, so the first listings are shared and never wait long.
   */
  readonly firstConnect: Promise<boolean>;
  /** Note a failed command: the first failure of an outage is logged, the rest are not. */
  failed(error: unknown): void;
  /** Note a command that worked: ends an outage that a timeout (not a disconnect) started. */
  succeeded(): void;
  /** Call `listener` each time the connection is (again) ready, e.g. to copy what was kept locally meanwhile. */
  onReady(listener: () => void): void;
  status(): RedisStatus;
  close(): Promise<void>;
}

/**
 * One Redis connection that is a help, not a dependency: commands never queue while Redis is away
 * (they fail at once and callers fall back to their own memory), each is bounded in time, and the
 * connection keeps reconnecting by itself. An outage is logged once when it starts and once when it
 * ends. The URL is never logged: it may carry a password. `url` takes the forms of `parseRedisUrl`.
 */
export function connectRedis(url: string, logger: Logger, now: () => number = Date.now): RedisConnection {
  const target = parseRedisUrl(url);
  const where = target.address;
  const client = createClient(target);
  let state: RedisStatus["state"] = "connecting";
  let since = now();
  const enter = (next: RedisStatus["state"]) => {
    if (state === next) return;
    state = next;
    since = now();
  };
  let down = false;
  const failed = (error: unknown) => {
    enter("down");
    if (down) return;
    down = true;
    logger.warn({ redis: where, reason: error instanceof Error ? error.message : String(error) }, "Redis at %s is unreachable: serving from this instance's memory, listing accounts without the fleet, reconnecting in the background", where);
  };
  const succeeded = () => {
    enter("up");
    if (!down) return;
    down = false;
    logger.info({ redis: where }, "Redis at %s is back: snapshots and refreshes are shared again", where);
  };
  client.on("ready", succeeded);
  client.on("error", failed);
  // A Cluster reports a lost node here rather than as its own error.
  client.on("node error", failed);
  // Settled by ioredis itself (its connect timeout is an error too), so a busy event loop that sees the
  // connection late does not pass for an unreachable Redis.
  const firstConnect = new Promise<boolean>((resolve) => {
    client.once("ready", () => resolve(true));
    client.once("error", () => resolve(false));
    client.once("end", () => resolve(false));
  });
  return {
    client,
    firstConnect,
    get available() {
      return client.status === "ready";
    },
    failed,
    succeeded,
    onReady(listener) {
      client.on("ready", listener);
    },
    status: () => ({ state, since: new Date(since).toISOString(), kind: target.kind, address: where }),
    async close() {
      client.removeListener("error", failed);
      client.removeListener("node error", failed);
      client.on("error", () => {});
      client.on("node error", () => {});
      if (client.status === "ready") await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}

/**
 * ioredis, loaded on the first connection rather than at import: this module's helpers are imported
 * by every instance, and an instance without REDIS_URL never needs the client (its 45 modules were
 * ~5 MB of a gateway's RSS).
 */
function ioredis(): typeof import("ioredis") {
  return createRequire(import.meta.url)("ioredis") as typeof import("ioredis");
}

function createClient(target: RedisTarget): Redis | Cluster {
  const { Redis, Cluster } = ioredis();
  const common = {
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: BACKSTOP_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
  };
  // Keep trying, never more than 2 s apart, for as long as the process runs.
  const retry = (times: number) => Math.min(times * 100, 2_000);
  if (target.kind === "server") return new Redis(target.url, { ...common, enableOfflineQueue: false, retryStrategy: retry });
  const auth = { username: target.username, password: target.password, ...(target.tls ? { tls: {} } : {}) };
  if (target.kind === "cluster") {
    return new Cluster(target.nodes, { enableOfflineQueue: false, clusterRetryStrategy: retry, redisOptions: { ...common, ...auth } });
  }
  return new Redis({
    ...common,
    ...auth,
    enableOfflineQueue: false,
    retryStrategy: retry,
    sentinels: target.sentinels,
    name: target.name,
    db: target.db,
    sentinelPassword: target.sentinelPassword,
    sentinelRetryStrategy: retry,
    ...(target.tls ? { enableTLSForSentinelMode: true } : {}),
  });
}

/** host:port of a Redis URL (several for a Cluster or Sentinel), without user or password. */
export function redisAddress(url: string): string {
  try {
    return parseRedisUrl(url).address;
  } catch {
    return "(REDIS_URL)";
  }
}

/**
 * `work`'s outcome, or undefined after `ms`. When the timer fires, the I/O that arrived meanwhile is
 * read first (setImmediate runs after the poll phase), so a busy event loop does not pass for a slow
 * Redis: a reply that came in time is not thrown away because the loop saw it late.
 */
export function withinTime<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  // A command given up on may still fail later (the backstop, a disconnect): nobody awaits it then.
  work.catch(() => {});
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => setImmediate(() => resolve(undefined)), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * One command, or undefined when Redis is away, failed or did not answer within
 * REDIS_COMMAND_TIMEOUT_MS (noted once per outage by the connection): callers go on without it.
 */
export async function redisCommand<R>(redis: RedisConnection, run: () => Promise<R>): Promise<R | undefined> {
  if (!redis.available && !(await redis.firstConnect)) return undefined;
  if (!redis.available) return undefined;
  try {
    const result = await withinTime(run(), REDIS_COMMAND_TIMEOUT_MS);
    if (result === undefined) {
      redis.failed(new Error(`no answer within ${REDIS_COMMAND_TIMEOUT_MS} ms`));
      return undefined;
    }
    redis.succeeded();
    return result;
  } catch (error) {
    redis.failed(error);
    return undefined;
  }
}
