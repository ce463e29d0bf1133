import { execFileSync, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { firstDifference, pageOf, waitUntilAnswering } from "./answers.js";
import { startAnnouncing, stopChild } from "./child.js";
import { runLoad, type LoadKind } from "./load.js";
import { treeCpuMs } from "./process-cpu.js";
import { markdownTables, summarise, targetChecks, writeSection, type Cell } from "./report.js";
import { baseline, hive, numbergraph, PEERS_DIR, ROOT_DIR, type Target, type Upstream } from "./targets.js";

/**
 * `npm run bench:peers`: numbergraph beside Hive Gateway (without and with its response cache) and an
 * Apollo + got baseline, over one Telnyx simulator. See README.md here for what is measured and how.
 */
const env = process.env;
const settings = {
  label: env.PEERS_LABEL ?? "latest",
  seconds: Number(env.PEERS_SECONDS ?? 5),
  rounds: Number(env.PEERS_ROUNDS ?? 3),
  maxRequests: Number(env.PEERS_MAX_REQUESTS ?? 50_000),
  warmupSeconds: Number(env.PEERS_WARMUP_SECONDS ?? 3),
  connections: (env.PEERS_CONNECTIONS ?? "1,10").split(",").map(Number),
  numbergraphRunner: (env.PEERS_NUMBERGRAPH_RUNNER ?? "dist") as "dist" | "tsx",
  simNumbers: Number(env.PEERS_SIM_NUMBERS ?? 400),
  simLatencyMs: Number(env.PEERS_SIM_LATENCY_MS ?? 20),
  writeResults: env.PEERS_WRITE_RESULTS !== "false",
};
const kinds: LoadKind[] = ["identical", "distinct"];
const allTargets: Target[] = [numbergraph(settings.numbergraphRunner), hive(false), hive(true), baseline];
const only = env.PEERS_TARGETS?.split(",").map((s) => s.trim());
const targets = only ? allTargets.filter((t) => only.includes(t.name)) : allTargets;

const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT_DIR }).toString().trim();
/** The commit of the code numbergraph runs (its src/ and dependencies), not of the harness. */
const commit = git("log", "-1", "--format=%h %s", "--", "src", "package-lock.json").slice(0, 88);
const loadBefore = loadavg().map((n) => n.toFixed(2)).join(" ");
console.log(`peers: ${targets.map((t) => t.name).join(", ")}; ${settings.rounds} rounds × ${settings.seconds} s per cell; numbergraph at ${commit}`);

// 1. The simulator, in a process of its own.
const { child: simulator, announcement } = await startAnnouncing(process.execPath, ["--import", "tsx", "src/simulator.ts"], {
  cwd: PEERS_DIR,
  env: { ...env, PEERS_SIM_NUMBERS: String(settings.simNumbers), PEERS_SIM_LATENCY_MS: String(settings.simLatencyMs) },
});
const upstream = announcement as Upstream;
const simRoot = upstream.baseUrl.replace(/\/v2$/, "");
const upstreamCalls = async () => Object.values((await (await fetch(`${simRoot}/__sim/counts`)).json()) as Record<string, number>).reduce((a, b) => a + b, 0);
/** Wait until the simulator has been quiet for 250 ms (at most 5 s), so calls still running for the last cell's cut-off requests are not counted to the next. */
async function settle(): Promise<void> {
  let last = await upstreamCalls();
  for (const deadline = Date.now() + 5000; Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await upstreamCalls();
    if (now === last) return;
    last = now;
  }
}

// 2. Hive's supergraph from the OpenAPI document, pointed at this simulator; numbergraph's dist/.
run("mesh-compose", [join(PEERS_DIR, "node_modules", "@graphql-mesh", "compose-cli", "esm", "bin.js"), "-o", "supergraph.graphql"], join(PEERS_DIR, "hive"), { TELNYX_BASE_URL: upstream.baseUrl });
if (settings.numbergraphRunner === "dist" && targets.some((t) => t.name === "numbergraph")) run("numbergraph build", [join(ROOT_DIR, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], ROOT_DIR);

// 3. Every target up and answering.
const servers = new Map<string, { child: ChildProcess; url: string }>();
for (const target of targets) {
  const server = await target.start(upstream);
  servers.set(target.name, server);
  await waitUntilAnswering(target.name, server.url, target.query("page"));
}

// 4. The same page from every target, byte for byte, before anything is timed.
const pages = new Map<string, string>();
for (const target of targets) pages.set(target.name, await pageOf(target.name, servers.get(target.name)!.url, target.query));
const [reference, ...others] = targets.map((t) => t.name);
const records = (JSON.parse(pages.get(reference!)!) as { page: { data: unknown[] } }).page.data.length;
for (const name of others) {
  if (pages.get(name) !== pages.get(reference!)) throw new Error(`${name} and ${reference} answer different pages: ${firstDifference(pages.get(name)!, pages.get(reference!)!)}`);
}
if (records !== 50) throw new Error(`the page holds ${records} records, not 50`);
console.log(`peers: every target answers the same ${records} records (${pages.get(reference!)!.length} bytes of data)`);

// 5. Warm-up (JIT, connection pools, caches), not measured.
for (const target of targets) {
  for (const kind of kinds) await runLoad({ url: servers.get(target.name)!.url, query: target.query, kind, connections: 10, seconds: settings.warmupSeconds, maxRequests: settings.maxRequests });
}

// 6. Interleaved rounds: each cell of every target runs beside the same cell of its peers, in a rotating order.
const cells = new Map<string, Cell>();
for (let round = 0; round < settings.rounds; round++) {
  const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
  for (const kind of kinds) {
    for (const connections of settings.connections) {
      for (const target of order) {
        const { child, url } = servers.get(target.name)!;
        await settle();
        const [cpuBefore, callsBefore, harnessBefore] = [treeCpuMs(child.pid!), await upstreamCalls(), process.cpuUsage()];
        const result = await runLoad({ url, query: target.query, kind, connections, seconds: settings.seconds, maxRequests: settings.maxRequests });
        const [cpuAfter, callsAfter, harness] = [treeCpuMs(child.pid!), await upstreamCalls(), process.cpuUsage(harnessBefore)];
        // The load generator's own share of a core: near 100 % it, not the target, sets the pace.
        const loadGeneratorCpuShare = (harness.user + harness.system) / 1000 / (result.seconds * 1000);
        const key = `${target.name}|${kind}|${connections}`;
        const cell = cells.get(key) ?? { target: target.name, kind, connections, rounds: [] };
        cell.rounds.push({ ...result, cpuMs: cpuAfter - cpuBefore, upstreamCalls: callsAfter - callsBefore, loadGeneratorCpuShare });
        cells.set(key, cell);
        const ms = (cpuAfter - cpuBefore) / Math.max(1, result.ok);
        console.log(`round ${round + 1} ${kind.padEnd(9)} ${String(connections).padStart(2)}c ${target.name.padEnd(20)} ${String(result.ok).padStart(6)} ok ${result.failed} failed  ${(result.ok / result.seconds).toFixed(0).padStart(5)}/s  ${ms.toFixed(2)} CPU ms/req  p50 ${result.p50} p99 ${result.p99} ms  (load generator ${(loadGeneratorCpuShare * 100).toFixed(0)} % of a core)`);
      }
    }
  }
}

for (const { child } of servers.values()) await stopChild(child);
await stopChild(simulator);

// 7. Report.
const summaries = [...cells.values()].map(summarise);
console.table(summaries.map((s) => ({ ...s, requestsPerSecond: Math.round(s.requestsPerSecond), cpuMsPerRequest: Number(s.cpuMsPerRequest.toFixed(2)), upstreamCallsPerRequest: Number(s.upstreamCallsPerRequest.toFixed(2)) })));
const tables = markdownTables(summaries, targets.map((t) => t.name), settings.connections);
const checks = targetChecks(summaries, settings.connections);
console.log(tables);
console.log(checks);
const failed = summaries.reduce((n, s) => n + s.failed, 0);
if (failed > 0) console.warn(`peers: ${failed} requests failed or answered with errors; see bench/peers/logs/.`);

const stamp = new Date().toISOString();
const section = [
  `## Peer benchmark: ${settings.label}`,
  "",
  `\`npm run bench:peers\`${settings.label === "latest" ? "" : ` (\`PEERS_LABEL="${settings.label}"\`)`} — ${stamp.slice(0, 16).replace("T", " ")} UTC, numbergraph at \`${commit}\`.`,
  `Node ${process.version}, ${cpus().length} cores (shared; load average ${loadBefore} before, ${loadavg().map((n) => n.toFixed(2)).join(" ")} after).`,
  `The Telnyx simulator (${settings.simNumbers} numbers, ${settings.simLatencyMs} ms per response) behind every target; each asks the first 50 numbers by phone number, the same 6 fields, and all four answers were equal byte for byte before timing.`,
  `${settings.rounds} interleaved rounds × ${settings.seconds} s (at most ${settings.maxRequests.toLocaleString("en-US")} requests) per cell, after ${settings.warmupSeconds} s of warm-up per load; numbergraph from ${settings.numbergraphRunner === "dist" ? "its compiled dist/" : "tsx"}.`,
  "CPU is each server process's own utime + stime (children included) over the cell ÷ its answered requests; \"distinct\": every request under a fresh random alias, so no response cache can hit.",
  "",
  tables,
  checks,
].join("\n");
if (settings.writeResults) {
  mkdirSync(join(PEERS_DIR, "results"), { recursive: true });
  writeFileSync(join(PEERS_DIR, "results", `${stamp.replace(/[:.]/g, "-")}.json`), JSON.stringify({ settings, commit, summaries, cells: [...cells.values()] }, null, 2));
  writeSection(join(ROOT_DIR, "bench", "RESULTS.md"), settings.label, section);
  console.log(`peers: wrote the "${settings.label}" section of bench/RESULTS.md`);
}
process.exit(failed > 0 ? 1 : 0);

function run(what: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, args, { cwd, env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}) in ${cwd}:\n${result.stdout}${result.stderr}`);
}
