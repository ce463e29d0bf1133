/** What the Telnyx simulator accepts; anything else gets Telnyx's own 401. */
export const TELNYX_SIM_CREDENTIALS = { apiKey: "KEYsimTelnyx0000000000000000" } as const;
