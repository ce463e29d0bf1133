export { createZoomAccount, ZOOM_NM_PAGE_SIZE, ZOOM_PAGE_SIZE, type ZoomAccountConfig } from "./zoom-client.js";
export { ZoomNumberDetails } from "./zoom-details.type.js";
export { ZOOM_NUMBERS_APIS, type ZoomNumbersApiSetting } from "./zoom-numbers-api.js";
