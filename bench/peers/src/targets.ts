import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { startChild } from "./child.js";
import { freePort } from "./free-port.js";

export const PEERS_DIR = join(import.meta.dirname, "..");
export const ROOT_DIR = join(PEERS_DIR, "..", "..");

/** Where the Telnyx simulator listens, and the key it accepts. */
export interface Upstream {
  baseUrl: string;
  apiKey: string;
}

export interface Target {
  name: string;
  /** The document asking the first 50 Telnyx numbers, their answer under `alias`. */
  query(alias: string): string;
  start(upstream: Upstream): Promise<{ child: ChildProcess; url: string }>;
}

/**
 * The fields every target can give flat, named as Telnyx names them: numbergraph's by aliases of its
 * unified fields, the other two as Telnyx's own. So every answer is the same JSON, byte for byte.
 */
const TELNYX_FIELDS = "id phone_number country_iso_alpha2 customer_reference created_at updated_at";
const NUMBERGRAPH_FIELDS = "id: providerId phone_number: e164 country_iso_alpha2: countryCode customer_reference: displayName created_at: createdAt updated_at: updatedAt";

/** The environment a target starts with: this one's, without any provider or numbergraph setting. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(HIGHLEVEL|TELNYX|ZOOM|BUTTER|NUMBERGRAPH|REDIS|SIM|PORT|HOST|FORK|NODE_ENV|LOG_LEVEL)(_|$)/.test(key)) delete env[key];
  return { ...env, ...extra };
}

const logFile = (name: string) => join(PEERS_DIR, "logs", `${name}.log`);

/** numbergraph with only the Telnyx account, from the compiled dist/ (`npm run build`) or over tsx like `npm start`. */
export const numbergraph = (runner: "dist" | "tsx"): Target => ({
  name: "numbergraph",
  query: (alias) => `{ ${alias}: phoneNumbers(first: 50) { data: nodes { ${NUMBERGRAPH_FIELDS} } } }`,
  async start(upstream) {
    const port = await freePort();
    const args = runner === "dist" ? ["dist/main.js"] : ["--import", "tsx", "src/main.ts"];
    const child = startChild(process.execPath, args, {
      cwd: ROOT_DIR,
      env: cleanEnv({ HOST: "127.0.0.1", PORT: String(port), TELNYX_API_KEY: upstream.apiKey, TELNYX_BASE_URL: upstream.baseUrl }),
      logFile: logFile("numbergraph"),
    });
    return { child, url: `http://127.0.0.1:${port}/graphql` };
  },
});

/** Hive Gateway's CLI over the supergraph composed from Telnyx's OpenAPI document (hive/). */
export const hive = (responseCache: boolean): Target => ({
  name: responseCache ? "hive+response-cache" : "hive",
  query: (alias) => `{ ${alias}: ListPhoneNumbers(page_LEFT_SQUARE_BRACE_size_RIGHT_SQUARE_BRACE_: 50, sort: phone_number) { ... on List_Phone_Numbers_Response { data { ${TELNYX_FIELDS} } } } }`,
  async start(upstream) {
    const port = await freePort();
    const bin = join(PEERS_DIR, "node_modules", "@graphql-hive", "gateway", "dist", "bin.js");
    const child = startChild(process.execPath, [bin, "supergraph", "--port", String(port), "--host", "127.0.0.1"], {
      cwd: join(PEERS_DIR, "hive"),
      env: cleanEnv({ TELNYX_API_KEY: upstream.apiKey, PEERS_HIVE_RESPONSE_CACHE: String(responseCache) }),
      logFile: logFile(responseCache ? "hive-response-cache" : "hive"),
    });
    return { child, url: `http://127.0.0.1:${port}/graphql` };
  },
});

/** baseline/server.ts: Apollo Server + got, calling the simulator directly. */
export const baseline: Target = {
  name: "apollo+got baseline",
  query: (alias) => `{ ${alias}: page(first: 50) { data { ${TELNYX_FIELDS} } } }`,
  async start(upstream) {
    const port = await freePort();
    const child = startChild(process.execPath, ["--import", "tsx", "baseline/server.ts"], {
      cwd: PEERS_DIR,
      env: cleanEnv({ PORT: String(port), TELNYX_API_KEY: upstream.apiKey, TELNYX_BASE_URL: upstream.baseUrl }),
      logFile: logFile("baseline"),
    });
    return { child, url: `http://127.0.0.1:${port}/graphql` };
  },
};
