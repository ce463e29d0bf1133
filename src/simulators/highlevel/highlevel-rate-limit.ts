/** HighLevel's published limits: 100 requests per 10 s burst window and 200,000 a day, per app per location. */
export const HIGHLEVEL_LIMITS = { burstMax: 100, burstIntervalMs: 10_000, daily: 200_000 } as const;

export interface RateLimitState {
  /** Requests left in the current burst window, after this one. */
  burstRemaining: number;
  dailyRemaining: number;
  /** Milliseconds until the current burst window ends. */
  windowLeftMs: number;
}

/**
 * Fixed burst windows (the first request opens one) and a daily budget, so the `X-RateLimit-*`
 * headers count down as HighLevel's do. The clock is injectable so tests need no waiting.
 */
export class HighLevelRateLimiter {
  private windowStart = Number.NEGATIVE_INFINITY;
  private burstUsed = 0;
  private dailyUsed = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Count one request; `allowed` is false once the window's (or the day's) budget is spent. */
  take(): RateLimitState & { allowed: boolean } {
    const now = this.now();
    if (now - this.windowStart >= HIGHLEVEL_LIMITS.burstIntervalMs) {
      this.windowStart = now;
      this.burstUsed = 0;
    }
    const allowed = this.burstUsed < HIGHLEVEL_LIMITS.burstMax && this.dailyUsed < HIGHLEVEL_LIMITS.daily;
    if (allowed) {
      this.burstUsed += 1;
      this.dailyUsed += 1;
    }
    return { allowed, ...this.state(now) };
  }

  /** The budget as it stands, without counting a request (for fault responses). */
  peek(): RateLimitState {
    return this.state(this.now());
  }

  private state(now: number): RateLimitState {
    const windowOpen = now - this.windowStart < HIGHLEVEL_LIMITS.burstIntervalMs;
    return {
      burstRemaining: windowOpen ? HIGHLEVEL_LIMITS.burstMax - this.burstUsed : HIGHLEVEL_LIMITS.burstMax,
      dailyRemaining: HIGHLEVEL_LIMITS.daily - this.dailyUsed,
      windowLeftMs: windowOpen ? this.windowStart + HIGHLEVEL_LIMITS.burstIntervalMs - now : 0,
    };
  }
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "x-ratelimit-max": String(HIGHLEVEL_LIMITS.burstMax),
    "x-ratelimit-remaining": String(state.burstRemaining),
    "x-ratelimit-interval-milliseconds": String(HIGHLEVEL_LIMITS.burstIntervalMs),
    "x-ratelimit-limit-daily": String(HIGHLEVEL_LIMITS.daily),
    "x-ratelimit-daily-remaining": String(state.dailyRemaining),
  };
}
