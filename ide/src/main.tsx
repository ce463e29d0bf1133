// Must come first: Monaco asks for its workers as soon as an editor is created.
import "./monaco-workers.js";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { createRoot } from "react-dom/client";

/** What the gateway embeds in the page (src/plugin/ide/ide-page.ts writes it). */
interface IdeConfig {
  endpoint: string;
  /** The headers editor's starting text: an Authorization line when the gateway has keys. */
  headers: string;
  /** One tab per example operation in operations/*.graphql. */
  tabs: { query: string; variables?: string }[];
  keysRequired: boolean;
}

const config = JSON.parse(document.getElementById("numbergraph-ide-config")!.textContent!) as IdeConfig;
const fetcher = createGraphiQLFetcher({ url: new URL(config.endpoint, window.location.href).toString() });

createRoot(document.getElementById("root")!).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={config.tabs.map((tab) => ({ ...tab, headers: config.headers }))}
    initialHeaders={config.headers}
    defaultHeaders={config.headers}
    defaultEditorToolsVisibility={config.keysRequired ? "headers" : true}
    // The key stays in the page: never written to localStorage.
    shouldPersistHeaders={false}
  >
    <GraphiQL.Logo>numbergraph</GraphiQL.Logo>
  </GraphiQL>,
);
