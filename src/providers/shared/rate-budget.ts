import { randomUUID } from "node:crypto";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { providerLabel, UpstreamError, type Provider } from "../../model/index.js";
import { REDIS_COMMAND_TIMEOUT_MS, withinTime, type RedisConnection } from "../../redis/redis-connection.js";
import { settleInRedisLog, takeFromRedisLog } from "../../redis/redis-sliding-window.js";
import { ALL_IN_FLIGHT, IN_FLIGHT_LEASE_MS, SlidingWindowLog, type BudgetPlace } from "./sliding-window-log.js";
import { pastTheBudget, stoppedBefore, waitEndsInTime, type CallBounds } from "./call-bounds.js";

export type { BudgetPlace } from "./sliding-window-log.js";
import { reportRateLimitWait } from "./rate-limit-waits.js";

/** A budget as providers publish it, and as NUMBERGRAPH_CONFIG's `rateLimit` gives it. */
export interface RateLimitConfig {
  /** Calls allowed in any span of `perSeconds`. */
  requests: number;
  perSeconds: number;
  /** Calls allowed per day, when the provider publishes a daily limit too. */
  perDay?: number;
}

/** One wait for a spent budget, for whoever counts them (metrics). */
export interface RateBudgetWait {
  provider: Provider;
  accountId: string;
  /** The budget's name within the account: `calls`, or Zoom's `light` / `medium`. */
  budget: string;
  waitMs: number;
}

export interface RateBudgetsOptions {
  /** Shares every budget with the fleet; unset (or while unreachable), each instance counts its own calls. */
  redis?: RedisConnection;
  /** NUMBERGRAPH_REDIS_PREFIX (default `numbergraph:`). */
  prefix?: string;
  /** Called once per wait for a spent budget, before the wait. */
  onWait?: (wait: RateBudgetWait) => void;
}

export interface RateBudgetSpec {
  provider: Provider;
  accountId: string;
  name: string;
  limit: RateLimitConfig;
}

/** One account's budget for one class of calls. */
export interface RateBudget {
  readonly spec: RateBudgetSpec;
  /**
   * Wait until one more call fits, and hold its place; settle the place when the call has ended.
   * A wait is sat out only when room comes before the listing's time budget is spent (`bounds`);
   * otherwise, or once its signal aborts, the call fails as UPSTREAM_RATE_LIMITED, never sent.
   */
  take(bounds?: CallBounds): Promise<BudgetPlace>;
}

export interface RateBudgets {
  budget(spec: RateBudgetSpec): RateBudget;
}

/**
 * A budget's window, a little longer than the provider's: a place is held until a window after its
 * call ended, which already covers a call that reached the provider late; the slack covers a
 * provider that times its window a little differently.
 */
export function windowWithMarginMs(perSeconds: number): number {
  const ms = perSeconds * 1000;
  return Math.round(ms + Math.max(50, ms * 0.02));
}

/** How soon to ask again when every place is held by a call in flight (its answer frees one). */
const IN_FLIGHT_POLL_MS = 25;

const DAY_SECONDS = 86_400;

/** Why a wait ended early: the listing's signal aborted. */
const STOPPED = stoppedBefore("it had room");

/**
 * Per-account call budgets (SPEC §6), shared by the fleet through Redis when it is set. A budget is a
 * sliding-window log (SlidingWindowLog): a call holds a place from when it is let through until a
 * window after it ended, so no window of the provider's, wherever it starts and however late a call
 * reaches it, sees more than `requests` calls; a fixed window would let twice the limit through
 * around its edge. A daily limit is a fixed day window (rate-limiter-flexible).
 *
 * Redis is a help, not a dependency: while it is unreachable or slow each instance counts its own
 * calls (including the ones it sent while Redis was up), at once, never queueing on Redis.
 * Keys: `<prefix>{<PROVIDER>/<account>}:budget:<name>` (and `…:day`), under the account's hash tag.
 */
export function createRateBudgets(options: RateBudgetsOptions = {}): RateBudgets {
  const prefix = options.prefix ?? "numbergraph:";
  const instance = randomUUID();
  let sequence = 0;
  return {
    budget(spec) {
      const { provider, accountId, name, limit } = spec;
      const key = `${prefix}{${provider}/${accountId}}:budget:${name}`;
      const windowMs = windowWithMarginMs(limit.perSeconds);
      const local = new SlidingWindowLog(limit.requests, windowMs);
      const redis = options.redis;
      const daily = limit.perDay === undefined ? undefined : dailyLimiter(limit.perDay, key, redis);

      /** A place when the call may go, else the ms until one frees (or ALL_IN_FLIGHT). */
      async function tryTake(): Promise<BudgetPlace | number> {
        if (redis?.available) {
          const member = `${instance}:${++sequence}`;
          try {
            const answer = await withinTime(takeFromRedisLog(redis.client, key, windowMs, limit.requests, member, IN_FLIGHT_LEASE_MS), REDIS_COMMAND_TIMEOUT_MS);
            if (answer !== undefined) {
              redis.succeeded();
              if (answer !== 0) return answer;
              const mirror = local.hold();
              return {
                settle() {
                  mirror.settle();
                  // Best effort: a lost settle only keeps the place until its lease runs out.
                  if (redis.available) void withinTime(settleInRedisLog(redis.client, key, windowMs, member), REDIS_COMMAND_TIMEOUT_MS).catch(() => undefined);
                },
              };
            }
            redis.failed(new Error(`no answer within ${REDIS_COMMAND_TIMEOUT_MS} ms`));
          } catch (error) {
            redis.failed(error);
          }
        }
        return local.tryTake();
      }

      const refuse = (why: string, retryMs: number | undefined) =>
        new UpstreamError(
          provider,
          "UPSTREAM_RATE_LIMITED",
          `${providerLabel[provider]}'s rate budget for account ${accountId} (${describeLimit(limit)}) is spent; ${why}. If its plan allows more, raise the account's rateLimit in NUMBERGRAPH_CONFIG.`,
          {
            accountId,
            status: 429,
            retryAfterMs: retryMs === undefined ? undefined : Math.ceil(retryMs / 1000) * 1000,
          },
        );

      return {
        spec,
        async take(bounds) {
          const signal = bounds?.signal;
          const started = Date.now();
          let waitedAny = false;
          try {
            return await takeWaiting();
          } finally {
            // Metrics count calls held back (source "budget", beside the header pacer's "headers").
            if (waitedAny)
              reportRateLimitWait({
                provider,
                accountId,
                source: "budget",
                seconds: (Date.now() - started) / 1000,
              });
          }

          async function takeWaiting(): Promise<BudgetPlace> {
            let place: BudgetPlace;
            for (;;) {
              if (signal?.aborted) throw refuse(STOPPED, undefined);
              const taken = await tryTake();
              if (typeof taken !== "number") {
                place = taken;
                break;
              }
              // A little jitter, so the instances that waited for the same moment do not all ask at once.
              const waitMs = (taken === ALL_IN_FLIGHT ? IN_FLIGHT_POLL_MS : taken) + Math.random() * 10;
              const now = Date.now();
              if (!waitEndsInTime(bounds, waitMs, now)) {
                if (taken === ALL_IN_FLIGHT) throw refuse(`its ${limit.requests} places were held by calls still in flight until this listing's time budget ran out. Retry later`, undefined);
                throw refuse(`room comes in ${(waitMs / 1000).toFixed(1)} s${pastTheBudget(bounds, waitMs, now)}`, waitMs);
              }
              options.onWait?.({ provider, accountId, budget: name, waitMs });
              waitedAny = true;
              if (!(await sleep(waitMs, signal))) throw refuse(STOPPED, waitMs);
            }
            if (daily) {
              const spentForMs = await daily();
              if (spentForMs > 0) {
                place.settle();
                throw refuse(`its daily limit of ${limit.perDay} calls is used up for another ${Math.ceil(spentForMs / 60_000)} min. Retry then`, spentForMs);
              }
            }
            return place;
          }
        },
      };
    },
  };
}

/** A fixed day window (in Redis when set, with an in-process insurance while it is away): 0 when counted, else ms until the day resets. */
function dailyLimiter(perDay: number, key: string, redis: RedisConnection | undefined): () => Promise<number> {
  const memory = new RateLimiterMemory({
    points: perDay,
    duration: DAY_SECONDS,
    keyPrefix: key,
  });
  const shared: RateLimiterAbstract = redis
    ? new RateLimiterRedis({
        storeClient: redis.client,
        points: perDay,
        duration: DAY_SECONDS,
        keyPrefix: key,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory;
  const consume = async (limiter: RateLimiterAbstract) => {
    try {
      await limiter.consume("day");
      return 0;
    } catch (refused: unknown) {
      if (refused instanceof RateLimiterRes) return Math.max(1, refused.msBeforeNext);
      throw refused;
    }
  };
  return async () => {
    if (shared === memory) return consume(memory);
    const answer = await withinTime(consume(shared), REDIS_COMMAND_TIMEOUT_MS);
    return answer ?? consume(memory);
  };
}

export function describeLimit(limit: RateLimitConfig): string {
  return `${limit.requests} calls per ${limit.perSeconds} s${limit.perDay !== undefined ? `, ${limit.perDay} a day` : ""}`;
}

/** true after `ms`, false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const done = (slept: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", aborted);
      resolve(slept);
    };
    const aborted = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener("abort", aborted, { once: true });
  });
}

/** The budget knob every provider account accepts (NUMBERGRAPH_CONFIG `rateLimit`): its own limit, or `false` for none. */
export interface RateLimitSetting {
  rateLimit?: RateLimitConfig | false;
}

/** The limit an account's budget counts to: its configured one, else the provider's default (undefined: no budget). */
export function effectiveLimit(setting: RateLimitSetting, fallback: RateLimitConfig | undefined): RateLimitConfig | undefined {
  if (setting.rateLimit === false) return undefined;
  return setting.rateLimit ?? fallback;
}
