import "reflect-metadata";
import { Agent, request } from "node:http";
import { loadProviderAccounts } from "../src/config/config.js";
import { createProviderAccounts } from "../src/providers/create-accounts.js";
import { startGateway } from "../src/server.js";
import { startSimulators } from "../src/simulators/start-all.js";

/**
 * `npm run bench:response-cache`: CPU per request of a warm gateway (snapshots listed), measured
 * with process.cpuUsage() over N sequential requests in this process (gateway, simulators idle,
 * and the HTTP client all count; the client's share is the "HTTP floor" row: the same requests
 * against a bare node:http server answering the same bytes).
 *
 *   identical poll   — the same query each time: a response-cache hit
 *   distinct alias   — a fresh alias each time (as bench/peers does): parse, validate, execute
 *   identical, cache off — parsed once, executed each time: what a warm miss executes
 *
 * BENCH_N (default 2000) requests per row, after BENCH_N / 4 of warm-up.
 */
const N = Number(process.env.BENCH_N ?? 2000);
/** BENCH_ONLY=hit|miss|off: one row, e.g. under `node --cpu-prof`. */
const only = process.env.BENCH_ONLY;
const FIELDS = "e164 provider accountId numberType status displayName";
const query = (alias = "phoneNumbers") => `{ ${alias}: phoneNumbers(first: 50, filter: { providers: [TELNYX] }) { totalCount nodes { ${FIELDS} } } }`;

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function post(url: URL, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks).toString()) : reject(new Error(`HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 300)}`))));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function cpuMsPerRequest(url: URL, body: (i: number) => string): Promise<number> {
  for (let i = 0; i < N / 4; i++) await post(url, body(-1 - i));
  global.gc?.();
  const before = process.cpuUsage();
  for (let i = 0; i < N; i++) {
    const answer = await post(url, body(i));
    if (answer.includes('"errors"')) throw new Error(`answer with errors: ${answer.slice(0, 300)}`);
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / N;
}

const sims = await startSimulators({ numbers: 400 });
const rows: [string, number][] = [];
for (const cache of only === "off" ? [false] : only ? [true] : [true, false]) {
  const gateway = await startGateway({
    accounts: createProviderAccounts(loadProviderAccounts(sims.env), { log: (await import("pino")).pino({ level: "warn" }) }),
    gatewayKeys: [],
    port: 0,
    host: "127.0.0.1",
    responseCache: { enabled: cache },
    logger: (await import("pino")).pino({ level: "warn" }),
  });
  await gateway.snapshots.warmAll();
  const url = new URL(gateway.url);
  const identical = JSON.stringify({ query: query() });
  if (cache) {
    if (only !== "miss") rows.push(["identical poll (cache hit)", await cpuMsPerRequest(url, () => identical)]);
    if (only !== "hit") rows.push(["distinct alias (cache miss)", await cpuMsPerRequest(url, (i) => JSON.stringify({ query: query(`n${i < 0 ? `w${-i}` : i}`) }))]);
    console.error("response cache counts", gateway.responseCache);
  } else {
    rows.push(["identical, cache off (execution)", await cpuMsPerRequest(url, () => identical)]);
  }
  // The same answer from a bare server: what the client and HTTP cost alone.
  if (!cache && !only) {
    const bytes = await post(url, identical);
    const { createServer } = await import("node:http");
    const bare = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(bytes));
    });
    await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
    const address = bare.address() as { port: number };
    rows.push(["HTTP floor (bare node:http, same bytes)", await cpuMsPerRequest(new URL(`http://127.0.0.1:${address.port}/`), () => identical)]);
    bare.close();
  }
  await gateway.stop();
}
await sims.stop();
agent.destroy();

console.log(`N=${N} sequential requests per row, first 50 Telnyx numbers (of 400), 6 fields, one process`);
console.log("| request | CPU ms/request |\n|---|---:|");
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(3)} |`);
