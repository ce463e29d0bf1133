import { readFileSync } from "node:fs";
import { z } from "zod";
import { checkUniqueKeys, parseGatewayKeys, parseScope, type GatewayKey } from "../access/gateway-keys.js";
import type { Provider } from "../model/index.js";
import type { ButterAccountConfig } from "../providers/butter/index.js";
import type { HighLevelAccountsConfig } from "../providers/highlevel/index.js";
import type { TelnyxAccountConfig } from "../providers/telnyx/index.js";
import type { ZoomAccountConfig } from "../providers/zoom/index.js";
import type { SnapshotPolicy } from "../snapshots/snapshot-policy.js";
import { ZOOM_NUMBERS_APIS, type ZoomNumbersApiSetting } from "../providers/zoom/zoom-numbers-api.js";
import { parseRedisUrl } from "../redis/redis-url.js";
import { DEFAULT_STATE_DIR } from "../state/directory-state-store.js";
import { ConfigError } from "./config-error.js";

export interface ProviderAccountsConfig {
  highlevel: HighLevelAccountsConfig[];
  telnyx: TelnyxAccountConfig[];
  zoom: ZoomAccountConfig[];
  butter: ButterAccountConfig[];
}

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
  /** NUMBERGRAPH_IDE as set: undefined when unset (then the IDE follows introspection, SPEC §8). */
  ide?: boolean;
  /** SPEC §6's freshness and bounds; unset ones keep their defaults. */
  snapshotPolicy: Partial<SnapshotPolicy>;
  /** NUMBERGRAPH_RESPONSE_CACHE (default true) and NUMBERGRAPH_RESPONSE_CACHE_MB (unset: the gateway's default). */
  responseCache: { enabled: boolean; maxMb?: number };
  /** NUMBERGRAPH_STATE_DIR: where rotating OAuth refresh tokens are kept (default `.numbergraph`). */
  stateDir: string;
}

/** Whether any account needs the state store (HighLevel OAuth installs rotate their refresh tokens). */
export function needsStateStore(accounts: ProviderAccountsConfig): boolean {
  return accounts.highlevel.some((h) => h.oauth !== undefined);
}

export const DEFAULT_BASE_URLS = {
  highlevel: "https://services.leadconnectorhq.com",
  telnyx: "https://api.telnyx.com/v2",
  zoom: "https://api.zoom.us/v2",
  zoomOauth: "https://zoom.us/oauth/token",
} as const;

export function countAccounts(accounts: ProviderAccountsConfig): number {
  return accounts.highlevel.reduce((n, h) => n + h.locationIds.length, 0) + accounts.telnyx.length + accounts.zoom.length + accounts.butter.length;
}

/**
 * Read SPEC §2's variables (and the NUMBERGRAPH_CONFIG file, if named). Throws `ConfigError` with
 * one line naming the variable for a bad URL, half a credential set, a bad port or key list.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const accounts: ProviderAccountsConfig = { highlevel: [], telnyx: [], zoom: [], butter: [] };

  const highlevel = readHighLevel(read);
  if (highlevel) accounts.highlevel.push(highlevel);
  const telnyx = requireAllOrNone(read, ["TELNYX_API_KEY"], "TELNYX_BASE_URL");
  if (telnyx) accounts.telnyx.push({ accountId: "default", apiKey: telnyx.TELNYX_API_KEY, baseUrl: url(read, "TELNYX_BASE_URL", DEFAULT_BASE_URLS.telnyx) });

  const zoom = requireAllOrNone(read, ["ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"], "ZOOM_BASE_URL", "ZOOM_OAUTH_URL", "ZOOM_NUMBERS_API");
  if (zoom) {
    accounts.zoom.push({
      accountId: zoom.ZOOM_ACCOUNT_ID,
      clientId: zoom.ZOOM_CLIENT_ID,
      clientSecret: zoom.ZOOM_CLIENT_SECRET,
      baseUrl: url(read, "ZOOM_BASE_URL", DEFAULT_BASE_URLS.zoom),
      oauthUrl: url(read, "ZOOM_OAUTH_URL", DEFAULT_BASE_URLS.zoomOauth),
      numbersApi: numbersApi(read("ZOOM_NUMBERS_API"), "ZOOM_NUMBERS_API"),
    });
  }
  const butter = requireAllOrNone(read, ["BUTTER_API_KEY", "BUTTER_ORGANIZATION_ID", "BUTTER_BASE_URL"]);
  if (butter) accounts.butter.push({ apiKey: butter.BUTTER_API_KEY, organizationId: butter.BUTTER_ORGANIZATION_ID, baseUrl: url(read, "BUTTER_BASE_URL") });

  let gatewayKeys = read("NUMBERGRAPH_API_KEYS") ? parseGatewayKeys(read("NUMBERGRAPH_API_KEYS")!, "NUMBERGRAPH_API_KEYS") : [];
  const file = read("NUMBERGRAPH_CONFIG");
  if (file) {
    const fromFile = loadConfigFile(file, env);
    for (const provider of ["highlevel", "telnyx", "zoom", "butter"] as const) (accounts[provider] as unknown[]).push(...fromFile.accounts[provider]);
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
  for (const [limit, name] of [["aliases", "NUMBERGRAPH_MAX_ALIASES"], ["depth", "NUMBERGRAPH_MAX_DEPTH"], ["tokens", "NUMBERGRAPH_MAX_TOKENS"], ["directives", "NUMBERGRAPH_MAX_DIRECTIVES"]] as const) {
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
  return { port, host, production, demo, introspection, opsPort, documentLimits, accounts, gatewayKeys, redisUrl, redisPrefix, maxQueryCost, ide, snapshotPolicy, responseCache, stateDir: read("NUMBERGRAPH_STATE_DIR") ?? DEFAULT_STATE_DIR };
}

function portNumber(read: (name: string) => string | undefined, name: string): number | undefined {
  const text = read(name);
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new ConfigError(`${name} must be a whole number from 0 to 65535; got ${JSON.stringify(text)}.`);
  return port;
}

/** NUMBERGRAPH_CACHE_MAX_MB's default with REDIS_URL (SPEC §6). */
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
  return [
    ...accounts.highlevel.flatMap((h) => h.locationIds.map((accountId) => ({ provider: "HIGHLEVEL" as const, accountId }))),
    ...accounts.telnyx.map((t) => ({ provider: "TELNYX" as const, accountId: t.accountId })),
    ...accounts.zoom.map((z) => ({ provider: "ZOOM" as const, accountId: z.accountId })),
    ...accounts.butter.map((b) => ({ provider: "BUTTER" as const, accountId: b.organizationId })),
  ];
}

/** SPEC §6's variables: seconds (fractions allowed) or a page count; 0 where 0 means something. */
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

const HIGHLEVEL_OAUTH_VARS = ["HIGHLEVEL_CLIENT_ID", "HIGHLEVEL_CLIENT_SECRET", "HIGHLEVEL_REFRESH_TOKEN"] as const;

/** HighLevel from env: a Private Integration Token, or an OAuth app's install (never both). */
function readHighLevel(read: (name: string) => string | undefined): HighLevelAccountsConfig | undefined {
  const oauthSet = [...HIGHLEVEL_OAUTH_VARS, "HIGHLEVEL_COMPANY_ID"].filter((n) => read(n) !== undefined);
  if (read("HIGHLEVEL_TOKEN") !== undefined && oauthSet.length > 0) {
    throw new ConfigError(`HIGHLEVEL_TOKEN and ${oauthSet.join(", ")} are both set; use HIGHLEVEL_TOKEN for a Private Integration Token, or HIGHLEVEL_CLIENT_ID, HIGHLEVEL_CLIENT_SECRET and HIGHLEVEL_REFRESH_TOKEN for an OAuth app, not both.`);
  }
  if (oauthSet.length === 0) {
    const pit = requireAllOrNone(read, ["HIGHLEVEL_TOKEN", "HIGHLEVEL_LOCATION_IDS"], "HIGHLEVEL_BASE_URL");
    return pit && { token: pit.HIGHLEVEL_TOKEN, locationIds: locationIdsOf(pit.HIGHLEVEL_LOCATION_IDS), baseUrl: url(read, "HIGHLEVEL_BASE_URL", DEFAULT_BASE_URLS.highlevel) };
  }
  const oauth = requireAllOrNone(read, [...HIGHLEVEL_OAUTH_VARS, "HIGHLEVEL_LOCATION_IDS"]);
  if (!oauth) throw new ConfigError("HIGHLEVEL_COMPANY_ID is set but HIGHLEVEL_CLIENT_ID, HIGHLEVEL_CLIENT_SECRET and HIGHLEVEL_REFRESH_TOKEN are not; an agency install needs the OAuth app's credentials and refresh token.");
  const locationIds = locationIdsOf(oauth.HIGHLEVEL_LOCATION_IDS);
  const companyId = read("HIGHLEVEL_COMPANY_ID");
  checkLocationInstall(companyId, locationIds, "HIGHLEVEL_LOCATION_IDS", "set HIGHLEVEL_COMPANY_ID for an agency install, or configure each location with its own refresh token in NUMBERGRAPH_CONFIG");
  return {
    oauth: { clientId: oauth.HIGHLEVEL_CLIENT_ID, clientSecret: oauth.HIGHLEVEL_CLIENT_SECRET, refreshToken: oauth.HIGHLEVEL_REFRESH_TOKEN, ...(companyId ? { companyId } : {}) },
    locationIds,
    baseUrl: url(read, "HIGHLEVEL_BASE_URL", DEFAULT_BASE_URLS.highlevel),
  };
}

function locationIdsOf(text: string): string[] {
  const locationIds = text.split(",").map((s) => s.trim()).filter(Boolean);
  if (!locationIds.length) throw new ConfigError("HIGHLEVEL_LOCATION_IDS names no location; give comma-separated location ids.");
  return locationIds;
}

/** A Location install's refresh token reaches one location only. */
function checkLocationInstall(companyId: string | undefined, locationIds: string[], where: string, fix: string): void {
  if (!companyId && locationIds.length !== 1) throw new ConfigError(`${where} names ${locationIds.length} locations, but a sub-account (Location) OAuth install reaches one; ${fix}.`);
}

function numbersApi(value: string | undefined, where: string): ZoomNumbersApiSetting {
  if (value === undefined) return "auto";
  if (!(ZOOM_NUMBERS_APIS as readonly string[]).includes(value)) throw new ConfigError(`${where} must be one of ${ZOOM_NUMBERS_APIS.join(", ")}; got ${JSON.stringify(value)}.`);
  return value as ZoomNumbersApiSetting;
}

/** All of `names` set (returned), or none (undefined); anything between is a ConfigError naming the missing ones. */
function requireAllOrNone<N extends string>(read: (name: string) => string | undefined, names: N[], ...optional: string[]): Record<N, string> | undefined {
  const missing = names.filter((n) => read(n) === undefined);
  if (missing.length === names.length) {
    const stray = optional.filter((n) => read(n) !== undefined);
    if (stray.length) throw new ConfigError(`${stray.join(", ")} ${stray.length > 1 ? "are" : "is"} set but ${names.join(", ")} ${names.length > 1 ? "are" : "is"} not; set the credentials or unset ${stray.join(", ")}.`);
    return undefined;
  }
  if (missing.length) throw new ConfigError(`${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not set, but ${names.filter((n) => !missing.includes(n)).join(", ")} ${names.length - missing.length > 1 ? "are" : "is"}; a provider needs all of ${names.join(", ")}.`);
  return Object.fromEntries(names.map((n) => [n, read(n)!])) as Record<N, string>;
}

function url(read: (name: string) => string | undefined, name: string, fallback?: string, protocols = ["http:", "https:"]): string {
  const value = read(name) ?? fallback;
  if (value === undefined) throw new ConfigError(`${name} is not set; it is required (the provider's docs give no public host).`);
  return checkUrl(value, name, protocols);
}

function checkUrl(value: string, where: string, protocols = ["http:", "https:"]): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`${where} is not a URL: ${JSON.stringify(value)}; give a full URL such as https://host/path.`);
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(`${where} must be a ${protocols.join(" or ")} URL; got ${JSON.stringify(parsed.protocol)}.`);
  return value.replace(/\/+$/, "");
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

const tuning = { timeoutMs: z.number().int().positive().optional(), retries: z.number().int().min(0).max(10).optional() };
const configFileSchema = z
  .object({
    highlevel: z
      .array(
        z
          .object({
            token: z.string().min(1).optional(),
            clientId: z.string().min(1).optional(),
            clientSecret: z.string().min(1).optional(),
            refreshToken: z.string().min(1).optional(),
            companyId: z.string().min(1).optional(),
            locationIds: z.array(z.string().min(1)).min(1),
            baseUrl: z.string().optional(),
            ...tuning,
          })
          .strict()
          .refine((h) => (h.token === undefined) !== (h.clientId === undefined && h.clientSecret === undefined && h.refreshToken === undefined && h.companyId === undefined), {
            message: "give either token (a Private Integration Token) or clientId, clientSecret and refreshToken (an OAuth app), not both",
          })
          .refine((h) => h.token !== undefined || (h.clientId !== undefined && h.clientSecret !== undefined && h.refreshToken !== undefined), { message: "an OAuth app needs clientId, clientSecret and refreshToken" }),
      )
      .default([]),
    telnyx: z.array(z.object({ name: z.string().min(1), apiKey: z.string().min(1), baseUrl: z.string().optional(), ...tuning }).strict()).default([]),
    zoom: z
      .array(
        z
          .object({ accountId: z.string().min(1), clientId: z.string().min(1), clientSecret: z.string().min(1), baseUrl: z.string().optional(), oauthUrl: z.string().optional(), numbersApi: z.enum(ZOOM_NUMBERS_APIS).optional(), ...tuning })
          .strict(),
      )
      .default([]),
    butter: z.array(z.object({ apiKey: z.string().min(1), organizationId: z.string().min(1), baseUrl: z.string(), ...tuning }).strict()).default([]),
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
  const f = parsed.data;
  const at = (field: string) => `NUMBERGRAPH_CONFIG ${field}`;
  return {
    accounts: {
      highlevel: f.highlevel.map(({ token, clientId, clientSecret, refreshToken, companyId, ...h }, i) => {
        const baseUrl = checkUrl(h.baseUrl ?? DEFAULT_BASE_URLS.highlevel, at(`highlevel[${i}].baseUrl`));
        if (token !== undefined) return { ...h, token, baseUrl };
        checkLocationInstall(companyId, h.locationIds, at(`highlevel[${i}].locationIds`), "add companyId for an agency install, or give each location its own entry and refresh token");
        return { ...h, oauth: { clientId: clientId!, clientSecret: clientSecret!, refreshToken: refreshToken!, ...(companyId ? { companyId } : {}) }, baseUrl };
      }),
      telnyx: f.telnyx.map(({ name, ...t }, i) => ({ ...t, accountId: name, baseUrl: checkUrl(t.baseUrl ?? DEFAULT_BASE_URLS.telnyx, at(`telnyx[${i}].baseUrl`)) })),
      zoom: f.zoom.map((z, i) => ({
        ...z,
        numbersApi: z.numbersApi ?? "auto",
        baseUrl: checkUrl(z.baseUrl ?? DEFAULT_BASE_URLS.zoom, at(`zoom[${i}].baseUrl`)),
        oauthUrl: checkUrl(z.oauthUrl ?? DEFAULT_BASE_URLS.zoomOauth, at(`zoom[${i}].oauthUrl`)),
      })),
      butter: f.butter.map((b, i) => ({ ...b, baseUrl: checkUrl(b.baseUrl, at(`butter[${i}].baseUrl`)) })),
    },
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
