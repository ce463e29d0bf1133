import { SIM_CREDENTIALS } from "../../../src/simulators/credentials.js";
import { TelnyxSimulator } from "../../../src/simulators/telnyx/index.js";

/**
 * The root project's Telnyx simulator in a process of its own, so its CPU is nobody's target's.
 * Prints one JSON line `{ baseUrl, apiKey }` once it listens; SIGTERM stops it.
 */
const numbers = Number(process.env.PEERS_SIM_NUMBERS ?? 400);
const latencyMs = Number(process.env.PEERS_SIM_LATENCY_MS ?? 20);
const sim = new TelnyxSimulator({ numbers, faults: { latencyMs } });
const baseUrl = await sim.start();
console.log(JSON.stringify({ baseUrl: `${baseUrl}/v2`, apiKey: SIM_CREDENTIALS.telnyx.apiKey, numbers, latencyMs }));
process.on("SIGTERM", () => void sim.stop().then(() => process.exit(0)));
process.on("SIGINT", () => void sim.stop().then(() => process.exit(0)));
