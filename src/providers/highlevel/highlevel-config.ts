import type { HttpTuning } from "../shared/upstream-http.js";
import type { HighLevelOAuthConfig } from "./highlevel-oauth.js";

/**
 * One HighLevel credential and the locations it reaches: a Private Integration Token (`token`),
 * or an OAuth app's install (`oauth`: a Location install reaches its one location, an agency
 * install with `companyId` every approved location listed).
 */
export interface HighLevelAccountsConfig extends HttpTuning {
  token?: string;
  oauth?: HighLevelOAuthConfig;
  locationIds: string[];
  baseUrl: string;
}
