import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { SpanKind } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startTracing } from "../../src/observability/tracing-sdk.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { postGraphQL, startMain } from "../support/main-process.js";
import { startStack, type Stack } from "../support/stack.js";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER_SPAN = "00f067aa0ba902b7";
const secrets = [SIM_CREDENTIALS.highlevel.token, SIM_CREDENTIALS.telnyx.apiKey, SIM_CREDENTIALS.zoom.clientSecret, SIM_CREDENTIALS.butter.apiKey, "tr4ce-gateway-key"];

/** OpenTelemetry: a span per operation, a child per upstream call, the caller's traceparent honoured. */
describe("tracing", () => {
  const exporter = new InMemorySpanExporter();
  let tracing: { shutdown(): Promise<void> };
  let stack: Stack;
  beforeAll(async () => {
    tracing = startTracing(new SimpleSpanProcessor(exporter));
    stack = await startStack({ numbers: 30, tracing: true, snapshotPolicy: { minRefreshMs: 0 } });
  });
  afterAll(async () => {
    await stack?.stop();
    await tracing?.shutdown();
  });

  async function spansOfTrace(traceId: string): Promise<ReadableSpan[]> {
    // The operation span ends on the response's 'finish', which may come just after the client has read it.
    for (let i = 0; i < 100 && !exporter.getFinishedSpans().some((s) => s.spanContext().traceId === traceId && s.kind === SpanKind.SERVER); i++) await new Promise((r) => setTimeout(r, 10));
    return exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
  }

  it("gives one operation a SERVER span under the caller's traceparent and one CLIENT child per upstream call", async () => {
    stack.sims.resetCounts();
    const answer = await stack.request("query Inventory { phoneNumbers(first: 2) { totalCount } }", undefined, { traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01`, "cache-control": "no-cache" });
    expect(answer.errors).toBeUndefined();
    const served = Object.values(stack.sims.counts()).reduce((a, b) => a + b, 0);
    const spans = await spansOfTrace(TRACE_ID);
    const operations = spans.filter((s) => s.kind === SpanKind.SERVER);
    expect(operations).toHaveLength(1);
    const operation = operations[0]!;
    expect(operation.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    expect(operation.attributes).toMatchObject({ "graphql.operation.name": "Inventory", "numbergraph.outcome": "ok", "numbergraph.upstream_calls": served });
    const calls = spans.filter((s) => s.kind === SpanKind.CLIENT);
    expect(calls).toHaveLength(served); // no retries here: one attempt per call
    for (const call of calls) expect(call.parentSpanContext?.spanId).toBe(operation.spanContext().spanId);
    expect(new Set(calls.map((c) => c.attributes["numbergraph.provider"]))).toEqual(new Set(["HIGHLEVEL", "TELNYX", "ZOOM", "BUTTER"]));
    const telnyx = calls.find((c) => c.attributes["numbergraph.endpoint"] === "/v2/phone_numbers")!;
    expect(telnyx.attributes).toMatchObject({ "numbergraph.account": "default", "http.request.method": "GET", "http.response.status_code": 200, "numbergraph.retries": 0, "numbergraph.page": 1 });
    const highlevel = calls.filter((c) => c.attributes["numbergraph.endpoint"] === "/phone-system/numbers/location/:account");
    expect(highlevel.map((c) => c.attributes["numbergraph.account"]).sort()).toEqual(["sim-loc-branch", "sim-loc-empty", "sim-loc-main"]);
    const text = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes })));
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it("records retries and failures on the upstream span", async () => {
    stack.sims.telnyx.setFaults({ failNext: 1 });
    const traceId = "5bf92f3577b34da6a3ce929d0e0e4736";
    await stack.request("{ phoneNumbers(first: 1, filter: { providers: [TELNYX] }) { totalCount } }", undefined, { traceparent: `00-${traceId}-${CALLER_SPAN}-01`, "cache-control": "no-cache" });
    const telnyx = (await spansOfTrace(traceId)).filter((s) => s.kind === SpanKind.CLIENT && s.attributes["numbergraph.provider"] === "TELNYX");
    expect(telnyx.map((s) => s.attributes["numbergraph.retries"])).toContain(1);
  });

  it("exports over OTLP to OTEL_EXPORTER_OTLP_ENDPOINT when set (the gateway process, flushed on SIGTERM)", async () => {
    const received: { path: string; body: string }[] = [];
    const receiver: Server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ path: req.url ?? "", body });
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const main = await startMain({ NODE_ENV: "development", OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, NUMBERGRAPH_API_KEYS: "tr4ce-gateway-key:*" });
    try {
      const answer = await postGraphQL(main.url, "query Exported { phoneNumbers(first: 1) { totalCount } }", { "x-api-key": "tr4ce-gateway-key", traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01`, "cache-control": "no-cache" });
      expect(answer.status).toBe(200);
    } finally {
      main.child.kill("SIGTERM");
      expect(await main.exited).toBe(0);
      receiver.close();
    }
    const traces = received.filter((r) => r.path === "/v1/traces");
    expect(traces.length).toBeGreaterThan(0);
    const spans = traces.flatMap((t) => (JSON.parse(t.body) as { resourceSpans: { scopeSpans: { spans: { name: string; traceId: string }[] }[] }[] }).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
    expect(spans.some((s) => s.name === "query Exported")).toBe(true);
    expect(spans.filter((s) => s.name.startsWith("TELNYX GET")).length).toBeGreaterThan(0);
    for (const secret of secrets) expect(traces.map((t) => t.body).join("")).not.toContain(secret);
  }, 60_000);
});
