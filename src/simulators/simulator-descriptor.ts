import type { FaultSwitches, Simulator } from "./harness.js";
import type { HighLevelSimulatorOptions } from "./highlevel/highlevel-simulator.js";
import type { TelnyxRateLimit } from "./telnyx/telnyx-rate-limit.js";
import type { ZoomSimulatorOptions } from "./zoom/zoom-simulator.js";

export interface SimulatorOptions {
  /** Numbers per simulated account (default `SIM_NUMBERS` or 400). */
  numbers?: number;
  faults?: Partial<FaultSwitches>;
  /** The Telnyx simulator's window (default 200 per 60 s); `SIM_TELNYX_RATE_LIMIT=<limit>/<seconds>` for `npm run simulators`. */
  telnyxRateLimit?: Partial<TelnyxRateLimit>;
  /** One simulator's own switches (e.g. HighLevel's `enforceRateLimit`, Zoom's `qpsLimit`), over the shared ones. */
  highlevel?: Partial<HighLevelSimulatorOptions>;
  zoom?: Partial<ZoomSimulatorOptions>;
}

/**
 * One provider's simulator as `start-all` sees it, exported by `src/simulators/<p>/index.ts` and
 * listed once in `src/simulators/simulators.ts`. Simulators share nothing with the clients: what
 * joins the two is the environment the docs name (docs/configuration.md).
 */
export interface SimulatorDescriptor<Key extends string = string, S extends Simulator = Simulator, C = unknown> {
  /** Its field in `RunningSimulators` and `SIM_CREDENTIALS` (`telnyx`), and its counters' prefix in upper case. */
  readonly key: Key;
  /** For `npm run simulators`. */
  readonly label: string;
  /** The credentials it accepts; anything else gets the provider's own refusal. */
  readonly credentials: C;
  create(options: SimulatorOptions): S;
  /** The environment that points numbergraph at the started simulator, with the credentials it accepts. */
  env(sim: S): Record<string, string>;
  /** Where it listens, as `npm run simulators` prints it. */
  describe?(sim: S): string;
}

export function defineSimulator<Key extends string, S extends Simulator, C>(descriptor: SimulatorDescriptor<Key, S, C>): SimulatorDescriptor<Key, S, C> {
  return descriptor;
}
