import type { Simulator } from "./harness.js";
import type { SimulatorOptions } from "./simulator-descriptor.js";
import { SIMULATORS, type SimulatorDescriptors } from "./simulators.js";

export type { SimulatorOptions } from "./simulator-descriptor.js";

/** Each simulator by its key (`sims.telnyx`), with what they serve together. */
export type RunningSimulators = { [S in SimulatorDescriptors as S["key"]]: ReturnType<S["create"]> } & {
  /** The environment (docs/configuration.md) that points numbergraph at the simulators, with the credentials they accept. */
  env: Record<string, string>;
  /** Where each listens, e.g. "HighLevel http://127.0.0.1:40001, Telnyx http://127.0.0.1:40002", for a start-up line. */
  summary: string;
  /** Requests served by every simulator, e.g. `{ "TELNYX GET /v2/phone_numbers": 2 }`. */
  counts(): Record<string, number>;
  resetCounts(): void;
  resetFaults(): void;
  stop(): Promise<void>;
};

/** Start every simulator in the list on a free port of 127.0.0.1. */
export async function startSimulators(options: SimulatorOptions = {}): Promise<RunningSimulators> {
  const started = await Promise.all(
    SIMULATORS.map(async (descriptor) => {
      const sim: Simulator = descriptor.create(options);
      await sim.start();
      // Each descriptor's env reads only its own simulator.
      return { key: descriptor.key, label: descriptor.label, sim, env: (descriptor.env as (s: Simulator) => Record<string, string>)(sim) };
    }),
  );
  const all = started.map(({ key, sim }) => [key, sim] as const);
  return {
    ...(Object.fromEntries(all) as { [S in SimulatorDescriptors as S["key"]]: ReturnType<S["create"]> }),
    env: Object.assign({}, ...started.map((s) => s.env)) as Record<string, string>,
    summary: started.map(({ label, sim }) => `${label} ${sim.baseUrl}`).join(", "),
    counts: () => Object.fromEntries(all.flatMap(([key, sim]) => Object.entries(sim.counts()).map(([k, n]): [string, number] => [`${key.toUpperCase()} ${k}`, n]))),
    resetCounts: () => all.forEach(([, sim]) => sim.resetCounts()),
    resetFaults: () => all.forEach(([, sim]) => sim.resetFaults()),
    stop: async () => {
      await Promise.all(all.map(([, sim]) => sim.stop()));
    },
  };
}
