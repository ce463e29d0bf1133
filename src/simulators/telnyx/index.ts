export { TelnyxSimulator, TELNYX_DEFAULT_PAGE_SIZE, TELNYX_MAX_PAGE_SIZE, type TelnyxSimulatorOptions } from "./telnyx-simulator.js";
export { TELNYX_NUMBER_TYPES, TELNYX_STATUSES, type TelnyxUsagePaymentMethod, type TelnyxWirePhoneNumber } from "./telnyx-data.js";
export { STATUS_FILTER_VALUES, NUMBER_TYPE_FILTER_VALUES } from "./telnyx-filters.js";
export { TELNYX_SIM_RATE_LIMIT, type TelnyxRateLimit } from "./telnyx-rate-limit.js";
