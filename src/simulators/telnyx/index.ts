import { defineSimulator } from "../simulator-descriptor.js";
import { TELNYX_SIM_CREDENTIALS } from "./telnyx-credentials.js";
import { TelnyxSimulator } from "./telnyx-simulator.js";

export { TelnyxSimulator, TELNYX_DEFAULT_PAGE_SIZE, TELNYX_MAX_PAGE_SIZE, type TelnyxSimulatorOptions } from "./telnyx-simulator.js";
export { TELNYX_NUMBER_TYPES, TELNYX_STATUSES, type TelnyxUsagePaymentMethod, type TelnyxWirePhoneNumber } from "./telnyx-data.js";
export { STATUS_FILTER_VALUES, NUMBER_TYPE_FILTER_VALUES } from "./telnyx-filters.js";
export { TELNYX_SIM_RATE_LIMIT, type TelnyxRateLimit } from "./telnyx-rate-limit.js";
export { TELNYX_SIM_CREDENTIALS } from "./telnyx-credentials.js";

/** The Telnyx simulator in the simulators' list. */
export const telnyxSimulator = defineSimulator({
  key: "telnyx",
  label: "Telnyx",
  credentials: TELNYX_SIM_CREDENTIALS,
  create: (options) => new TelnyxSimulator({ ...options, rateLimit: options.telnyxRateLimit }),
  env: (sim) => ({ TELNYX_API_KEY: TELNYX_SIM_CREDENTIALS.apiKey, TELNYX_BASE_URL: `${sim.baseUrl}/v2` }),
  describe: (sim) => `${sim.baseUrl}/v2`,
});
