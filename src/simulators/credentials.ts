import { SIMULATORS, type SimulatorDescriptors } from "./simulators.js";

/**
 * The credentials each simulator accepts, by its key. The demo (`npm start` with nothing configured)
 * and the tests configure clients with these; anything else gets the provider's own 401.
 */
export const SIM_CREDENTIALS = Object.fromEntries(SIMULATORS.map((s) => [s.key, s.credentials])) as { [S in SimulatorDescriptors as S["key"]]: S["credentials"] };
