import { providerLabel } from "../../model/index.js";
import { defineProvider } from "../provider-descriptor.js";
import { createButterAccount } from "./butter-client.js";
import { ButterNumberDetails } from "./butter-details.type.js";
import { butterFileEntry, butterFromEnv, butterFromFile } from "./butter-settings.js";

/** Butter AI voice agents: one account per organization. */
export const butter = defineProvider({
  provider: "BUTTER",
  label: providerLabel.BUTTER,
  configKey: "butter",
  fromEnv: butterFromEnv,
  fileEntry: butterFileEntry,
  fromFile: butterFromFile,
  accountIds: (config) => [config.organizationId],
  createAccounts: (config, deps) => [createButterAccount(config, deps)],
  detailsType: ButterNumberDetails,
});
