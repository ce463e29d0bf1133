import type { Logger } from "pino";
import type { ClassType } from "type-graphql";
import { z } from "zod";
import type { Provider, ProviderAccount } from "../model/index.js";
import type { EnvReader } from "../settings/env-reader.js";
import type { StateStore } from "../state/state-store.js";
import type { RateBudgets, RateLimitConfig } from "./shared/rate-budget.js";

/** What an account factory may need beside its own configuration. */
export interface ProviderAccountDeps {
  /** Where the gateway logs (clients log provider, account and codes only, never a secret). */
  log: Logger;
  /** Required when an account keeps state it must not lose (HighLevel OAuth's rotating refresh tokens). */
  stateStore?: StateStore;
  /** Where every account's call budget is counted: the fleet's through Redis, or (default) this process. */
  budgets?: RateBudgets;
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

/**
 * An account's call budget: `{requests, perSeconds, perDay?}` (calls in any span of perSeconds, and a
 * day), or `false` for none. Checked by hand so the message says exactly what to write.
 */
const rateLimit = z.unknown().transform((value, ctx): RateLimitConfig | false => {
  const fail = (message: string) => {
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  };
  const shape = 'give {"requests": <calls>, "perSeconds": <seconds>} (optionally "perDay": <calls>), or false for no budget';
  if (value === false) return false;
  if (!value || typeof value !== "object" || Array.isArray(value)) return fail(`rateLimit must be an object or false; ${shape}`);
  const { requests, perSeconds, perDay, ...rest } = value as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length) return fail(`rateLimit has unknown field${extra.length > 1 ? "s" : ""} ${extra.join(", ")}; ${shape}`);
  const whole = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 1;
  if (!whole(requests)) return fail(`rateLimit.requests must be a whole number of calls, at least 1; got ${JSON.stringify(requests)}`);
  if (typeof perSeconds !== "number" || !(perSeconds >= 1)) return fail(`rateLimit.perSeconds must be a number of seconds, at least 1; got ${JSON.stringify(perSeconds)}`);
  if (perDay !== undefined && !whole(perDay)) return fail(`rateLimit.perDay must be a whole number of calls, at least 1; got ${JSON.stringify(perDay)}`);
  return { requests: requests as number, perSeconds, ...(perDay !== undefined ? { perDay: perDay as number } : {}) };
});

/** Transport knobs every account takes in `NUMBERGRAPH_CONFIG` (per HTTP attempt; retries of transient failures), and its call budget. */
export const TUNING_FIELDS = { timeoutMs: z.number().int().positive().optional(), retries: z.number().int().min(0).max(10).optional(), rateLimit: rateLimit.optional() };
