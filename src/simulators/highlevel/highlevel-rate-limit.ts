import { FixedWindow } from "../fixed-window.js";

/** HighLevel's published limits: 100 requests per 10 s burst window and 200,000 a day, per app per location. */
export const HIGHLEVEL_LIMITS = { burstMax: 100, burstIntervalMs: 10_000, daily: 200_000 } as const;

/** The burst window's size and length (the published 100 per 10 s unless a test sets others). */
export interface HighLevelBurstLimit {
  burstMax: number;
  burstIntervalMs: number;
}

export interface RateLimitState {
  /** Requests left in the current burst window, after this one. */
  burstRemaining: number;
  dailyRemaining: number;
  /** Milliseconds until the current burst window ends. */
  windowLeftMs: number;
}

/** HighLevel's two budgets, burst and daily, so the `X-RateLimit-*` headers count down as HighLevel's do. */
export class HighLevelRateLimiter {
  private readonly burstWindow: FixedWindow;
  private readonly daily: FixedWindow;

  readonly burst: HighLevelBurstLimit;

  constructor(now: () => number = Date.now, burst: HighLevelBurstLimit = HIGHLEVEL_LIMITS) {
    this.burst = { burstMax: burst.burstMax, burstIntervalMs: burst.burstIntervalMs };
    this.burstWindow = new FixedWindow(burst.burstMax, burst.burstIntervalMs, now);
    this.daily = new FixedWindow(HIGHLEVEL_LIMITS.daily, 24 * 60 * 60_000, now);
  }

  /** Count one request; `allowed` is false once the window's (or the day's) budget is spent. */
  take(): RateLimitState & { allowed: boolean } {
    const allowed = this.burstWindow.hasRoom() && this.daily.hasRoom();
    if (allowed) {
      this.burstWindow.count();
      this.daily.count();
    }
    return { allowed, ...this.peek() };
  }

  /** The budget as it stands, without counting a request (for fault responses). */
  peek(): RateLimitState {
    return { burstRemaining: this.burstWindow.remaining(), dailyRemaining: this.daily.remaining(), windowLeftMs: this.burstWindow.msLeft() };
  }
}

export function rateLimitHeaders(state: RateLimitState, burst: HighLevelBurstLimit = HIGHLEVEL_LIMITS): Record<string, string> {
  return {
    "x-ratelimit-max": String(burst.burstMax),
    "x-ratelimit-remaining": String(state.burstRemaining),
    "x-ratelimit-interval-milliseconds": String(burst.burstIntervalMs),
    "x-ratelimit-limit-daily": String(HIGHLEVEL_LIMITS.daily),
    "x-ratelimit-daily-remaining": String(state.dailyRemaining),
  };
}
