import { context, propagation, SpanKind, SpanStatusCode, trace, type Context, type Span } from "@opentelemetry/api";
import type { RequestHandler } from "express";
import { observeUpstreamCalls } from "../providers/shared/upstream-calls.js";
import type { GatewayMetrics } from "./metrics.js";
import { TRACER_NAME } from "./tracing.js";
import { outcomeOf } from "../plugin/request-outcome/index.js";
import { requestScope, type GraphQLOutcome, type RequestScope } from "./request-scope.js";

export interface RequestObservationOptions {
  metrics: GatewayMetrics;
  /** Start a span per operation (only when tracing is set up: otherwise it would cost for nothing). */
  tracing: boolean;
}

/**
 * Two middlewares around each GraphQL request. `begin` (first) gives it an id (a caller's sane
 * `x-request-id`, or pino-http's new one), echoes it, starts the operation span from any incoming
 * `traceparent`, and on finish counts the outcome. `enter` (after the body is read: stream callbacks
 * would not carry it) runs the rest inside the request's scope and trace context, so resolvers,
 * upstream calls and error formatting see both.
 */
export function requestObservation({ metrics, tracing }: RequestObservationOptions): { begin: RequestHandler; enter: RequestHandler } {
  countUpstreamCallsPerRequest();
  const tracer = trace.getTracer(TRACER_NAME);
  const begin: RequestHandler = (req, res, next) => {
    const started = performance.now();
    // access-log.ts makes every id a string (pino-http types it more loosely).
    const requestId: string | number = req.id as string | number;
    const scope: RequestScope = { requestId: String(requestId), upstreamCalls: 0 };
    res.setHeader("x-request-id", scope.requestId);
    res.locals.scope = scope;
    let span: Span | undefined;
    if (tracing) {
      const parent = propagation.extract(context.active(), req.headers);
      span = tracer.startSpan("graphql", { kind: SpanKind.SERVER, attributes: { "http.request.method": req.method, "url.path": req.baseUrl || req.path } }, parent);
      res.locals.traceContext = trace.setSpan(parent, span);
    }
    res.on("finish", () => {
      const outcome = finalOutcome(scope, res.statusCode);
      metrics.requestAnswered(outcome, (performance.now() - started) / 1000);
      if (span) {
        span.setAttributes({ "http.response.status_code": res.statusCode, "numbergraph.outcome": outcome, "numbergraph.upstream_calls": scope.upstreamCalls });
        if (scope.operationName) {
          span.setAttribute("graphql.operation.name", scope.operationName);
          span.updateName(`query ${scope.operationName}`);
        }
        if (outcome === "error") span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    });
    next();
  };
  const enter: RequestHandler = (_req, res, next) => {
    const scope = res.locals.scope as RequestScope;
    const run = () => requestScope.run(scope, next);
    if (res.locals.traceContext) context.with(res.locals.traceContext as Context, run);
    else run();
  };
  return { begin, enter };
}

let counting = false;
/** Each request's scope tallies the upstream attempts made while serving it (once per process: scopes are per request). */
function countUpstreamCallsPerRequest(): void {
  if (counting) return;
  counting = true;
  observeUpstreamCalls({
    end(call) {
      const scope = requestScope.current();
      if (scope) scope.upstreamCalls += call.attempts.length;
    },
  });
}

/** What the operation said (request-outcome plugin), or — for answers Apollo never ran (401, unreadable body) — what the status says. */
export function finalOutcome(scope: RequestScope, status: number): GraphQLOutcome {
  scope.outcome ??= outcomeOf(status, []);
  return scope.outcome;
}
