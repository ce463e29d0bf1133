import { numericHeader, type RateWindowReader } from "../shared/pacer.js";

/**
 * Telnyx reports its window on every answer, 429s included (which carry no Retry-After):
 * `x-ratelimit-limit`, `x-ratelimit-remaining` and `x-ratelimit-reset`, seconds until the reset.
 */
export const readTelnyxRateWindow: RateWindowReader = ({ headers, receivedAt }) => {
  const remaining = numericHeader(headers, "x-ratelimit-remaining");
  const reset = numericHeader(headers, "x-ratelimit-reset");
  if (remaining === undefined || reset === undefined) return undefined;
  const limit = numericHeader(headers, "x-ratelimit-limit");
  return { remaining, resetAt: receivedAt + reset * 1000, ...(limit !== undefined ? { limit } : {}) };
};
