import "reflect-metadata";
import pino from "pino";
import { loadConfig } from "../src/config/config.js";
import { createProviderAccounts } from "../src/providers/create-accounts.js";
import { SnapshotService } from "../src/snapshots/snapshot-service.js";
import { startSimulatorProcess } from "./support/simulator-process.js";

/**
 * Snapshot memory: `node --expose-gc --import tsx bench/snapshot-memory.ts` (BENCH_NUMBERS, default
 * 50,000 per simulated account). The simulators run in a child process; this process lists every
 * account once through a SnapshotService, collects garbage and prints one JSON line: the heap the
 * snapshots hold, per number, and this process's peak RSS (which includes the listing's transient
 * peak). The versions are printed so a change can show the content hashes did not move.
 */
const numbers = Number(process.env.BENCH_NUMBERS ?? 50_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc --import tsx bench/snapshot-memory.ts");

const sims = await startSimulatorProcess(numbers, { SIM_TELNYX_RATE_LIMIT: "1000/60" });
const env: NodeJS.ProcessEnv = { ...process.env, ...sims.env };

const settledHeap = () => {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
};
const mb = (bytes: number) => Math.round(bytes / 1_048_576);
const logger = pino({ level: "silent" });
const accounts = createProviderAccounts(loadConfig(env).accounts, { log: logger });
const before = settledHeap();
const started = Date.now();
const service = new SnapshotService(accounts, { policy: { minRefreshMs: 0 }, logger });
await service.warmAll();
const listMs = Date.now() - started;
const after = settledHeap();
const count = accounts.reduce((sum, a) => sum + (service.peek(a)?.numbers.length ?? 0), 0);
console.log(
  JSON.stringify({
    numbersPerAccount: numbers,
    accounts: accounts.length,
    numbers: count,
    listMs,
    heapAfterGcMb: mb(after),
    snapshotHeapMb: mb(after - before),
    bytesPerNumber: Math.round((after - before) / Math.max(1, count)),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    versions: accounts.map((a) => service.peek(a)?.version ?? "-").join(","),
  }),
);
await sims.stop();
process.exit(0);
