import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

/**
 * Register OpenTelemetry for this process: W3C trace context (an incoming `traceparent` is honoured),
 * async context, and spans sent to `processor` — by default OTLP over HTTP to the standard
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (the exporter reads the OTEL_* variables itself). main.ts imports and calls this
 * only when that variable is set; otherwise the SDK is not even loaded, and the API's no-op costs nothing.
 */
export function startTracing(processor: SpanProcessor = new BatchSpanProcessor(new OTLPTraceExporter())): { shutdown(): Promise<void> } {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": process.env.OTEL_SERVICE_NAME ?? "numbergraph" }),
    spanProcessors: [processor],
  });
  provider.register();
  return { shutdown: () => provider.shutdown() };
}
