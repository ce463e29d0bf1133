/** What the Butter simulator accepts; anything else gets Butter's own 401 or 403. */
export const BUTTER_SIM_CREDENTIALS = { apiKey: "sim-butter-key", organizationId: "org_sim0001" } as const;
