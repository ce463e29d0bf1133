import { startChild } from "./child-process.js";

/** The four simulators in a child process (`npm run simulators`), so the benchmarked process's CPU and memory are its own. */
export interface SimulatorProcess {
  /** The provider environment the simulators print (`export NAME=value`). */
  env: Record<string, string>;
  /** Upstream calls the simulators have answered so far, token grants left out. */
  counts(): Promise<number>;
  stop(): Promise<void>;
}

/** `settings`: SIM_* switches, e.g. `{ SIM_ALL_LATENCY_MS: "20", SIM_TELNYX_RATE_LIMIT: "1000/60" }`. */
export async function startSimulatorProcess(numbers: number, settings: Record<string, string> = {}): Promise<SimulatorProcess> {
  const child = await startChild(["--import", "tsx", "src/simulators/main.ts"], { ...process.env, ...settings, SIM_NUMBERS: String(numbers), LOG_LEVEL: "silent" }, (out) => out.includes("Fault switches"));
  const env: Record<string, string> = {};
  for (const match of child.announcement.matchAll(/^export (\w+)=(\S+)$/gm)) env[match[1]!] = match[2]!;
  const bases = [env.HIGHLEVEL_BASE_URL!, env.TELNYX_BASE_URL!.replace(/\/v2$/, ""), env.ZOOM_BASE_URL!.replace(/\/v2$/, ""), env.BUTTER_BASE_URL!];
  return {
    env,
    async counts() {
      let total = 0;
      for (const base of bases) {
        const counts = (await (await fetch(`${base}/__sim/counts`)).json()) as Record<string, number>;
        for (const [key, n] of Object.entries(counts)) if (!key.includes("/oauth/")) total += n;
      }
      return total;
    },
    stop: () => child.stop(),
  };
}
