export { createTelnyxAccount, TELNYX_PAGE_CONCURRENCY, TELNYX_PAGE_SIZE, type TelnyxAccountConfig } from "./telnyx-client.js";
export { TelnyxNumberDetails } from "./telnyx-details.type.js";
