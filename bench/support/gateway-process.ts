import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { treeCpuMs } from "../peers/src/process-cpu.js";
import { startChild } from "./child-process.js";

/** `npm run build` (tsc -p tsconfig.build.json): dist/ as production runs it. Once per bench, before the first gateway. */
export function buildGateway(): void {
  execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
}

/** The gateway as production runs it (`npm run start:prod` = `node dist/main.js`), in a process of its own. */
export interface GatewayProcess {
  /** The GraphQL endpoint it printed. */
  url: string;
  /** ms from its spawn to its URL on stdout. */
  startMs: number;
  /** Resolves with the ms from its spawn to every account's snapshot fresh; rejects with /readyz's accounts if one failed. */
  waitWarm(): Promise<number>;
  /** User + system CPU the kernel has accounted to it (/proc/<pid>/stat, in clock ticks: 10 ms resolution per read). */
  cpuMs(): number;
  /** Its resident set now and at its peak (/proc/<pid>/status VmRSS, VmHWM), in MB. */
  memory(): { rssMb: number; peakRssMb: number };
  stop(): Promise<void>;
}

interface Readiness {
  accounts: { provider: string; accountId: string; state: "loading" | "fresh" | "stale" | "failed" }[];
}

/**
 * `env`: the provider environment (the simulators'). The gateway listens on 127.0.0.1 at any free port, logs errors
 * only, and keeps its snapshots fresh for an hour with no refresh floor, so no refresh lands in a measurement;
 * its OAuth state goes to a directory of its own, removed on stop. This process's environment passes through
 * (NODE_OPTIONS, NUMBERGRAPH_RESPONSE_CACHE, …).
 */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const stateDir = mkdtempSync(join(tmpdir(), "numbergraph-bench-"));
  const child = await startChild(
    ["dist/main.js"],
    { ...process.env, ...env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "error", NUMBERGRAPH_CACHE_TTL_SECONDS: "3600", NUMBERGRAPH_MIN_REFRESH_SECONDS: "0", NUMBERGRAPH_STATE_DIR: stateDir },
    (out) => /GraphQL at \S+/.test(out),
  );
  const startMs = performance.now() - child.spawnedAt;
  const url = /GraphQL at (\S+)/.exec(child.announcement)![1]!;
  return {
    url,
    startMs,
    async waitWarm() {
      for (;;) {
        if (child.exited()) throw new Error("the gateway exited during its cold listing");
        const { accounts } = (await (await fetch(new URL("/readyz", url))).json()) as Readiness;
        if (accounts.every((a) => a.state === "fresh")) return performance.now() - child.spawnedAt;
        const failed = accounts.filter((a) => a.state === "failed" || a.state === "stale");
        if (failed.length > 0) throw new Error(`cold listing failed: ${JSON.stringify(failed)}`);
        await sleep(50);
      }
    },
    cpuMs: () => treeCpuMs(child.pid),
    memory() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const mb = (field: string) => Math.round(Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(status)?.[1]) / 1024);
      return { rssMb: mb("VmRSS"), peakRssMb: mb("VmHWM") };
    },
    async stop() {
      await child.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
