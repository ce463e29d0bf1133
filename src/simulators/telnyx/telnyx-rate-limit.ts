import { FixedWindow } from "../fixed-window.js";

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

/** One fixed window (the simulator's own limit), reported in Telnyx's `x-ratelimit-*` headers. */
export class TelnyxRateLimiter {
  private readonly window: FixedWindow;

  constructor(
    readonly rule: TelnyxRateLimit = TELNYX_SIM_RATE_LIMIT,
    now: () => number = Date.now,
  ) {
    this.window = new FixedWindow(rule.limit, rule.windowMs, now);
  }

  /** Count one request; `allowed` is false once the window's budget is spent. */
  take(): WindowState & { allowed: boolean } {
    return { allowed: this.window.tryCount(), ...this.peek() };
  }

  /** The budget as it stands, without counting a request. */
  peek(): WindowState {
    const msLeft = this.window.msLeft();
    return { remaining: this.window.remaining(), resetSeconds: msLeft > 0 ? Math.max(1, Math.ceil(msLeft / 1000)) : Math.ceil(this.rule.windowMs / 1000) };
  }

  headers(state: WindowState = this.peek()): Record<string, string> {
    return { "x-ratelimit-limit": String(this.rule.limit), "x-ratelimit-remaining": String(state.remaining), "x-ratelimit-reset": String(state.resetSeconds) };
  }
}
