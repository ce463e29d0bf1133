/** What the HighLevel simulator accepts; anything else gets HighLevel's own 401. */
export const HIGHLEVEL_SIM_CREDENTIALS = { token: "sim-highlevel-token", locationIds: ["sim-loc-main", "sim-loc-branch", "sim-loc-empty"] } as const;
