export { TelnyxSimulator, type TelnyxSimulatorOptions } from "./telnyx-simulator.js";
export { TELNYX_STATUSES, type TelnyxWirePhoneNumber } from "./telnyx-data.js";
