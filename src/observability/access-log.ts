import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { pinoHttp, type HttpLogger } from "pino-http";
import { finalOutcome } from "./request-observation.js";
import type { GraphQLOutcome, RequestScope } from "./request-scope.js";

/** Probes and scrapes would drown the log; everything else gets its line. */
const QUIET_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

/**
 * One line per request (pino-http): request id, method, path (never the query string, which can
 * carry a GET operation's variables), status, duration and — for GraphQL — operation name, outcome
 * and the upstream calls it made. No header is logged, so neither provider credentials nor gateway
 * keys can reach a line.
 */
export function accessLog(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    genReqId: requestIdOf,
    autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has(pathOf(req)) },
    // The id at the top of the line, as `requestId`, not inside `req`.
    quietReqLogger: true,
    customAttributeKeys: { reqId: "requestId", responseTime: "durationMs" },
    serializers: {
      req: (req: IncomingMessage & { id?: unknown }) => ({ method: req.method, path: pathOf(req) }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customProps: (_req: IncomingMessage, res: ServerResponse) => {
      const scope = (res as ServerResponse & { locals?: { scope?: RequestScope } }).locals?.scope;
      if (!scope) return {};
      return { operationName: scope.operationName ?? null, outcome: finalOutcome(scope, res.statusCode), upstreamCalls: scope.upstreamCalls };
    },
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
  });
}

/** A caller's sane `x-request-id`, or a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
}

/** The fields of a line as pino-http writes it here, for answers given before express (the response cache's front door). */
export function accessLine(line: { req: IncomingMessage; res: ServerResponse; requestId: string; durationMs: number; operationName: string | null; outcome: GraphQLOutcome; upstreamCalls: number }) {
  return {
    requestId: line.requestId,
    req: { method: line.req.method, path: pathOf(line.req) },
    res: { statusCode: line.res.statusCode },
    durationMs: Math.round(line.durationMs),
    operationName: line.operationName,
    outcome: line.outcome,
    upstreamCalls: line.upstreamCalls,
  };
}

function pathOf(req: IncomingMessage & { originalUrl?: string }): string {
  return (req.originalUrl ?? req.url ?? "/").split("?")[0]!;
}
