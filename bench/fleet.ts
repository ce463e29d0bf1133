import { spawn, type ChildProcess } from "node:child_process";
import { print } from "graphql";
import { setTimeout as sleep } from "node:timers/promises";
import { DashboardDocument } from "../test/generated/operations.js";
import { startRedisServer } from "../test/support/redis-server.js";
import { treeCpuMs } from "./peers/src/process-cpu.js";

/**
 * `npm run bench` (after bench/run.ts): warm dashboards over two gateway instances, without Redis and
 * with one, as counts from one run — never asserted in tests (the machines are shared and noisy).
 * The simulators run in a child process with a fixed latency per call; each gateway is its own
 * process (`src/main.ts`), so its CPU is its own accounting (/proc utime + stime).
 *
 *   cold upstream calls   what the two instances' start-up listings cost the simulators
 *   warm CPU ms/request   per instance, over dashboards spread over both (TTL 60 s: no refresh)
 *   warm upstream calls   during the warm requests (the snapshots answer; expected 0)
 */
const numbers = Number(process.env.BENCH_FLEET_NUMBERS ?? 1000);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20);
const requests = Number(process.env.BENCH_FLEET_REQUESTS ?? 600);
const concurrency = Number(process.env.BENCH_FLEET_CONCURRENCY ?? 8);

interface Child {
  child: ChildProcess;
  stdout: string;
}

function start(args: string[], env: NodeJS.ProcessEnv, ready: (out: string) => boolean): Promise<Child> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { env: { ...process.env, LOG_LEVEL: "silent", ...env }, stdio: ["ignore", "pipe", "inherit"] });
  const started: Child = { child, stdout: "" };
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      started.stdout += chunk.toString();
      if (ready(started.stdout)) resolve(started);
    });
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await gone;
}

async function simulatorCalls(bases: string[]): Promise<number> {
  let total = 0;
  for (const base of bases) {
    const counts = (await (await fetch(`${base}/__sim/counts`)).json()) as Record<string, number>;
    for (const [key, n] of Object.entries(counts)) if (!key.includes("/oauth/")) total += n;
  }
  return total;
}

async function dashboard(url: string): Promise<void> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: print(DashboardDocument), variables: { first: 50 } }) });
  const body = (await response.json()) as { errors?: unknown[] };
  if (response.status !== 200 || body.errors) throw new Error(`dashboard failed: ${response.status} ${JSON.stringify(body.errors)}`);
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} not within ${timeoutMs} ms`);
    await sleep(100);
  }
}

interface Row {
  mode: string;
  coldCalls: number;
  warmCalls: number;
  cpuMsPerRequest: number[];
  requestsPerSecond: number;
}

async function run(mode: string, env: Record<string, string>, simBases: string[]): Promise<Row> {
  const before = await simulatorCalls(simBases);
  const gateways = await Promise.all([0, 1].map(() => start(["src/main.ts"], { ...env, PORT: "0", HOST: "127.0.0.1" }, (out) => /GraphQL at (\S+)/.test(out))));
  try {
    const urls = gateways.map((g) => /GraphQL at (\S+)/.exec(g.stdout)![1]!);
    for (const url of urls) await until(async () => (await fetch(url.replace(/\/graphql$/, "/readyz"))).status === 200, `${url} ready`);
    const coldCalls = (await simulatorCalls(simBases)) - before;
    for (const url of urls) await dashboard(url);

    const warmBefore = await simulatorCalls(simBases);
    const cpuBefore = gateways.map((g) => treeCpuMs(g.child.pid!));
    const perInstance = [0, 0];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          const i = next++;
          perInstance[i % 2]! += 1;
          await dashboard(urls[i % 2]!);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuMsPerRequest = gateways.map((g, i) => (treeCpuMs(g.child.pid!) - cpuBefore[i]!) / perInstance[i]!);
    return { mode, coldCalls, warmCalls: (await simulatorCalls(simBases)) - warmBefore, cpuMsPerRequest, requestsPerSecond: requests / seconds };
  } finally {
    await Promise.all(gateways.map((g) => stop(g.child)));
  }
}

const sims = await start(["src/simulators/main.ts"], { SIM_NUMBERS: String(numbers), SIM_ALL_LATENCY_MS: String(latencyMs) }, (out) => out.includes("Fault switches"));
const env: Record<string, string> = {};
for (const match of sims.stdout.matchAll(/^export (\w+)=(\S+)$/gm)) env[match[1]!] = match[2]!;
const simBases = [env.HIGHLEVEL_BASE_URL!, env.TELNYX_BASE_URL!.replace(/\/v2$/, ""), env.ZOOM_BASE_URL!.replace(/\/v2$/, ""), env.BUTTER_BASE_URL!];
const redis = await startRedisServer();
try {
  const rows = [await run("2 instances, no Redis", env, simBases), await run("2 instances, one Redis", { ...env, REDIS_URL: redis.url }, simBases)];
  console.log(`\nnumbergraph fleet bench: ${numbers} numbers per simulated account, ${latencyMs} ms per simulator call, ${requests} warm dashboards (first: 50) over 2 instances, ${concurrency} at a time\n`);
  console.log("| instances | cold upstream calls (both start-ups) | warm upstream calls | CPU ms/request, instance A | CPU ms/request, instance B | requests/s |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.mode} | ${r.coldCalls} | ${r.warmCalls} | ${r.cpuMsPerRequest[0]!.toFixed(2)} | ${r.cpuMsPerRequest[1]!.toFixed(2)} | ${r.requestsPerSecond.toFixed(0)} |`);
} finally {
  await stop(sims.child);
  await redis.stop();
}
