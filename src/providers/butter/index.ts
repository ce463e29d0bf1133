export { createButterAccount, type ButterAccountConfig } from "./butter-client.js";
export { ButterNumberDetails } from "./butter-details.type.js";
