import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { observeUpstreamCalls } from "../providers/shared/upstream-calls.js";

export const TRACER_NAME = "numbergraph";

/**
 * One CLIENT span per upstream call (a page, a token grant), child of the operation that made it:
 * provider, account, endpoint, status, page number, retries. Never a credential: endpoints are
 * paths with the account id replaced, and no header or query value is recorded.
 */
export function traceUpstreamCalls(): () => void {
  const tracer = trace.getTracer(TRACER_NAME);
  return observeUpstreamCalls({
    end(call, outcome) {
      const span = tracer.startSpan(
        `${call.provider} ${call.method} ${call.endpoint}`,
        {
          kind: SpanKind.CLIENT,
          startTime: call.startedAt,
          attributes: {
            "numbergraph.provider": call.provider,
            "numbergraph.account": call.accountId,
            "numbergraph.endpoint": call.endpoint,
            "http.request.method": call.method,
            "numbergraph.status": outcome.status,
            ...(/^\d+$/.test(outcome.status) ? { "http.response.status_code": Number(outcome.status) } : {}),
            "numbergraph.retries": Math.max(0, call.attempts.length - 1),
            ...(call.page !== undefined ? { "numbergraph.page": call.page } : {}),
            ...(outcome.error ? { "numbergraph.error_code": outcome.error } : {}),
          },
        },
        context.active(),
      );
      if (outcome.error) span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.error });
      span.end();
    },
  });
}
