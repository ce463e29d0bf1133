import { providerLabel } from "../../model/index.js";
import { defineProvider } from "../provider-descriptor.js";
import { createZoomAccount } from "./zoom-client.js";
import { ZoomNumberDetails } from "./zoom-details.type.js";
import { zoomFileEntry, zoomFromEnv, zoomFromFile } from "./zoom-settings.js";

/** Zoom Phone: one account per Zoom account, through a Server-to-Server OAuth app. */
export const zoom = defineProvider({
  provider: "ZOOM",
  label: providerLabel.ZOOM,
  configKey: "zoom",
  fromEnv: zoomFromEnv,
  fileEntry: zoomFileEntry,
  fromFile: zoomFromFile,
  accountIds: (config) => [config.accountId],
  createAccounts: (config, deps) => [createZoomAccount(config, deps)],
  detailsType: ZoomNumberDetails,
});
