import { defineConfig } from "@graphql-hive/gateway";

/**
 * Hive Gateway as its docs configure it, over the composed Telnyx supergraph. `PEERS_HIVE_RESPONSE_CACHE=true`
 * turns on the documented response cache, shared by every caller (`session: () => null`).
 */
const responseCache = process.env.PEERS_HIVE_RESPONSE_CACHE === "true";

export const gatewayConfig = defineConfig({
  supergraph: "./supergraph.graphql",
  ...(responseCache ? { responseCaching: { session: () => null } } : {}),
});
