import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { UpstreamError } from "../../src/model/index.js";
import { HighLevelInstallTokens, HighLevelLocationTokens, type HighLevelOAuthDeps } from "../../src/providers/highlevel/highlevel-oauth.js";
import { createFormPoster } from "../../src/providers/shared/form-post.js";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { HIGHLEVEL_SIM_APP, HighLevelSimulator } from "../../src/simulators/highlevel/index.js";
import { DirectoryStateStore } from "../../src/state/directory-state-store.js";

const [MAIN, BRANCH] = SIM_CREDENTIALS.highlevel.locationIds as unknown as [string, string];
const app = { clientId: HIGHLEVEL_SIM_APP.clientId, clientSecret: HIGHLEVEL_SIM_APP.clientSecret };
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as UpstreamError,
  );

describe("HighLevel OAuth token sources against the HighLevel simulator over HTTP", () => {
  const clock = { now: Date.UTC(2026, 11, 1) };
  const sim = new HighLevelSimulator({ numbers: 10, oauth: { accessTokenTtlSeconds: 3 }, now: () => clock.now });
  const lines: string[] = [];
  const log = pino({ level: "debug" }, { write: (line: string) => lines.push(line) });
  const issued = new Set<string>();
  let dir: string;
  let deps: HighLevelOAuthDeps;

  beforeAll(async () => {
    const base = await sim.start();
    dir = await mkdtemp(join(tmpdir(), "numbergraph-hl-oauth-"));
    deps = { store: await DirectoryStateStore.open(dir), post: createFormPoster({ provider: "HIGHLEVEL", accountId: "oauth", baseUrl: base, timeoutMs: 3000 }), log, now: () => clock.now, inactiveRetryMs: 30_000 };
  });
  afterAll(async () => {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
    // No token, secret or refresh token in any log line.
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of [...issued, HIGHLEVEL_SIM_APP.clientSecret]) for (const line of lines) expect(line).not.toContain(secret);
  });
  const install = (target: Parameters<typeof sim.oauth.install>[0]) => {
    const token = sim.oauth.install(target);
    issued.add(token);
    return token;
  };
  const remember = (tokens: { secrets(): string[] }) => tokens.secrets().forEach((s) => issued.add(s));

  it("trades once for concurrent callers, renews before expiry, stores each new refresh token and never presents a retired one", async () => {
    const env = install({ locationId: MAIN });
    const tokens = new HighLevelInstallTokens({ ...app, refreshToken: env }, MAIN, deps);
    const before = { ...sim.oauth.counters };
    const first = await Promise.all([tokens.accessToken(), tokens.accessToken(), tokens.accessToken()]);
    remember(tokens);
    expect(new Set(first).size).toBe(1);
    expect(sim.oauth.counters.trades - before.trades).toBe(1);
    expect(await tokens.accessToken()).toBe(first[0]);
    for (let i = 0; i < 5; i++) {
      clock.now += 3_000;
      const next = await tokens.accessToken();
      remember(tokens);
      expect(next).not.toBe(first[0]);
    }
    expect(sim.oauth.counters.trades - before.trades).toBe(6);
    expect(sim.oauth.counters.retiredRefreshTokenPresented).toBe(before.retiredRefreshTokenPresented);
    const stored = JSON.parse((await deps.store.get(`highlevel-oauth/${app.clientId.split("-")[0]}/Location/${MAIN}`))!) as { refreshToken: string };
    expect(sim.oauth.isCurrent(stored.refreshToken)).toBe(true);

    // A restart with the original (now retired) refresh token in the environment: the store's wins.
    const restarted = new HighLevelInstallTokens({ ...app, refreshToken: env }, MAIN, deps);
    const fresh = await restarted.accessToken();
    remember(restarted);
    expect(sim.oauth.counters.retiredRefreshTokenPresented).toBe(before.retiredRefreshTokenPresented);
    const listed = await fetch(`${sim.baseUrl}/phone-system/numbers/location/${MAIN}?pageSize=5`, { headers: { authorization: `Bearer ${fresh}`, version: "2021-07-28" } });
    expect(listed.status).toBe(200);

    // A reinstall (a new refresh token in the environment) wins over the store's.
    const reinstalled = install({ locationId: MAIN });
    const trades = sim.oauth.counters.trades;
    const afterReinstall = new HighLevelInstallTokens({ ...app, refreshToken: reinstalled }, MAIN, deps);
    await afterReinstall.accessToken();
    remember(afterReinstall);
    expect([sim.oauth.counters.trades - trades, sim.oauth.isCurrent(reinstalled)]).toEqual([1, false]);
  });

  it("trades again after a 401 only for the token that was refused", async () => {
    const tokens = new HighLevelInstallTokens({ ...app, refreshToken: install({ locationId: BRANCH }) }, BRANCH, deps);
    const first = await tokens.accessToken();
    tokens.invalidate("some-other-token");
    expect(await tokens.accessToken()).toBe(first);
    tokens.invalidate(first);
    const second = await tokens.accessToken();
    remember(tokens);
    expect(second).not.toBe(first);
  });

  it("fails a revoked refresh token with UPSTREAM_AUTH_FAILED and its advice, after exactly one trade attempt", async () => {
    const env = install({ locationId: MAIN });
    sim.oauth.revoke(env);
    const tokens = new HighLevelInstallTokens({ ...app, refreshToken: env }, "revoked-location", deps);
    const refusedBefore = sim.oauth.counters.refusedTrades;
    const error = await failure(tokens.accessToken());
    expect(error).toBeInstanceOf(UpstreamError);
    expect([error!.code, error!.message]).toEqual([
      "UPSTREAM_AUTH_FAILED",
      "HighLevel refused the refresh token of location revoked-location (Invalid grant: refresh token is invalid): the app was uninstalled, or the token was used elsewhere. Reinstall the app for this location, or set a fresh HIGHLEVEL_REFRESH_TOKEN (refreshToken in NUMBERGRAPH_CONFIG), and restart.",
    ]);
    for (let i = 0; i < 3; i++) expect((await failure(tokens.accessToken()))?.code).toBe("UPSTREAM_AUTH_FAILED");
    expect(sim.oauth.counters.refusedTrades - refusedBefore).toBe(1);
    expect(error!.message).not.toContain(env);
  });

  it("keeps the refresh token when the location is not active, and uses it once the location is back", async () => {
    const env = install({ locationId: BRANCH });
    const tokens = new HighLevelInstallTokens({ ...app, refreshToken: env }, BRANCH, { ...deps, store: await DirectoryStateStore.open(join(dir, "inactive")) });
    sim.oauth.setLocationActive(BRANCH, false);
    const error = await failure(tokens.accessToken());
    expect([error?.code, error?.message]).toEqual(["UPSTREAM_UNAVAILABLE", `HighLevel says location ${BRANCH} is not active (its subscription is paused or cancelled); the refresh token is kept and tried again in 30 s.`]);
    expect(sim.oauth.isCurrent(env)).toBe(true);
    const refused = sim.oauth.counters.refusedTrades;
    expect((await failure(tokens.accessToken()))?.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(sim.oauth.counters.refusedTrades).toBe(refused); // "later" means later, not every request
    sim.oauth.setLocationActive(BRANCH, true);
    clock.now += 30_000;
    expect(await tokens.accessToken()).toEqual(expect.any(String));
    remember(tokens);
  });

  it("does not trade when the store cannot keep the new refresh token, and names the store", async () => {
    const broken = join(dir, "broken");
    const store = await DirectoryStateStore.open(broken);
    await rm(broken, { recursive: true });
    await writeFile(broken, "not a directory");
    const env = install({ locationId: MAIN });
    const trades = sim.oauth.counters.trades;
    const error = await failure(new HighLevelInstallTokens({ ...app, refreshToken: env }, MAIN, { ...deps, store }).accessToken());
    expect(error?.code).toBe("UPSTREAM_AUTH_FAILED");
    expect(error?.message).toContain(`could not be written to the state directory ${broken} before trading, so no trade was made`);
    expect(sim.oauth.counters.trades).toBe(trades);
    expect(sim.oauth.isCurrent(env)).toBe(true);
  });

  it("mints two locations' tokens from one agency install, with one Company trade when both need it at once", async () => {
    const company = new HighLevelInstallTokens({ ...app, refreshToken: install({ approvedLocations: [MAIN, BRANCH] }), companyId: HIGHLEVEL_SIM_APP.companyId }, HIGHLEVEL_SIM_APP.companyId, deps);
    const locations = [MAIN, BRANCH].map((id) => new HighLevelLocationTokens(company, HIGHLEVEL_SIM_APP.companyId, id, deps));
    const before = { ...sim.oauth.counters };
    for (let round = 0; round < 2; round++) {
      const [a, b] = await Promise.all(locations.map((l) => l.accessToken()));
      locations.forEach(remember);
      for (const [token, location] of [
        [a, MAIN],
        [b, BRANCH],
      ] as const) {
        const listed = await fetch(`${sim.baseUrl}/phone-system/numbers/location/${location}?pageSize=5`, { headers: { authorization: `Bearer ${token}`, version: "2021-07-28" } });
        expect(listed.status).toBe(200);
      }
      expect([sim.oauth.counters.trades - before.trades, sim.oauth.counters.locationTokens - before.locationTokens]).toEqual([round + 1, 2 * (round + 1)]);
      clock.now += 3_000; // both the Company token and the location tokens expire
    }
    expect(sim.oauth.counters.retiredRefreshTokenPresented).toBe(before.retiredRefreshTokenPresented);
  });
});
