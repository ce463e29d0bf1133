import { z } from "zod";
import { checkUrl, type EnvReader } from "../../settings/env-reader.js";
import { TUNING_FIELDS } from "../provider-descriptor.js";
import type { TelnyxAccountConfig } from "./telnyx-client.js";

export const TELNYX_DEFAULT_BASE_URL = "https://api.telnyx.com/v2";

/** TELNYX_API_KEY (and TELNYX_BASE_URL): one account named `default`. */
export function telnyxFromEnv(env: EnvReader): TelnyxAccountConfig[] {
  const set = env.allOrNone(["TELNYX_API_KEY"], "TELNYX_BASE_URL");
  return set ? [{ accountId: "default", apiKey: set.TELNYX_API_KEY, baseUrl: env.url("TELNYX_BASE_URL", TELNYX_DEFAULT_BASE_URL) }] : [];
}

/** One `telnyx` entry of NUMBERGRAPH_CONFIG; `name` is the graph's accountId. */
export const telnyxFileEntry = z.object({ name: z.string().min(1), apiKey: z.string().min(1), baseUrl: z.string().optional(), ...TUNING_FIELDS }).strict();

export function telnyxFromFile({ name, ...t }: z.infer<typeof telnyxFileEntry>, at: (field: string) => string): TelnyxAccountConfig {
  return { ...t, accountId: name, baseUrl: checkUrl(t.baseUrl ?? TELNYX_DEFAULT_BASE_URL, at("baseUrl")) };
}
