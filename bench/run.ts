import { print } from "graphql";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { BUTTER_RATE_LIMIT } from "../src/providers/butter/butter-client.js";
import { windowWithMarginMs, type RateLimitConfig } from "../src/providers/shared/rate-budget.js";
import { zoomRateLimit } from "../src/providers/zoom/zoom-rate-budget.js";
import { DashboardDocument } from "../test/generated/operations.js";
import { treeCpuMs } from "./peers/src/process-cpu.js";
import { startChild } from "./support/child-process.js";
import { BenchClient, type RepeatResult } from "./support/client-process.js";
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
 *                           At the largest scale once more with V8's own heap growth (NUMBERGRAPH_HEAP_GROWTH_PERCENT=0;
 *                           BENCH_V8_GROWTH=off skips it), against the gateway's default of 60 %
 *   baseline                CPU ms per request of a minimal Apollo + got server (bench/peers/baseline/server.ts,
 *                           its own process) that lists 100 Telnyx numbers from the simulator on every request,
 *                           measured in turns with each scale's warm pages (five rounds each), so both see the same machine
 *
 * Both servers run with NODE_ENV=production, as production runs them.
 */
/** Requests each warm measurement is preceded by, unmeasured. */
const WARMUP_REQUESTS = 200;
const scales = (process.env.BENCH_SCALES ?? "1000,10000,50000").split(",").map(Number);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20);
// A server's CPU is read in 10 ms clock ticks, so a delta of two reads is ±20 ms: 500 requests of ≥ 1 ms (≥ 500 ms) keep that under 5 %.
// The known-document pages are cursors into the first 1,000 numbers: warm-up and measured requests never share one.
const warmRequests = Math.min(1000 - WARMUP_REQUESTS, Number(process.env.BENCH_WARM_REQUESTS ?? 500));

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

/** One kind of request in `inTurns`: `send(round)` posts that round's `perRound` requests. */
interface Turn {
  server: Accounted;
  send(round: number, perRound: number): Promise<RepeatResult>;
}

/**
 * CPU ms per request and the median of the rounds' p50s for each turn, the turns taking `rounds` turns each in order:
 * whatever the machine does meanwhile (these cores are shared) falls on every turn alike, so their ratios hold
 * better than measurements taken a minute apart.
 */
async function inTurns<K extends string>(turns: Record<K, Turn>, requests: number, rounds = 5): Promise<Record<K, { cpuMs: number; p50Ms: number }>> {
  const perRound = Math.floor(requests / rounds);
  const totals = Object.fromEntries(Object.keys(turns).map((name) => [name, { cpuMs: 0, p50s: [] as number[] }])) as Record<K, { cpuMs: number; p50s: number[] }>;
  for (let r = 0; r < rounds; r++) {
    for (const name of Object.keys(turns) as K[]) {
      const turn = turns[name];
      const before = turn.server.cpuMs();
      const result = await turn.send(r, perRound);
      totals[name].cpuMs += turn.server.cpuMs() - before;
      totals[name].p50s.push(result.p50Ms);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return Object.fromEntries(Object.entries(totals).map(([name, t]) => [name, { cpuMs: round((t as { cpuMs: number }).cpuMs / (perRound * rounds)), p50Ms: median((t as { p50s: number[] }).p50s) }])) as Record<
    K,
    { cpuMs: number; p50Ms: number }
  >;
}

const round = (x: number) => Math.round(x * 100) / 100;
const rows: Record<string, unknown>[] = [];
const dashboard = print(DashboardDocument);
const warmFields = "totalCount nodes { id e164 provider status assignee { type } }";
const warmPage = `{ __ALIAS__: phoneNumbers(first: 100) { ${warmFields} } }`;
const warmPageAfter = `query WarmPage($after: String) { phoneNumbers(first: 100, after: $after) { ${warmFields} } }`;
/** Both servers run as production runs them: graphql-js, for one, skips its development-only checks. */
const PRODUCTION = { NODE_ENV: "production" };

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
// The baseline: Apollo Server + got, one upstream round trip per request, no memory; in its own process, accounted as the gateway is.
// It runs throughout and is measured beside each scale's warm pages, so the two ratios come from the same minute of this machine.
const baselineSims = await startSimulatorProcess(1000, { SIM_ALL_LATENCY_MS: String(latencyMs) });
const baseline = await startChild(
  ["--import", "tsx", "bench/peers/baseline/server.ts"],
  { ...process.env, ...PRODUCTION, PORT: "0", TELNYX_API_KEY: baselineSims.env.TELNYX_API_KEY!, TELNYX_BASE_URL: baselineSims.env.TELNYX_BASE_URL! },
  (out) => /GraphQL at \S+/.test(out),
);
const baselineUrl = /GraphQL at (\S+)/.exec(baseline.announcement)![1]!;
const baselineQuery = JSON.stringify({ query: "{ page(first: 100) { data { id phone_number } } }" });
await client.send({ kind: "repeat", url: baselineUrl, body: baselineQuery, n: WARMUP_REQUESTS });
const baselineTurn: Turn = { server: { cpuMs: () => treeCpuMs(baseline.pid) }, send: (_round, n) => client.send({ kind: "repeat", url: baselineUrl, body: baselineQuery, n }) };
for (const numbers of scales) {
  // Telnyx's window sized for the largest listing (201 pages at 50,000): the bench measures listing, not waiting for a reset.
  const sims = await startSimulatorProcess(numbers, { SIM_ALL_LATENCY_MS: String(latencyMs), SIM_TELNYX_RATE_LIMIT: "1000/60" });
  // The cold listing starts with the gateway (every account is listed once in the background at start-up) and ends
  // when the last account's snapshot is in: a second listing right after would find Telnyx's window spent at 50,000.
  const callsAtStart = await sims.counts();
  const gateway = await startGatewayProcess({ ...sims.env, ...PRODUCTION });
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

  // Warm pages, in turns with the baseline (`inTurns`), WARMUP_REQUESTS of each kind first, unmeasured: a fresh process's first
  // requests compile its code paths, and V8's optimising compiler (threads counted in the process's CPU) is still at work on
  // them after the first few dozen. No answer is asked for twice, so the response cache never hits:
  // - a new document: every page under a new alias, so it is parsed, validated and priced before it executes;
  // - a known document, a new page each time (after each of the first 1,000 numbers): what a client walking a connection sends.
  const newDocument = (tag: string, n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ query: warmPage.replace("__ALIAS__", `${tag}${i}`) }));
  const cursorsText = await (await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ phoneNumbers(first: 1000) { edges { cursor } } }` }) })).text();
  const cursors = (JSON.parse(cursorsText) as { data: { phoneNumbers: { edges: { cursor: string }[] } } }).data.phoneNumbers.edges.map((e) => e.cursor);
  const pageBodies = (n: number, from: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ query: warmPageAfter, variables: { after: cursors[(from + i) % cursors.length] } }));
  await client.send({ kind: "each", url: gateway.url, bodies: newDocument("warmup", WARMUP_REQUESTS) });
  await client.send({ kind: "each", url: gateway.url, bodies: pageBodies(WARMUP_REQUESTS, cursors.length - WARMUP_REQUESTS) });
  const turns = await inTurns(
    {
      baseline: baselineTurn,
      newDocument: { server: gateway, send: (r, n) => client.send({ kind: "each", url: gateway.url, bodies: newDocument(`r${r}_`, n) }) },
      knownDocument: { server: gateway, send: (r, n) => client.send({ kind: "each", url: gateway.url, bodies: pageBodies(n, r * n) }) },
    },
    warmRequests,
  );
  // A polled dashboard (first: 1000, the same request each time) beside a bare server serialising the same answer from memory.
  const poll = JSON.stringify({ query: dashboard, variables: { first: 1000 } });
  await client.send({ kind: "repeat", url: gateway.url, body: poll, n: WARMUP_REQUESTS });
  const dashboardPoll = await serverCpu(warmRequests, gateway, () => client.send({ kind: "repeat", url: gateway.url, body: poll, n: warmRequests }));
  const memory = await serveFromMemory(await (await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: poll })).json());
  await client.send({ kind: "repeat", url: memory.url, body: poll, n: WARMUP_REQUESTS });
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
    baselineCpuMs: turns.baseline.cpuMs,
    warmFirst100P50Ms: round(turns.newDocument.p50Ms),
    warmFirst100CpuMs: turns.newDocument.cpuMs,
    warmPageKnownDocP50Ms: round(turns.knownDocument.p50Ms),
    warmPageKnownDocCpuMs: turns.knownDocument.cpuMs,
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

// Peak memory at the largest scale with V8's own heap growth (NUMBERGRAPH_HEAP_GROWTH_PERCENT=0): the cold listing and the walk, as above.
let v8Growth: { numbersPerAccount: number; peakRssAfterColdMb: number; peakRssMb: number; rssAfterWalkMb: number } | undefined;
if (process.env.BENCH_V8_GROWTH !== "off") {
  const numbers = Math.max(...scales);
  const sims = await startSimulatorProcess(numbers, { SIM_ALL_LATENCY_MS: String(latencyMs), SIM_TELNYX_RATE_LIMIT: "1000/60" });
  const gateway = await startGatewayProcess({ ...sims.env, ...PRODUCTION, NUMBERGRAPH_HEAP_GROWTH_PERCENT: "0" });
  await gateway.waitWarm();
  const peakRssAfterColdMb = gateway.memory().peakRssMb;
  await client.send({ kind: "walk", url: gateway.url, query: dashboard, first: 1000, field: "phoneNumbers" });
  const { peakRssMb, rssMb } = gateway.memory();
  v8Growth = { numbersPerAccount: numbers, peakRssAfterColdMb, peakRssMb, rssAfterWalkMb: rssMb };
  await gateway.stop();
  await sims.stop();
}
await baseline.stop();
await baselineSims.stop();
client.stop();

console.table(rows);
if (v8Growth)
  console.log(
    `with V8's own heap growth (NUMBERGRAPH_HEAP_GROWTH_PERCENT=0), ${v8Growth.numbersPerAccount}/account: peak RSS ${v8Growth.peakRssAfterColdMb} MB after the cold listing, ${v8Growth.peakRssMb} MB after the walk (RSS then ${v8Growth.rssAfterWalkMb} MB)`,
  );
for (const row of rows) {
  console.log(
    `${row.numbersPerAccount}/account: warm page CPU = ${round((row.warmFirst100CpuMs as number) / (row.baselineCpuMs as number))}× the baseline's round trip (a new document), ${round((row.warmPageKnownDocCpuMs as number) / (row.baselineCpuMs as number))}× (a known document, a new page); walk = ${row.walkOverCold}× the cold listing, ${row.fullWalkUpstreamCalls} upstream calls; dashboard poll p50 = ${round((row.dashboard1000PollP50Ms as number) / (row.fromMemoryP50Ms as number))}× serialising it from memory`,
  );
}
