export { createTelnyxAccount, type TelnyxAccountConfig } from "./telnyx-client.js";
export { TelnyxNumberDetails } from "./telnyx-details.type.js";
