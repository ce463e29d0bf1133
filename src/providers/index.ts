import { butter } from "./butter/index.js";
import { highLevel } from "./highlevel/index.js";
import type { ProviderDescriptor } from "./provider-descriptor.js";
import { telnyx } from "./telnyx/index.js";
import { zoom } from "./zoom/index.js";

/** Every provider the gateway speaks to, in the order accounts are listed: the one list (docs/adding-a-provider.md). */
export const PROVIDER_DESCRIPTORS = [highLevel, telnyx, zoom, butter] as const;

type Descriptors = (typeof PROVIDER_DESCRIPTORS)[number];
type ConfigOf<D> = D extends ProviderDescriptor<string, infer C, unknown> ? C : never;

/** Each provider's configured accounts, under its `configKey` (`highlevel`, `telnyx`, …). */
export type ProviderAccountsConfig = { [D in Descriptors as D["configKey"]]: ConfigOf<D>[] };
export type ProviderConfigKey = keyof ProviderAccountsConfig;

/** The list, loosely typed, for code that treats every provider alike (each descriptor's config stays its own). */
export const ANY_PROVIDER_DESCRIPTORS: readonly ProviderDescriptor<ProviderConfigKey, unknown, unknown>[] = PROVIDER_DESCRIPTORS;

/** Every configured account's config, as the descriptor it belongs to sees it. */
export function* eachAccountConfig(accounts: ProviderAccountsConfig): Generator<{ descriptor: ProviderDescriptor<ProviderConfigKey, unknown, unknown>; config: unknown }> {
  for (const descriptor of ANY_PROVIDER_DESCRIPTORS) for (const config of accounts[descriptor.configKey]) yield { descriptor, config };
}
