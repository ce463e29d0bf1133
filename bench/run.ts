import "reflect-metadata";
import { print } from "graphql";
import { createProviderAccounts } from "../src/providers/create-accounts.js";
import { startGateway } from "../src/server.js";
import { startSimulators } from "../src/simulators/start-all.js";
import { DashboardDocument } from "../test/generated/operations.js";

/**
 * `npm run bench`: what a dashboard costs, at two inventory scales, reported as counts and ratios
 * from one run (never asserted in tests: these machines are shared and noisy).
 *
 *   upstream requests per dashboard request   — should equal the minimum pages per account
 *   upstream requests for N concurrent dashboards ÷ N   — 1.0 until the shared cache (SPEC §6) lands
 *   heap growth per number served
 *   ms per dashboard page of 1000, relative to the small scale
 */
const scales = (process.env.BENCH_SCALES ?? "400,10000").split(",").map(Number);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10);

interface Row {
  numbersPerAccount: number;
  totalNumbers: number;
  upstreamPerDashboard: number;
  upstreamPerConcurrentDashboard: number;
  msPerDashboard: number;
  heapMbPer10kNumbers: number;
}

const rows: Row[] = [];
for (const numbers of scales) {
  const sims = await startSimulators({ numbers });
  const gateway = await startGateway({ accounts: createProviderAccounts(sims.accounts), gatewayKeys: [], port: 0, host: "127.0.0.1" });
  const query = print(DashboardDocument);
  const ask = async () => {
    const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables: { first: 1000 } }) });
    const body = (await response.json()) as { data?: { phoneNumbers: { totalCount: number } }; errors?: unknown[] };
    if (body.errors) throw new Error(`dashboard failed: ${JSON.stringify(body.errors)}`);
    return body.data!.phoneNumbers.totalCount;
  };
  await ask(); // warm up: JIT, OAuth token
  sims.resetCounts();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const total = await ask();
  const ms = performance.now() - started;
  const heapAfter = process.memoryUsage().heapUsed;
  const one = countUpstream(sims.counts());
  sims.resetCounts();
  await Promise.all(Array.from({ length: concurrency }, ask));
  const many = countUpstream(sims.counts());
  rows.push({
    numbersPerAccount: numbers,
    totalNumbers: total,
    upstreamPerDashboard: one,
    upstreamPerConcurrentDashboard: many / concurrency,
    msPerDashboard: Math.round(ms),
    heapMbPer10kNumbers: Number((((heapAfter - heapBefore) / 1024 / 1024) * (10_000 / total)).toFixed(2)),
  });
  await gateway.stop();
  await sims.stop();
}

console.table(rows);
const [small, large] = rows;
if (small && large) {
  console.log(`numbers ×${(large.totalNumbers / small.totalNumbers).toFixed(1)} → upstream requests ×${(large.upstreamPerDashboard / small.upstreamPerDashboard).toFixed(2)}, time ×${(large.msPerDashboard / small.msPerDashboard).toFixed(2)}`);
}

function countUpstream(counts: Record<string, number>): number {
  return Object.entries(counts).reduce((sum, [key, n]) => sum + (key.includes("/oauth/") ? 0 : n), 0);
}
