export { createHighLevelAccounts, type HighLevelAccountsConfig } from "./highlevel-client.js";
export { HighLevelNumberDetails } from "./highlevel-details.type.js";
