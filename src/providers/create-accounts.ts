import type { ProviderAccount } from "../model/index.js";
import { eachAccountConfig, type ProviderAccountsConfig } from "./index.js";
import type { ProviderAccountDeps } from "./provider-descriptor.js";

/** One `ProviderAccount` per configured account (per location for HighLevel), in the providers' list order. */
export function createProviderAccounts(config: ProviderAccountsConfig, deps: ProviderAccountDeps): ProviderAccount[] {
  return [...eachAccountConfig(config)].flatMap(({ descriptor, config: c }) => descriptor.createAccounts(c, deps));
}
