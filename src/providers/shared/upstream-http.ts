import got, { HTTPError, ParseError, RequestError, TimeoutError, type Got } from "got";
import type { Logger } from "pino";
import type { z } from "zod";
import { providerLabel, UpstreamError, type Provider, type UpstreamCode } from "../../model/index.js";
import { waitEndsInTime, type CallBounds } from "./call-bounds.js";
import type { Pacer, Permit } from "./pacer.js";
import type { BudgetPlace, RateBudget } from "./rate-budget.js";
import { redactSecrets } from "./redact.js";
import { beginUpstreamCall, type UpstreamCallHandle } from "./upstream-calls.js";

/** The call an attempt belongs to, carried in got's per-request context for metrics and traces. */
const callOf = (context: Record<string, unknown>) => context.upstreamCall as UpstreamCallHandle | undefined;

/** Transport knobs every provider account accepts (config file / tests). */
export interface HttpTuning {
  /** Per attempt; default 10 s. */
  timeoutMs?: number;
  /** Retries of a transient failure (timeout, reset, 429, 5xx); default 2. */
  retries?: number;
  /**
   * First retry delay; doubles each retry. A 429's Retry-After replaces it when given, and is waited
   * out only when it ends before the listing's time budget is spent (else the call fails at once as
   * UPSTREAM_RATE_LIMITED), the same rule as every rate-limit wait (`call-bounds.ts`).
   */
  retryBaseDelayMs?: number;
}

export interface UpstreamHttpOptions {
  /** Where retries and re-asked bodies are logged (debug); never a credential. */
  log: Logger;
  provider: Provider;
  accountId: string;
  baseUrl: string;
  /** Headers that authenticate a call; called per attempt so refreshed tokens are picked up. `signal` is the call's. */
  authHeaders: (signal?: AbortSignal) => Promise<Record<string, string>> | Record<string, string>;
  /**
   * Called on a 401 with the headers the refused attempt sent (so a caller renews only the credential
   * that was refused, not one a concurrent call just fetched) and the parsed error body; return true
   * when the credentials were renewed and one more try is worth it.
   */
  onUnauthorized?: (rejectedHeaders: Readonly<Record<string, unknown>>, body: unknown) => Promise<boolean>;
  /** The provider's error body, summarised for a message ("Invalid token: access token is invalid"). */
  describeErrorBody: (body: unknown, status: number) => string | undefined;
  /** The provider's own error code and message in its error body, kept on the UpstreamError for callers that tell refusals apart. */
  errorFields?: (body: unknown) => { code?: string | number; message?: string } | undefined;
  /** The account's pacer, consulted before every attempt and told every answer's headers. */
  pacer?: Pacer;
  /**
   * The account's call budget for a path (the fleet's count, shared through Redis when set), taken
   * by every attempt just before it is sent. It does not pace a second time what the pacer paces: the
   * pacer holds an attempt back only while the provider's own headers say its window is spent; the
   * budget counts the fleet's attempts before any answer can say so.
   */
  budgetFor?: (path: string) => RateBudget | undefined;
  /** Values that must never appear in a message (tokens, keys); redacted if an upstream echoes them. */
  secrets: () => string[];
  /** The account's transport knobs (only the HttpTuning fields are read). */
  tuning?: HttpTuning;
}

export interface UpstreamHttp {
  /**
   * GET `path` (relative to the base URL), validate the JSON body with `schema`, or throw
   * `UpstreamError`. `bounds` (the listing's): its signal aborts the call and its retries, and no
   * rate-limit wait runs past its deadline.
   */
  getJson<S extends z.ZodType>(path: string, searchParams: URLSearchParams, schema: S, bounds: CallBounds): Promise<z.infer<S>>;
  /** POST with no body (OAuth token grants carry everything in the query), validated likewise; outside a listing, no wait for a rate limit. */
  postJson<S extends z.ZodType>(path: string, searchParams: URLSearchParams, schema: S, bounds?: CallBounds): Promise<z.infer<S>>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** One call's pacing across got's attempts: its bounds, its budget, and the pacer place the current attempt holds. */
interface Pacing {
  bounds?: CallBounds;
  budget?: RateBudget;
  permit?: Permit;
  /** The current attempt's place in the budget, settled when the attempt has ended. */
  place?: BudgetPlace;
}
const pacingOf = (context: Record<string, unknown>) => context.pacing as Pacing | undefined;

/**
 * The got instance every provider client calls through: per-call timeout, bounded retries with
 * backoff for transient failures (timeouts, resets, 429, 5xx), Retry-After honoured, and every
 * failure mapped to one `UpstreamError` carrying an `UPSTREAM_*` code (docs/errors.md).
 */
export function createUpstreamHttp(options: UpstreamHttpOptions): UpstreamHttp {
  const { provider, accountId, log, tuning = {} } = options;
  const timeoutMs = tuning.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryBase = tuning.retryBaseDelayMs ?? 250;
  const client: Got = got.extend({
    timeout: { request: timeoutMs },
    responseType: "text",
    headers: { accept: "application/json", "user-agent": "numbergraph" },
    retry: {
      limit: tuning.retries ?? 2,
      methods: ["GET", "POST"],
      statusCodes: [408, 429, 500, 502, 503, 504],
      // No fixed bound on a Retry-After: calculateDelay holds it to the listing's time budget.
      maxRetryAfter: Number.POSITIVE_INFINITY,
      calculateDelay: ({ attemptCount, error, computedValue }) => {
        if (computedValue === 0) return 0; // got decided not to retry (limit, status)
        if (error.response?.headers["retry-after"] !== undefined) return waitEndsInTime(pacingOf(error.options.context)?.bounds, computedValue) ? computedValue : 0;
        return retryBase * 2 ** (attemptCount - 1) + Math.random() * retryBase * 0.2;
      },
    },
    hooks: {
      beforeRequest: [
        (request) => callOf(request.context)?.attemptStarts(),
        async (request) => {
          const pacing = pacingOf(request.context);
          // Each attempt (retries included) waits for room in the account's window before it is sent.
          pacing?.permit?.release();
          pacing?.place?.settle();
          if (pacing) pacing.permit = pacing.place = undefined;
          if (pacing && options.pacer) pacing.permit = await options.pacer.acquire(pacing.bounds);
          Object.assign(request.headers, await options.authHeaders(pacing?.bounds?.signal));
          // Last, so the attempt takes its place when it is sent, not before a wait or a token trade.
          if (pacing?.budget) pacing.place = await pacing.budget.take(pacing.bounds);
        },
      ],
      afterResponse: [
        (response) => {
          callOf(response.request.options.context)?.attemptEnded(String(response.statusCode));
          const pacing = pacingOf(response.request.options.context);
          pacing?.permit?.answered(response.headers, response.statusCode);
          pacing?.place?.settle();
          if (pacing) pacing.permit = pacing.place = undefined;
          return response;
        },
      ],
      beforeRetry: [
        (error, retryCount) => {
          if (!error.response) callOf(error.options.context)?.attemptEnded(error.code ?? "error");
          log.debug({ provider, accountId, retryCount, status: error.response?.statusCode, code: error.code }, "retrying upstream call");
        },
      ],
    },
  });

  const fail = (code: UpstreamCode, what: string, extra: UpstreamError["details"] = {}) => new UpstreamError(provider, code, redactSecrets(`${providerLabel[provider]} ${what}`, options.secrets()), { accountId, ...extra });

  function mapError(error: unknown, method: string, path: string, signal: AbortSignal | undefined): UpstreamError {
    if (error instanceof UpstreamError) return error;
    if (signal?.aborted) return listingAborted(provider, accountId, signal);
    // Thrown by the auth hook (e.g. an OAuth token grant that failed): got wraps it; unwrap.
    if (error instanceof RequestError && error.cause instanceof UpstreamError) return error.cause;
    if (error instanceof TimeoutError) {
      return fail("UPSTREAM_TIMEOUT", `did not answer ${method} /${path} within ${timeoutMs} ms; retry later, or raise the timeout if the account is large.`);
    }
    if (error instanceof HTTPError) {
      const status = error.response.statusCode;
      const body = parseBody(error.response.body);
      const said = describe(body, status);
      const fields = body === undefined ? undefined : options.errorFields?.(body);
      const own = { status, ...(fields?.code !== undefined ? { providerCode: fields.code } : {}), ...(fields?.message !== undefined ? { providerMessage: redactSecrets(fields.message, options.secrets()) } : {}) };
      const retryAfterHeader = Number(error.response.headers["retry-after"]);
      // No Retry-After (Telnyx never sends one): the reset the pacer read from the rate-limit headers.
      const resetAt = options.pacer?.current?.resetAt;
      const retryAfter = Number.isFinite(retryAfterHeader) ? retryAfterHeader : resetAt !== undefined && Number.isFinite(resetAt) ? Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)) : NaN;
      if (status === 401 || status === 403) {
        return fail("UPSTREAM_AUTH_FAILED", `refused the credentials for account ${accountId} (HTTP ${status}${said}); check the configured token or key.`, own);
      }
      if (status === 429) {
        return fail("UPSTREAM_RATE_LIMITED", `rate-limited account ${accountId} (HTTP 429${said}); retry after ${Number.isFinite(retryAfter) ? `${retryAfter} s` : "a short wait"}.`, {
          ...own,
          retryAfterMs: Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined,
        });
      }
      if (status >= 500) return fail("UPSTREAM_UNAVAILABLE", `failed with HTTP ${status}${said}; retry later.`, own);
      return fail("UPSTREAM_BAD_RESPONSE", `rejected ${method} /${path} with HTTP ${status}${said}.`, own);
    }
    if (error instanceof ParseError) return fail("UPSTREAM_BAD_RESPONSE", `answered ${method} /${path} with a body that is not JSON.`);
    if (error instanceof RequestError) {
      return fail("UPSTREAM_UNAVAILABLE", `could not be reached at ${options.baseUrl} (${error.code ?? "network error"}); check the base URL and network.`);
    }
    return fail("UPSTREAM_BAD_RESPONSE", `call failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
  }

  /** An error body as JSON, or undefined when it is not JSON. */
  function parseBody(body: unknown): unknown {
    if (typeof body !== "string") return body;
    try {
      return JSON.parse(body);
    } catch {
      return undefined;
    }
  }

  function describe(parsed: unknown, status: number): string {
    if (parsed === undefined) return "";
    const said = options.describeErrorBody(parsed, status);
    return said ? `: ${said}` : "";
  }

  async function send(method: "GET" | "POST", path: string, searchParams: URLSearchParams, bounds: CallBounds | undefined, call: UpstreamCallHandle, renewed = false): Promise<string> {
    const signal = bounds?.signal;
    const pacing: Pacing = { bounds, budget: options.budgetFor?.(path.replace(/^\//, "")) };
    try {
      const relative = path.replace(/^\//, "");
      const response = await client(relative ? `${options.baseUrl.replace(/\/+$/, "")}/${relative}` : options.baseUrl, { method, searchParams, signal, context: { upstreamCall: call, pacing } });
      return response.body;
    } catch (error) {
      // The last attempt's transport failure (a response was counted by afterResponse; an auth hook's failure sent nothing).
      if (error instanceof RequestError && !error.response && !(error.cause instanceof UpstreamError)) call.attemptEnded(error.code ?? "error");
      if (!renewed && error instanceof HTTPError && error.response.statusCode === 401 && options.onUnauthorized && (await options.onUnauthorized(error.options.headers, parseBody(error.response.body)))) {
        return send(method, path, searchParams, bounds, call, true);
      }
      throw mapError(error, method, path.replace(/^\//, ""), signal);
    } finally {
      // An attempt that got no answer (timeout, reset, abort) gives its place back, and ends its budget place.
      pacing.permit?.release();
      pacing.place?.settle();
    }
  }

  async function sendJson<S extends z.ZodType>(method: "GET" | "POST", path: string, searchParams: URLSearchParams, schema: S, bounds: CallBounds | undefined): Promise<z.infer<S>> {
    const call = beginUpstreamCall({ provider, accountId, method, baseUrl: options.baseUrl, path, searchParams });
    try {
      const parsed = await fetchAndParse(method, path, searchParams, schema, bounds, call);
      call.end({ status: call.call.attempts.at(-1)?.status ?? "none" });
      return parsed;
    } catch (error) {
      call.end({ status: call.call.attempts.at(-1)?.status ?? "none", ...(error instanceof UpstreamError ? { error: error.code } : {}) });
      throw error;
    }
  }

  async function fetchAndParse<S extends z.ZodType>(method: "GET" | "POST", path: string, searchParams: URLSearchParams, schema: S, bounds: CallBounds | undefined, call: UpstreamCallHandle): Promise<z.infer<S>> {
    let json: unknown;
    // A body cut off in transit (a truncated page) is worth one more try before the listing fails.
    for (let attempt = 1; ; attempt++) {
      const text = await send(method, path, searchParams, bounds, call);
      try {
        json = JSON.parse(text);
        break;
      } catch {
        if (attempt < 2) {
          log.debug({ provider, accountId, path }, "upstream body is not JSON; asking once more");
          continue;
        }
        throw fail("UPSTREAM_BAD_RESPONSE", `answered ${method} ${path || "/"} with a body that is not JSON, twice; it may be down or misbehaving, retry later.`);
      }
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw fail("UPSTREAM_BAD_RESPONSE", `answered ${method} ${path || "/"} with an unexpected shape (${issue?.path.join(".") || "body"}: ${issue?.message}).`);
    }
    return parsed.data;
  }

  return {
    getJson: (path, searchParams, schema, bounds) => sendJson("GET", path, searchParams, schema, bounds),
    postJson: (path, searchParams, schema, bounds) => sendJson("POST", path, searchParams, schema, bounds),
  };
}

/** The bearer token a refused attempt sent (`onUnauthorized`'s headers), to retire exactly that one. */
export function rejectedBearerToken(rejected: Readonly<Record<string, unknown>>): string {
  return typeof rejected.authorization === "string" ? rejected.authorization.replace(/^Bearer /i, "") : "";
}

/** The error a listing stops with once its bounds abort it (time budget spent, or the gateway stopping). */
export function listingAborted(provider: Provider, accountId: string, signal: AbortSignal): UpstreamError {
  const reason: unknown = signal.reason;
  if (reason instanceof UpstreamError) return reason;
  return new UpstreamError(provider, "UPSTREAM_TIMEOUT", `${providerLabel[provider]} listing of account ${accountId} was stopped: ${reason instanceof Error ? reason.message : "the gateway is stopping"}.`, { accountId });
}
