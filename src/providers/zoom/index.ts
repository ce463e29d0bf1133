export { createZoomAccount, type ZoomAccountConfig } from "./zoom-client.js";
export { ZoomNumberDetails } from "./zoom-details.type.js";
