import { accountKey, type ProviderAccount } from "../../model/index.js";
import type { FreshnessNeed, SnapshotService } from "../../snapshots/snapshot-service.js";
import { servedSnapshot, type ServedSnapshot } from "./response-cache.js";

/** A caller's scope as the cache sees it: its accounts in a stable order, and that order as one string. */
export interface CacheScope {
  /** Sorted by account key. */
  accounts: readonly ProviderAccount[];
  byKey: ReadonlyMap<string, ProviderAccount>;
  /** The sorted account keys joined: never the gateway key itself. */
  key: string;
}

// The server hands every request of one gateway key the same accounts array, so this is computed once per key.
const scopes = new WeakMap<readonly ProviderAccount[], CacheScope>();

export function cacheScope(accounts: readonly ProviderAccount[]): CacheScope {
  let scope = scopes.get(accounts);
  if (!scope) {
    const keyed = accounts.map((account) => ({ account, key: accountKey(account.provider, account.accountId) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    scope = { accounts: keyed.map((k) => k.account), byKey: new Map(keyed.map((k) => [k.key, k.account])), key: keyed.map((k) => k.key).join("\n") };
    scopes.set(accounts, scope);
  }
  return scope;
}

export interface OperationIdentity {
  /** Apollo's hash of the query text (for a persisted query, its hash). */
  queryHash: string;
  operationName: string | null | undefined;
  variables: Record<string, unknown> | undefined;
}

/**
 * The cache key of an operation for this scope now, or undefined when the answer may not come from
 * the cache: an account in scope has no snapshot to serve without waiting, or the request wants
 * fresher data than a snapshot holds (`no-cache`: always). A snapshot served stale keeps its version,
 * so its answers stay (their freshness says stale).
 */
export function responseCacheKey(service: SnapshotService, scope: CacheScope, operation: OperationIdentity, need: FreshnessNeed, now: number): string | undefined {
  if (need.maxAgeMs === 0) return undefined;
  const versions: string[] = [];
  for (const account of scope.accounts) {
    const read = service.peekRead(account);
    if (!read?.snapshot) return undefined;
    if (need.maxAgeMs !== undefined && now - read.snapshot.fetchedAt >= need.maxAgeMs) return undefined;
    versions.push(read.snapshot.version);
  }
  return JSON.stringify([operation.queryHash, operation.operationName ?? null, canonicalJson(operation.variables ?? {}), scope.key, versions]);
}

/** The snapshots of the accounts behind a cached answer, as served now (undefined if one no longer is). */
export function currentSnapshots(service: SnapshotService, scope: CacheScope, accountKeys: readonly string[]): ServedSnapshot[] | undefined {
  const served: ServedSnapshot[] = [];
  for (const key of accountKeys) {
    const account = scope.byKey.get(key);
    const snapshot = account && servedSnapshot(service, account);
    if (!snapshot) return undefined;
    served.push(snapshot);
  }
  return served;
}

/** JSON with object keys sorted at every level, so `{a, b}` and `{b, a}` are one key. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
}
