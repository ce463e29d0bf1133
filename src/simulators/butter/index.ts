export { ButterSimulator, BUTTER_DEFAULT_LIMIT, BUTTER_MAX_LIMIT, type ButterSimulatorOptions } from "./butter-simulator.js";
export type { ButterWirePhoneNumber } from "./butter-data.js";
