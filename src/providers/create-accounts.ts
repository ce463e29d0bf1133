import type { Logger } from "pino";
import type { ProviderAccountsConfig } from "../config/config.js";
import type { ProviderAccount } from "../model/index.js";
import type { StateStore } from "../state/state-store.js";
import { createButterAccount } from "./butter/index.js";
import { createHighLevelAccounts } from "./highlevel/index.js";
import { createTelnyxAccount } from "./telnyx/index.js";
import { createZoomAccount } from "./zoom/index.js";

export interface ProviderAccountDeps {
  /** Required when a HighLevel OAuth install is configured (its refresh tokens rotate). */
  stateStore?: StateStore;
  log?: Logger;
}

/** One `ProviderAccount` per configured account (per location for HighLevel). */
export function createProviderAccounts(config: ProviderAccountsConfig, deps: ProviderAccountDeps = {}): ProviderAccount[] {
  return [
    ...config.highlevel.flatMap((c) => createHighLevelAccounts(c, deps)),
    ...config.telnyx.map((c) => createTelnyxAccount(c)),
    ...config.zoom.map((c) => createZoomAccount(c, deps)),
    ...config.butter.map((c) => createButterAccount(c)),
  ];
}
