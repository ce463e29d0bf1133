import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startSimulators, type RunningSimulators } from "../../src/simulators/start-all.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;
/** The environment with no provider configured, whatever the machine running the tests has. */
const bare = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(HIGHLEVEL|TELNYX|ZOOM|BUTTER|NUMBERGRAPH)_|^(PORT|REDIS_URL)$/.test(k)));

/** Start `src/main.ts` (what `npm start` runs) and wait for the line with its URL. */
function startMain(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(tsx, ["src/main.ts"], { cwd: root, env: { ...bare, NODE_ENV: "production", ...env } });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /GraphQL at (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url, output: () => output });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`main exited with ${code}: ${output}`)));
  });
}

async function ask(url: string, query: string): Promise<{ data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return (await response.json()) as never;
}

describe("npm start (src/main.ts)", () => {
  let sims: RunningSimulators;
  beforeAll(async () => {
    sims = await startSimulators({ numbers: 40 });
  });
  afterAll(() => sims?.stop());

  it("with nothing configured, serves the graph over the built-in simulators and says so", async () => {
    const { child, url, output } = await startMain({ PORT: "0", NUMBERGRAPH_DEMO: "true" });
    try {
      const result = await ask(url.replace("localhost", "127.0.0.1"), "{ phoneNumbers(first: 1) { totalCount } }");
      expect(result.errors).toBeUndefined();
      expect(result.data.phoneNumbers.totalCount).toBeGreaterThan(400 * 4);
      expect(output()).toContain("built-in simulators");
      expect(output()).toContain("NUMBERGRAPH_API_KEYS is not set");
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("stops on a misconfiguration with one line naming the variable", () => {
    const run = spawnSync(tsx, ["src/main.ts"], { cwd: root, env: { ...bare, ZOOM_ACCOUNT_ID: "a", ZOOM_CLIENT_SECRET: "zoom-secret-value" }, encoding: "utf8" });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^numbergraph: configuration error: ZOOM_CLIENT_ID is not set/);
    expect(run.stderr + run.stdout).not.toContain("zoom-secret-value");
  });

  it("with HighLevel OAuth configured, stops with one line when NUMBERGRAPH_STATE_DIR cannot be written", () => {
    const dir = mkdtempSync(join(tmpdir(), "numbergraph-start-"));
    const file = join(dir, "not-a-directory");
    writeFileSync(file, "x");
    const stateDir = join(file, "state");
    const env = { ...bare, HIGHLEVEL_CLIENT_ID: "app-1", HIGHLEVEL_CLIENT_SECRET: "hl-client-secret-value", HIGHLEVEL_REFRESH_TOKEN: "hl-refresh-secret-value", HIGHLEVEL_LOCATION_IDS: "locA", NUMBERGRAPH_STATE_DIR: stateDir };
    const run = spawnSync(tsx, ["src/main.ts"], { cwd: root, env, encoding: "utf8" });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^numbergraph: configuration error: the state directory ${stateDir} cannot be written \\(ENOTDIR\\); set NUMBERGRAPH_STATE_DIR`));
    for (const secret of ["hl-client-secret-value", "hl-refresh-secret-value"]) expect(run.stderr + run.stdout).not.toContain(secret);
  });

  it("never puts a provider secret or Telnyx external_pin into a response or a log line", async () => {
    const pins = sims.telnyx.numbers.map((n) => n.external_pin).filter((p): p is string => p !== null);
    const { child, url, output } = await startMain({
      ...sims.env,
      TELNYX_API_KEY: "KEYwrong-telnyx-secret",
      ZOOM_CLIENT_SECRET: "wrong-zoom-secret",
      PORT: "0",
      LOG_LEVEL: "debug",
    });
    try {
      const result = await ask(url.replace("localhost", "127.0.0.1"), "{ phoneNumbers(first: 1000) { nodes { e164 details { ... on TelnyxNumberDetails { hasExternalPin tags } } } } }");
      expect(result.errors?.map((e) => [e.extensions?.provider, e.extensions?.code]).sort()).toEqual([
        ["TELNYX", "UPSTREAM_AUTH_FAILED"],
        ["ZOOM", "UPSTREAM_AUTH_FAILED"],
      ]);
      await new Promise((r) => setTimeout(r, 200)); // let the log lines flush
      const everything = JSON.stringify(result) + output();
      expect(output()).toContain("upstream failed");
      for (const secret of ["KEYwrong-telnyx-secret", "wrong-zoom-secret", sims.env.HIGHLEVEL_TOKEN, sims.env.BUTTER_API_KEY, Buffer.from(`${sims.env.ZOOM_CLIENT_ID}:wrong-zoom-secret`).toString("base64")]) {
        expect(everything).not.toContain(secret);
      }
    } finally {
      child.kill("SIGTERM");
    }

    // With the right key, Telnyx numbers are served, and no PIN is anywhere in the answer.
    const good = await startMain({ ...sims.env, PORT: "0" });
    try {
      const result = await ask(good.url.replace("localhost", "127.0.0.1"), "{ phoneNumbers(first: 1000, filter: { providers: [TELNYX] }) { nodes { details { ... on TelnyxNumberDetails { id hasExternalPin customerReference tags } } } } }");
      expect(result.errors).toBeUndefined();
      const text = JSON.stringify(result);
      expect(result.data.phoneNumbers.nodes.some((n: { details: { hasExternalPin: boolean } }) => n.details.hasExternalPin)).toBe(true);
      for (const pin of pins) expect(text).not.toContain(`"${pin}"`);
    } finally {
      good.child.kill("SIGTERM");
    }
  });
});
