/**
 * Telnyx publishes the headers, not the numbers: `x-ratelimit-limit` (the applicable limit),
 * `x-ratelimit-remaining` (requests left in the current window) and `x-ratelimit-reset` (seconds
 * until the window resets). The simulator's limit and window are its own choice, settable per test.
 */
export interface TelnyxRateLimit {
  limit: number;
  windowMs: number;
}

export const TELNYX_SIM_RATE_LIMIT: TelnyxRateLimit = { limit: 200, windowMs: 60_000 };

export interface WindowState {
  /** Requests left in the window, after this one. */
  remaining: number;
  /** Whole seconds until the window resets (at least 1 while a window is open). */
  resetSeconds: number;
}

/** Fixed windows opened by the first request; the clock is injectable so tests need no waiting. */
export class TelnyxRateLimiter {
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(
    readonly rule: TelnyxRateLimit = TELNYX_SIM_RATE_LIMIT,
    private readonly now: () => number = Date.now,
  ) {}

  /** Count one request; `allowed` is false once the window's budget is spent. */
  take(): WindowState & { allowed: boolean } {
    const now = this.now();
    if (now - this.windowStart >= this.rule.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    const allowed = this.used < this.rule.limit;
    if (allowed) this.used += 1;
    return { allowed, ...this.peek() };
  }

  /** The budget as it stands, without counting a request. */
  peek(): WindowState {
    const now = this.now();
    const open = now - this.windowStart < this.rule.windowMs;
    return {
      remaining: open ? this.rule.limit - this.used : this.rule.limit,
      resetSeconds: open ? Math.max(1, Math.ceil((this.windowStart + this.rule.windowMs - now) / 1000)) : Math.ceil(this.rule.windowMs / 1000),
    };
  }

  headers(state: WindowState = this.peek()): Record<string, string> {
    return { "x-ratelimit-limit": String(this.rule.limit), "x-ratelimit-remaining": String(state.remaining), "x-ratelimit-reset": String(state.resetSeconds) };
  }
}
