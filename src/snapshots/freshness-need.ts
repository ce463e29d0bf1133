import type { FreshnessNeed } from "./snapshot-service.js";

/**
 * What a request's `Cache-Control` asks of snapshot freshness: `no-cache` (or `max-age=0`) waits
 * for a refresh of every account it reads, `max-age=N` of those older than N seconds. Anything
 * else is the TTL's stale-while-revalidate.
 */
export function freshnessNeed(cacheControl: string | undefined): FreshnessNeed {
  if (!cacheControl) return {};
  let maxAgeMs: number | undefined;
  for (const directive of cacheControl.toLowerCase().split(",")) {
    const [name, value] = directive.trim().split("=", 2) as [string, string | undefined];
    if (name === "no-cache") maxAgeMs = 0;
    else if (name === "max-age" && value !== undefined && /^\d+$/.test(value.trim())) maxAgeMs = Math.min(maxAgeMs ?? Infinity, Number(value) * 1000);
  }
  return maxAgeMs === undefined ? {} : { maxAgeMs };
}
