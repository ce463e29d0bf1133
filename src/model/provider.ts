/**
 * The upstreams numbergraph speaks to, each with the name people know it by. Keys are the GraphQL
 * `Provider` enum; everything else about a provider is its descriptor (`src/providers/<p>/index.ts`).
 */
export const PROVIDER_LABELS = { HIGHLEVEL: "HighLevel", TELNYX: "Telnyx", ZOOM: "Zoom", BUTTER: "Butter" } as const;
export type Provider = keyof typeof PROVIDER_LABELS;
export const PROVIDERS = Object.keys(PROVIDER_LABELS) as readonly Provider[];

/** "Telnyx", for messages. */
export const providerLabel: Readonly<Record<Provider, string>> = PROVIDER_LABELS;
