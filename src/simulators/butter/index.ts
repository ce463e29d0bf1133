export { ButterSimulator, BUTTER_MAX_LIMIT, type ButterSimulatorOptions } from "./butter-simulator.js";
export type { ButterWirePhoneNumber } from "./butter-data.js";
