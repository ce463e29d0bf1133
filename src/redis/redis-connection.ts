import { Redis } from "ioredis";
import type { Logger } from "pino";

/** How long any one Redis command may take before the caller goes on without it (see `withinTime`). */
export const REDIS_COMMAND_TIMEOUT_MS = 1_000;
/**
 * How long connecting may take: start-up waits this long at most for the first connection before the
 * instance goes on without Redis (and keeps trying); a refused connection ends the wait at once.
 */
const CONNECT_TIMEOUT_MS = 5_000;
/** ioredis's own bound on a command, a backstop behind ours: a command that hangs is dropped after this. */
const BACKSTOP_TIMEOUT_MS = 10_000;

export interface RedisConnection {
  client: Redis;
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
  close(): Promise<void>;
}

/**
 * One Redis connection that is a help, not a dependency: commands never queue while Redis is away
 * (they fail at once and callers fall back to their own memory), each is bounded in time, and the
 * connection keeps reconnecting by itself. An outage is logged once when it starts and once when it
 * ends. The URL is never logged: it may carry a password.
 */
export function connectRedis(url: string, logger: Logger): RedisConnection {
  const where = redisAddress(url);
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: BACKSTOP_TIMEOUT_MS,
    // Keep trying, never more than 2 s apart, for as long as the process runs.
    retryStrategy: (times) => Math.min(times * 100, 2_000),
  });
  let down = false;
  const failed = (error: unknown) => {
    if (down) return;
    down = true;
    logger.warn({ redis: where, reason: error instanceof Error ? error.message : String(error) }, "Redis at %s is unreachable: serving from this instance's memory, listing accounts without the fleet, reconnecting in the background", where);
  };
  const succeeded = () => {
    if (!down) return;
    down = false;
    logger.info({ redis: where }, "Redis at %s is back: snapshots and refreshes are shared again", where);
  };
  client.on("ready", succeeded);
  client.on("error", failed);
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
    async close() {
      client.removeListener("error", failed);
      client.on("error", () => {});
      if (client.status === "ready") await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}

/** host:port of a Redis URL, without user or password. */
export function redisAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "6379"}`;
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
