import { startSimulators } from "./start-all.js";

/** `npm run simulators`: all four simulators, with the env that points numbergraph at them. */
const sims = await startSimulators();
console.log("numbergraph simulators running (Ctrl-C to stop):");
console.log(`  HighLevel  ${sims.highlevel.baseUrl}`);
console.log(`  Telnyx     ${sims.telnyx.baseUrl}/v2`);
console.log(`  Zoom       ${sims.zoom.baseUrl}/v2  (OAuth ${sims.zoom.baseUrl}/oauth/token)`);
console.log(`  Butter     ${sims.butter.baseUrl}`);
console.log("\nPoint numbergraph at them with:");
for (const [name, value] of Object.entries(sims.env)) console.log(`export ${name}=${value}`);
console.log("\nFault switches: POST <base>/__sim/faults {\"failureRate\":1}; counters: GET <base>/__sim/counts");
const stop = () => void sims.stop().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
