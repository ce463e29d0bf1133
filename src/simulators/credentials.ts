/**
 * The credentials each simulator accepts. The demo (`npm start` with nothing configured) and the
 * tests configure clients with these; anything else gets the provider's own 401.
 */
export const SIM_CREDENTIALS = {
  highlevel: { token: "sim-highlevel-token", locationIds: ["sim-loc-main", "sim-loc-branch", "sim-loc-empty"] },
  telnyx: { apiKey: "KEYsimTelnyx0000000000000000" },
  zoom: { accountId: "sim-zoom-account", clientId: "sim-zoom-client", clientSecret: "sim-zoom-secret" },
  butter: { apiKey: "sim-butter-key", organizationId: "org_sim0001" },
} as const;
