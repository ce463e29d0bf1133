export { createHighLevelAccounts, type HighLevelDeps } from "./highlevel-client.js";
export type { HighLevelAccountsConfig } from "./highlevel-config.js";
export { HighLevelNumberDetails } from "./highlevel-details.type.js";
