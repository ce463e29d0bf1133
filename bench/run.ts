import "reflect-metadata";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import got from "got";
import { pino } from "pino";
import { print } from "graphql";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig } from "../src/config/config.js";
import { createProviderAccounts } from "../src/providers/create-accounts.js";
import { startGateway } from "../src/server.js";
import { DashboardDocument } from "../test/generated/operations.js";
import { BenchClient } from "./support/client-process.js";
import { startSimulatorProcess } from "./support/simulator-process.js";

const silentLogger = pino({ level: "silent" });

/**
 * `npm run bench`: what the snapshots buy, per inventory scale (numbers per simulated account),
 * as counts and ratios from one run — never asserted in tests (these machines are shared and
 * noisy). The simulators run in a child process with a fixed latency per call, so the gateway's
 * CPU and memory are its own.
 *
 *   cold listing            time from start-up to every account's snapshot, beside the physical limit
 *                           (pages × latency on the longest sequential chain)
 *   warm first:100          p50 and CPU ms per request, executed from the snapshots (a new alias each time)
 *   dashboard poll          the Dashboard operation, first: 1000, repeated (a response-cache hit), beside a bare
 *                           node:http server serialising the same answer from memory
 *   full walk (first:1000)  upstream calls and time to page the whole dashboard
 *   peak RSS                of this process (the gateway: the HTTP client runs in a child process)
 *   baseline                CPU ms per request of a minimal Apollo + got server that lists 100
 *                           Telnyx numbers from the simulator on every request
 */
const scales = (process.env.BENCH_SCALES ?? "1000,10000,50000").split(",").map(Number);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20);
const warmRequests = Number(process.env.BENCH_WARM_REQUESTS ?? 300);
// Both servers run in this process and the client in a child, so process.cpuUsage() is the server's alone.

/** The server's CPU ms (this process: user + system) per request over one client command of `n` requests. */
async function serverCpu<T>(n: number, run: () => Promise<T>): Promise<{ cpuMs: number; result: T }> {
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return { cpuMs: round((used.user + used.system) / 1000 / n), result };
}

const round = (x: number) => Math.round(x * 100) / 100;
const rows: Record<string, unknown>[] = [];
const dashboard = print(DashboardDocument);
const warmPage = "{ __ALIAS__: phoneNumbers(first: 100) { totalCount nodes { id e164 provider status assignee { type } } } }";

/** The floor for a polled answer: a bare node:http server that serialises the same response object on every request. */
async function serveFromMemory(response: unknown): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const body = JSON.stringify(response) + "\n";
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

const client = BenchClient.start();
for (const numbers of scales) {
  // Telnyx's window sized for the largest listing (201 pages at 50,000): the bench measures listing, not waiting for a reset.
  const sims = await startSimulatorProcess(numbers, { SIM_ALL_LATENCY_MS: String(latencyMs), SIM_TELNYX_RATE_LIMIT: "1000/60" });
  const config = loadConfig({ ...sims.env, PORT: "0" });
  const accounts = createProviderAccounts(config.accounts, { log: silentLogger });
  // The cold listing starts with the gateway (every account is listed once in the background at start-up) and ends
  // when the last account's snapshot is in: a second listing right after would find Telnyx's window spent at 50,000.
  const callsAtStart = await sims.counts();
  const started = performance.now();
  // A TTL longer than the run: no refresh lands in the middle of a measurement (a 50,000 walk takes over a minute).
  const gateway = await startGateway({ accounts, gatewayKeys: [], port: 0, host: "127.0.0.1", snapshotPolicy: { minRefreshMs: 0, ttlMs: 3_600_000 }, logger: silentLogger });
  const serverStartMs = performance.now() - started;
  await gateway.snapshots.warmAll();
  const coldMs = performance.now() - started;
  const status = gateway.snapshots.status();
  if (status.some((s) => s.state !== "fresh")) throw new Error(`cold listing failed: ${JSON.stringify(status.filter((s) => s.state !== "fresh"))}`);
  // The longest sequential chain: Butter (100 per page) and Zoom Number Management (200 per page) follow cursors one page
  // after another; HighLevel 1,000 per page, then its pools; Telnyx 250 per page, pages 2..N four at a time.
  const perAccount = [Math.ceil(numbers / 100), Math.ceil(numbers / 200), Math.floor(numbers / 1000) + 2, 1 + Math.ceil((Math.ceil(numbers / 250) - 1) / 4)];
  const physicalMs = Math.max(...perAccount) * latencyMs;
  const coldCalls = (await sims.counts()) - callsAtStart;

  // Every warm page under a new alias: the response cache cannot hit, so each executes against the snapshots.
  const warm = await serverCpu(warmRequests, () => client.send({ kind: "repeat", url: gateway.url, body: JSON.stringify({ query: warmPage }), n: warmRequests, distinct: true }));
  // A polled dashboard (first: 1000, the same request each time) beside a bare server serialising the same answer from memory.
  const poll = JSON.stringify({ query: dashboard, variables: { first: 1000 } });
  await client.send({ kind: "repeat", url: gateway.url, body: poll, n: 20 });
  const dashboardPoll = await serverCpu(warmRequests, () => client.send({ kind: "repeat", url: gateway.url, body: poll, n: warmRequests }));
  const memory = await serveFromMemory(await (await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: poll })).json());
  await client.send({ kind: "repeat", url: memory.url, body: poll, n: 20 });
  const fromMemory = await serverCpu(warmRequests, () => client.send({ kind: "repeat", url: memory.url, body: poll, n: warmRequests }));
  await memory.stop();
  const walkCallsBefore = await sims.counts();
  const walk = await serverCpu(1, () => client.send({ kind: "walk", url: gateway.url, query: dashboard, first: 1000, field: "phoneNumbers" }));
  const walkCalls = (await sims.counts()) - walkCallsBefore;
  rows.push({
    numbersPerAccount: numbers,
    numbers: walk.result.nodes,
    serverStartMs: Math.round(serverStartMs),
    coldListingMs: Math.round(coldMs),
    physicalLimitMs: physicalMs,
    coldUpstreamCalls: coldCalls,
    warmFirst100P50Ms: round(warm.result.p50Ms),
    warmFirst100CpuMs: warm.cpuMs,
    dashboard1000PollP50Ms: round(dashboardPoll.result.p50Ms),
    dashboard1000PollCpuMs: dashboardPoll.cpuMs,
    fromMemoryP50Ms: round(fromMemory.result.p50Ms),
    fromMemoryCpuMs: fromMemory.cpuMs,
    fullWalkPages: walk.result.pages,
    fullWalkUpstreamCalls: walkCalls,
    fullWalkMs: Math.round(walk.result.ms),
    walkOverCold: round(walk.result.ms / coldMs),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  });
  await gateway.stop();
  sims.stop();
}

// The baseline: Apollo Server + got, one upstream round trip per request, no memory.
const sims = await startSimulatorProcess(1000, { SIM_ALL_LATENCY_MS: String(latencyMs) });
const baseline = new ApolloServer({
  typeDefs: "type N { id: ID! e164: String! } type Query { numbers: [N!]! }",
  resolvers: {
    Query: {
      numbers: async () => {
        const body = await got(`${sims.env.TELNYX_BASE_URL}/phone_numbers`, { searchParams: { "page[size]": 100 }, headers: { authorization: `Bearer ${sims.env.TELNYX_API_KEY}` } }).json<{ data: { id: string; phone_number: string }[] }>();
        return body.data.map((n) => ({ id: n.id, e164: n.phone_number }));
      },
    },
  },
});
const { url: baselineUrl } = await startStandaloneServer(baseline, { listen: { port: 0, host: "127.0.0.1" } });
const direct = await serverCpu(warmRequests, () => client.send({ kind: "repeat", url: baselineUrl, body: JSON.stringify({ query: "{ numbers { id e164 } }" }), n: warmRequests }));
await baseline.stop();
sims.stop();
client.stop();

console.table(rows);
console.log(`baseline (Apollo + got, one Telnyx round trip of 100 numbers per request): ${direct.cpuMs} server CPU ms and ${round(direct.result.p50Ms)} ms p50 per request`);
for (const row of rows) {
  console.log(
    `${row.numbersPerAccount}/account: warm page CPU = ${round((row.warmFirst100CpuMs as number) / direct.cpuMs)}× the baseline's round trip; walk = ${row.walkOverCold}× the cold listing, ${row.fullWalkUpstreamCalls} upstream calls; dashboard poll p50 = ${round((row.dashboard1000PollP50Ms as number) / (row.fromMemoryP50Ms as number))}× serialising it from memory`,
  );
}
