import type { ProviderAccount } from "../model/index.js";
import { createRateBudgets } from "./shared/rate-budget.js";
import { eachAccountConfig, type ProviderAccountsConfig } from "./index.js";
import type { ProviderAccountDeps } from "./provider-descriptor.js";

/** One `ProviderAccount` per configured account (per location for HighLevel), in the providers' list order. */
export function createProviderAccounts(config: ProviderAccountsConfig, deps: ProviderAccountDeps): ProviderAccount[] {
  // One set of budgets for all of them (in this process unless the caller passes the fleet's).
  const withBudgets = { ...deps, budgets: deps.budgets ?? createRateBudgets() };
  return [...eachAccountConfig(config)].flatMap(({ descriptor, config: c }) => descriptor.createAccounts(c, withBudgets));
}
