import { z } from "zod";
import { ConfigError } from "../../settings/config-error.js";
import { checkUrl, type EnvReader } from "../../settings/env-reader.js";
import { TUNING_FIELDS } from "../provider-descriptor.js";
import { ZOOM_PLANS } from "./zoom-rate-budget.js";
import type { ZoomAccountConfig } from "./zoom-client.js";
import { ZOOM_NUMBERS_APIS, type ZoomNumbersApiSetting } from "./zoom-numbers-api.js";

export const ZOOM_DEFAULT_BASE_URL = "https://api.zoom.us/v2";
export const ZOOM_DEFAULT_OAUTH_URL = "https://zoom.us/oauth/token";

/** ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET (a Server-to-Server OAuth app), and ZOOM_NUMBERS_API. */
export function zoomFromEnv(env: EnvReader): ZoomAccountConfig[] {
  const set = env.allOrNone(["ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"], "ZOOM_BASE_URL", "ZOOM_OAUTH_URL", "ZOOM_NUMBERS_API");
  if (!set) return [];
  return [
    {
      accountId: set.ZOOM_ACCOUNT_ID,
      clientId: set.ZOOM_CLIENT_ID,
      clientSecret: set.ZOOM_CLIENT_SECRET,
      baseUrl: env.url("ZOOM_BASE_URL", ZOOM_DEFAULT_BASE_URL),
      oauthUrl: env.url("ZOOM_OAUTH_URL", ZOOM_DEFAULT_OAUTH_URL),
      numbersApi: numbersApi(env.read("ZOOM_NUMBERS_API")),
    },
  ];
}

/** One `zoom` entry of NUMBERGRAPH_CONFIG. */
export const zoomFileEntry = z
  .object({
    accountId: z.string().min(1),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    baseUrl: z.string().optional(),
    oauthUrl: z.string().optional(),
    numbersApi: z.enum(ZOOM_NUMBERS_APIS).optional(),
    plan: z.enum(ZOOM_PLANS, { error: `plan must be one of ${ZOOM_PLANS.join(", ")} (Zoom's rate-limit tables: Pro, or Business+ for Business, Education, Enterprise and Partner accounts)` }).optional(),
    rateShare: z
      .number({ error: "rateShare must be a number above 0 and at most 1 (the share of the plan's per-second limit this gateway may spend)" })
      .gt(0, { error: "rateShare must be above 0 and at most 1" })
      .max(1, { error: "rateShare must be above 0 and at most 1" })
      .optional(),
    ...TUNING_FIELDS,
  })
  .strict();

export function zoomFromFile(entry: z.infer<typeof zoomFileEntry>, at: (field: string) => string): ZoomAccountConfig {
  return {
    ...entry,
    numbersApi: entry.numbersApi ?? "auto",
    baseUrl: checkUrl(entry.baseUrl ?? ZOOM_DEFAULT_BASE_URL, at("baseUrl")),
    oauthUrl: checkUrl(entry.oauthUrl ?? ZOOM_DEFAULT_OAUTH_URL, at("oauthUrl")),
  };
}

function numbersApi(value: string | undefined): ZoomNumbersApiSetting {
  if (value === undefined) return "auto";
  if (!(ZOOM_NUMBERS_APIS as readonly string[]).includes(value)) throw new ConfigError(`ZOOM_NUMBERS_API must be one of ${ZOOM_NUMBERS_APIS.join(", ")}; got ${JSON.stringify(value)}.`);
  return value as ZoomNumbersApiSetting;
}
