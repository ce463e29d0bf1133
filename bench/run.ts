import { print } from "graphql";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { BUTTER_RATE_LIMIT } from "../src/providers/butter/butter-client.js";
import { windowWithMarginMs, type RateLimitConfig } from "../src/providers/shared/rate-budget.js";
import { zoomRateLimit } from "../src/providers/zoom/zoom-rate-budget.js";
import { DashboardDocument } from "../test/generated/operations.js";
import { treeCpuMs } from "./peers/src/process-cpu.js";
import { startChild } from "./support/child-process.js";
import { BenchClient } from "./support/client-process.js";
import { buildGateway, startGatewayProcess } from "./support/gateway-process.js";
import { startSimulatorProcess } from "./support/simulator-process.js";

/**
 * `npm run bench`: what the snapshots buy, per inventory scale (numbers per simulated account),
 * as counts and ratios from one run — never asserted in tests (these machines are shared and
 * noisy). Every part is a process of its own: the simulators (a fixed latency per call), the HTTP
 * client, and for each scale a fresh gateway as production runs it (`npm run build` once, then
 * `node dist/main.js`), so each scale's CPU and peak memory are that gateway's alone, read from
 * the kernel's accounting of its process (/proc/<pid>/stat and /proc/<pid>/status).
 *
 *   start-up                ms from the gateway's spawn to its URL on stdout
 *   cold listing            ms from its spawn to every account's snapshot fresh (/readyz), beside the physical
 *                           limit (pages × latency on the longest sequential chain) and what the gateway's rate
 *                           budgets allow on those chains (Butter 10/s, Zoom's light class 10/s)
 *   warm first:100          p50 and CPU ms per request, executed from the snapshots: a new alias each time (a new
 *                           document: parsed, validated and priced), and one document with a new `after` cursor each
 *                           time (a page a client walks: its document known, its answer not cached)
 *   dashboard poll          the Dashboard operation, first: 1000, repeated (a response-cache hit), beside a bare
 *                           node:http server serialising the same answer from memory
 *   full walk (first:1000)  upstream calls and time to page the whole dashboard
 *   peak RSS                the gateway process's VmHWM after the cold listing and after the walk; its VmRSS then.
 *                           At the largest scale once more under a 1 GB V8 heap (BENCH_HEAP_MB; `off` skips it): about
 *                           the heap Node gives itself in a 2 GB container, where on this 24 GB host it allows ~4 GB
 *   baseline                CPU ms per request of a minimal Apollo + got server (bench/peers/baseline/server.ts,
 *                           its own process) that lists 100 Telnyx numbers from the simulator on every request
 */
const scales = (process.env.BENCH_SCALES ?? "1000,10000,50000").split(",").map(Number);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20);
// A server's CPU is read in 10 ms clock ticks, so a delta of two reads is ±20 ms: 300 requests of ≥ 2 ms (≥ 600 ms) keep that under 5 %.
const warmRequests = Number(process.env.BENCH_WARM_REQUESTS ?? 300);

interface Accounted {
  /** CPU ms (user + system) accounted to the server so far. */
  cpuMs(): number;
}

/** The server's CPU ms per request over one client command of `n` requests, from its own accounting. */
async function serverCpu<T>(n: number, server: Accounted, run: () => Promise<T>): Promise<{ cpuMs: number; result: T }> {
  const before = server.cpuMs();
  const result = await run();
  return { cpuMs: round((server.cpuMs() - before) / n), result };
}

/** The bare server below runs in this process, which otherwise only waits on its children: its CPU is this process's. */
const thisProcess: Accounted = {
  cpuMs() {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  },
};

const round = (x: number) => Math.round(x * 100) / 100;
const rows: Record<string, unknown>[] = [];
const dashboard = print(DashboardDocument);
const warmFields = "totalCount nodes { id e164 provider status assignee { type } }";
const warmPage = `{ __ALIAS__: phoneNumbers(first: 100) { ${warmFields} } }`;
const warmPageAfter = `query WarmPage($after: String) { phoneNumbers(first: 100, after: $after) { ${warmFields} } }`;
const heapMb = process.env.BENCH_HEAP_MB ?? "1024";

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

buildGateway();
const client = BenchClient.start();
for (const numbers of scales) {
  // Telnyx's window sized for the largest listing (201 pages at 50,000): the bench measures listing, not waiting for a reset.
  const sims = await startSimulatorProcess(numbers, { SIM_ALL_LATENCY_MS: String(latencyMs), SIM_TELNYX_RATE_LIMIT: "1000/60" });
  // The cold listing starts with the gateway (every account is listed once in the background at start-up) and ends
  // when the last account's snapshot is in: a second listing right after would find Telnyx's window spent at 50,000.
  const callsAtStart = await sims.counts();
  const gateway = await startGatewayProcess(sims.env);
  const coldMs = await gateway.waitWarm();
  const peakRssAfterColdMb = gateway.memory().peakRssMb;
  // The longest sequential chain: Butter (100 per page) and Zoom Number Management (200 per page) follow cursors one page
  // after another; HighLevel 1,000 per page, then its pools; Telnyx 250 per page, pages 2..N four at a time.
  const perAccount = [Math.ceil(numbers / 100), Math.ceil(numbers / 200), Math.floor(numbers / 1000) + 2, 1 + Math.ceil((Math.ceil(numbers / 250) - 1) / 4)];
  const physicalMs = Math.max(...perAccount) * latencyMs;
  // What the gateway's own rate budgets allow on those chains (a call holds one of `requests` places from its start until a
  // window after it ended): Butter's 10/s, and Zoom Number Management's light class at half the Pro plan (HighLevel's 100 per
  // 10 s and the simulator's Telnyx window are never reached here).
  const budgetMs = (calls: number, limit: RateLimitConfig) => Math.round((calls / limit.requests) * (windowWithMarginMs(limit.perSeconds) + latencyMs));
  const rateBudgetMs = Math.max(budgetMs(perAccount[0]!, BUTTER_RATE_LIMIT), budgetMs(perAccount[1]!, zoomRateLimit({}, "light")!));
  const coldCalls = (await sims.counts()) - callsAtStart;

  // Every warm page under a new alias: the response cache cannot hit, so each executes against the snapshots.
  // 20 first, unmeasured (the fresh process's first requests compile its code paths), under aliases of their own.
  const warmBody = JSON.stringify({ query: warmPage });
  await client.send({ kind: "repeat", url: gateway.url, body: warmBody.replace("__ALIAS__", "warmup__ALIAS__"), n: 20, distinct: true });
  const warm = await serverCpu(warmRequests, gateway, () => client.send({ kind: "repeat", url: gateway.url, body: warmBody, n: warmRequests, distinct: true }));
  // One known document, a new page each time (after each of the first 1,000 numbers): no answer is asked for twice.
  const cursorsText = await (await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ phoneNumbers(first: 1000) { edges { cursor } } }` }) })).text();
  const cursors = (JSON.parse(cursorsText) as { data: { phoneNumbers: { edges: { cursor: string }[] } } }).data.phoneNumbers.edges.map((e) => e.cursor);
  const pageBodies = (n: number, from: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ query: warmPageAfter, variables: { after: cursors[(from + i) % cursors.length] } }));
  await client.send({ kind: "each", url: gateway.url, bodies: pageBodies(20, cursors.length - 20) });
  const warmKnown = await serverCpu(warmRequests, gateway, () => client.send({ kind: "each", url: gateway.url, bodies: pageBodies(warmRequests, 0) }));
  // A polled dashboard (first: 1000, the same request each time) beside a bare server serialising the same answer from memory.
  const poll = JSON.stringify({ query: dashboard, variables: { first: 1000 } });
  await client.send({ kind: "repeat", url: gateway.url, body: poll, n: 20 });
  const dashboardPoll = await serverCpu(warmRequests, gateway, () => client.send({ kind: "repeat", url: gateway.url, body: poll, n: warmRequests }));
  const memory = await serveFromMemory(await (await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: poll })).json());
  await client.send({ kind: "repeat", url: memory.url, body: poll, n: 20 });
  const fromMemory = await serverCpu(warmRequests, thisProcess, () => client.send({ kind: "repeat", url: memory.url, body: poll, n: warmRequests }));
  await memory.stop();
  const walkCallsBefore = await sims.counts();
  const walk = await client.send({ kind: "walk", url: gateway.url, query: dashboard, first: 1000, field: "phoneNumbers" });
  const walkCalls = (await sims.counts()) - walkCallsBefore;
  const afterWalk = gateway.memory();
  rows.push({
    numbersPerAccount: numbers,
    numbers: walk.nodes,
    serverStartMs: Math.round(gateway.startMs),
    coldListingMs: Math.round(coldMs),
    physicalLimitMs: physicalMs,
    rateBudgetLimitMs: rateBudgetMs,
    coldUpstreamCalls: coldCalls,
    warmFirst100P50Ms: round(warm.result.p50Ms),
    warmFirst100CpuMs: warm.cpuMs,
    warmPageKnownDocP50Ms: round(warmKnown.result.p50Ms),
    warmPageKnownDocCpuMs: warmKnown.cpuMs,
    dashboard1000PollP50Ms: round(dashboardPoll.result.p50Ms),
    dashboard1000PollCpuMs: dashboardPoll.cpuMs,
    fromMemoryP50Ms: round(fromMemory.result.p50Ms),
    fromMemoryCpuMs: fromMemory.cpuMs,
    fullWalkPages: walk.pages,
    fullWalkUpstreamCalls: walkCalls,
    fullWalkMs: Math.round(walk.ms),
    walkOverCold: round(walk.ms / coldMs),
    peakRssAfterColdMb,
    peakRssMb: afterWalk.peakRssMb,
    rssAfterWalkMb: afterWalk.rssMb,
  });
  await gateway.stop();
  await sims.stop();
}

// Peak memory at the largest scale under a 1 GB heap: the cold listing and the walk, as above.
let heapCeiling: { numbersPerAccount: number; heapMb: number; peakRssAfterColdMb: number; peakRssMb: number; rssAfterWalkMb: number } | undefined;
if (heapMb !== "off") {
  const numbers = Math.max(...scales);
  const sims = await startSimulatorProcess(numbers, { SIM_ALL_LATENCY_MS: String(latencyMs), SIM_TELNYX_RATE_LIMIT: "1000/60" });
  const gateway = await startGatewayProcess({ ...sims.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=${heapMb}`.trim() });
  await gateway.waitWarm();
  const peakRssAfterColdMb = gateway.memory().peakRssMb;
  await client.send({ kind: "walk", url: gateway.url, query: dashboard, first: 1000, field: "phoneNumbers" });
  const { peakRssMb, rssMb } = gateway.memory();
  heapCeiling = { numbersPerAccount: numbers, heapMb: Number(heapMb), peakRssAfterColdMb, peakRssMb, rssAfterWalkMb: rssMb };
  await gateway.stop();
  await sims.stop();
}

// The baseline: Apollo Server + got, one upstream round trip per request, no memory; in its own process, accounted as the gateway is.
const sims = await startSimulatorProcess(1000, { SIM_ALL_LATENCY_MS: String(latencyMs) });
const baselineEnv = { ...process.env, PORT: "0", TELNYX_API_KEY: sims.env.TELNYX_API_KEY, TELNYX_BASE_URL: sims.env.TELNYX_BASE_URL };
const baseline = await startChild(["--import", "tsx", "bench/peers/baseline/server.ts"], baselineEnv, (out) => /GraphQL at \S+/.test(out));
const baselineUrl = /GraphQL at (\S+)/.exec(baseline.announcement)![1]!;
const baselineQuery = JSON.stringify({ query: "{ page(first: 100) { data { id phone_number } } }" });
await client.send({ kind: "repeat", url: baselineUrl, body: baselineQuery, n: 20 });
const direct = await serverCpu(warmRequests, { cpuMs: () => treeCpuMs(baseline.pid) }, () => client.send({ kind: "repeat", url: baselineUrl, body: baselineQuery, n: warmRequests }));
await baseline.stop();
await sims.stop();
client.stop();

console.table(rows);
if (heapCeiling)
  console.log(
    `under a ${heapCeiling.heapMb} MB heap (--max-old-space-size), ${heapCeiling.numbersPerAccount}/account: peak RSS ${heapCeiling.peakRssAfterColdMb} MB after the cold listing, ${heapCeiling.peakRssMb} MB after the walk (RSS then ${heapCeiling.rssAfterWalkMb} MB)`,
  );
console.log(`baseline (Apollo + got, one Telnyx round trip of 100 numbers per request): ${direct.cpuMs} server CPU ms and ${round(direct.result.p50Ms)} ms p50 per request`);
for (const row of rows) {
  console.log(
    `${row.numbersPerAccount}/account: warm page CPU = ${round((row.warmFirst100CpuMs as number) / direct.cpuMs)}× the baseline's round trip (a new document), ${round((row.warmPageKnownDocCpuMs as number) / direct.cpuMs)}× (a known document, a new page); walk = ${row.walkOverCold}× the cold listing, ${row.fullWalkUpstreamCalls} upstream calls; dashboard poll p50 = ${round((row.dashboard1000PollP50Ms as number) / (row.fromMemoryP50Ms as number))}× serialising it from memory`,
  );
}
