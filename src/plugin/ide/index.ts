import express, { Router } from "express";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { exampleTabs } from "./example-tabs.js";
import { idePage, missingAssetsPage } from "./ide-page.js";

export interface IdeOptions {
  /** Where GraphQL is served; the IDE answers browsers at the same path. */
  endpoint: string;
  /** With gateway keys, the headers editor starts with an Authorization line to complete. */
  keysRequired: boolean;
  /** The bundle scripts/build-ide.ts writes (default: build/ide in the project). */
  assetsDir?: string;
  /** Example operations, one tab each (default: operations/ in the project). */
  operationsDir?: string;
  logger: { warn(message: string): void };
}

/** Where the bundle is served; the worker URLs in it are relative to ide.js, so they follow. */
export const IDE_ASSETS_PATH = "/ide/assets";
const projectPath = (relative: string) => fileURLToPath(new URL(`../../../${relative}`, import.meta.url));

/**
 * docs/configuration.md: on unless `NUMBERGRAPH_IDE=false`; with introspection off, only when
 * `NUMBERGRAPH_IDE=true` is set explicitly (the IDE without introspection has no docs to show).
 */
export function ideEnabled(ide: boolean | undefined, introspection: boolean | undefined): boolean {
  return ide ?? introspection !== false;
}

/**
 * GraphiQL, served entirely by the gateway: `GET /` redirects to the endpoint, a browser's
 * `GET <endpoint>` (Accept: text/html, no `query` parameter) gets the IDE, and the bundle with its
 * Monaco workers and fonts is served under IDE_ASSETS_PATH. Other requests pass through to GraphQL.
 */
export function ideRouter(options: IdeOptions): Router {
  const assetsDir = options.assetsDir ?? projectPath("build/ide");
  const tabs = exampleTabs(options.operationsDir ?? projectPath("operations"));
  const page = idePage(IDE_ASSETS_PATH, {
    endpoint: options.endpoint,
    headers: options.keysRequired ? JSON.stringify({ Authorization: "Bearer " }, null, 2) : "",
    tabs,
    keysRequired: options.keysRequired,
  });
  let built = existsSync(`${assetsDir}/ide.js`);
  if (!built) options.logger.warn(`The GraphQL IDE is not built (${assetsDir} is missing): run \`npm run build:ide\`; browsers get a page saying so.`);

  const router = Router();
  router.use((req, res, next) => (req.method === "GET" && req.path === "/" ? res.redirect(302, options.endpoint) : next()));
  router.use(IDE_ASSETS_PATH, express.static(assetsDir, { index: false, maxAge: "1h" }));
  // A plain middleware, not router.get: a GET route would make express answer OPTIONS (CORS preflights) itself.
  router.use((req, res, next) => {
    if (req.method !== "GET" || req.path !== options.endpoint || req.query.query !== undefined) return next();
    if (req.accepts(["application/json", "application/graphql-response+json", "text/html"]) !== "text/html") return next();
    built ||= existsSync(`${assetsDir}/ide.js`);
    res
      .status(built ? 200 : 503)
      .type("html")
      .set("cache-control", "no-store")
      .send(built ? page : missingAssetsPage());
  });
  return router;
}
