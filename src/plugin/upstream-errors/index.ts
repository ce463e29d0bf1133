import type { ApolloServerPlugin } from "@apollo/server";
import { defaultFieldResolver } from "graphql";
import { rootFieldScope } from "../../observability/request-scope.js";
import type { GraphContext } from "../../graph/context.js";
import { UpstreamFailureError } from "../../errors/gateway-errors.js";
import type { Logger } from "pino";

/**
 * Partial failure (docs/errors.md): resolvers serve what the healthy providers returned, and this plugin
 * adds one `errors[]` entry per failed provider (`extensions.code`, `extensions.provider`).
 */
export function upstreamErrorsPlugin({ logger }: { logger: Logger }): ApolloServerPlugin<GraphContext> {
  return {
    // Each root field's resolution (and the completion of its value) knows which root field it is.
    async serverWillStart({ schema }) {
      for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
        const resolve = field.resolve ?? defaultFieldResolver;
        field.resolve = (source, args, context, info) => {
          rootFieldScope.enter(String(info.path.key));
          return resolve(source, args, context, info);
        };
      }
    },
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const failures = contextValue.snapshots?.failures.list() ?? [];
          if (!failures.length || response.body.kind !== "single") return;
          for (const { error, accountIds } of failures) {
            logger.warn({ provider: error.provider, code: error.code, accountIds, status: error.details.status }, "upstream failed; served partial data");
          }
          const result = response.body.singleResult;
          // One error per provider and root field it left incomplete, with that field's path (docs/errors.md): stitching and federation drop errors without one.
          const entries = failures.flatMap(({ error, accountIds, rootFields }) =>
            rootFields.length ? rootFields.map((field) => ({ ...new UpstreamFailureError(error, accountIds).toJSON(), path: [field] })) : [new UpstreamFailureError(error, accountIds).toJSON()],
          );
          result.errors = [...(result.errors ?? []), ...entries];
        },
      };
    },
  };
}
