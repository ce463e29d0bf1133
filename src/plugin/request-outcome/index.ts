import type { ApolloServerPlugin } from "@apollo/server";
import { requestScope, type GraphQLOutcome } from "../../observability/request-scope.js";

const UPSTREAM = /^UPSTREAM_/;

/**
 * Notes each operation's name and how it ended in the request's scope, for the access log, the
 * `numbergraph_graphql_requests_total{outcome}` counter and the operation span.
 */
export function requestOutcomePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName }) {
          const scope = requestScope.current();
          if (scope && operationName) scope.operationName = operationName;
        },
        async willSendResponse({ response, operationName }) {
          const scope = requestScope.current();
          if (!scope) return;
          if (operationName) scope.operationName = operationName;
          const errors = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((e) => (typeof e.extensions?.code === "string" ? e.extensions.code : ""));
          const status = response.http.status ?? 200;
          scope.outcome = outcomeOf(status, codes);
        },
      };
    },
  };
}

export function outcomeOf(status: number, codes: string[]): GraphQLOutcome {
  if (status === 401 || status === 403 || codes.includes("UNAUTHENTICATED")) return "unauthenticated";
  if (status >= 500 || codes.includes("INTERNAL_SERVER_ERROR")) return "error";
  if (status >= 400) return "bad_request";
  if (codes.some((c) => UPSTREAM.test(c))) return "partial";
  if (codes.length) return "bad_request";
  return "ok";
}
