import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { OperationTypeNode } from "graphql";
import type { GraphContext } from "../../graph/context.js";
import { accountKey } from "../../model/index.js";
import { freshnessNeed } from "../../snapshots/freshness-need.js";
import { cacheScope, currentSnapshots, responseCacheKey, type CacheScope } from "./cache-key.js";
import type { ResponseCache } from "./response-cache.js";

export { DEFAULT_RESPONSE_CACHE_MB, newResponseCacheCounts, ResponseCache, type ResponseCacheCounts } from "./response-cache.js";
export { responseCacheFront, type RequestCacheKey } from "./http-front.js";

const NO_HEADERS = new HeaderMap();

/**
 * NUMBERGRAPH_RESPONSE_CACHE (docs/configuration.md): whole answers of queries served from snapshots, keyed by the
 * operation, its variables, the caller's scope and the version of every snapshot in that scope
 * (`cache-key.ts`). A refreshed snapshot has a new version, so answers computed from the old one
 * stop matching at once; there is no TTL. Only whole answers are stored (no errors); one read from a
 * snapshot served stale is the same as the fresh one, and its hits say stale in their freshness. No
 * cache header goes out: answers are scoped to their caller.
 *
 * A request the HTTP front (`http-front.ts`) read and did not find is stored for it too, by its
 * exact bytes, so the next identical request is answered before Apollo runs.
 */
export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<GraphContext> {
  const { snapshots } = cache;
  return {
    async requestDidStart() {
      let key: string | undefined;
      let scope: CacheScope | undefined;
      let served = false;
      return {
        async responseForOperation({ request, queryHash, operationName, operation, contextValue }) {
          if (operation.operation !== OperationTypeNode.QUERY || !queryHash || !contextValue.snapshots || !cache.enabled) return null;
          const now = snapshots.now();
          scope = cacheScope(contextValue.snapshots.accounts);
          key = responseCacheKey(snapshots, scope, { queryHash, operationName, variables: request.variables }, freshnessNeed(request.http?.headers.get("cache-control")), now);
          if (key === undefined) {
            cache.count("bypassed");
            return null;
          }
          const answer = cache.operationAnswer(key);
          const current = answer && currentSnapshots(snapshots, scope, answer.accountKeys);
          if (!answer || !current) {
            cache.count("misses");
            return null;
          }
          cache.count("hits");
          served = true;
          const freshness = cache.servedFrom(current, now);
          return {
            http: { headers: NO_HEADERS },
            body: {
              kind: "single",
              singleResult: freshness.length ? { data: JSON.parse(answer.dataJson.toString()) as Record<string, unknown>, extensions: { freshness } } : { data: JSON.parse(answer.dataJson.toString()) as Record<string, unknown> },
            },
          };
        },

        async willSendResponse({ request, queryHash, operationName, response, contextValue }) {
          if (key === undefined || response.body.kind !== "single" || (response.http.status ?? 200) !== 200) return;
          const result = response.body.singleResult;
          const reader = contextValue.snapshots;
          if (!result.data || result.errors?.length || reader.failures.list().length) return;
          const freshness = served ? (result.extensions?.freshness as ReturnType<typeof reader.freshness>) : reader.freshness();
          // A refresh that landed while this ran: the answer may mix versions, so it is not kept.
          const versions = scope!.accounts.map((account) => snapshots.peek(account)?.version ?? "");
          if (responseCacheKey(snapshots, scope!, { queryHash: queryHash, operationName, variables: request.variables }, freshnessNeed(request.http?.headers.get("cache-control")), snapshots.now()) !== key) return;
          const accountKeys = freshness.map((e) => accountKey(e.provider, e.accountId));
          const operationKey = key;
          const requestKey = contextValue.requestCacheKey;
          // Only an answer whose extensions are its freshness can be rebuilt byte for byte by the front.
          const byRequest = requestKey && Object.keys(result.extensions ?? {}).every((name) => name === "freshness");
          const store = (dataJson: Buffer) => {
            if (!served) cache.storeOperation(operationKey, { dataJson, accountKeys, bytes: dataJson.length });
            if (byRequest) {
              cache.storeRequest(requestKey.key, {
                dataJson,
                contentType: response.http.headers.get("content-type") ?? "application/json; charset=utf-8",
                operationName: operationName ?? null,
                scope: scope!.accounts,
                versions,
                read: accountKeys.map((k) => scope!.byKey.get(k)!),
                bytes: dataJson.length + requestKey.key.length,
              });
            }
          };
          // Through the front the answer is serialised once, by Apollo, and the data is cut from what was sent.
          if (requestKey) requestKey.sent = (body) => store(dataOfBody(body, result.extensions) ?? Buffer.from(JSON.stringify(result.data)));
          else store(Buffer.from(JSON.stringify(result.data)));
        },
      };
    },
  };
}

/**
 * The data of an answer as Apollo serialised it: `{"data":…,"extensions":…}` followed by a newline
 * (errors come first, and a stored answer has none). Undefined when the body is not that answer,
 * e.g. when a later plugin changed its extensions.
 */
function dataOfBody(body: string, extensions: Record<string, unknown> | undefined): Buffer | undefined {
  const head = '{"data":';
  const tail = extensions === undefined ? "}\n" : `,"extensions":${JSON.stringify(extensions)}}\n`;
  return body.startsWith(head) && body.endsWith(tail) ? Buffer.from(body.slice(head.length, body.length - tail.length)) : undefined;
}
