import { defineConfig } from "@graphql-mesh/compose-cli";
import { loadOpenAPISubgraph } from "@omnigraph/openapi";

/**
 * Hive Gateway's supergraph, composed as Mesh's OpenAPI handler docs show: the Telnyx document as
 * published, pointed at the simulator. The key stays in the environment; Mesh interpolates it per call.
 */
const endpoint = process.env.TELNYX_BASE_URL;
if (!endpoint) throw new Error("TELNYX_BASE_URL must point at the Telnyx simulator (…/v2) when composing.");

export const composeConfig = defineConfig({
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph("Telnyx", {
        source: "./telnyx-list-phone-numbers.openapi.yaml",
        endpoint,
        operationHeaders: { Authorization: "Bearer {env.TELNYX_API_KEY}" },
      }),
    },
  ],
});
