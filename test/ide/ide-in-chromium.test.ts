import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type Request } from "playwright-core";
import { parseGatewayKeys } from "../../src/access/gateway-keys.js";
import { startStack, type Stack } from "../support/stack.js";

/** Debian's chromium, headless, with nothing that phones home on its own. */
const CHROMIUM = {
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};
const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url);

describe("the GraphQL IDE in a real browser with no way out to the internet", () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    // A key for HighLevel only: the answer shows the key was used and scoped the request.
    stack = await startStack({ numbers: 30, gatewayKeys: parseGatewayKeys("ide-analyst-7:HIGHLEVEL", "test") });
    browser = await chromium.launch(CHROMIUM);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("loads from / offline, introspects with the key typed into the headers editor, shows the docs and runs an example query", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const outside: string[] = [];
    await page.route("**/*", (route) => {
      if (new URL(route.request().url()).hostname === "127.0.0.1") return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const graphqlPosts: Request[] = [];
    const assets = new Set<string>();
    page.context().on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith("/ide/assets/")) assets.add(path.slice("/ide/assets/".length));
    });
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/graphql") graphqlPosts.push(request);
    });

    await page.goto(new URL("/", stack.gateway.url).toString());
    expect(new URL(page.url()).pathname).toBe("/graphql");

    // Every example operation is a tab; the Dashboard is one of them.
    const dashboardTab = page.getByRole("tab", { name: "Dashboard" });
    await dashboardTab.waitFor();
    for (const name of ["PoolsWithMembers", "NumberAcrossProviders", "PhoneNumbersByIds", "NodeById"]) await expect(page.getByRole("tab", { name }).count()).resolves.toBe(1);
    await dashboardTab.click();

    // The headers editor starts with `"Authorization": "Bearer "`: complete it with the key.
    const bearer = page.locator(".graphiql-editor-tool .view-line", { hasText: '"Bearer "' });
    await bearer.click();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.type("ide-analyst-7");
    // (Monaco renders spaces as no-break spaces, which \s matches.)
    await page.locator(".graphiql-editor-tool .view-line", { hasText: /"Bearer\side-analyst-7"/ }).waitFor();

    // Re-introspect with the key: the schema arrives, and the docs explorer can read it.
    const introspection = page.waitForResponse((r) => r.url().endsWith("/graphql") && (r.request().postData() ?? "").includes("__schema") && r.request().headers().authorization === "Bearer ide-analyst-7");
    await page.getByRole("button", { name: /^Re-fetch GraphQL schema/ }).click();
    const introspected = (await (await introspection).json()) as { data?: { __schema?: { queryType: { name: string } } } };
    expect(introspected.data?.__schema?.queryType.name).toBe("Query");
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().click();
    await page.locator(".graphiql-doc-explorer").getByText("phoneNumbers", { exact: true }).first().waitFor();

    // Run the Dashboard tab's query: the keyed gateway answers it, and the result shows.
    const answer = page.waitForResponse((r) => r.url().endsWith("/graphql") && (r.request().postData() ?? "").includes("query Dashboard"));
    await page.getByRole("button", { name: /^Execute query/ }).click();
    const response = await answer;
    expect(response.status()).toBe(200);
    expect(response.request().headers().authorization).toBe("Bearer ide-analyst-7");
    const body = (await response.json()) as { data: { phoneNumbers: { totalCount: number; nodes: { e164: string; provider: string }[] } } };
    expect(body.data.phoneNumbers.nodes).toHaveLength(10);
    expect(new Set(body.data.phoneNumbers.nodes.map((n) => n.provider))).toEqual(new Set(["HIGHLEVEL"]));
    const firstE164 = body.data.phoneNumbers.nodes[0]!.e164;
    await page.locator(".result-window").getByText(firstE164, { exact: false }).first().waitFor();
    const shown = (await page.locator(".result-window").innerText()).replace(/\s+/g, " ");
    expect(shown).toContain(`"totalCount": ${body.data.phoneNumbers.totalCount}`);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: new URL("ide.png", ARTIFACTS).pathname });

    // Before the key, the first introspection was refused with 401; after it, every call carried it.
    expect(graphqlPosts.length).toBeGreaterThanOrEqual(3);
    expect(graphqlPosts.at(-1)!.headers().authorization).toBe("Bearer ide-analyst-7");
    // The bundle, its styles and Monaco's workers all came from the gateway.
    expect([...assets].sort()).toEqual(expect.arrayContaining(["editor.worker.js", "graphql.worker.js", "ide.css", "ide.js", "json.worker.js"]));
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 120_000);
});
