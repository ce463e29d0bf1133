import type { ProviderAccountsConfig } from "../config/config.js";
import type { ProviderAccount } from "../model/index.js";
import { createButterAccount } from "./butter/index.js";
import { createHighLevelAccounts } from "./highlevel/index.js";
import { createTelnyxAccount } from "./telnyx/index.js";
import { createZoomAccount } from "./zoom/index.js";

/** One `ProviderAccount` per configured account (per location for HighLevel). */
export function createProviderAccounts(config: ProviderAccountsConfig): ProviderAccount[] {
  return [
    ...config.highlevel.flatMap((c) => createHighLevelAccounts(c)),
    ...config.telnyx.map((c) => createTelnyxAccount(c)),
    ...config.zoom.map((c) => createZoomAccount(c)),
    ...config.butter.map((c) => createButterAccount(c)),
  ];
}
