import { GraphQLError, type GraphQLErrorExtensions } from "graphql";
import type { Provider, UpstreamCode, UpstreamError } from "../../model/index.js";

/**
 * Every `extensions.code` the gateway sends. Request errors (the operation cannot run) are
 * `BAD_REQUEST` or `BAD_USER_INPUT` with a 4xx; execution errors sit beside partial data in a 200.
 */
export type GatewayErrorCode =
  | "BAD_REQUEST"
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "PERSISTED_QUERY_NOT_FOUND"
  | "PERSISTED_QUERY_NOT_SUPPORTED"
  | "INTERNAL_SERVER_ERROR"
  | UpstreamCode;

type HttpExtension = { http?: { status?: number; headers?: Map<string, string> } };

/** The base of the gateway's own errors: a code from the one union, and typed extensions. */
export abstract class GatewayError<E extends GraphQLErrorExtensions = GraphQLErrorExtensions> extends GraphQLError {
  abstract readonly code: GatewayErrorCode;
  declare readonly extensions: E & { code: GatewayErrorCode };
  protected constructor(message: string, code: GatewayErrorCode, extensions: E & HttpExtension) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** A client error inside an operation (bad id, `first` out of range, bad cursor): says what to send instead. */
export class BadUserInputError extends GatewayError<{ argumentName?: string }> {
  readonly code = "BAD_USER_INPUT";
  constructor(message: string, argumentName?: string) {
    super(message, "BAD_USER_INPUT", argumentName ? { argumentName } : {});
  }
}

/** The whole operation is refused before it runs (too costly): HTTP 400, no provider called. */
export class QueryTooCostlyError extends GatewayError<{ cost?: number; maxCost?: number; maxSelections?: number }> {
  readonly code = "BAD_USER_INPUT";
  constructor(message: string, limits: { cost?: number; maxCost?: number; maxSelections?: number }) {
    super(message, "BAD_USER_INPUT", { ...limits, http: { status: 400 } });
  }
}

/** No key, or a key this gateway does not know: HTTP 401 with a Bearer challenge. */
export class UnauthenticatedError extends GatewayError {
  readonly code = "UNAUTHENTICATED";
  constructor(message: string) {
    super(message, "UNAUTHENTICATED", { http: { status: 401, headers: new Map([["www-authenticate", 'Bearer realm="numbergraph"']]) } });
  }
}

/** One failed provider, as SPEC §3 shapes it: `extensions.code` + `extensions.provider`. */
export class UpstreamFailureError extends GatewayError<{ provider: Provider; accountIds: string[]; retryAfterSeconds?: number }> {
  readonly code: UpstreamCode;
  constructor(error: UpstreamError, accountIds: string[]) {
    super(error.message, error.code, {
      provider: error.provider,
      accountIds,
      ...(error.details.retryAfterMs !== undefined ? { retryAfterSeconds: Math.ceil(error.details.retryAfterMs / 1000) } : {}),
    });
    this.code = error.code;
  }
}

/** A client error: says what was wrong and what to send instead. */
export function badUserInput(message: string, argumentName?: string): GraphQLError {
  return new BadUserInputError(message, argumentName);
}

/** One failed provider, as SPEC §3 shapes it: `extensions.code` + `extensions.provider`. */
export function upstreamGraphQLError(error: UpstreamError, accountIds: string[]): GraphQLError {
  return new UpstreamFailureError(error, accountIds);
}
