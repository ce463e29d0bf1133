import { defineSimulator } from "../simulator-descriptor.js";
import { HIGHLEVEL_SIM_CREDENTIALS } from "./highlevel-credentials.js";
import { HighLevelSimulator } from "./highlevel-simulator.js";

export { HighLevelSimulator, type HighLevelSimulatorOptions } from "./highlevel-simulator.js";
export type { HighLevelLocationData, HighLevelWireNumber, HighLevelWirePool } from "./highlevel-data.js";
export { HIGHLEVEL_SIM_APP, HighLevelOAuth, type HighLevelOAuthCounters, type HighLevelOAuthOptions } from "./highlevel-oauth.js";
export { HIGHLEVEL_SIM_CREDENTIALS } from "./highlevel-credentials.js";

/** The HighLevel simulator in the simulators' list. */
export const highLevelSimulator = defineSimulator({
  key: "highlevel",
  label: "HighLevel",
  credentials: HIGHLEVEL_SIM_CREDENTIALS,
  create: (options) => new HighLevelSimulator({ ...options, ...options.highlevel }),
  env: (sim) => ({
    HIGHLEVEL_TOKEN: HIGHLEVEL_SIM_CREDENTIALS.token,
    HIGHLEVEL_LOCATION_IDS: HIGHLEVEL_SIM_CREDENTIALS.locationIds.join(","),
    HIGHLEVEL_BASE_URL: sim.baseUrl,
  }),
  describe: (sim) => sim.baseUrl,
});
