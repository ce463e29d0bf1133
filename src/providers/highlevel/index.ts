import { providerLabel } from "../../model/index.js";
import { defineProvider } from "../provider-descriptor.js";
import { createHighLevelAccounts } from "./highlevel-client.js";
import { HighLevelNumberDetails } from "./highlevel-details.type.js";
import { highLevelFileEntry, highLevelFromEnv, highLevelFromFile } from "./highlevel-settings.js";

/** HighLevel (LeadConnector): one credential serves the locations it lists, one account per location. */
export const highLevel = defineProvider({
  provider: "HIGHLEVEL",
  label: providerLabel.HIGHLEVEL,
  configKey: "highlevel",
  fromEnv: highLevelFromEnv,
  fileEntry: highLevelFileEntry,
  fromFile: highLevelFromFile,
  accountIds: (config) => config.locationIds,
  needsStateStore: (config) => config.oauth !== undefined,
  createAccounts: createHighLevelAccounts,
  detailsType: HighLevelNumberDetails,
});
