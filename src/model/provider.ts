/**
 * The upstreams numbergraph speaks to: the GraphQL `Provider` enum, each value with the name people
 * know it by and its description in the schema. Everything else about a provider is its descriptor
 * (`src/providers/<p>/index.ts`, docs/adding-a-provider.md).
 */
export const PROVIDER_ENUM = {
  HIGHLEVEL: { label: "HighLevel", description: "HighLevel (LeadConnector) phone system; one account per location." },
  TELNYX: { label: "Telnyx", description: "Telnyx; one account per API key (named in the config file, `default` from env)." },
  ZOOM: { label: "Zoom", description: "Zoom Phone; one account per Zoom account." },
  BUTTER: { label: "Butter", description: "Butter AI voice agents; one account per organization." },
} as const;
export type Provider = keyof typeof PROVIDER_ENUM;
export const PROVIDERS = Object.keys(PROVIDER_ENUM) as readonly Provider[];

/** "Telnyx", for messages. */
export const providerLabel = Object.fromEntries(PROVIDERS.map((p) => [p, PROVIDER_ENUM[p].label])) as Readonly<Record<Provider, string>>;
