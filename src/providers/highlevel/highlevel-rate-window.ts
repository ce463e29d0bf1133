import { numericHeader, type RateWindow, type RateWindowReader } from "../shared/pacer.js";

/**
 * HighLevel reports its burst window as `X-RateLimit-Remaining`, `X-RateLimit-Max` and the window's
 * length, `X-RateLimit-Interval-Milliseconds`, but not when it started. A window began before any
 * answer counted in it came back, so it resets no later than the earliest such answer plus the
 * interval: the reader keeps that time per account (one reader per paced account).
 */
export function createHighLevelRateWindowReader(): RateWindowReader {
  let firstAnswerInWindow: number | undefined;
  let lastRemaining: number | undefined;
  return ({ headers, receivedAt }): RateWindow | undefined => {
    const remaining = numericHeader(headers, "x-ratelimit-remaining");
    const interval = numericHeader(headers, "x-ratelimit-interval-milliseconds");
    if (remaining === undefined || interval === undefined) return undefined;
    const limit = numericHeader(headers, "x-ratelimit-max");
    // More calls left than last time: a new window has opened since.
    if (lastRemaining === undefined || remaining > lastRemaining || firstAnswerInWindow === undefined) firstAnswerInWindow = receivedAt;
    else firstAnswerInWindow = Math.min(firstAnswerInWindow, receivedAt);
    lastRemaining = remaining;
    return { remaining, resetAt: firstAnswerInWindow + interval, ...(limit !== undefined ? { limit } : {}) };
  };
}
