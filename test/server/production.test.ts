import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { postGraphQL, root, runMain, startMain } from "../support/main-process.js";

/** The simulators' URLs, from the line demo mode prints at start-up. */
function simulatorUrl(output: string, provider: string): string {
  return new RegExp(`${provider} (http://127\\.0\\.0\\.1:\\d+)`).exec(output)![1]!;
}

describe("NODE_ENV=production", () => {
  it("refuses to start with no provider configured, in one line that says what to set", async () => {
    const run = await runMain({ NODE_ENV: "production" });
    expect(run.code).toBe(1);
    const lines = (run.stderr + run.stdout).trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^numbergraph: configuration error: NODE_ENV=production, but no provider is configured; .*NUMBERGRAPH_DEMO=true/);
  });

  it("with NUMBERGRAPH_DEMO=true serves the simulators, and no error it sends carries a stack trace", async () => {
    // Every request revalidates and nothing stale is served: Telnyx down means a Telnyx error, whenever it is asked.
    const main = await startMain({
      NODE_ENV: "production",
      NUMBERGRAPH_DEMO: "true",
      NUMBERGRAPH_API_KEYS: "ops-91bc:*",
      LOG_LEVEL: "warn",
      NUMBERGRAPH_CACHE_TTL_SECONDS: "0",
      NUMBERGRAPH_MIN_REFRESH_SECONDS: "0",
      NUMBERGRAPH_STALE_IF_ERROR_SECONDS: "0",
    });
    try {
      const key = { "x-api-key": "ops-91bc" };
      await fetch(`${simulatorUrl(main.output(), "Telnyx")}/__sim/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ failureRate: 1 }) });
      const answers = await Promise.all([
        postGraphQL(main.url, "{ phoneNumbers(first: 1) { totalCount } }"), // no key: 401
        postGraphQL(main.url, "{ phoneNumbers(first: 1) { totalCount } }", { "x-api-key": "wrong" }), // bad key: 401
        postGraphQL(main.url, "{ phoneNumbers(first: 1) { totalCount }", key), // parse
        postGraphQL(main.url, "{ phoneNumbrs { totalCount } }", key), // validation
        postGraphQL(main.url, "mutation { phoneNumbers { totalCount } }", key), // operation type not served
        postGraphQL(main.url, '{ phoneNumber(id: "not-an-id") { id } }', key), // bad id
        postGraphQL(main.url, "{ phoneNumbers(first: 5000) { totalCount } }", key), // out of range
        postGraphQL(main.url, "query($n: Int) { phoneNumbers(first: $n) { totalCount } }", key, { n: "many" }), // bad variable
        postGraphQL(main.url, `{ _entities(representations: [{ __typename: "Nope", id: "1" }]) { __typename } }`, key), // unknown typename
        postGraphQL(main.url, "{ phoneNumbers(first: 1, filter: { providers: [TELNYX, ZOOM] }) { totalCount } }", key), // Telnyx down
      ]);
      expect(answers.map((a) => a.status)).toEqual([401, 401, 400, 400, 400, 200, 200, 400, 200, 200]);
      for (const answer of answers) {
        expect(answer.body.errors?.length).toBeGreaterThan(0);
        const text = JSON.stringify(answer.body);
        expect(text).not.toContain("stacktrace");
        expect(text).not.toContain(root);
        expect(text).not.toMatch(/\bat \S+ \(/);
      }
      expect(answers.at(-1)!.body.errors.map((e: { extensions: { provider: string } }) => e.extensions.provider)).toEqual(["TELNYX"]);
    } finally {
      main.child.kill("SIGTERM");
      await main.exited;
    }
  });

  it("`npm run build` compiles the server, and `npm run start:prod` serves from dist/", async () => {
    rmSync(join(root, "dist"), { recursive: true, force: true });
    const build = spawnSync("npm", ["run", "build"], { cwd: root, encoding: "utf8" });
    expect(build.status).toBe(0);
    expect(existsSync(join(root, "dist/main.js"))).toBe(true);
    const main = await startMain({ NODE_ENV: "production", NUMBERGRAPH_DEMO: "true" }, ["npm", "run", "start:prod"]);
    try {
      const answer = await postGraphQL(main.url, "{ phoneNumbers(first: 1) { totalCount nodes { provider } } }");
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.phoneNumbers.totalCount).toBeGreaterThan(1000);
      expect(main.output()).toContain("built-in simulators");
    } finally {
      main.child.kill("SIGTERM");
      expect(await main.exited).toBe(0);
    }
  }, 180_000);
});
