import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { observeUpstreamCalls } from "../providers/shared/upstream-calls.js";

export const TRACER_NAME = "numbergraph";

/**
 * Register OpenTelemetry for this process: W3C trace context (an incoming `traceparent` is honoured),
 * async context, and spans sent to `processor` — by default OTLP over HTTP to the standard
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (the exporter reads the OTEL_* variables itself). main.ts calls this
 * only when that variable is set; otherwise nothing is registered and the API's no-op costs nothing.
 */
export function startTracing(processor: SpanProcessor = new BatchSpanProcessor(new OTLPTraceExporter())): { shutdown(): Promise<void> } {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": process.env.OTEL_SERVICE_NAME ?? "numbergraph" }),
    spanProcessors: [processor],
  });
  provider.register();
  return { shutdown: () => provider.shutdown() };
}

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
