import { AsyncLocalStorage } from "node:async_hooks";

/** What one HTTP request has done so far, readable anywhere below it (errors, upstream calls, the access log). */
export interface RequestScope {
  requestId: string;
  operationName?: string;
  /** How the GraphQL request ended, as `numbergraph_graphql_requests_total{outcome}` counts it. */
  outcome?: GraphQLOutcome;
  /** Upstream HTTP calls made while serving this request (attempts, retries included). */
  upstreamCalls: number;
}

export type GraphQLOutcome = "ok" | "partial" | "bad_request" | "unauthenticated" | "error";

const storage = new AsyncLocalStorage<RequestScope>();

export const requestScope = {
  run<T>(scope: RequestScope, fn: () => T): T {
    return storage.run(scope, fn);
  },
  current(): RequestScope | undefined {
    return storage.getStore();
  },
};

const rootFields = new AsyncLocalStorage<string>();

/**
 * The root field (its response key) whose resolution is running, so an upstream failure can carry
 * the `path` of the root field it left incomplete (docs/errors.md). Entered, not run: graphql-js completes
 * a root field's value in callbacks registered right after its resolver returns, and those must
 * see it too.
 */
export const rootFieldScope = {
  enter(responseKey: string): void {
    rootFields.enterWith(responseKey);
  },
  current(): string | undefined {
    return rootFields.getStore();
  },
};
