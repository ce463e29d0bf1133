import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../src/config/config.js";
import { ConfigError } from "../../src/config/config-error.js";

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

  it("parses gateway keys and rejects bad scopes without printing the key", () => {
    const config = loadConfig({ NUMBERGRAPH_API_KEYS: "dash-7f3a:HIGHLEVEL/locA,TELNYX  ops-91bc:*" });
    expect(config.gatewayKeys).toEqual([
      { key: "dash-7f3a", scopes: [{ kind: "account", provider: "HIGHLEVEL", accountId: "locA" }, { kind: "provider", provider: "TELNYX" }], source: "NUMBERGRAPH_API_KEYS entry 1" },
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
});
