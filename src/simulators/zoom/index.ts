export { ZoomSimulator, ZOOM_DEFAULT_SCOPES, ZOOM_LIST_SCOPES, type ZoomSimulatorOptions } from "./zoom-simulator.js";
export { ZOOM_ASSIGNEE_TYPES, ZOOM_EMERGENCY_POOLS, ZOOM_SITES, type ZoomWirePhoneNumber } from "./zoom-data.js";
export { numberManagementId, ZOOM_NM_ASSIGNEE_TYPES, ZOOM_NM_NUMBER_TYPES, ZOOM_NM_PRODUCTS, ZOOM_NM_SOURCES, type ZoomNmWireNumber } from "./zoom-nm-data.js";
