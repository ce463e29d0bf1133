import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import express from "express";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ideEnabled, ideRouter } from "../../src/plugin/ide/index.js";
import { startGateway, type RunningGateway } from "../../src/server.js";
import { startSimulators, type RunningSimulators } from "../../src/simulators/start-all.js";
import { parseGatewayKeys } from "../../src/access/gateway-keys.js";
import { testAccounts } from "../support/stack.js";
import { testLogger } from "../support/log-capture.js";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("the IDE's routes: a browser gets the IDE, GraphQL clients get GraphQL", () => {
  let sims: RunningSimulators;
  const gateways: RunningGateway[] = [];
  const start = async (options: { ide?: boolean; introspection?: boolean; keys?: string } = {}) => {
    const gateway = await startGateway({
      logger: testLogger,
      accounts: testAccounts(sims, {}),
      gatewayKeys: options.keys ? parseGatewayKeys(options.keys, "test") : [],
      port: 0,
      host: "127.0.0.1",
      ide: options.ide,
      introspection: options.introspection,
    });
    gateways.push(gateway);
    return gateway;
  };
  beforeAll(async () => {
    sims = await startSimulators({ numbers: 10 });
  });
  afterAll(async () => {
    for (const g of gateways) await g.stop();
    await sims?.stop();
  });

  it("redirects / to /graphql and serves a browser the IDE whose every asset is the gateway's own", async () => {
    const gateway = await start({ keys: "k-1:*" });
    const root = await fetch(new URL("/", gateway.url), { redirect: "manual" });
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/graphql");

    const page = await fetch(gateway.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(references.sort()).toEqual(["/ide/assets/ide.css", "/ide/assets/ide.js", "data:,"]);
    expect(html).not.toMatch(/https?:\/\//);
    // Keys configured: the headers editor starts with the Authorization line to complete.
    const config = JSON.parse(/<script id="numbergraph-ide-config" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!) as { headers: string; tabs: { query: string; variables?: string }[] };
    expect(JSON.parse(config.headers)).toEqual({ Authorization: "Bearer " });
    // One tab per example operation, each with its comment; paging ones start at first: 10.
    expect(config.tabs.map((t) => /(?:query|mutation) (\w+)/.exec(t.query)![1])).toEqual(expect.arrayContaining(["Dashboard", "PoolsWithMembers", "NumberAcrossProviders"]));
    const dashboard = config.tabs.find((t) => t.query.includes("query Dashboard"))!;
    expect(dashboard.query).toMatch(/^# The dashboard/);
    expect(JSON.parse(dashboard.variables!)).toEqual({ first: 10 });

    for (const asset of ["ide.js", "ide.css", "editor.worker.js", "json.worker.js", "graphql.worker.js"]) {
      const response = await fetch(new URL(`/ide/assets/${asset}`, gateway.url));
      expect([asset, response.status]).toEqual([asset, 200]);
      expect(await response.text()).not.toMatch(/fonts\.googleapis|cdn\.jsdelivr|unpkg\.com|esm\.sh|embeddable-sandbox/);
    }
  });

  it("without keys the headers editor starts empty", async () => {
    const gateway = await start();
    const html = await (await fetch(gateway.url, { headers: { accept: BROWSER_ACCEPT } })).text();
    expect(html).toContain('"headers":""');
  });

  it("leaves GraphQL clients alone: JSON GETs and POSTs, and a browser GET with ?query=, reach GraphQL", async () => {
    const gateway = await start();
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent("{ phoneNumbers(first: 1) { totalCount } }")}`, { headers: { accept: "application/json", "apollo-require-preflight": "true" } });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: { phoneNumbers: { totalCount: number } } }).data.phoneNumbers.totalCount).toBeGreaterThan(0);
    const browserGet = await fetch(`${gateway.url}?query=${encodeURIComponent("{ phoneNumbers(first: 1) { totalCount } }")}`, { headers: { accept: BROWSER_ACCEPT, "apollo-require-preflight": "true" } });
    expect(await browserGet.text()).not.toContain("numbergraph-ide-config");
  });

  it("NUMBERGRAPH_IDE=false turns it off; introspection off turns it off unless NUMBERGRAPH_IDE=true", async () => {
    expect([ideEnabled(undefined, undefined), ideEnabled(false, undefined), ideEnabled(undefined, false), ideEnabled(true, false), ideEnabled(undefined, true)]).toEqual([true, false, false, true, true]);
    for (const [options, served] of [
      [{ ide: false }, false],
      [{ introspection: false }, false],
      [{ introspection: false, ide: true }, true],
    ] as const) {
      const gateway = await start(options);
      const page = await fetch(gateway.url, { headers: { accept: BROWSER_ACCEPT } });
      const root = await fetch(new URL("/", gateway.url), { redirect: "manual" });
      expect([options, page.status === 200 && (await page.text()).includes("numbergraph-ide-config"), root.status === 302]).toEqual([options, served, served]);
      // Never Apollo's CDN-loaded landing page instead.
      if (!served) expect(await (await fetch(gateway.url, { headers: { accept: BROWSER_ACCEPT } })).text()).not.toMatch(/apollographql\.com/);
    }
  });
});

describe("an IDE whose assets were never built", () => {
  let server: Server;
  let base: string;
  const warnings: string[] = [];
  beforeAll(async () => {
    const app = express();
    app.use(ideRouter({ endpoint: "/graphql", keysRequired: false, assetsDir: "/nonexistent/build/ide", logger: { warn: (m) => warnings.push(m) } }));
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("says so at start-up and to the browser, with the command that builds them", async () => {
    expect(warnings.join("\n")).toMatch(/not built .*npm run build:ide/);
    const page = await fetch(`${base}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(503);
    expect(await page.text()).toMatch(/npm run build:ide/);
  });
});
