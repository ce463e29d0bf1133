import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { UPSTREAM_CODES } from "../../model/index.js";
import type { GatewayErrorCode } from "../../errors/gateway-errors.js";
import { requestScope } from "../../observability/request-scope.js";
import { describeTokenLimit, type DocumentLimits } from "../document-limits/index.js";

export interface ErrorShapingOptions {
  logger: Logger;
  limits: DocumentLimits;
}

/** Codes a client can act on, passed through as they are (Apollo's own protocol codes among them). */
const CLIENT_CODES = new Set<string>(["BAD_REQUEST", "BAD_USER_INPUT", "UNAUTHENTICATED", "PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_NOT_SUPPORTED", "OPERATION_RESOLUTION_FAILURE", ...UPSTREAM_CODES] satisfies (
  GatewayErrorCode | "OPERATION_RESOLUTION_FAILURE"
)[]);

/** Longest run of what the client sent that an error message quotes back. */
const MAX_QUOTE = 40;
const MAX_MESSAGE = 600;
const LONG_QUOTE = new RegExp(`"((?:[^"\\\\]|\\\\.){${MAX_QUOTE + 1},})"`, "g");

/**
 * Apollo's `formatError`: every error leaves here. Request errors (parse, validation) become
 * `BAD_REQUEST` (Apollo's code kept as `graphqlCode`); a client mistake Apollo or @apollo/subgraph
 * call internal becomes the client error it is; anything unexpected is logged with its cause and
 * masked (a generic message and the request id to quote). Quotes of what was sent are cut short, so
 * a 1 MB argument is not echoed back.
 */
export function formatGatewayError({ logger, limits }: ErrorShapingOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : "INTERNAL_SERVER_ERROR";
    const shaped = (message: string, extensions: Record<string, unknown>): GraphQLFormattedError => ({ ...formatted, message: excerpt(message), extensions: { ...formatted.extensions, ...extensions } });

    if (code === "GRAPHQL_PARSE_FAILED") return shaped(describeTokenLimit(formatted.message, limits) ?? formatted.message, { code: "BAD_REQUEST", graphqlCode: code });
    if (code === "GRAPHQL_VALIDATION_FAILED") return shaped(formatted.message, { code: "BAD_REQUEST", graphqlCode: code });
    if (CLIENT_CODES.has(code)) return shaped(formatted.message, {});

    if (/^provided sha does not match query$/.test(formatted.message)) {
      return shaped("The persisted query's sha256Hash is not the SHA-256 of the query sent; send the hash of exactly that query text, or the query alone.", { code: "BAD_REQUEST" });
    }
    const entity = /^The _entities resolver tried to load an entity for type "([^"]*)", but no object or interface type of that name was found/.exec(formatted.message);
    if (entity) {
      return shaped(`_entities cannot resolve __typename "${entity[1]}": this subgraph's entities are PhoneNumber, NumberPool and DialNumber.`, { code: "BAD_USER_INPUT" });
    }

    const requestId = requestScope.current()?.requestId;
    logger.error({ err: unwrapResolverError(error), requestId, path: formatted.path, code }, "unexpected error; the client got INTERNAL_SERVER_ERROR");
    return {
      message: `The gateway failed unexpectedly; nothing in the request caused it. Retry, and if it persists, quote request id ${requestId ?? "(none)"} to whoever runs the gateway.`,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: "INTERNAL_SERVER_ERROR", ...(requestId ? { requestId } : {}) },
    };
  };
}

/** Cut every quoted run longer than MAX_QUOTE to a short excerpt, and the message to MAX_MESSAGE. */
export function excerpt(message: string): string {
  const short = message.replace(LONG_QUOTE, (_, quoted: string) => `"${quoted.slice(0, MAX_QUOTE)}…" (${quoted.length} characters)`);
  return short.length > MAX_MESSAGE ? `${short.slice(0, MAX_MESSAGE)}…` : short;
}
