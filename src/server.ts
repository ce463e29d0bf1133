import { ApolloServer, HeaderMap, type ApolloServerPlugin, type DocumentStore } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express, { type ErrorRequestHandler } from "express";
import type { Logger } from "pino";
import type { DocumentNode, GraphQLInputObjectType } from "graphql";
import { LRUCache } from "lru-cache";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { accountsInScope, presentedKey, type GatewayKey } from "./access/gateway-keys.js";
import { BadRequestError, UnauthenticatedError, type GatewayErrorCode } from "./errors/gateway-errors.js";
import type { GraphContext } from "./graph/context.js";
import { buildGraphSchema } from "./graph/schema.js";
import type { ProviderAccount } from "./model/index.js";
import { csvExportRouter } from "./plugin/csv-export/index.js";
import { ideEnabled, ideRouter } from "./plugin/ide/index.js";
import { freshnessPlugin } from "./plugin/freshness/index.js";
import { DEFAULT_RESPONSE_CACHE_MB, ResponseCache, responseCacheFront, responseCachePlugin, type ResponseCacheCounts } from "./plugin/response-cache/index.js";
import { frontReadError, type RequestCacheKey } from "./plugin/response-cache/http-front.js";
import { DEFAULT_MAX_QUERY_COST, queryCostPlugin } from "./plugin/query-cost/index.js";
import { upstreamErrorsPlugin } from "./plugin/upstream-errors/index.js";
import { DEFAULT_DOCUMENT_LIMITS, documentLimits, type DocumentLimits } from "./plugin/document-limits/index.js";
import { formatGatewayError } from "./plugin/error-shaping/index.js";
import { freshnessNeed } from "./snapshots/freshness-need.js";
import { SnapshotReader } from "./snapshots/snapshot-reader.js";
import type { SnapshotPolicy } from "./snapshots/snapshot-policy.js";
import { SnapshotService } from "./snapshots/snapshot-service.js";
import type { SnapshotStore } from "./snapshots/snapshot-store.js";
import { accessLine, accessLog, requestIdOf } from "./observability/access-log.js";
import { GatewayMetrics } from "./observability/metrics.js";
import { healthEndpoint, opsEndpoints } from "./observability/ops-endpoints.js";
import type { RedisStatus } from "./redis/redis-connection.js";
import { finalOutcome, requestObservation } from "./observability/request-observation.js";
import { requestScope, type RequestScope } from "./observability/request-scope.js";
import { traceUpstreamCalls } from "./observability/tracing.js";
import { requestOutcomePlugin } from "./plugin/request-outcome/index.js";

export interface GatewayOptions {
  accounts: readonly ProviderAccount[];
  /** Empty: everyone sees every account. */
  gatewayKeys: readonly GatewayKey[];
  port: number;
  host?: string;
  /** The most objects one operation may be expected to return (default `DEFAULT_MAX_QUERY_COST`). */
  maxQueryCost?: number;
  /** Introspection and field suggestions (default true). */
  introspection?: boolean;
  /** NUMBERGRAPH_IDE as set (undefined: on unless introspection is off). */
  ide?: boolean;
  /** Stack traces in error responses, for development only (default false). */
  includeStacktrace?: boolean;
  /** Alias, depth, token and directive limits (default `DEFAULT_DOCUMENT_LIMITS`). */
  documentLimits?: Partial<DocumentLimits>;
  /** Where the gateway logs (passed in, as Apollo Server takes one; tests pass a memory logger). */
  logger: Logger;
  /** Freshness and bounds of the per-account snapshots (defaults: docs/freshness.md). */
  snapshotPolicy?: Partial<SnapshotPolicy>;
  /** Where snapshots are shared; default: this process only. */
  snapshotStore?: SnapshotStore;
  /** With REDIS_URL: the connection's state, shown in /readyz (never its URL). */
  redisStatus?: () => RedisStatus;
  /** NUMBERGRAPH_OPS_PORT: serve /readyz and /metrics here instead of on `port` (0: any free port). */
  opsPort?: number;
  /** A span per operation and per upstream call (set when OpenTelemetry is registered; default false). */
  tracing?: boolean;
  /** NUMBERGRAPH_RESPONSE_CACHE (default on) and NUMBERGRAPH_RESPONSE_CACHE_MB (default 64). */
  responseCache?: { enabled?: boolean; maxMb?: number };
  /** Further Apollo plugins (metrics, tests' execution counters), run after the gateway's own. */
  plugins?: ApolloServerPlugin<GraphContext>[];
  /** The snapshots' clock, epoch ms (default `Date.now`); tests of age move it. */
  now?: () => number;
}

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  snapshots: SnapshotService;
  /** Where /readyz and /metrics are served, e.g. http://127.0.0.1:9464 (the main port's origin without NUMBERGRAPH_OPS_PORT). */
  opsUrl: string;
  /** What the response cache did so far; undefined when it is off. */
  responseCache?: ResponseCacheCounts;
  stop(): Promise<void>;
}

/** What `cors({ exposedHeaders: ["x-request-id"] })` puts on every answer; the cache's front door sends the same. */
const GRAPHQL_ANSWER_HEADERS = { "access-control-allow-origin": "*", "access-control-expose-headers": "x-request-id" };

/** A request body above this is refused before it is parsed (50,000 ids fit in well under it). */
const MAX_BODY = "10mb";

/**
 * Serve the graph over `accounts` at `/graphql`, and `GET /healthz` for load balancers (no key, no
 * upstream call). Every GraphQL request gets a fresh context (and loaders) scoped by its key.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const log = options.logger;
  // The metrics read the snapshots' state at each scrape, and are told of each refresh as it settles.
  const metrics: GatewayMetrics = new GatewayMetrics(() => snapshots.status());
  const snapshots = new SnapshotService(options.accounts, { policy: options.snapshotPolicy, store: options.snapshotStore, logger: log, now: options.now, onRefresh: metrics.snapshotRefreshed });
  // Every account is listed once at start-up, in the background: the first dashboard finds it warm.
  void snapshots.warmAll();
  // Each key's accounts, worked out once: the response cache recognises a scope by this array.
  const keys = new Map(options.gatewayKeys.map((k) => [k.key, accountsInScope(options.accounts, k.scopes)]));
  const app = express();
  const cache = options.responseCache?.enabled === false ? undefined : new ResponseCache(snapshots, { maxBytes: (options.responseCache?.maxMb ?? DEFAULT_RESPONSE_CACHE_MB) * 1024 * 1024, onCount: metrics.responseCacheCounted });
  // With tracing on every request goes through the pipeline that gives it its operation span.
  const front = cache && !options.tracing;
  const httpServer = createServer(
    front
      ? responseCacheFront(
          {
            cache,
            path: "/graphql",
            scopeOf: (req) => (keys.size === 0 ? options.accounts : keys.get(presentedKey(req.headers) ?? "")),
            headers: GRAPHQL_ANSWER_HEADERS,
            requestIdOf,
            answered: ({ req, res, requestId, operationName, durationMs }) => answered({ req, res, requestId, durationMs, operationName, outcome: "ok", upstreamCalls: 0 }),
            execute: (req, res, body, requestCacheKey, started) => void answerWithApollo(req, res, body, requestCacheKey, started),
          },
          app,
        )
      : app,
  );
  /** The access-log line and the request metrics of an answer given outside express (whose middlewares do both). */
  const answered = (line: Parameters<typeof accessLine>[0]) => {
    metrics.requestAnswered(line.outcome, line.durationMs / 1000);
    if (log.isLevelEnabled("info")) log.info(accessLine(line), `POST /graphql ${line.res.statusCode}`);
  };
  /**
   * A POST the cache's front door read and did not find, run by Apollo as the express integration
   * would (`@as-integrations/express5`), inside its request scope, without express's routing, body
   * parsing and `res.send`: for a warm miss those were a tenth of its cost.
   */
  const answerWithApollo = async (req: IncomingMessage, res: ServerResponse, body: unknown, requestCacheKey: RequestCacheKey, started: number) => {
    const scope: RequestScope = { requestId: requestIdOf(req), upstreamCalls: 0 };
    for (const [name, value] of Object.entries(GRAPHQL_ANSWER_HEADERS)) res.setHeader(name, value);
    res.setHeader("x-request-id", scope.requestId);
    try {
      await requestScope.run(scope, async () => {
        const headers = new HeaderMap();
        for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
        const search = req.url!.includes("?") ? req.url!.slice(req.url!.indexOf("?")) : "";
        const answer = await server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: "POST", headers, search, body },
          context: async () => ({ snapshots: readerFor(req), requestCacheKey }),
        });
        for (const [name, value] of answer.headers) res.setHeader(name, value);
        res.statusCode = answer.status ?? 200;
        if (answer.body.kind === "complete") {
          res.end(answer.body.string);
          requestCacheKey.sent?.(answer.body.string);
          return;
        }
        for await (const chunk of answer.body.asyncIterator) res.write(chunk);
        res.end();
      });
    } catch (error) {
      log.error({ err: error, requestId: scope.requestId }, "a GraphQL request failed outside Apollo's error handling");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("content-type", "application/json; charset=utf-8");
        res.end(JSON.stringify({ errors: [{ message: `The gateway failed to answer; quote request id ${scope.requestId} to whoever runs it.`, extensions: { code: "INTERNAL_SERVER_ERROR" } }] }));
      } else res.destroy();
    }
    answered({ req, res, requestId: scope.requestId, durationMs: performance.now() - started, operationName: scope.operationName ?? null, outcome: finalOutcome(scope, res.statusCode), upstreamCalls: scope.upstreamCalls });
  };
  const limits = { ...DEFAULT_DOCUMENT_LIMITS, ...options.documentLimits };
  const { validationRules, parseOptions } = documentLimits(limits);
  const introspection = options.introspection ?? true;
  const observation = requestObservation({ metrics, tracing: options.tracing ?? false });
  const stopTracingUpstream = options.tracing ? traceUpstreamCalls() : undefined;
  /** False from the first moment of shutdown. */
  let accepting = true;
  const schema = await buildGraphSchema();
  const server = new ApolloServer<GraphContext>({
    schema,
    documentStore: parsedDocumentStore(),
    validationRules,
    parseOptions,
    formatError: formatGatewayError({ logger: log, limits }),
    // Field suggestions ("Did you mean …?") tell as much about the schema as introspection does.
    hideSchemaDetailsFromClientErrors: !introspection,
    plugins: [
      queryCostPlugin({ maxCost: options.maxQueryCost ?? DEFAULT_MAX_QUERY_COST }),
      upstreamErrorsPlugin({ logger: log }),
      freshnessPlugin(),
      requestOutcomePlugin(),
      ...(cache ? [responseCachePlugin(cache)] : []),
      ApolloServerPluginInlineTraceDisabled(),
      // No field carries a cache hint, and its per-field hook would wrap every resolver of every request.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing page loads its IDE from a CDN; ours (src/plugin/ide) is served locally.
      ApolloServerPluginLandingPageDisabled(),
      // On stop, requests in flight finish before the server closes: for as long as a request may wait on a provider, and a little more.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: snapshots.policy.deadlineMs + 5_000 }),
      ...(options.plugins ?? []),
    ],
    introspection,
    // main.ts owns SIGTERM/SIGINT: Apollo's own handler would stop it early and re-send the signal.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: options.includeStacktrace ?? false,
  });
  await server.start();

  app.disable("x-powered-by");
  // A POST answer is not HTTP-cacheable, and its ETag would only cost a hash of every body.
  app.disable("etag");
  app.use(accessLog(log));
  app.use(healthEndpoint());
  const ops = opsEndpoints({ accounts: options.accounts, status: () => snapshots.status(), metrics, accepting: () => accepting, redis: options.redisStatus });
  let opsServer: Server | undefined;
  if (options.opsPort === undefined) app.use(ops);
  else {
    const opsApp = express().disable("x-powered-by").use(healthEndpoint(), ops);
    opsServer = createServer(opsApp);
    await listen(opsServer, options.opsPort, options.host);
  }
  /** This request's window onto the snapshots: only its key's accounts (every path reads through it). */
  const readerFor = (req: IncomingMessage): SnapshotReader => {
    const readOptions = { need: freshnessNeed(req.headers["cache-control"]), deadlineAt: snapshots.now() + snapshots.policy.deadlineMs };
    if (keys.size === 0) return new SnapshotReader(snapshots, options.accounts, readOptions);
    const key = presentedKey(req.headers);
    const accounts = key === undefined ? undefined : keys.get(key);
    if (!accounts) {
      throw new UnauthenticatedError(key === undefined ? "This gateway needs an API key: send `Authorization: Bearer <key>` or `X-API-Key: <key>`." : "The API key is not valid for this gateway; check it with whoever runs the gateway.");
    }
    return new SnapshotReader(snapshots, accounts, readOptions);
  };
  app.use(csvExportRouter({ filterType: schema.getType("PhoneNumberFilter") as GraphQLInputObjectType, readerFor, logger: log }));
  if (ideEnabled(options.ide, options.introspection)) app.use(ideRouter({ endpoint: "/graphql", keysRequired: keys.size > 0, logger: log }));
  app.use(
    "/graphql",
    observation.begin,
    cors({ exposedHeaders: ["x-request-id"] }),
    express.json({ limit: MAX_BODY }),
    frontReadError,
    observation.enter,
    expressMiddleware(server, {
      context: async ({ req }) => ({ snapshots: readerFor(req) }),
    }),
  );
  app.use(unreadableBody);

  await listen(httpServer, options.port, options.host);
  const origin = originOf(httpServer);
  return {
    url: `${origin}/graphql`,
    snapshots,
    opsUrl: opsServer ? originOf(opsServer) : origin,
    responseCache: cache?.counts,
    stop: async () => {
      accepting = false;
      await server.stop();
      await snapshots.stop();
      await new Promise<void>((resolve) => (opsServer ? opsServer.close(() => resolve()) : resolve()));
      stopTracingUpstream?.();
      metrics.stop();
    },
  };
}

/** Parsed and validated documents kept for reuse: Apollo's default store's bound, 30 MiB. */
const DOCUMENT_STORE_BYTES = 30 * 1024 * 1024;
/** A parsed document's AST, serialised, is 10–20 times its source text (measured on the operations in operations/). */
const AST_BYTES_PER_SOURCE_CHAR = 20;

/**
 * Apollo's default document store sizes every new document by `JSON.stringify`-ing its AST, the
 * dearest step of a miss after validation itself; this one estimates from the source length.
 */
function parsedDocumentStore(): DocumentStore {
  const documents = new LRUCache<string, DocumentNode>({ maxSize: DOCUMENT_STORE_BYTES, sizeCalculation: (document) => Math.max(1, (document.loc?.end ?? 1000) * AST_BYTES_PER_SOURCE_CHAR) });
  return {
    get: async (key) => documents.get(key),
    set: async (key, document) => void documents.set(key, document),
    delete: async (key) => documents.delete(key),
  };
}

function listen(server: Server, port: number, host = "0.0.0.0"): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port, host }, resolve);
  });
}

function originOf(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  return `http://${address.includes(":") ? `[${address}]` : address}:${port}`;
}

/** A body that is not JSON, too large or in an unknown charset: a GraphQL-shaped answer that says which. */
const unreadableBody: ErrorRequestHandler = (error: { status?: number; type?: string; message?: string }, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status >= 500) {
    res.status(500).json({ errors: [{ message: "The gateway failed to read the request; try again.", extensions: { code: "INTERNAL_SERVER_ERROR" satisfies GatewayErrorCode } }] });
    return;
  }
  const message =
    error.type === "entity.too.large"
      ? `The request body is larger than ${MAX_BODY}; send fewer ids or split the operation.`
      : error.type === "entity.parse.failed"
        ? `The request body is not valid JSON (${error.message}); send {"query": "...", "variables": {...}}.`
        : `The request could not be read: ${error.message}.`;
  res.status(status).json(new BadRequestError(message, status).responseBody());
};
