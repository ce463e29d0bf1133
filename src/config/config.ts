import { readFileSync } from "node:fs";
import { z } from "zod";
import { checkUniqueKeys, parseGatewayKeys, parseScope, type GatewayKey } from "../access/gateway-keys.js";
import type { Provider } from "../model/index.js";
import { ANY_PROVIDER_DESCRIPTORS, eachAccountConfig, type ProviderAccountsConfig } from "../providers/index.js";
import { ConfigError } from "../settings/config-error.js";
import { envReader } from "../settings/env-reader.js";
import type { SnapshotPolicy } from "../snapshots/snapshot-policy.js";
import { parseRedisUrl } from "../redis/redis-url.js";
import { DEFAULT_STATE_DIR } from "../state/directory-state-store.js";

export type { ProviderAccountsConfig } from "../providers/index.js";

export interface GatewayConfig {
  port: number;
  /** HOST: the address to listen on (default 0.0.0.0). */
  host: string;
  /** NODE_ENV=production: no stack traces, and no silent fall-back to the simulators. */
  production: boolean;
  /** NUMBERGRAPH_DEMO=true: serve the built-in simulators even in production. */
  demo: boolean;
  /** NUMBERGRAPH_INTROSPECTION (default true): false turns off introspection and field suggestions. */
  introspection: boolean;
  /** NUMBERGRAPH_OPS_PORT: serve /readyz and /metrics on this port instead of PORT. */
  opsPort?: number;
  /** NUMBERGRAPH_MAX_ALIASES / _DEPTH / _TOKENS / _DIRECTIVES; unset ones take the gateway's defaults. */
  documentLimits: Partial<Record<"aliases" | "depth" | "tokens" | "directives", number>>;
  accounts: ProviderAccountsConfig;
  /** Empty: the gateway serves everyone (and warns at start-up). */
  gatewayKeys: GatewayKey[];
  /** REDIS_URL: snapshots and refreshes shared by every instance through this Redis. */
  redisUrl?: string;
  /** NUMBERGRAPH_REDIS_PREFIX: the start of every Redis key (default `numbergraph:`). */
  redisPrefix: string;
  /** NUMBERGRAPH_MAX_QUERY_COST: the most objects one operation may be expected to return. */
  maxQueryCost?: number;
  /** NUMBERGRAPH_IDE as set: undefined when unset (then the IDE follows introspection, docs/configuration.md). */
  ide?: boolean;
  /** Snapshot freshness and bounds (docs/freshness.md); unset ones keep their defaults. */
  snapshotPolicy: Partial<SnapshotPolicy>;
  /** NUMBERGRAPH_RESPONSE_CACHE (default true) and NUMBERGRAPH_RESPONSE_CACHE_MB (unset: the gateway's default). */
  responseCache: { enabled: boolean; maxMb?: number };
  /** NUMBERGRAPH_STATE_DIR: where rotating OAuth refresh tokens are kept (default `.numbergraph`). */
  stateDir: string;
  /** NUMBERGRAPH_HEAP_GROWTH_PERCENT (default 60; 0 leaves V8's policy): how far the heap grows past its live data between full collections. */
  heapGrowthPercent: number;
}

/** Whether any account needs the state store (HighLevel OAuth installs rotate their refresh tokens). */
export function needsStateStore(accounts: ProviderAccountsConfig): boolean {
  return [...eachAccountConfig(accounts)].some(({ descriptor, config }) => descriptor.needsStateStore?.(config) ?? false);
}

export function countAccounts(accounts: ProviderAccountsConfig): number {
  return configuredAccounts(accounts).length;
}

/** Every provider's accounts from the environment alone (docs/configuration.md). Throws ConfigError. */
export function loadProviderAccounts(env: NodeJS.ProcessEnv = process.env): ProviderAccountsConfig {
  const reader = envReader(env);
  return Object.fromEntries(ANY_PROVIDER_DESCRIPTORS.map((d) => [d.configKey, d.fromEnv(reader)])) as unknown as ProviderAccountsConfig;
}

/**
 * Read the variables of docs/configuration.md (and the NUMBERGRAPH_CONFIG file, if named). Throws `ConfigError` with
 * one line naming the variable for a bad URL, half a credential set, a bad port or key list.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const { read } = envReader(env);
  const accounts = loadProviderAccounts(env);

  let gatewayKeys = read("NUMBERGRAPH_API_KEYS") ? parseGatewayKeys(read("NUMBERGRAPH_API_KEYS")!, "NUMBERGRAPH_API_KEYS") : [];
  const file = read("NUMBERGRAPH_CONFIG");
  if (file) {
    const fromFile = loadConfigFile(file, env);
    for (const { configKey } of ANY_PROVIDER_DESCRIPTORS) (accounts[configKey] as unknown[]).push(...fromFile.accounts[configKey]);
    gatewayKeys = [...gatewayKeys, ...fromFile.gatewayKeys];
  }
  checkUniqueAccounts(accounts);
  checkUniqueKeys(gatewayKeys);

  const port = portNumber(read, "PORT") ?? 4000;
  const opsPort = portNumber(read, "NUMBERGRAPH_OPS_PORT");
  const host = read("HOST") ?? "0.0.0.0";
  if (/[\s/]/.test(host)) throw new ConfigError(`HOST must be an address or host name to listen on, such as 0.0.0.0, 127.0.0.1 or ::; got ${JSON.stringify(host)}.`);
  const production = read("NODE_ENV") === "production";
  const demo = flag(read, "NUMBERGRAPH_DEMO", false);
  const introspection = flag(read, "NUMBERGRAPH_INTROSPECTION", true);
  const documentLimits: GatewayConfig["documentLimits"] = {};
  for (const [limit, name] of [
    ["aliases", "NUMBERGRAPH_MAX_ALIASES"],
    ["depth", "NUMBERGRAPH_MAX_DEPTH"],
    ["tokens", "NUMBERGRAPH_MAX_TOKENS"],
    ["directives", "NUMBERGRAPH_MAX_DIRECTIVES"],
  ] as const) {
    const text = read(name);
    if (text === undefined) continue;
    if (!/^\d+$/.test(text) || Number(text) < 1) throw new ConfigError(`${name} must be a whole number, at least 1; got ${JSON.stringify(text)}.`);
    documentLimits[limit] = Number(text);
  }

  const redisUrl = read("REDIS_URL");
  if (redisUrl) {
    try {
      parseRedisUrl(redisUrl);
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
  }
  const redisPrefix = read("NUMBERGRAPH_REDIS_PREFIX") ?? "numbergraph:";
  // Braces in the prefix would become the Cluster hash tag in place of the account's.
  if (/[{}\s]/.test(redisPrefix)) throw new ConfigError(`NUMBERGRAPH_REDIS_PREFIX must not contain braces or spaces (the account's key part carries the hash tag); got ${JSON.stringify(redisPrefix)}.`);
  const costText = read("NUMBERGRAPH_MAX_QUERY_COST");
  const maxQueryCost = costText === undefined ? undefined : Number(costText);
  if (costText !== undefined && (!/^\d+$/.test(costText) || maxQueryCost! < 1)) {
    throw new ConfigError(`NUMBERGRAPH_MAX_QUERY_COST must be a whole number of objects, at least 1; got ${JSON.stringify(costText)}.`);
  }
  const ideText = read("NUMBERGRAPH_IDE")?.toLowerCase();
  if (ideText !== undefined && ideText !== "true" && ideText !== "false") throw new ConfigError(`NUMBERGRAPH_IDE must be true or false; got ${JSON.stringify(read("NUMBERGRAPH_IDE"))}.`);
  const ide = ideText === undefined ? undefined : ideText === "true";
  const responseCache = { enabled: flag(read, "NUMBERGRAPH_RESPONSE_CACHE", true), maxMb: megabytes(read, "NUMBERGRAPH_RESPONSE_CACHE_MB") };
  const snapshotPolicy = readSnapshotPolicy(read);
  // Evicted copies are read back from Redis; without it they would be listed again, so no bound applies.
  const cacheMaxMb = megabytes(read, "NUMBERGRAPH_CACHE_MAX_MB");
  if (cacheMaxMb !== undefined && !redisUrl) {
    throw new ConfigError("NUMBERGRAPH_CACHE_MAX_MB bounds the snapshots an instance keeps beside Redis, so it needs REDIS_URL (without Redis a dropped account would be listed again); set REDIS_URL or unset NUMBERGRAPH_CACHE_MAX_MB.");
  }
  if (redisUrl) snapshotPolicy.maxCacheBytes = Math.round((cacheMaxMb ?? DEFAULT_CACHE_MAX_MB) * 1024 * 1024);
  const growthText = read("NUMBERGRAPH_HEAP_GROWTH_PERCENT");
  if (growthText !== undefined && (!/^\d+$/.test(growthText) || Number(growthText) > 300)) {
    throw new ConfigError(`NUMBERGRAPH_HEAP_GROWTH_PERCENT must be a whole percentage from 0 to 300 (0 leaves V8's own heap growth); got ${JSON.stringify(growthText)}.`);
  }
  const heapGrowthPercent = growthText === undefined ? DEFAULT_HEAP_GROWTH_PERCENT : Number(growthText);
  return {
    port,
    host,
    production,
    demo,
    introspection,
    opsPort,
    documentLimits,
    accounts,
    gatewayKeys,
    redisUrl,
    redisPrefix,
    maxQueryCost,
    ide,
    snapshotPolicy,
    responseCache,
    stateDir: read("NUMBERGRAPH_STATE_DIR") ?? DEFAULT_STATE_DIR,
    heapGrowthPercent,
  };
}

function portNumber(read: (name: string) => string | undefined, name: string): number | undefined {
  const text = read(name);
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new ConfigError(`${name} must be a whole number from 0 to 65535; got ${JSON.stringify(text)}.`);
  return port;
}

/** NUMBERGRAPH_HEAP_GROWTH_PERCENT's default: V8's own factor for a 1 GB heap (src/heap-growth.ts). */
const DEFAULT_HEAP_GROWTH_PERCENT = 60;

/** NUMBERGRAPH_CACHE_MAX_MB's default with REDIS_URL (docs/freshness.md). */
const DEFAULT_CACHE_MAX_MB = 512;

function megabytes(read: (name: string) => string | undefined, name: string): number | undefined {
  const text = read(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || value <= 0) throw new ConfigError(`${name} must be a number of megabytes above 0 (fractions allowed, e.g. 64 or 0.5); got ${JSON.stringify(text)}.`);
  return value;
}

function flag(read: (name: string) => string | undefined, name: string, fallback: boolean): boolean {
  const text = read(name)?.toLowerCase();
  if (text === undefined) return fallback;
  if (text === "true" || text === "1") return true;
  if (text === "false" || text === "0") return false;
  throw new ConfigError(`${name} must be true or false; got ${JSON.stringify(read(name))}.`);
}

/** Every configured account as provider and account id, as gateway-key scopes name them. */
export function configuredAccounts(accounts: ProviderAccountsConfig): { provider: Provider; accountId: string }[] {
  return [...eachAccountConfig(accounts)].flatMap(({ descriptor, config }) => descriptor.accountIds(config).map((accountId) => ({ provider: descriptor.provider, accountId })));
}

/** docs/freshness.md's variables: seconds (fractions allowed) or a page count; 0 where 0 means something. */
function readSnapshotPolicy(read: (name: string) => string | undefined): Partial<SnapshotPolicy> {
  const policy: Partial<SnapshotPolicy> = {};
  const seconds = (name: string, field: keyof SnapshotPolicy, min: number) => {
    const text = read(name);
    if (text === undefined) return;
    const value = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || value < min) throw new ConfigError(`${name} must be a number of seconds${min > 0 ? ` above 0` : ", 0 or more"}; got ${JSON.stringify(text)}.`);
    policy[field] = Math.round(value * 1000);
  };
  seconds("NUMBERGRAPH_CACHE_TTL_SECONDS", "ttlMs", 0);
  seconds("NUMBERGRAPH_STALE_IF_ERROR_SECONDS", "staleIfErrorMs", 0);
  seconds("NUMBERGRAPH_MIN_REFRESH_SECONDS", "minRefreshMs", 0);
  seconds("NUMBERGRAPH_DEADLINE_SECONDS", "deadlineMs", 0.001);
  seconds("NUMBERGRAPH_LISTING_BUDGET_SECONDS", "listingBudgetMs", 0.001);
  const pages = read("NUMBERGRAPH_MAX_PAGES");
  if (pages !== undefined) {
    if (!/^\d+$/.test(pages) || Number(pages) < 1) throw new ConfigError(`NUMBERGRAPH_MAX_PAGES must be a whole number of pages, at least 1; got ${JSON.stringify(pages)}.`);
    policy.maxPages = Number(pages);
  }
  return policy;
}

function checkUniqueAccounts(accounts: ProviderAccountsConfig): void {
  const seen = new Set<string>();
  const ids = configuredAccounts(accounts).map((a) => `${a.provider}/${a.accountId}`);
  for (const id of ids) {
    if (seen.has(id)) throw new ConfigError(`account ${id} is configured twice (env and NUMBERGRAPH_CONFIG, or twice in the file); keep one.`);
    seen.add(id);
  }
}

// ---- NUMBERGRAPH_CONFIG: JSON; string values may reference env as "${NAME}". ----

/** Each provider's entries under its `configKey`, and the gateway keys; strict, so a misspelled field is an error. */
const configFileSchema = z
  .object({
    ...Object.fromEntries(ANY_PROVIDER_DESCRIPTORS.map((d) => [d.configKey, z.array(d.fileEntry).default([])])),
    apiKeys: z.array(z.object({ key: z.string().min(1), scopes: z.array(z.string()).min(1) }).strict()).default([]),
  })
  .strict();

function loadConfigFile(path: string, env: NodeJS.ProcessEnv): { accounts: ProviderAccountsConfig; gatewayKeys: GatewayKey[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ConfigError(`NUMBERGRAPH_CONFIG ${path} could not be read as JSON (${(error as Error).message.split("\n")[0]}).`);
  }
  const parsed = configFileSchema.safeParse(interpolateEnv(raw, env, "NUMBERGRAPH_CONFIG"));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`NUMBERGRAPH_CONFIG ${path}: ${issue.path.join(".") || "top level"}: ${issue.message}.`);
  }
  const f = parsed.data as { apiKeys: { key: string; scopes: string[] }[] } & Record<string, unknown[]>;
  const at = (field: string) => `NUMBERGRAPH_CONFIG ${field}`;
  return {
    accounts: Object.fromEntries(ANY_PROVIDER_DESCRIPTORS.map((d) => [d.configKey, f[d.configKey]!.map((entry, i) => d.fromFile(entry, (field) => at(`${d.configKey}[${i}].${field}`)))])) as unknown as ProviderAccountsConfig,
    gatewayKeys: f.apiKeys.map((k, i) => {
      if (k.key.includes(":")) throw new ConfigError(`${at(`apiKeys[${i}]`)}: the key contains ":"; a gateway key may not (it could not be given in NUMBERGRAPH_API_KEYS either).`);
      return { key: k.key, scopes: k.scopes.map((s) => parseScope(s, at(`apiKeys[${i}]`))), source: at(`apiKeys[${i}]`) };
    }),
  };
}

/** Replace "${NAME}" in every string with env NAME; an unset NAME is a ConfigError. */
function interpolateEnv(value: unknown, env: NodeJS.ProcessEnv, where: string): unknown {
  if (typeof value === "string") {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
      const v = env[name];
      if (v === undefined || v === "") throw new ConfigError(`${where} references \${${name}}, but ${name} is not set.`);
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v) => interpolateEnv(v, env, where));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateEnv(v, env, where)]));
  return value;
}
