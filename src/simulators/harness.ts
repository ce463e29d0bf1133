import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRng } from "./seed.js";

export interface SimRequest {
  method: string;
  /** Path without the query string, e.g. "/v2/phone_numbers". */
  path: string;
  /** Raw query: deepObject keys such as `filter[status]` stay as they were sent. */
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SimResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * Fault switches, settable at start (options or env) and at run time (`setFaults` or
 * `POST /__sim/faults`). Rates are shares of requests, 0..1; the `…Next` counters fault exactly the
 * next N requests, for tests that need a fault to clear.
 */
export interface FaultSwitches {
  latencyMs: number;
  failureRate: number;
  failNext: number;
  rateLimitRate: number;
  rateLimitNext: number;
  retryAfterSeconds: number;
  malformedRate: number;
  malformedNext: number;
  /** Hold every response this long before answering: a response slower than a client's timeout. */
  hangMs: number;
}

export const NO_FAULTS: FaultSwitches = {
  latencyMs: 0,
  failureRate: 0,
  failNext: 0,
  rateLimitRate: 0,
  rateLimitNext: 0,
  retryAfterSeconds: 1,
  malformedRate: 0,
  malformedNext: 0,
  hangMs: 0,
};

export interface SimulatorDefinition {
  /** Short name: "highlevel", "telnyx", "zoom", "butter". Also the env prefix (SIM_TELNYX_…). */
  name: string;
  /** Answer one request. Unknown routes should answer the provider's own 404 body. */
  handle(request: SimRequest): SimResponse | Promise<SimResponse>;
  /** The provider's body for a 500 (failure switch), for the request it answers. */
  serverError(request: SimRequest): SimResponse;
  /** The provider's 429 (rate-limit switch), including its rate-limit headers and Retry-After, for the request it answers. */
  rateLimited(retryAfterSeconds: number, request: SimRequest): SimResponse;
  /** Paths the fault switches leave alone (e.g. an OAuth token endpoint). */
  faultFreePaths?: string[];
}

/**
 * A real HTTP server on 127.0.0.1 around one provider's definition: fault switches, per-endpoint
 * request counters (`"GET /v2/phone_numbers"` → n) and a small admin API under `/__sim/`.
 */
export class Simulator {
  private server: Server | undefined;
  private faults: FaultSwitches;
  private counters = new Map<string, number>();
  private statusCounters = new Map<string, number>();
  /** Seeded so a fault rate below 1 hits the same requests on every run. */
  private random = createRng(7);
  baseUrl = "";

  constructor(
    readonly definition: SimulatorDefinition,
    faults: Partial<FaultSwitches> = {},
  ) {
    this.faults = { ...NO_FAULTS, ...faultsFromEnv(definition.name), ...faults };
  }

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const url = new URL(req.url ?? "/", "http://sim");
        const request: SimRequest = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
        this.respond(request)
          .then(({ status, body, headers, raw }) => {
            if (!request.path.startsWith("/__sim/")) {
              const key = `${request.method} ${request.path} ${status}`;
              this.statusCounters.set(key, (this.statusCounters.get(key) ?? 0) + 1);
            }
            if (res.destroyed) return;
            res.writeHead(status, { "content-type": "application/json", ...headers });
            res.end(raw ?? JSON.stringify(body));
          })
          .catch((error: unknown) => {
            res.writeHead(500, { "content-type": "text/plain" });
            res.end(`simulator bug: ${String(error)}`);
          });
      });
    });
    // Keep-alive sockets would hold `stop()` open; simulators are short-lived test servers.
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    const { port: bound } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${bound}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  setFaults(faults: Partial<FaultSwitches>): void {
    this.faults = { ...this.faults, ...faults };
  }

  resetFaults(): void {
    this.faults = { ...NO_FAULTS };
  }

  /** Requests served per endpoint, e.g. `{ "GET /v2/phone_numbers": 3 }`. Admin calls are not counted. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.counters);
  }

  /** Requests served in all, or to endpoints whose key starts with `prefix` (e.g. "GET /v2/phone_numbers"). */
  total(prefix = ""): number {
    let sum = 0;
    for (const [key, n] of this.counters) if (key.startsWith(prefix)) sum += n;
    return sum;
  }

  /** Answers per endpoint and status, e.g. `{ "GET /v2/phone_numbers 429": 1 }`: how often a client was refused. */
  statusCounts(): Record<string, number> {
    return Object.fromEntries(this.statusCounters);
  }

  /** Answers sent with `status` (e.g. 429: how often a client was refused for its rate), over every endpoint. */
  answered(status: number): number {
    let sum = 0;
    for (const [key, n] of this.statusCounters) if (key.endsWith(` ${status}`)) sum += n;
    return sum;
  }

  resetCounts(): void {
    this.counters.clear();
    this.statusCounters.clear();
  }

  private async respond(request: SimRequest): Promise<SimResponse & { raw?: string }> {
    if (request.path.startsWith("/__sim/")) return this.admin(request);
    const key = `${request.method} ${request.path}`;
    this.counters.set(key, (this.counters.get(key) ?? 0) + 1);

    const f = this.faults;
    if (f.latencyMs > 0) await sleep(f.latencyMs);
    if (f.hangMs > 0) await sleep(f.hangMs);
    if (!this.definition.faultFreePaths?.some((p) => request.path.startsWith(p))) {
      if (this.take("rateLimitNext") || this.roll(f.rateLimitRate)) return this.definition.rateLimited(f.retryAfterSeconds, request);
      if (this.take("failNext") || this.roll(f.failureRate)) return this.definition.serverError(request);
      if (this.take("malformedNext") || this.roll(f.malformedRate)) {
        const full = JSON.stringify((await this.definition.handle(request)).body);
        return { status: 200, body: null, raw: full.slice(0, Math.max(1, Math.floor(full.length / 2))) };
      }
    }
    return this.definition.handle(request);
  }

  private take(counter: "failNext" | "rateLimitNext" | "malformedNext"): boolean {
    if (this.faults[counter] <= 0) return false;
    this.faults[counter] -= 1;
    return true;
  }

  private roll(rate: number): boolean {
    return rate > 0 && this.random() < rate;
  }

  private admin(request: SimRequest): SimResponse {
    if (request.path === "/__sim/counts") return { status: 200, body: this.counts() };
    if (request.path === "/__sim/faults" && request.method === "POST") {
      this.setFaults(JSON.parse(request.body || "{}") as Partial<FaultSwitches>);
      return { status: 200, body: this.faults };
    }
    if (request.path === "/__sim/faults") return { status: 200, body: this.faults };
    if (request.path === "/__sim/reset" && request.method === "POST") {
      this.resetFaults();
      this.resetCounts();
      return { status: 200, body: { ok: true } };
    }
    return { status: 404, body: { error: `no admin route ${request.method} ${request.path}` } };
  }
}

/** `SIM_TELNYX_FAILURE_RATE=0.1`, `SIM_ZOOM_LATENCY_MS=50`, `SIM_ALL_HANG_MS=…`: start-time switches. */
export function faultsFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): Partial<FaultSwitches> {
  const out: Partial<FaultSwitches> = {};
  const names: Record<keyof FaultSwitches, string> = {
    latencyMs: "LATENCY_MS",
    failureRate: "FAILURE_RATE",
    failNext: "FAIL_NEXT",
    rateLimitRate: "RATE_LIMIT_RATE",
    rateLimitNext: "RATE_LIMIT_NEXT",
    retryAfterSeconds: "RETRY_AFTER_SECONDS",
    malformedRate: "MALFORMED_RATE",
    malformedNext: "MALFORMED_NEXT",
    hangMs: "HANG_MS",
  };
  for (const [key, suffix] of Object.entries(names) as [keyof FaultSwitches, string][]) {
    const value = env[`SIM_${name.toUpperCase()}_${suffix}`] ?? env[`SIM_ALL_${suffix}`];
    if (value !== undefined && value !== "") out[key] = Number(value);
  }
  return out;
}

/** Unref'd: a simulated slow response must not keep a stopped simulator's process alive. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
