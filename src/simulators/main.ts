import { SIMULATORS } from "./simulators.js";
import { startSimulators } from "./start-all.js";

/** `npm run simulators`: every simulator, with the env that points numbergraph at them. */
const sims = await startSimulators({ telnyxRateLimit: telnyxRateLimit(process.env.SIM_TELNYX_RATE_LIMIT) });
console.log("numbergraph simulators running (Ctrl-C to stop):");
for (const descriptor of SIMULATORS) {
  const sim = sims[descriptor.key];
  console.log(`  ${descriptor.label.padEnd(10)} ${(descriptor.describe as (s: typeof sim) => string | undefined)?.(sim) ?? sim.baseUrl}`);
}
console.log("\nPoint numbergraph at them with:");
for (const [name, value] of Object.entries(sims.env)) console.log(`export ${name}=${value}`);
console.log('\nFault switches: POST <base>/__sim/faults {"failureRate":1}; counters: GET <base>/__sim/counts');
const stop = () => void sims.stop().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

/** `SIM_TELNYX_RATE_LIMIT=1000/60`: the Telnyx simulator's window, for listings larger than its default 200 per minute. */
function telnyxRateLimit(text: string | undefined): { limit: number; windowMs: number } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) throw new Error(`SIM_TELNYX_RATE_LIMIT must be <requests>/<seconds>, e.g. 1000/60; got ${JSON.stringify(text)}.`);
  return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}
