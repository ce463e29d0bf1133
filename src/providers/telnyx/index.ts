import { providerLabel } from "../../model/index.js";
import { defineProvider } from "../provider-descriptor.js";
import { createTelnyxAccount } from "./telnyx-client.js";
import { TelnyxNumberDetails } from "./telnyx-details.type.js";
import { telnyxFileEntry, telnyxFromEnv, telnyxFromFile } from "./telnyx-settings.js";

/** Telnyx v2: one account per API key. */
export const telnyx = defineProvider({
  provider: "TELNYX",
  label: providerLabel.TELNYX,
  configKey: "telnyx",
  fromEnv: telnyxFromEnv,
  fileEntry: telnyxFileEntry,
  fromFile: telnyxFromFile,
  accountIds: (config) => [config.accountId],
  createAccounts: (config, deps) => [createTelnyxAccount(config, deps)],
  detailsType: TelnyxNumberDetails,
});
