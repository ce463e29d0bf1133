import { build } from "esbuild";
import { existsSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Bundle the GraphQL IDE (GraphiQL 5 and the Monaco web workers it needs) into build/ide/, so the
 * gateway serves every script, style, font and worker itself. `npm ci` runs this (`prepare`);
 * `npm start` and `npm test` run it first when the assets are missing (`prestart`, `pretest`).
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}build/ide`;
// `--if-missing` (prestart, pretest): a no-op when a build is already there.
if (process.argv.includes("--if-missing") && existsSync(`${outdir}/ide.js`)) process.exit(0);
rmSync(outdir, { recursive: true, force: true });

const common = { absWorkingDir: root, bundle: true, minify: true, legalComments: "linked", logLevel: "warning", define: { "process.env.NODE_ENV": '"production"' } } as const;

await Promise.all([
  build({
    ...common,
    entryPoints: { ide: "ide/src/main.tsx" },
    outdir,
    format: "esm",
    target: "es2022",
    jsx: "automatic",
    // Monaco's icon font: emitted beside the bundle and served by the gateway.
    loader: { ".ttf": "file", ".woff": "file", ".woff2": "file" },
  }),
  build({
    ...common,
    entryPoints: {
      "editor.worker": "monaco-editor/esm/vs/editor/editor.worker.js",
      "json.worker": "monaco-editor/esm/vs/language/json/json.worker.js",
      "graphql.worker": "monaco-graphql/esm/graphql.worker.js",
    },
    outdir,
    // Classic workers: `new Worker(url)` without `{ type: "module" }` runs in every browser.
    format: "iife",
    target: "es2022",
  }),
]);
console.log(`built the IDE into ${outdir}`);
