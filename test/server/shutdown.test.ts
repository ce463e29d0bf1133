import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { startMain } from "../support/main-process.js";

const until = async (what: string, check: () => Promise<boolean>) => {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
};

/**
 * SPEC §8: SIGTERM to `npm start` during a slow request — /readyz turns 503 at once, the request
 * completes, the simulators stop last, one line is logged, the process exits 0, and nothing answers
 * afterwards.
 */
describe("shutdown", () => {
  it("finishes a slow request in flight when `npm start` gets SIGTERM, then exits 0 and answers nothing", async () => {
    const main = await startMain({ NODE_ENV: "development", NUMBERGRAPH_MIN_REFRESH_SECONDS: "0", NUMBERGRAPH_OPS_PORT: "0", LOG_LEVEL: "info" }, ["npm", "start"]);
    try {
      const opsLine = /\/readyz and \/metrics at http:\/\/[\d.]+:(\d+)/;
      await until("the ops URL", async () => opsLine.test(main.output()));
      const ops = `http://127.0.0.1:${opsLine.exec(main.output())![1]}`;
      const telnyx = /Telnyx (http:\/\/127\.0\.0\.1:\d+)/.exec(main.output())![1]!;
      await until("/readyz 200", async () => (await fetch(`${ops}/readyz`)).status === 200);

      const query = JSON.stringify({ query: "{ phoneNumbers(first: 1000, filter: { providers: [TELNYX] }) { totalCount } }" });
      const warm = (await (await fetch(main.url, { method: "POST", headers: { "content-type": "application/json" }, body: query })).json()) as { data: { phoneNumbers: { totalCount: number } } };
      // The simulators answer slowly; a request that asks for fresh data waits for Telnyx's listing.
      await fetch(`${telnyx}/__sim/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ latencyMs: 2500 }) });
      const counted = async () => ((await (await fetch(`${telnyx}/__sim/counts`)).json()) as Record<string, number>)["GET /v2/phone_numbers"] ?? 0;
      const before = await counted();
      const slow = fetch(main.url, {
        method: "POST",
        headers: { "content-type": "application/json", "cache-control": "no-cache" },
        body: query,
      });
      await until("Telnyx to be asked", async () => (await counted()) > before);

      main.child.kill("SIGTERM");
      await until("/readyz 503", async () => (await fetch(`${ops}/readyz`)).status === 503);

      const answer = await slow;
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as { data: { phoneNumbers: { totalCount: number } }; errors?: unknown; extensions?: { freshness?: { stale: boolean }[] } };
      expect(body.errors).toBeUndefined();
      expect(body.data.phoneNumbers.totalCount).toBe(warm.data.phoneNumbers.totalCount);
      expect(body.extensions?.freshness?.every((f) => !f.stale)).toBe(true);

      const code = await main.exited;
      if (code !== 0) console.log(main.output().split("\n").slice(-8).join("\n"));
      expect(code).toBe(0);
      expect(main.output().match(/numbergraph stopped on SIGTERM/g)).toHaveLength(1);
      await expect(fetch(main.url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' })).rejects.toThrow();
      await expect(fetch(`${ops}/readyz`)).rejects.toThrow();
      await expect(fetch(`${telnyx}/__sim/counts`)).rejects.toThrow();
    } finally {
      // npm passes SIGTERM on to the server; a second one ends it at once.
      if (main.child.exitCode === null) {
        main.child.kill("SIGTERM");
        main.child.kill("SIGTERM");
      }
    }
  }, 90_000);

  it("holds shutdown no longer than the request deadline when a provider hangs: the request answers with what it has, then the process exits 0", async () => {
    const main = await startMain({ NODE_ENV: "development", NUMBERGRAPH_MIN_REFRESH_SECONDS: "0", NUMBERGRAPH_DEADLINE_SECONDS: "2", LOG_LEVEL: "info" });
    try {
      const telnyx = /Telnyx (http:\/\/127\.0\.0\.1:\d+)/.exec(main.output())![1]!;
      const query = JSON.stringify({ query: "{ phoneNumbers(first: 10, filter: { providers: [TELNYX] }) { totalCount } }" });
      await until("/readyz 200", async () => (await fetch(new URL("/readyz", main.url))).status === 200);
      const warm = (await (await fetch(main.url, { method: "POST", headers: { "content-type": "application/json" }, body: query })).json()) as { data: { phoneNumbers: { totalCount: number } } };
      // Telnyx stops answering altogether; a request that asks for fresh data waits for it up to the deadline (2 s).
      await fetch(`${telnyx}/__sim/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ hangMs: 120_000 }) });
      const counted = async () => ((await (await fetch(`${telnyx}/__sim/counts`)).json()) as Record<string, number>)["GET /v2/phone_numbers"] ?? 0;
      const before = await counted();
      const slow = fetch(main.url, { method: "POST", headers: { "content-type": "application/json", "cache-control": "no-cache" }, body: query });
      await until("Telnyx to be asked", async () => (await counted()) > before);

      main.child.kill("SIGTERM");
      const answer = await slow;
      expect(answer.status).toBe(200);
      // Past the deadline the request answers from the snapshot it has (SPEC §6), not from the hung listing.
      const body = (await answer.json()) as { data: { phoneNumbers: { totalCount: number } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data.phoneNumbers.totalCount).toBe(warm.data.phoneNumbers.totalCount);
      const code = await main.exited;
      if (code !== 0) console.log(main.output().split("\n").slice(-8).join("\n"));
      expect(code).toBe(0);
      expect(main.output().match(/numbergraph stopped on SIGTERM/g)).toHaveLength(1);
    } finally {
      if (main.child.exitCode === null) main.child.kill("SIGKILL");
    }
  }, 90_000);
});
