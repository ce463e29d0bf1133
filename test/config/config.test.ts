import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseRedisUrl } from "../../src/redis/redis-url.js";
import { loadConfig } from "../../src/config/config.js";
import { ConfigError } from "../../src/settings/config-error.js";

const full = {
  HIGHLEVEL_TOKEN: "hl-secret-token",
  HIGHLEVEL_LOCATION_IDS: "locA, locB",
  TELNYX_API_KEY: "KEYtelnyxsecret",
  ZOOM_ACCOUNT_ID: "zacc",
  ZOOM_CLIENT_ID: "zcid",
  ZOOM_CLIENT_SECRET: "zoom-client-secret",
  BUTTER_API_KEY: "butter-secret",
  BUTTER_ORGANIZATION_ID: "org_1",
  BUTTER_BASE_URL: "https://butter.example.test",
};

function configError(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration (SPEC §2)", () => {
  it("reads every provider from env with SPEC's defaults", () => {
    const config = loadConfig(full);
    expect(config.port).toBe(4000);
    expect(config.accounts.highlevel).toEqual([{ token: "hl-secret-token", locationIds: ["locA", "locB"], baseUrl: "https://services.leadconnectorhq.com" }]);
    expect(config.accounts.telnyx).toEqual([{ accountId: "default", apiKey: "KEYtelnyxsecret", baseUrl: "https://api.telnyx.com/v2" }]);
    expect(config.accounts.zoom[0]).toMatchObject({ baseUrl: "https://api.zoom.us/v2", oauthUrl: "https://zoom.us/oauth/token" });
    expect(config.accounts.butter[0]).toMatchObject({ organizationId: "org_1", baseUrl: "https://butter.example.test" });
    expect(config.gatewayKeys).toEqual([]);
  });

  it("with nothing set, configures no provider", () => {
    const config = loadConfig({});
    expect(config.accounts).toEqual({ highlevel: [], telnyx: [], zoom: [], butter: [] });
  });

  it("names the missing variable of half a credential set, without echoing secrets", () => {
    const message = configError({ ZOOM_ACCOUNT_ID: "z", ZOOM_CLIENT_SECRET: "zoom-client-secret" });
    expect(message).toContain("ZOOM_CLIENT_ID");
    expect(message).not.toContain("zoom-client-secret");
    expect(configError({ HIGHLEVEL_TOKEN: "t" })).toContain("HIGHLEVEL_LOCATION_IDS");
    expect(configError({ BUTTER_API_KEY: "k", BUTTER_ORGANIZATION_ID: "o" })).toContain("BUTTER_BASE_URL");
  });

  it("rejects a bad URL or port naming the variable", () => {
    expect(configError({ ...full, TELNYX_BASE_URL: "not a url" })).toMatch(/^TELNYX_BASE_URL is not a URL/);
    expect(configError({ ...full, ZOOM_OAUTH_URL: "ftp://zoom" })).toContain("ZOOM_OAUTH_URL");
    expect(configError({ ...full, PORT: "eighty" })).toContain("PORT");
    expect(configError({ TELNYX_BASE_URL: "https://x" })).toContain("TELNYX_API_KEY");
    expect(configError({ NUMBERGRAPH_MAX_QUERY_COST: "lots" })).toMatch(/^NUMBERGRAPH_MAX_QUERY_COST must be a whole number/);
    expect(configError({ NUMBERGRAPH_MAX_QUERY_COST: "0" })).toContain("at least 1");
    expect(loadConfig({ NUMBERGRAPH_MAX_QUERY_COST: "5000" }).maxQueryCost).toBe(5000);
  });

  it("reads REDIS_URL and NUMBERGRAPH_REDIS_PREFIX, refusing a prefix that would steal the accounts' hash tag", () => {
    expect(configError({ REDIS_URL: "http://cache:6379" })).toContain("REDIS_URL");
    expect(loadConfig({}).redisPrefix).toBe("numbergraph:");
    expect(loadConfig({ REDIS_URL: "redis://cache:6379", NUMBERGRAPH_REDIS_PREFIX: "ng-eu:" })).toMatchObject({ redisUrl: "redis://cache:6379", redisPrefix: "ng-eu:" });
    expect(configError({ NUMBERGRAPH_REDIS_PREFIX: "{ng}:" })).toMatch(/^NUMBERGRAPH_REDIS_PREFIX must not contain braces/);
  });

  it("reads the NUMBERGRAPH_MAX_* document limits (unset ones take the defaults) and refuses a value that is not a whole number of at least 1", () => {
    expect(loadConfig({}).documentLimits).toEqual({});
    expect(loadConfig({ NUMBERGRAPH_MAX_ALIASES: "5", NUMBERGRAPH_MAX_DEPTH: "8", NUMBERGRAPH_MAX_TOKENS: "900", NUMBERGRAPH_MAX_DIRECTIVES: "3" }).documentLimits).toEqual({ aliases: 5, depth: 8, tokens: 900, directives: 3 });
    expect(loadConfig({ NUMBERGRAPH_MAX_DEPTH: "20" }).documentLimits).toEqual({ depth: 20 });
    for (const [name, value] of [
      ["NUMBERGRAPH_MAX_ALIASES", "0"],
      ["NUMBERGRAPH_MAX_DEPTH", "ten"],
      ["NUMBERGRAPH_MAX_TOKENS", "1e4"],
      ["NUMBERGRAPH_MAX_DIRECTIVES", "-1"],
    ]) {
      expect(configError({ [name!]: value })).toBe(`${name} must be a whole number, at least 1; got ${JSON.stringify(value)}.`);
    }
  });

  it("takes a Cluster or Sentinel set in REDIS_URL, with a message listing the forms for anything else, never echoing a password", () => {
    expect(loadConfig({ REDIS_URL: "redis+cluster://:pw@10.0.0.1:7000,10.0.0.2:7001" }).redisUrl).toBe("redis+cluster://:pw@10.0.0.1:7000,10.0.0.2:7001");
    expect(loadConfig({ REDIS_URL: "rediss+sentinel://s1:26379,s2/mymaster/2?sentinelPassword=x" }).redisUrl).toContain("sentinel");
    expect(parseRedisUrl("redis+cluster://user:p%40ss@a:7000,[::1]:7001")).toEqual({
      kind: "cluster",
      nodes: [
        { host: "a", port: 7000 },
        { host: "::1", port: 7001 },
      ],
      tls: false,
      username: "user",
      password: "p@ss",
      address: "a:7000,::1:7001",
    });
    expect(parseRedisUrl("redis+sentinel://s1,s2:5000/main")).toMatchObject({
      kind: "sentinel",
      sentinels: [
        { host: "s1", port: 26379 },
        { host: "s2", port: 5000 },
      ],
      name: "main",
    });
    expect(configError({ REDIS_URL: "redis://h1:6379,h2:6379" })).toContain("a Cluster is redis+cluster://host:port,host:port");
    expect(configError({ REDIS_URL: "redis+sentinel://s1:26379" })).toContain("needs the master's name");
    expect(configError({ REDIS_URL: "redis+cluster://:secret@a:99999" })).toContain("port 99999");
    expect(configError({ REDIS_URL: "memcached://:secret@cache" })).toMatch(/^REDIS_URL must start with redis:\/\/, rediss:\/\/, redis\+cluster:\/\/ or redis\+sentinel:\/\//);
    for (const url of ["memcached://:secret@cache", "redis+cluster://:secret@a:99999", "redis+cluster://:secret@a b"]) expect(configError({ REDIS_URL: url })).not.toContain("secret");
  });

  it("bounds the snapshots' memory by NUMBERGRAPH_CACHE_MAX_MB with Redis (512 MB by default), and refuses it without", () => {
    expect(loadConfig({}).snapshotPolicy.maxCacheBytes).toBeUndefined();
    expect(loadConfig({ REDIS_URL: "redis://cache" }).snapshotPolicy.maxCacheBytes).toBe(512 * 1024 * 1024);
    expect(loadConfig({ REDIS_URL: "redis://cache", NUMBERGRAPH_CACHE_MAX_MB: "0.5" }).snapshotPolicy.maxCacheBytes).toBe(512 * 1024);
    expect(configError({ REDIS_URL: "redis://cache", NUMBERGRAPH_CACHE_MAX_MB: "lots" })).toMatch(/^NUMBERGRAPH_CACHE_MAX_MB must be a number of megabytes/);
    expect(configError({ NUMBERGRAPH_CACHE_MAX_MB: "64" })).toContain("needs REDIS_URL");
  });

  it("sets how far the heap grows between full collections by NUMBERGRAPH_HEAP_GROWTH_PERCENT (60 by default, 0 for V8's own)", () => {
    expect(loadConfig({}).heapGrowthPercent).toBe(60);
    expect(loadConfig({ NUMBERGRAPH_HEAP_GROWTH_PERCENT: "0" }).heapGrowthPercent).toBe(0);
    expect(loadConfig({ NUMBERGRAPH_HEAP_GROWTH_PERCENT: "150" }).heapGrowthPercent).toBe(150);
    for (const text of ["1.5", "-5", "301", "lots"]) expect(configError({ NUMBERGRAPH_HEAP_GROWTH_PERCENT: text })).toMatch(/^NUMBERGRAPH_HEAP_GROWTH_PERCENT must be a whole percentage from 0 to 300/);
  });

  it("parses gateway keys and rejects bad scopes without printing the key", () => {
    const config = loadConfig({ NUMBERGRAPH_API_KEYS: "dash-7f3a:HIGHLEVEL/locA,TELNYX  ops-91bc:*" });
    expect(config.gatewayKeys).toEqual([
      {
        key: "dash-7f3a",
        scopes: [
          { kind: "account", provider: "HIGHLEVEL", accountId: "locA" },
          { kind: "provider", provider: "TELNYX" },
        ],
        source: "NUMBERGRAPH_API_KEYS entry 1",
      },
      { key: "ops-91bc", scopes: [{ kind: "all" }], source: "NUMBERGRAPH_API_KEYS entry 2" },
    ]);
    const message = configError({ NUMBERGRAPH_API_KEYS: "sekret-key:TWILIO" });
    expect(message).toContain("NUMBERGRAPH_API_KEYS");
    expect(message).not.toContain("sekret-key");
    expect(configError({ NUMBERGRAPH_API_KEYS: "no-scope-here" })).toContain("KEY:SCOPE");
  });

  it("adds accounts from NUMBERGRAPH_CONFIG, resolving ${ENV} references", () => {
    const dir = mkdtempSync(join(tmpdir(), "numbergraph-config-"));
    const file = join(dir, "config.json");
    writeFileSync(
      file,
      JSON.stringify({
        telnyx: [{ name: "emea", apiKey: "${TELNYX_EMEA_KEY}" }],
        zoom: [{ accountId: "z2", clientId: "c", clientSecret: "${ZOOM2_SECRET}", baseUrl: "https://zoom.example.test/v2" }],
        apiKeys: [{ key: "${DASH_KEY}", scopes: ["TELNYX/emea"] }],
      }),
    );
    const config = loadConfig({ TELNYX_API_KEY: "KEYdefault", NUMBERGRAPH_CONFIG: file, TELNYX_EMEA_KEY: "KEYemea", ZOOM2_SECRET: "s2", DASH_KEY: "dash" });
    expect(config.accounts.telnyx.map((t) => [t.accountId, t.apiKey])).toEqual([
      ["default", "KEYdefault"],
      ["emea", "KEYemea"],
    ]);
    expect(config.accounts.zoom[0]).toMatchObject({ accountId: "z2", clientSecret: "s2", oauthUrl: "https://zoom.us/oauth/token" });
    expect(config.gatewayKeys).toEqual([{ key: "dash", scopes: [{ kind: "account", provider: "TELNYX", accountId: "emea" }], source: "NUMBERGRAPH_CONFIG apiKeys[0]" }]);

    expect(configError({ NUMBERGRAPH_CONFIG: file })).toContain("TELNYX_EMEA_KEY");
    writeFileSync(file, JSON.stringify({ telnyx: [{ name: "default", apiKey: "k" }] }));
    expect(configError({ TELNYX_API_KEY: "k", NUMBERGRAPH_CONFIG: file })).toContain("TELNYX/default is configured twice");
    writeFileSync(file, JSON.stringify({ telnix: [] }));
    expect(configError({ NUMBERGRAPH_CONFIG: file })).toContain("NUMBERGRAPH_CONFIG");
  });

  it("takes each account's rate budget from NUMBERGRAPH_CONFIG, and names the entry of a bad one", () => {
    const dir = mkdtempSync(join(tmpdir(), "numbergraph-config-"));
    const file = join(dir, "config.json");
    const zoom = { accountId: "z", clientId: "c", clientSecret: "s" };
    writeFileSync(
      file,
      JSON.stringify({
        highlevel: [{ token: "t", locationIds: ["loc"], rateLimit: { requests: 50, perSeconds: 10, perDay: 100000 } }],
        telnyx: [{ name: "emea", apiKey: "k", rateLimit: { requests: 20, perSeconds: 1 } }],
        zoom: [{ ...zoom, plan: "business", rateShare: 0.25 }],
        butter: [{ apiKey: "b", organizationId: "o", baseUrl: "https://butter.example.test", rateLimit: false }],
      }),
    );
    const { accounts } = loadConfig({ NUMBERGRAPH_CONFIG: file });
    expect(accounts.highlevel[0]!.rateLimit).toEqual({ requests: 50, perSeconds: 10, perDay: 100000 });
    expect(accounts.telnyx[0]!.rateLimit).toEqual({ requests: 20, perSeconds: 1 });
    expect(accounts.zoom[0]).toMatchObject({ plan: "business", rateShare: 0.25 });
    expect(accounts.butter[0]!.rateLimit).toBe(false);

    const bad = (entry: object, provider = "zoom") => {
      writeFileSync(file, JSON.stringify({ [provider]: [provider === "zoom" ? { ...zoom, ...entry } : { name: "emea", apiKey: "k", ...entry }] }));
      return configError({ NUMBERGRAPH_CONFIG: file });
    };
    expect(bad({ rateLimit: { requests: 0, perSeconds: 1 } })).toContain("zoom.0.rateLimit: rateLimit.requests must be a whole number of calls, at least 1; got 0");
    expect(bad({ rateLimit: { requests: 5, per: 1 } }, "telnyx")).toContain("telnyx.0.rateLimit: rateLimit has unknown field per;");
    expect(bad({ rateLimit: 10 }, "telnyx")).toContain('rateLimit must be an object or false; give {"requests": <calls>, "perSeconds": <seconds>}');
    expect(bad({ rateLimit: { requests: 5, perSeconds: 0.5 } })).toContain("rateLimit.perSeconds must be a number of seconds, at least 1");
    expect(bad({ plan: "enterprise" })).toContain("zoom.0.plan: plan must be one of pro, business");
    expect(bad({ rateShare: 2 })).toContain("zoom.0.rateShare: rateShare must be above 0 and at most 1");
  });
});

describe("configuration: HighLevel OAuth, Zoom's numbers API and the state directory (SPEC §2)", () => {
  const oauth = { HIGHLEVEL_CLIENT_ID: "app-1-sfx", HIGHLEVEL_CLIENT_SECRET: "hl-client-secret", HIGHLEVEL_REFRESH_TOKEN: "hl-refresh-secret" };

  it("reads an OAuth app's Location install, or an agency install with HIGHLEVEL_COMPANY_ID", () => {
    const location = loadConfig({ ...oauth, HIGHLEVEL_LOCATION_IDS: "locA" });
    expect(location.accounts.highlevel).toEqual([{ oauth: { clientId: "app-1-sfx", clientSecret: "hl-client-secret", refreshToken: "hl-refresh-secret" }, locationIds: ["locA"], baseUrl: "https://services.leadconnectorhq.com" }]);
    expect(location.stateDir).toBe(".numbergraph");
    const agency = loadConfig({ ...oauth, HIGHLEVEL_COMPANY_ID: "co1", HIGHLEVEL_LOCATION_IDS: "locA,locB", NUMBERGRAPH_STATE_DIR: "/var/lib/numbergraph" });
    expect(agency.accounts.highlevel[0]).toMatchObject({ oauth: { companyId: "co1" }, locationIds: ["locA", "locB"] });
    expect(agency.stateDir).toBe("/var/lib/numbergraph");
  });

  it("names what to change for a half, doubled or impossible HighLevel OAuth set-up, and never a secret", () => {
    const messages = [
      configError({ HIGHLEVEL_CLIENT_ID: "app-1", HIGHLEVEL_REFRESH_TOKEN: "hl-refresh-secret", HIGHLEVEL_LOCATION_IDS: "locA" }),
      configError({ ...oauth, HIGHLEVEL_TOKEN: "pit-secret", HIGHLEVEL_LOCATION_IDS: "locA" }),
      configError({ ...oauth, HIGHLEVEL_LOCATION_IDS: "locA,locB" }),
      configError({ HIGHLEVEL_COMPANY_ID: "co1", HIGHLEVEL_TOKEN: "pit-secret", HIGHLEVEL_LOCATION_IDS: "locA" }),
    ];
    expect(messages[0]).toBe(
      "HIGHLEVEL_CLIENT_SECRET is not set, but HIGHLEVEL_CLIENT_ID, HIGHLEVEL_REFRESH_TOKEN, HIGHLEVEL_LOCATION_IDS are; a provider needs all of HIGHLEVEL_CLIENT_ID, HIGHLEVEL_CLIENT_SECRET, HIGHLEVEL_REFRESH_TOKEN, HIGHLEVEL_LOCATION_IDS.",
    );
    expect(messages[1]).toContain("HIGHLEVEL_TOKEN and HIGHLEVEL_CLIENT_ID, HIGHLEVEL_CLIENT_SECRET, HIGHLEVEL_REFRESH_TOKEN are both set");
    expect(messages[2]).toBe(
      "HIGHLEVEL_LOCATION_IDS names 2 locations, but a sub-account (Location) OAuth install reaches one; set HIGHLEVEL_COMPANY_ID for an agency install, or configure each location with its own refresh token in NUMBERGRAPH_CONFIG.",
    );
    expect(messages[3]).toContain("HIGHLEVEL_TOKEN and HIGHLEVEL_COMPANY_ID are both set");
    for (const message of messages) for (const secret of ["hl-client-secret", "hl-refresh-secret", "pit-secret"]) expect(message).not.toContain(secret);
  });

  it("reads ZOOM_NUMBERS_API (default auto) and refuses a value it does not know", () => {
    const zoom = { ZOOM_ACCOUNT_ID: "z", ZOOM_CLIENT_ID: "c", ZOOM_CLIENT_SECRET: "s" };
    expect(loadConfig(zoom).accounts.zoom[0]!.numbersApi).toBe("auto");
    expect(loadConfig({ ...zoom, ZOOM_NUMBERS_API: "phone" }).accounts.zoom[0]!.numbersApi).toBe("phone");
    expect(configError({ ...zoom, ZOOM_NUMBERS_API: "new" })).toBe('ZOOM_NUMBERS_API must be one of auto, number_management, phone; got "new".');
    expect(configError({ ZOOM_NUMBERS_API: "phone" })).toContain("ZOOM_NUMBERS_API is set but ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET are not");
  });

  it("takes OAuth installs and numbersApi per account from NUMBERGRAPH_CONFIG", () => {
    const dir = mkdtempSync(join(tmpdir(), "numbergraph-config-"));
    const file = join(dir, "config.json");
    const write = (value: unknown) => writeFileSync(file, JSON.stringify(value));
    write({
      highlevel: [
        { clientId: "app-1", clientSecret: "${HL_SECRET}", refreshToken: "${HL_REFRESH}", companyId: "co1", locationIds: ["locA", "locB"] },
        { clientId: "app-1", clientSecret: "${HL_SECRET}", refreshToken: "${HL_REFRESH_C}", locationIds: ["locC"] },
        { token: "pit", locationIds: ["locD"] },
      ],
      zoom: [{ accountId: "z2", clientId: "c", clientSecret: "s", numbersApi: "number_management" }],
    });
    const env = { NUMBERGRAPH_CONFIG: file, HL_SECRET: "hl-client-secret", HL_REFRESH: "r1", HL_REFRESH_C: "r2" };
    const config = loadConfig(env);
    expect(config.accounts.highlevel.map((h) => [h.oauth?.companyId ?? null, h.oauth?.refreshToken ?? h.token, h.locationIds])).toEqual([
      ["co1", "r1", ["locA", "locB"]],
      [null, "r2", ["locC"]],
      [null, "pit", ["locD"]],
    ]);
    expect(config.accounts.zoom[0]!.numbersApi).toBe("number_management");
    write({ highlevel: [{ token: "pit", clientId: "app-1", locationIds: ["locA"] }] });
    expect(configError(env)).toContain("give either token (a Private Integration Token) or clientId, clientSecret and refreshToken (an OAuth app), not both");
    write({ highlevel: [{ clientId: "app-1", clientSecret: "x", refreshToken: "y", locationIds: ["a", "b"] }] });
    expect(configError(env)).toContain("NUMBERGRAPH_CONFIG highlevel[0].locationIds names 2 locations");
    write({ zoom: [{ accountId: "z2", clientId: "c", clientSecret: "s", numbersApi: "v3" }] });
    expect(configError(env)).toContain("zoom.0.numbersApi");
  });
});
