import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphContext } from "../../graph/context.js";

/**
 * docs/freshness.md: every response that read snapshots says how fresh they were, in
 * `extensions.freshness`: one entry per account read, with its age measured as the answer leaves.
 */
export function freshnessPlugin(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single" || !contextValue.snapshots) return;
          const freshness = contextValue.snapshots.freshness();
          if (!freshness.length) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, freshness };
        },
      };
    },
  };
}
