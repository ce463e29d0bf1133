export { HighLevelSimulator, type HighLevelSimulatorOptions } from "./highlevel-simulator.js";
export type { HighLevelLocationData, HighLevelWireNumber, HighLevelWirePool } from "./highlevel-data.js";
export { HIGHLEVEL_SIM_APP, HighLevelOAuth, type HighLevelOAuthCounters, type HighLevelOAuthOptions } from "./highlevel-oauth.js";
