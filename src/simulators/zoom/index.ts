export { ZoomSimulator, type ZoomSimulatorOptions } from "./zoom-simulator.js";
export { ZOOM_ASSIGNEE_TYPES, ZOOM_EMERGENCY_POOLS, type ZoomWirePhoneNumber } from "./zoom-data.js";
