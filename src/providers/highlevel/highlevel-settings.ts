import { z } from "zod";
import { ConfigError } from "../../settings/config-error.js";
import { checkUrl, type EnvReader } from "../../settings/env-reader.js";
import { TUNING_FIELDS } from "../provider-descriptor.js";
import type { HighLevelAccountsConfig } from "./highlevel-config.js";

export const HIGHLEVEL_DEFAULT_BASE_URL = "https://services.leadconnectorhq.com";

const OAUTH_VARS = ["HIGHLEVEL_CLIENT_ID", "HIGHLEVEL_CLIENT_SECRET", "HIGHLEVEL_REFRESH_TOKEN"] as const;

/** HighLevel from env: a Private Integration Token, or an OAuth app's install (never both). */
export function highLevelFromEnv(env: EnvReader): HighLevelAccountsConfig[] {
  const oauthSet = [...OAUTH_VARS, "HIGHLEVEL_COMPANY_ID"].filter((n) => env.read(n) !== undefined);
  if (env.read("HIGHLEVEL_TOKEN") !== undefined && oauthSet.length > 0) {
    throw new ConfigError(
      `HIGHLEVEL_TOKEN and ${oauthSet.join(", ")} are both set; use HIGHLEVEL_TOKEN for a Private Integration Token, or HIGHLEVEL_CLIENT_ID, HIGHLEVEL_CLIENT_SECRET and HIGHLEVEL_REFRESH_TOKEN for an OAuth app, not both.`,
    );
  }
  if (oauthSet.length === 0) {
    const pit = env.allOrNone(["HIGHLEVEL_TOKEN", "HIGHLEVEL_LOCATION_IDS"], "HIGHLEVEL_BASE_URL");
    return pit ? [{ token: pit.HIGHLEVEL_TOKEN, locationIds: locationIdsOf(pit.HIGHLEVEL_LOCATION_IDS), baseUrl: env.url("HIGHLEVEL_BASE_URL", HIGHLEVEL_DEFAULT_BASE_URL) }] : [];
  }
  const oauth = env.allOrNone([...OAUTH_VARS, "HIGHLEVEL_LOCATION_IDS"]);
  if (!oauth) throw new ConfigError("HIGHLEVEL_COMPANY_ID is set but HIGHLEVEL_CLIENT_ID, HIGHLEVEL_CLIENT_SECRET and HIGHLEVEL_REFRESH_TOKEN are not; an agency install needs the OAuth app's credentials and refresh token.");
  const locationIds = locationIdsOf(oauth.HIGHLEVEL_LOCATION_IDS);
  const companyId = env.read("HIGHLEVEL_COMPANY_ID");
  checkLocationInstall(companyId, locationIds, "HIGHLEVEL_LOCATION_IDS", "set HIGHLEVEL_COMPANY_ID for an agency install, or configure each location with its own refresh token in NUMBERGRAPH_CONFIG");
  return [
    {
      oauth: { clientId: oauth.HIGHLEVEL_CLIENT_ID, clientSecret: oauth.HIGHLEVEL_CLIENT_SECRET, refreshToken: oauth.HIGHLEVEL_REFRESH_TOKEN, ...(companyId ? { companyId } : {}) },
      locationIds,
      baseUrl: env.url("HIGHLEVEL_BASE_URL", HIGHLEVEL_DEFAULT_BASE_URL),
    },
  ];
}

/** One `highlevel` entry of NUMBERGRAPH_CONFIG: a Private Integration Token or an OAuth app's install. */
export const highLevelFileEntry = z
  .object({
    token: z.string().min(1).optional(),
    clientId: z.string().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
    refreshToken: z.string().min(1).optional(),
    companyId: z.string().min(1).optional(),
    locationIds: z.array(z.string().min(1)).min(1),
    baseUrl: z.string().optional(),
    ...TUNING_FIELDS,
  })
  .strict()
  .refine((h) => (h.token === undefined) !== (h.clientId === undefined && h.clientSecret === undefined && h.refreshToken === undefined && h.companyId === undefined), {
    message: "give either token (a Private Integration Token) or clientId, clientSecret and refreshToken (an OAuth app), not both",
  })
  .refine((h) => h.token !== undefined || (h.clientId !== undefined && h.clientSecret !== undefined && h.refreshToken !== undefined), { message: "an OAuth app needs clientId, clientSecret and refreshToken" });

export function highLevelFromFile({ token, clientId, clientSecret, refreshToken, companyId, ...h }: z.infer<typeof highLevelFileEntry>, at: (field: string) => string): HighLevelAccountsConfig {
  const baseUrl = checkUrl(h.baseUrl ?? HIGHLEVEL_DEFAULT_BASE_URL, at("baseUrl"));
  if (token !== undefined) return { ...h, token, baseUrl };
  checkLocationInstall(companyId, h.locationIds, at("locationIds"), "add companyId for an agency install, or give each location its own entry and refresh token");
  return { ...h, oauth: { clientId: clientId!, clientSecret: clientSecret!, refreshToken: refreshToken!, ...(companyId ? { companyId } : {}) }, baseUrl };
}

function locationIdsOf(text: string): string[] {
  const locationIds = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (!locationIds.length) throw new ConfigError("HIGHLEVEL_LOCATION_IDS names no location; give comma-separated location ids.");
  return locationIds;
}

/** A Location install's refresh token reaches one location only. */
function checkLocationInstall(companyId: string | undefined, locationIds: string[], where: string, fix: string): void {
  if (!companyId && locationIds.length !== 1) throw new ConfigError(`${where} names ${locationIds.length} locations, but a sub-account (Location) OAuth install reaches one; ${fix}.`);
}
