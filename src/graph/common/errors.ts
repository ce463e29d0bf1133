import { GraphQLError } from "graphql";
import type { UpstreamError } from "../../model/index.js";

/** A client error: says what was wrong and what to send instead. */
export function badUserInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...(argumentName ? { argumentName } : {}) } });
}

/** One failed provider, as SPEC §3 shapes it: `extensions.code` + `extensions.provider`. */
export function upstreamGraphQLError(error: UpstreamError, accountIds: string[]): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      provider: error.provider,
      accountIds,
      ...(error.details.retryAfterMs !== undefined ? { retryAfterSeconds: Math.ceil(error.details.retryAfterMs / 1000) } : {}),
    },
  });
}
