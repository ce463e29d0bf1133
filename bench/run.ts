import "reflect-metadata";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import got from "got";
import { print } from "graphql";
import { spawn, type ChildProcess } from "node:child_process";
import { loadConfig } from "../src/config/config.js";
import { createProviderAccounts } from "../src/providers/create-accounts.js";
import { startGateway } from "../src/server.js";
import { DashboardDocument } from "../test/generated/operations.js";

/**
 * `npm run bench`: what the snapshots buy, per inventory scale (numbers per simulated account),
 * as counts and ratios from one run — never asserted in tests (these machines are shared and
 * noisy). The simulators run in a child process with a fixed latency per call, so the gateway's
 * CPU and memory are its own.
 *
 *   cold listing            time from start to every account's snapshot, beside the physical limit
 *                           (pages × latency on the longest sequential chain)
 *   warm first:100          p50 and CPU ms per request, from the snapshots
 *   full walk (first:1000)  upstream calls and time to page the whole dashboard
 *   peak RSS                of this process (gateway only)
 *   baseline                CPU ms per request of a minimal Apollo + got server that lists 100
 *                           Telnyx numbers from the simulator on every request
 */
const scales = (process.env.BENCH_SCALES ?? "1000,10000,50000").split(",").map(Number);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20);
const warmRequests = Number(process.env.BENCH_WARM_REQUESTS ?? 300);

interface Simulators {
  env: Record<string, string>;
  counts(): Promise<number>;
  stop(): void;
}

async function startSimulatorProcess(numbers: number): Promise<Simulators> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/simulators/main.ts"], {
    env: { ...process.env, SIM_NUMBERS: String(numbers), SIM_ALL_LATENCY_MS: String(latencyMs), LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const env: Record<string, string> = {};
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      for (const match of out.matchAll(/^export (\w+)=(\S+)$/gm)) env[match[1]!] = match[2]!;
      if (out.includes("Fault switches")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`simulators exited with ${code}`)));
  });
  const bases = [env.HIGHLEVEL_BASE_URL!, env.TELNYX_BASE_URL!.replace(/\/v2$/, ""), env.ZOOM_BASE_URL!.replace(/\/v2$/, ""), env.BUTTER_BASE_URL!];
  return {
    env,
    async counts() {
      let total = 0;
      for (const base of bases) {
        const counts = (await got(`${base}/__sim/counts`).json()) as Record<string, number>;
        for (const [key, n] of Object.entries(counts)) if (!key.includes("/oauth/")) total += n;
      }
      return total;
    },
    stop: () => child.kill("SIGTERM"),
  };
}

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<{ data?: any; errors?: unknown[] }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as never;
}

/** CPU ms (user + system) per call of `run`, and the p50 wall time, over `n` sequential calls. */
async function measure(n: number, run: (i: number) => Promise<void>): Promise<{ cpuMs: number; p50Ms: number }> {
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  return { cpuMs: round((used.user + used.system) / 1000 / n), p50Ms: round(times[Math.floor(n / 2)]!) };
}

const round = (x: number) => Math.round(x * 100) / 100;
const rows: Record<string, unknown>[] = [];
const dashboard = print(DashboardDocument);
const warmPage = "{ phoneNumbers(first: 100) { totalCount nodes { id e164 provider status assignee { type } } } }";

for (const numbers of scales) {
  const sims = await startSimulatorProcess(numbers);
  const config = loadConfig({ ...sims.env, PORT: "0" });
  const accounts = createProviderAccounts(config.accounts);
  const started = performance.now();
  const gateway = await startGateway({ accounts, gatewayKeys: [], port: 0, host: "127.0.0.1", snapshotPolicy: { minRefreshMs: 0 } });
  await gateway.snapshots.warmAll();
  const startUpMs = performance.now() - started;
  // A cold listing of every account, on a warm process: a revalidating request waits for all of them.
  const callsAtStart = await sims.counts();
  const relist = performance.now();
  await post(gateway.url, "{ phoneNumbers(first: 1) { totalCount } }", {}).then(() => fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", "cache-control": "no-cache" }, body: JSON.stringify({ query: "{ phoneNumbers(first: 1) { totalCount } }" }) }));
  const coldMs = performance.now() - relist;
  const status = gateway.snapshots.status();
  if (status.some((s) => s.state !== "fresh")) throw new Error(`cold listing failed: ${JSON.stringify(status.filter((s) => s.state !== "fresh"))}`);
  // The longest sequential chain: Zoom and Butter page one after another (100 per page); HighLevel 1000 per page then its pools; Telnyx 250 per page, 4 at a time.
  const perAccount = [Math.ceil(numbers / 100), Math.ceil(numbers / 100), Math.floor(numbers / 1000) + 2, 1 + Math.ceil((Math.ceil(numbers / 250) - 1) / 4)];
  const physicalMs = Math.max(...perAccount) * latencyMs;
  const coldCalls = (await sims.counts()) - callsAtStart;


  const warm = await measure(warmRequests, async () => {
    const body = await post(gateway.url, warmPage, {});
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  });

  const walkStarted = performance.now();
  let after: string | null = null;
  let walked = 0;
  do {
    const body = await post(gateway.url, dashboard, { first: 1000, after });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    walked += body.data.phoneNumbers.nodes.length;
    after = body.data.phoneNumbers.pageInfo.hasNextPage ? body.data.phoneNumbers.pageInfo.endCursor : null;
  } while (after);
  const walkMs = performance.now() - walkStarted;
  const walkCalls = (await sims.counts()) - coldCalls - callsAtStart;
  rows.push({
    numbersPerAccount: numbers,
    numbers: walked,
    startUpMs: Math.round(startUpMs),
    coldListingMs: Math.round(coldMs),
    physicalLimitMs: physicalMs,
    coldUpstreamCalls: coldCalls,
    warmFirst100P50Ms: warm.p50Ms,
    warmFirst100CpuMs: warm.cpuMs,
    fullWalkUpstreamCalls: walkCalls,
    fullWalkMs: Math.round(walkMs),
    walkOverCold: round(walkMs / coldMs),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  });
  await gateway.stop();
  sims.stop();
}

// The baseline: Apollo Server + got, one upstream round trip per request, no memory.
const sims = await startSimulatorProcess(1000);
const baseline = new ApolloServer({
  typeDefs: "type N { id: ID! e164: String! } type Query { numbers: [N!]! }",
  resolvers: {
    Query: {
      numbers: async () => {
        const body = (await got(`${sims.env.TELNYX_BASE_URL}/phone_numbers`, { searchParams: { "page[size]": 100 }, headers: { authorization: `Bearer ${sims.env.TELNYX_API_KEY}` } }).json()) as { data: { id: string; phone_number: string }[] };
        return body.data.map((n) => ({ id: n.id, e164: n.phone_number }));
      },
    },
  },
});
const { url: baselineUrl } = await startStandaloneServer(baseline, { listen: { port: 0, host: "127.0.0.1" } });
const direct = await measure(warmRequests, async () => {
  const body = await post(baselineUrl, "{ numbers { id e164 } }", {});
  if (body.errors) throw new Error("baseline failed");
});
await baseline.stop();
sims.stop();

console.table(rows);
console.log(`baseline (Apollo + got, one Telnyx round trip per request): ${direct.cpuMs} CPU ms and ${direct.p50Ms} ms p50 per request`);
for (const row of rows) {
  console.log(`${row.numbersPerAccount}/account: warm page CPU = ${round((row.warmFirst100CpuMs as number) / direct.cpuMs)}× the baseline's round trip; walk = ${row.walkOverCold}× the cold listing, ${row.fullWalkUpstreamCalls} upstream calls`);
}
