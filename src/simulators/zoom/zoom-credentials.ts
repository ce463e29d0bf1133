/** The Server-to-Server OAuth app the Zoom simulator knows; anything else gets Zoom's own 401. */
export const ZOOM_SIM_CREDENTIALS = { accountId: "sim-zoom-account", clientId: "sim-zoom-client", clientSecret: "sim-zoom-secret" } as const;
