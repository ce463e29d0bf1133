import { GraphQLError, type GraphQLErrorExtensions } from "graphql";
import { UPSTREAM_CODES, type Provider, type UpstreamError } from "../model/index.js";

/**
 * Every `extensions.code` the gateway sends, in one union. Request errors (the operation cannot run)
 * are `BAD_REQUEST` or `BAD_USER_INPUT` with a 4xx; execution errors sit beside partial data in a 200
 * (docs/errors.md).
 */
export const GATEWAY_ERROR_CODES = ["BAD_REQUEST", "BAD_USER_INPUT", "UNAUTHENTICATED", "PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_NOT_SUPPORTED", "INTERNAL_SERVER_ERROR", ...UPSTREAM_CODES] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

/** Apollo reads `extensions.http` for the response's status and headers, and strips it from the body. */
type HttpExtension = { http?: { status?: number; headers?: Map<string, string> } };

/** The base of the gateway's own errors: a code from the one union, typed extensions, and the cause when there is one. */
export abstract class GatewayError<E extends GraphQLErrorExtensions = GraphQLErrorExtensions> extends GraphQLError {
  abstract readonly code: GatewayErrorCode;
  declare readonly extensions: E & HttpExtension & { code: GatewayErrorCode };
  protected constructor(message: string, code: GatewayErrorCode, extensions: E & HttpExtension, cause?: Error) {
    super(message, { extensions: { ...extensions, code }, ...(cause ? { originalError: cause } : {}) });
  }

  /** The HTTP status Apollo would answer with (for routes beside `/graphql` that answer by themselves). */
  get httpStatus(): number | undefined {
    return this.extensions.http?.status;
  }

  /** The HTTP headers Apollo would send with it (the 401's challenge). */
  get httpHeaders(): ReadonlyMap<string, string> {
    return this.extensions.http?.headers ?? new Map();
  }

  /** The error as a GraphQL-over-HTTP body (`{ errors: [...] }`), for routes beside `/graphql`; `http` stays out. */
  responseBody(): { errors: { message: string; extensions: Record<string, unknown> }[] } {
    const { http: _http, ...extensions } = this.extensions;
    return { errors: [{ message: this.message, extensions }] };
  }
}

/** A client error (bad id, `first` out of range, bad cursor, bad filter): says what to send instead. */
export class BadUserInputError extends GatewayError<{ argumentName?: string }> {
  readonly code = "BAD_USER_INPUT";
  constructor(message: string, argumentName?: string) {
    // No http status: inside an operation it sits beside partial data in a 200 (docs/errors.md).
    super(message, "BAD_USER_INPUT", argumentName ? { argumentName } : {});
  }
}

/** A request that cannot be read at all (not JSON, too large): what to send instead. */
export class BadRequestError extends GatewayError {
  readonly code = "BAD_REQUEST";
  constructor(message: string, status = 400) {
    super(message, "BAD_REQUEST", { http: { status } });
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

/** One failed provider (docs/errors.md): `extensions.code` + `extensions.provider`; the provider's `UpstreamError` is its cause. */
export class UpstreamFailureError extends GatewayError<{ provider: Provider; accountIds: string[]; retryAfterSeconds?: number }> {
  readonly code: UpstreamError["code"];
  constructor(error: UpstreamError, accountIds: string[]) {
    super(
      error.message,
      error.code,
      {
        provider: error.provider,
        accountIds,
        ...(error.details.retryAfterMs !== undefined ? { retryAfterSeconds: Math.ceil(error.details.retryAfterMs / 1000) } : {}),
      },
      error,
    );
    this.code = error.code;
  }
}
