import "reflect-metadata";
import { loadConfig } from "../src/config/config.js";
import { createLogger } from "../src/logger.js";
import { createProviderAccounts } from "../src/providers/create-accounts.js";
import { startGateway } from "../src/server.js";
import { startSimulatorProcess } from "./support/simulator-process.js";

/**
 * `npm run bench` (second part): GET /export/phone-numbers.csv at BENCH_CSV_SCALES numbers per
 * simulated account (default 400 and 50,000), with the process's resident memory sampled every
 * 10 ms while the file streams. The snapshots are warm first, so what grows during the export is
 * the export's own memory: flat means it streams rather than building the file. The simulators run
 * in a child process, so this process's memory is the gateway's (and the reading client's, which
 * keeps nothing).
 */
const scales = (process.env.BENCH_CSV_SCALES ?? "400,50000").split(",").map(Number);
const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));

interface Row {
  numbersPerAccount: number;
  rows: number;
  csvMb: number;
  seconds: number;
  rssBeforeMb: number;
  rssPeakDuringMb: number;
  rssAfterMb: number;
  peakGrowthMb: number;
  maxRssBeforeMb: number;
  maxRssAfterMb: number;
}

const results: Row[] = [];
for (const numbers of scales) {
  const sims = await startSimulatorProcess(numbers);
  const logger = createLogger();
  const accounts = createProviderAccounts(loadConfig({ ...sims.env, PORT: "0" }).accounts, { log: logger });
  const gateway = await startGateway({ accounts, gatewayKeys: [], port: 0, host: "127.0.0.1", logger });
  await gateway.snapshots.warmAll();
  global.gc?.();
  const rssBefore = process.memoryUsage.rss();
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const started = performance.now();
  const response = await fetch(new URL("/export/phone-numbers.csv", gateway.url));
  if (response.status !== 200) throw new Error(`export answered ${response.status}: ${await response.text()}`);
  let bytes = 0;
  let lines = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 0x0a) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  const rssAfter = process.memoryUsage.rss();
  results.push({
    numbersPerAccount: numbers,
    rows: lines - 1,
    csvMb: mb(bytes),
    seconds: Number(seconds.toFixed(1)),
    rssBeforeMb: mb(rssBefore),
    rssPeakDuringMb: mb(peak),
    rssAfterMb: mb(rssAfter),
    peakGrowthMb: mb(peak - rssBefore),
    maxRssBeforeMb: mb(maxRssBefore),
    maxRssAfterMb: mb(process.resourceUsage().maxRSS * 1024),
  });
  await gateway.stop();
  await sims.stop();
}
console.table(results);
const [small, large] = results;
if (small && large) console.log(`rows ×${(large.rows / small.rows).toFixed(0)} → CSV ×${(large.csvMb / small.csvMb).toFixed(0)}, RSS growth during the export ${small.peakGrowthMb} MB → ${large.peakGrowthMb} MB`);
