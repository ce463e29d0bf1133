import type { IdeTab } from "./example-tabs.js";

export interface IdePageConfig {
  endpoint: string;
  headers: string;
  tabs: IdeTab[];
  keysRequired: boolean;
}

/** JSON that is safe inside a <script> element: no `</script>`, no `<!--`. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** The IDE's HTML: the bundle from build/ide (served under `assetsPath`) and its config inline. */
export function idePage(assetsPath: string, config: IdePageConfig): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>numbergraph — GraphQL IDE</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetsPath}/ide.css">
<style>html, body, #root { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="root"></div>
<script id="numbergraph-ide-config" type="application/json">${scriptJson(config)}</script>
<script type="module" src="${assetsPath}/ide.js"></script>
</body>
</html>
`;
}

/** What a browser sees when the bundle was never built (npm ci runs the build). */
export function missingAssetsPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>numbergraph — IDE not built</title></head>
<body><h1>The GraphQL IDE is not built</h1>
<p>This gateway's IDE assets (build/ide/) are missing. Run <code>npm run build:ide</code> (or <code>npm ci</code>, which runs it) and restart.
GraphQL itself is served at this address for POST requests.</p></body></html>
`;
}
