/** The upstreams numbergraph speaks to. Values match the GraphQL `Provider` enum. */
export const PROVIDERS = ["HIGHLEVEL", "TELNYX", "ZOOM", "BUTTER"] as const;
export type Provider = (typeof PROVIDERS)[number];
