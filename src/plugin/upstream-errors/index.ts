import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphContext } from "../../graph/context.js";
import { upstreamGraphQLError } from "../../graph/common/errors.js";
import { logger } from "../../logger.js";

/**
 * Partial failure, SPEC §3: resolvers serve what the healthy providers returned, and this plugin
 * adds one `errors[]` entry per failed provider (`extensions.code`, `extensions.provider`).
 */
export function upstreamErrorsPlugin(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const failures = contextValue.snapshots?.failures.list() ?? [];
          if (!failures.length || response.body.kind !== "single") return;
          for (const { error, accountIds } of failures) {
            logger.warn({ provider: error.provider, code: error.code, accountIds, status: error.details.status }, "upstream failed; served partial data");
          }
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...failures.map(({ error, accountIds }) => upstreamGraphQLError(error, accountIds).toJSON())];
        },
      };
    },
  };
}
