import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { HighLevelAccountsConfig } from "../../src/providers/highlevel/highlevel-config.js";
import { createProviderAccounts } from "../../src/providers/create-accounts.js";
import { startGateway, type RunningGateway } from "../../src/server.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { HIGHLEVEL_SIM_APP, HighLevelSimulator } from "../../src/simulators/highlevel/index.js";
import { DirectoryStateStore } from "../../src/state/directory-state-store.js";
import { captureLogLines, testLogger } from "../support/log-capture.js";

const [MAIN, BRANCH] = SIM_CREDENTIALS.highlevel.locationIds as unknown as [string, string];
const QUERY = "{ phoneNumbers(first: 1000, filter: { providers: [HIGHLEVEL] }) { totalCount nodes { e164 accountId } } }";
const tuning = { retryBaseDelayMs: 5, retries: 1, timeoutMs: 3000 };
const none = { telnyx: [], zoom: [], butter: [] };
interface Answer {
  data?: { phoneNumbers: { totalCount: number; nodes: { e164: string; accountId: string }[] } } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe("HighLevel over OAuth through the gateway, against the simulator's OAuth endpoints", () => {
  const sim = new HighLevelSimulator({ numbers: 60, oauth: { accessTokenTtlSeconds: 3 } });
  const logLines = captureLogLines();
  const secrets = new Set<string>([HIGHLEVEL_SIM_APP.clientSecret]);
  let dir: string;
  const gateways: RunningGateway[] = [];

  const serve = async (highlevel: HighLevelAccountsConfig[], stateDir = dir) => {
    const stateStore = await DirectoryStateStore.open(stateDir);
    const gateway = await startGateway({
      logger: testLogger,
      accounts: createProviderAccounts({ ...none, highlevel: highlevel.map((h) => ({ ...h, ...tuning })) }, { stateStore, log: testLogger }),
      gatewayKeys: [],
      port: 0,
      host: "127.0.0.1",
      // NUMBERGRAPH_CACHE_TTL_SECONDS=0 and no refresh floor: every request lists HighLevel again.
      snapshotPolicy: { ttlMs: 0, minRefreshMs: 0 },
    });
    gateways.push(gateway);
    return gateway;
  };
  const ask = async (gateway: RunningGateway): Promise<Answer> => {
    const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: QUERY }) });
    return (await response.json()) as Answer;
  };
  const install = (target: Parameters<typeof sim.oauth.install>[0]) => {
    const token = sim.oauth.install(target);
    secrets.add(token);
    return token;
  };
  const oauthFor = (refreshToken: string, locationIds: string[], companyId?: string): HighLevelAccountsConfig => ({
    oauth: { clientId: HIGHLEVEL_SIM_APP.clientId, clientSecret: HIGHLEVEL_SIM_APP.clientSecret, refreshToken, ...(companyId ? { companyId } : {}) },
    locationIds,
    baseUrl: sim.baseUrl,
  });

  beforeAll(async () => {
    await sim.start();
    dir = await mkdtemp(join(tmpdir(), "numbergraph-hl-gateway-"));
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("answers completely across 20 s of requests with 3-second access tokens, trading several times and never presenting a retired refresh token; a restart resumes from the store", async () => {
    const env = install({ locationId: MAIN });
    const expected = sim.location(MAIN).numbers.length;
    const gateway = await serve([oauthFor(env, [MAIN])]);
    const before = { ...sim.oauth.counters };
    const started = Date.now();
    let answers = 0;
    while (Date.now() - started < 20_000) {
      const answer = await ask(gateway);
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.phoneNumbers.totalCount).toBe(expected);
      answers += 1;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(answers).toBeGreaterThan(20);
    expect(sim.oauth.counters.trades - before.trades).toBeGreaterThanOrEqual(5);
    expect(sim.oauth.counters.retiredRefreshTokenPresented).toBe(0);

    // Restarted with the original — long retired — refresh token still in its environment.
    await gateway.stop();
    const restarted = await serve([oauthFor(env, [MAIN])]);
    const again = await ask(restarted);
    expect(again.errors).toBeUndefined();
    expect(again.data!.phoneNumbers.totalCount).toBe(expected);
    expect(sim.oauth.counters.retiredRefreshTokenPresented).toBe(0);
  }, 60_000);

  it("reaches two locations of an agency install through /oauth/locationToken", async () => {
    const before = { ...sim.oauth.counters };
    const gateway = await serve([oauthFor(install({ approvedLocations: [MAIN, BRANCH] }), [MAIN, BRANCH], HIGHLEVEL_SIM_APP.companyId)]);
    const answer = await ask(gateway);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.phoneNumbers.totalCount).toBe(sim.location(MAIN).numbers.length + sim.location(BRANCH).numbers.length);
    expect(new Set(answer.data!.phoneNumbers.nodes.map((n) => n.accountId))).toEqual(new Set([MAIN, BRANCH]));
    expect([sim.oauth.counters.trades - before.trades, sim.oauth.counters.locationTokens - before.locationTokens]).toEqual([1, 2]);
  });

  it("fails a revoked install with UPSTREAM_AUTH_FAILED and its advice after exactly one trade attempt, however often it is asked", async () => {
    const env = install({ locationId: BRANCH });
    sim.oauth.revoke(env);
    const gateway = await serve([oauthFor(env, [BRANCH])], join(dir, "revoked"));
    const refused = sim.oauth.counters.refusedTrades;
    for (let i = 0; i < 3; i++) {
      const answer = await ask(gateway);
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors![0]!.extensions).toMatchObject({ code: "UPSTREAM_AUTH_FAILED", provider: "HIGHLEVEL" });
      expect(answer.errors![0]!.message).toContain("Reinstall the app for this location, or set a fresh HIGHLEVEL_REFRESH_TOKEN");
    }
    expect(sim.oauth.counters.refusedTrades - refused).toBe(1);
  });

  it("keeps the refresh token of a location that is not active", async () => {
    const env = install({ locationId: BRANCH });
    sim.oauth.setLocationActive(BRANCH, false);
    try {
      const gateway = await serve([oauthFor(env, [BRANCH])], join(dir, "inactive"));
      const answer = await ask(gateway);
      expect(answer.errors![0]!.extensions).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", provider: "HIGHLEVEL" });
      expect(answer.errors![0]!.message).toContain("is not active");
      expect(sim.oauth.isCurrent(env)).toBe(true);
    } finally {
      sim.oauth.setLocationActive(BRANCH, true);
    }
  });

  it("writes no token, secret or refresh token to any log line", () => {
    expect(logLines.some((l) => l.includes("HighLevel OAuth: traded the refresh token"))).toBe(true);
    for (const line of logLines) for (const secret of secrets) expect(line).not.toContain(secret);
    // Tokens the gateway obtained are secrets too: the simulator's tokens all share a marker.
    for (const line of logLines) expect(line).not.toMatch(/sim-(access|refresh)\.[A-Za-z0-9_-]{10}/);
  });
});
