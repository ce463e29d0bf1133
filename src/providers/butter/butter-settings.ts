import { z } from "zod";
import { checkUrl, type EnvReader } from "../../settings/env-reader.js";
import { TUNING_FIELDS } from "../provider-descriptor.js";
import type { ButterAccountConfig } from "./butter-client.js";

/** BUTTER_API_KEY, BUTTER_ORGANIZATION_ID and BUTTER_BASE_URL (required: the docs give no public host). */
export function butterFromEnv(env: EnvReader): ButterAccountConfig[] {
  const set = env.allOrNone(["BUTTER_API_KEY", "BUTTER_ORGANIZATION_ID", "BUTTER_BASE_URL"]);
  return set ? [{ apiKey: set.BUTTER_API_KEY, organizationId: set.BUTTER_ORGANIZATION_ID, baseUrl: env.url("BUTTER_BASE_URL") }] : [];
}

/** One `butter` entry of NUMBERGRAPH_CONFIG. */
export const butterFileEntry = z.object({ apiKey: z.string().min(1), organizationId: z.string().min(1), baseUrl: z.string(), ...TUNING_FIELDS }).strict();

export function butterFromFile(entry: z.infer<typeof butterFileEntry>, at: (field: string) => string): ButterAccountConfig {
  return { ...entry, baseUrl: checkUrl(entry.baseUrl, at("baseUrl")) };
}
