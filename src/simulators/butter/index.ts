import { defineSimulator } from "../simulator-descriptor.js";
import { BUTTER_SIM_CREDENTIALS } from "./butter-credentials.js";
import { ButterSimulator } from "./butter-simulator.js";

export { ButterSimulator, BUTTER_DEFAULT_LIMIT, BUTTER_MAX_LIMIT, type ButterSimulatorOptions } from "./butter-simulator.js";
export type { ButterWirePhoneNumber } from "./butter-data.js";
export { BUTTER_SIM_CREDENTIALS } from "./butter-credentials.js";

/** The Butter simulator in the simulators' list. */
export const butterSimulator = defineSimulator({
  key: "butter",
  label: "Butter",
  credentials: BUTTER_SIM_CREDENTIALS,
  create: (options) => new ButterSimulator(options),
  env: (sim) => ({ BUTTER_API_KEY: BUTTER_SIM_CREDENTIALS.apiKey, BUTTER_ORGANIZATION_ID: BUTTER_SIM_CREDENTIALS.organizationId, BUTTER_BASE_URL: sim.baseUrl }),
  describe: (sim) => sim.baseUrl,
});
