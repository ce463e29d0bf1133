import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { LRUCache } from "lru-cache";
import type { GraphContext } from "../../graph/context.js";
import { accountKey } from "../../model/index.js";
import { freshnessNeed } from "../../snapshots/freshness-need.js";
import { freshnessEntry } from "../../snapshots/snapshot-reader.js";
import type { SnapshotService } from "../../snapshots/snapshot-service.js";
import { cacheScope, currentSnapshots, responseCacheKey, type CacheScope } from "./cache-key.js";

/** What the cache did, for metrics: answers served from it, looked up and not found, not eligible, stored. */
export interface ResponseCacheCounts {
  hits: number;
  misses: number;
  /** Requests that could not use the cache (no-cache, max-age below a snapshot's age, an account without a servable snapshot). */
  bypassed: number;
  stored: number;
}

export interface ResponseCacheOptions {
  snapshots: SnapshotService;
  /** NUMBERGRAPH_RESPONSE_CACHE_MB in bytes: least recently used answers are evicted beyond it. */
  maxBytes: number;
  counts?: ResponseCacheCounts;
  /** Told of each count as it moves (metrics); must not throw. */
  onCount?: (what: keyof ResponseCacheCounts) => void;
}

export const DEFAULT_RESPONSE_CACHE_MB = 64;

/** One stored answer: its data, and which accounts it read, so its `extensions.freshness` is rebuilt on every hit. */
interface CachedAnswer {
  data: Record<string, unknown>;
  accountKeys: string[];
  bytes: number;
}

const NO_HEADERS = new HeaderMap();

export function newResponseCacheCounts(): ResponseCacheCounts {
  return { hits: 0, misses: 0, bypassed: 0, stored: 0 };
}

/**
 * SPEC §6 NUMBERGRAPH_RESPONSE_CACHE: whole answers of queries served from snapshots, keyed by the
 * operation, its variables, the caller's scope and the version of every snapshot in that scope
 * (`cache-key.ts`). A refreshed snapshot has a new version, so answers computed from the old one
 * stop matching at once; there is no TTL. Only whole, fresh answers are stored (no errors, nothing
 * stale), and no cache header goes out: answers are scoped to their caller.
 */
export function responseCachePlugin(options: ResponseCacheOptions): ApolloServerPlugin<GraphContext> {
  const { snapshots } = options;
  const counts = options.counts ?? newResponseCacheCounts();
  const count = (what: keyof ResponseCacheCounts) => {
    counts[what]++;
    options.onCount?.(what);
  };
  const cache = new LRUCache<string, CachedAnswer>({ maxSize: Math.max(1, Math.floor(options.maxBytes)), sizeCalculation: (answer) => answer.bytes });
  return {
    async requestDidStart() {
      let key: string | undefined;
      let scope: CacheScope | undefined;
      let served = false;
      return {
        async responseForOperation({ request, queryHash, operationName, operation, contextValue }) {
          // TTL 0 means every request revalidates: nothing may be answered from memory.
          if (operation.operation !== "query" || !queryHash || !contextValue.snapshots || snapshots.policy.ttlMs === 0) return null;
          const now = snapshots.now();
          scope = cacheScope(contextValue.snapshots.accounts);
          key = responseCacheKey(snapshots, scope, { queryHash, operationName, variables: request.variables }, freshnessNeed(request.http?.headers.get("cache-control")), now);
          if (key === undefined) {
            count("bypassed");
            return null;
          }
          const answer = cache.get(key);
          const current = answer && currentSnapshots(snapshots, scope, answer.accountKeys);
          if (!answer || !current) {
            count("misses");
            return null;
          }
          count("hits");
          served = true;
          // A hit reads no snapshot, so it starts the stale-while-revalidate refresh a read would have.
          for (const snapshot of current) {
            if (now - snapshot.fetchedAt > snapshots.policy.ttlMs) void snapshots.read(scope.byKey.get(snapshot.key)!, {}, now).catch(() => undefined);
          }
          const freshness = current.map((s) => freshnessEntry(s, undefined, now));
          return { http: { headers: NO_HEADERS }, body: { kind: "single", singleResult: freshness.length ? { data: answer.data, extensions: { freshness } } : { data: answer.data } } };
        },

        async willSendResponse({ request, queryHash, operationName, response, contextValue }) {
          if (key === undefined || served || response.body.kind !== "single" || (response.http.status ?? 200) !== 200) return;
          const result = response.body.singleResult;
          const reader = contextValue.snapshots;
          if (!result.data || result.errors?.length || reader.failures.list().length) return;
          const freshness = reader.freshness();
          if (freshness.some((entry) => entry.stale)) return;
          // A refresh that landed while this ran: the answer may mix versions, so it is not kept.
          if (responseCacheKey(snapshots, scope!, { queryHash: queryHash!, operationName, variables: request.variables }, freshnessNeed(request.http?.headers.get("cache-control")), snapshots.now()) !== key) return;
          cache.set(key, { data: result.data, accountKeys: freshness.map((e) => accountKey(e.provider, e.accountId)), bytes: JSON.stringify(result.data).length });
          count("stored");
        },
      };
    },
  };
}
