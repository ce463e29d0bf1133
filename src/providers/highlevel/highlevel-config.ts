import type { RateLimitConfig, RateLimitSetting } from "../shared/rate-budget.js";
import type { HttpTuning } from "../shared/upstream-http.js";
import type { HighLevelOAuthConfig } from "./highlevel-oauth.js";

/**
 * One HighLevel credential and the locations it reaches: a Private Integration Token (`token`),
 * or an OAuth app's install (`oauth`: a Location install reaches its one location, an agency
 * install with `companyId` every approved location listed).
 */
export interface HighLevelAccountsConfig extends HttpTuning, RateLimitSetting {
  token?: string;
  oauth?: HighLevelOAuthConfig;
  locationIds: string[];
  baseUrl: string;
}

/** HighLevel's published limits, per app per location: 100 calls per 10 s, 200,000 a day. */
export const HIGHLEVEL_RATE_LIMIT: RateLimitConfig = { requests: 100, perSeconds: 10, perDay: 200_000 };
