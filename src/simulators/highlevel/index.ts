export { HighLevelSimulator, type HighLevelSimulatorOptions } from "./highlevel-simulator.js";
export type { HighLevelLocationData, HighLevelWireNumber, HighLevelWirePool } from "./highlevel-data.js";
