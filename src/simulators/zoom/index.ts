import { defineSimulator } from "../simulator-descriptor.js";
import { ZOOM_SIM_CREDENTIALS } from "./zoom-credentials.js";
import { ZoomSimulator } from "./zoom-simulator.js";

export { ZoomSimulator, ZOOM_DEFAULT_SCOPES, ZOOM_LIST_SCOPES, type ZoomSimulatorOptions } from "./zoom-simulator.js";
export { ZOOM_ASSIGNEE_TYPES, ZOOM_EMERGENCY_POOLS, ZOOM_SITES, type ZoomWirePhoneNumber } from "./zoom-data.js";
export { numberManagementId, ZOOM_NM_ASSIGNEE_TYPES, ZOOM_NM_NUMBER_TYPES, ZOOM_NM_PRODUCTS, ZOOM_NM_SOURCES, type ZoomNmWireNumber } from "./zoom-nm-data.js";
export { ZOOM_SIM_CREDENTIALS } from "./zoom-credentials.js";

/** The Zoom simulator in the simulators' list. */
export const zoomSimulator = defineSimulator({
  key: "zoom",
  label: "Zoom",
  credentials: ZOOM_SIM_CREDENTIALS,
  create: (options) => new ZoomSimulator({ ...options, ...options.zoom }),
  env: (sim) => ({
    ZOOM_ACCOUNT_ID: ZOOM_SIM_CREDENTIALS.accountId,
    ZOOM_CLIENT_ID: ZOOM_SIM_CREDENTIALS.clientId,
    ZOOM_CLIENT_SECRET: ZOOM_SIM_CREDENTIALS.clientSecret,
    ZOOM_BASE_URL: `${sim.baseUrl}/v2`,
    ZOOM_OAUTH_URL: `${sim.baseUrl}/oauth/token`,
  }),
  describe: (sim) => `${sim.baseUrl}/v2  (OAuth ${sim.baseUrl}/oauth/token)`,
});
