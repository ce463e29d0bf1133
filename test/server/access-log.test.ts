import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { parseGatewayKeys } from "../../src/access/gateway-keys.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { memoryLogger } from "../support/memory-logger.js";
import { startStack, type Stack } from "../support/stack.js";

const GATEWAY_KEY = "dash-k3y-5ecret-77";

/** One access-log line per request (pino-http): id, operation, outcome, duration, upstream calls; never a secret. */
describe("the access log", () => {
  let stack: Stack;
  const log = memoryLogger();
  beforeAll(async () => {
    stack = await startStack({ numbers: 30, gatewayKeys: parseGatewayKeys(`${GATEWAY_KEY}:*`, "test"), logger: log.logger, snapshotPolicy: { minRefreshMs: 0 } });
  });
  afterAll(() => stack?.stop());
  const accessLines = () => log.records().filter((r) => typeof r.msg === "string" && /^(GET|POST) \//.test(r.msg));

  /** The line is written on the response's 'finish', which may come just after the client has read it. */
  async function linesFor(requestId: string) {
    for (let i = 0; i < 100 && !accessLines().some((r) => r.requestId === requestId); i++) await new Promise((r) => setTimeout(r, 10));
    return accessLines().filter((r) => r.requestId === requestId);
  }

  async function post(query: string, headers: Record<string, string>) {
    const response = await fetch(stack.gateway.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
    await response.text();
    return response;
  }

  it("writes one line per request with its id (echoed as x-request-id), operation, outcome, duration and the upstream calls it made", async () => {
    stack.sims.resetCounts();
    const response = await post("query Dashboard { phoneNumbers(first: 3) { totalCount } }", { authorization: `Bearer ${GATEWAY_KEY}`, "x-request-id": "req-access-1", "cache-control": "no-cache" });
    expect(response.headers.get("x-request-id")).toBe("req-access-1");
    const served = Object.values(stack.sims.counts()).reduce((a, b) => a + b, 0);
    expect(served).toBeGreaterThan(0);
    const lines = await linesFor("req-access-1");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: "POST /graphql 200", operationName: "Dashboard", outcome: "ok", upstreamCalls: served, res: { statusCode: 200 }, req: { method: "POST", path: "/graphql" } });
    expect(typeof lines[0]!.durationMs).toBe("number");

    const fresh = await post("{ phoneNumbers(first: 1) { totalCount } }", { authorization: `Bearer ${GATEWAY_KEY}` });
    const id = fresh.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await linesFor(id)).toHaveLength(1);
  });

  it("writes the same line for an answer from the response cache's front door", async () => {
    const query = "query Poll { phoneNumbers(first: 2) { totalCount } }";
    await post(query, { authorization: `Bearer ${GATEWAY_KEY}`, "x-request-id": "req-poll-1" });
    const hits = stack.gateway.responseCache!.hits;
    const repeat = await post(query, { authorization: `Bearer ${GATEWAY_KEY}`, "x-request-id": "req-poll-2" });
    expect(stack.gateway.responseCache!.hits).toBe(hits + 1);
    expect(repeat.headers.get("x-request-id")).toBe("req-poll-2");
    const [executed] = await linesFor("req-poll-1");
    const lines = await linesFor("req-poll-2");
    expect(lines).toHaveLength(1);
    const fields = (line: Record<string, unknown>) =>
      Object.keys(line)
        .filter((k) => !["time", "pid", "hostname", "level"].includes(k))
        .sort();
    expect(fields(lines[0]!)).toEqual(fields(executed!));
    expect(lines[0]).toMatchObject({ msg: "POST /graphql 200", operationName: "Poll", outcome: "ok", upstreamCalls: 0, res: { statusCode: 200 }, req: { method: "POST", path: "/graphql" } });
  });

  it("puts no provider credential and no gateway key anywhere in the log of a faulty run", async () => {
    for (const sim of [stack.sims.highlevel, stack.sims.telnyx, stack.sims.zoom, stack.sims.butter]) sim.setFaults({ failureRate: 0.5, rateLimitRate: 0.2, malformedRate: 0.2, retryAfterSeconds: 0 });
    try {
      const before = accessLines().length;
      const answers = await Promise.all([
        ...Array.from({ length: 6 }, () => post("{ phoneNumbers(first: 50) { totalCount nodes { pools { name } } } numberPools { totalCount } }", { "x-api-key": GATEWAY_KEY, "cache-control": "no-cache" })),
        post("{ phoneNumbers(first: 1) { totalCount } }", { authorization: "Bearer wrong-key-c0ffee" }),
        post("{ phoneNumbers(first: 1) { totalCount } }", { "x-api-key": "wrong-key-decaf" }),
      ]);
      const ids = answers.map((a) => a.headers.get("x-request-id")!);
      for (const id of ids) expect(await linesFor(id)).toHaveLength(1);
      expect(accessLines().length - before).toBe(answers.length);
    } finally {
      stack.sims.resetFaults();
    }
    const everything = log.lines.join("\n");
    expect(everything).toContain('"outcome":"unauthenticated"');
    const secrets = [
      GATEWAY_KEY,
      "wrong-key-c0ffee",
      "wrong-key-decaf",
      SIM_CREDENTIALS.highlevel.token,
      SIM_CREDENTIALS.telnyx.apiKey,
      SIM_CREDENTIALS.zoom.clientSecret,
      Buffer.from(`${SIM_CREDENTIALS.zoom.clientId}:${SIM_CREDENTIALS.zoom.clientSecret}`).toString("base64"),
      SIM_CREDENTIALS.butter.apiKey,
    ];
    for (const secret of secrets) expect([secret, everything.includes(secret)]).toEqual([secret, false]);
  });
});
