import type { Logger } from "pino";
import type { ClassType } from "type-graphql";
import { z } from "zod";
import type { Provider, ProviderAccount } from "../model/index.js";
import type { EnvReader } from "../settings/env-reader.js";
import type { StateStore } from "../state/state-store.js";

/** What an account factory may need beside its own configuration. */
export interface ProviderAccountDeps {
  /** Where the gateway logs (clients log provider, account and codes only, never a secret). */
  log: Logger;
  /** Required when an account keeps state it must not lose (HighLevel OAuth's rotating refresh tokens). */
  stateStore?: StateStore;
}

/**
 * Everything the rest of the gateway knows of one provider, exported by `src/providers/<p>/index.ts`
 * and listed once in `src/providers/index.ts`: config, accounts, the graph's details type and the
 * start-up checks loop over that list (docs/adding-a-provider.md).
 */
export interface ProviderDescriptor<Key extends string = string, Config = unknown, FileEntry = unknown> {
  /** The GraphQL `Provider` enum value. */
  readonly provider: Provider;
  /** The name people know it by, in messages ("Telnyx"). */
  readonly label: string;
  /** Its key in `NUMBERGRAPH_CONFIG` (an array of accounts) and in `ProviderAccountsConfig`. */
  readonly configKey: Key;
  /** Its accounts from the environment (docs/configuration.md); empty when its credentials are unset. Throws ConfigError. */
  fromEnv(env: EnvReader): Config[];
  /** The schema of one `NUMBERGRAPH_CONFIG` entry (strict: an unknown field is an error). */
  readonly fileEntry: z.ZodType<FileEntry>;
  /** One checked file entry as account config; `at(field)` names a field in messages. Throws ConfigError. */
  fromFile(entry: FileEntry, at: (field: string) => string): Config;
  /** The graph `accountId`s one config serves (a HighLevel credential serves several locations). */
  accountIds(config: Config): string[];
  /** Whether this config needs the state store (start-up fails when it cannot be written). */
  needsStateStore?(config: Config): boolean;
  createAccounts(config: Config, deps: ProviderAccountDeps): ProviderAccount[];
  /** The GraphQL type of `PhoneNumber.details` for its numbers (a member of the `ProviderNumberDetails` union). */
  readonly detailsType: ClassType;
}

/** A descriptor whose config types are checked where it is written and kept in the list's type. */
export function defineProvider<Key extends string, Config, FileEntry>(descriptor: ProviderDescriptor<Key, Config, FileEntry>): ProviderDescriptor<Key, Config, FileEntry> {
  return descriptor;
}

/** Transport knobs every account takes in `NUMBERGRAPH_CONFIG` (per HTTP attempt; retries of transient failures). */
export const TUNING_FIELDS = { timeoutMs: z.number().int().positive().optional(), retries: z.number().int().min(0).max(10).optional() };
