import { TELNYX_SIM_CREDENTIALS } from "./telnyx-credentials.js";
import { Simulator, type FaultSwitches, type SimRequest, type SimResponse } from "../harness.js";
import { seedTelnyxNumbers, type TelnyxUsagePaymentMethod, type TelnyxWirePhoneNumber } from "./telnyx-data.js";
import { applyFilters } from "./telnyx-filters.js";
import { TelnyxRateLimiter, TELNYX_SIM_RATE_LIMIT, type TelnyxRateLimit } from "./telnyx-rate-limit.js";

export interface TelnyxSimulatorOptions {
  numbers?: number;
  faults?: Partial<FaultSwitches>;
  /** The window budget the `x-ratelimit-*` headers count down (default 200 per 60 s). */
  rateLimit?: Partial<TelnyxRateLimit>;
  /** Answer 429 (code 10011) once the window's budget is spent; off by default, the headers count down either way. */
  enforceRateLimit?: boolean;
  /** The rate limiter's clock, for tests. */
  now?: () => number;
}

export const TELNYX_DEFAULT_PAGE_SIZE = 20;
export const TELNYX_MAX_PAGE_SIZE = 250;

function errors(status: number, code: string, title: string, detail: string, parameter?: string): SimResponse {
  return {
    status,
    body: { errors: [{ code, title, detail, ...(parameter ? { source: { parameter } } : {}), meta: { url: `https://developers.telnyx.com/docs/overview/errors/${code}` } }] },
  };
}

const badRequest = (parameter: string, detail: string) => errors(400, "10015", "Bad Request", detail, parameter);
const notFound = () => errors(404, "10005", "Resource not found", "The requested resource or URL could not be found.");
const unauthorized = () => errors(401, "10009", "Authentication failed", "Could not understand the provided credentials.");
/**
 * Telnyx's 429: code 10011 and the window in `x-ratelimit-*`, with **no** `Retry-After` (Telnyx
 * sends none); `x-ratelimit-reset` is the only word on when to call again.
 */
const tooManyRequests = (resetSeconds: number, headers: Record<string, string>): SimResponse => ({
  ...errors(429, "10011", "Too many requests", "You have exceeded the maximum number of allowed requests."),
  headers: { ...headers, "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(resetSeconds) },
});

type Row = TelnyxWirePhoneNumber;
const byText = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0);

/**
 * Telnyx v2 `GET /v2/phone_numbers`: bearer API key, deepObject `page[number]`/`page[size]` with
 * `meta.total_pages`, deepObject `filter[...]`, `sort`, `{errors: [...]}` bodies and `x-ratelimit-*`
 * headers on every answer.
 */
export class TelnyxSimulator extends Simulator {
  /** The seeded PhoneNumberDetailed records, `external_pin` included; tests may add odd ones. */
  readonly numbers: TelnyxWirePhoneNumber[];
  /** Each number's voice usage payment method (not part of PhoneNumberDetailed). */
  readonly usagePaymentMethods: Map<string, TelnyxUsagePaymentMethod>;
  /** Misbehave like an upstream that ignores `page[number]` and always serves page 1. */
  ignorePageNumber = false;
  /** A misbehaving upstream: `meta.total_pages` claims this many pages, whatever it holds. */
  claimedTotalPages: number | undefined = undefined;
  /** Called after a page is served, e.g. to buy a number while a client is still paging. */
  onPageServed: ((pageNumber: number) => void) | undefined;
  private readonly limiter: TelnyxRateLimiter;
  private readonly enforceRateLimit: boolean;

  constructor(options: TelnyxSimulatorOptions = {}) {
    super(
      {
        name: "telnyx",
        handle: (request) => this.route(request),
        serverError: () => ({ ...errors(500, "10007", "Unexpected error", "An unexpected error occured."), headers: this.limiter.headers(this.limiter.take()) }),
        // The 429 switch: `retryAfterSeconds` becomes the reported x-ratelimit-reset (there is no Retry-After).
        rateLimited: (resetSeconds) => tooManyRequests(resetSeconds, this.limiter.headers()),
      },
      options.faults,
    );
    const seed = seedTelnyxNumbers(options.numbers);
    this.numbers = seed.numbers;
    this.usagePaymentMethods = seed.usagePaymentMethods;
    this.limiter = new TelnyxRateLimiter({ ...TELNYX_SIM_RATE_LIMIT, ...options.rateLimit }, options.now);
    this.enforceRateLimit = options.enforceRateLimit ?? false;
  }

  private route(request: SimRequest): SimResponse {
    const budget = this.limiter.take();
    const headers = this.limiter.headers(budget);
    if (!budget.allowed && this.enforceRateLimit) return tooManyRequests(budget.resetSeconds, headers);
    const response = this.answer(request);
    return { ...response, headers: { ...headers, ...response.headers } };
  }

  private answer(request: SimRequest): SimResponse {
    if (request.method !== "GET" || request.path.replace(/\/+$/, "") !== "/v2/phone_numbers") return notFound();
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "");
    if (bearer?.[1] !== TELNYX_SIM_CREDENTIALS.apiKey) return unauthorized();

    const q = request.query;
    for (const key of q.keys()) {
      if (key.startsWith("page") && key !== "page[size]" && key !== "page[number]") return badRequest(key, `${key} is not a page parameter; use page[number] and page[size].`);
    }
    const size = integerParameter(q, "page[size]", TELNYX_DEFAULT_PAGE_SIZE);
    if (size === undefined || size < 1 || size > TELNYX_MAX_PAGE_SIZE) return badRequest("page[size]", `page[size] must be an integer from 1 to ${TELNYX_MAX_PAGE_SIZE}.`);
    const requestedPage = integerParameter(q, "page[number]", 1);
    if (requestedPage === undefined || requestedPage < 1) return badRequest("page[number]", "page[number] must be an integer of at least 1.");
    const sort = q.get("sort");
    if (sort !== null && !(sort in this.sorts)) return badRequest("sort", `sort must be one of ${Object.keys(this.sorts).join(", ")}.`);
    const handleError = q.get("handle_messaging_profile_error");
    if (handleError !== null && handleError !== "true" && handleError !== "false") return badRequest("handle_messaging_profile_error", "handle_messaging_profile_error must be true or false.");

    const rows = applyFilters(this.numbers, q, this.usagePaymentMethods);
    if (!Array.isArray(rows)) return badRequest(rows.parameter, rows.detail);
    // Default: created_at descending. Ties fall back to the id so every order is deterministic.
    const compare = sort ? this.sorts[sort]! : (a: Row, b: Row) => byText(b.created_at, a.created_at);
    const ordered = [...rows].sort((a, b) => compare(a, b) || byText(a.id, b.id));
    const page = this.ignorePageNumber ? 1 : requestedPage;
    const data = ordered.slice((page - 1) * size, page * size);
    this.onPageServed?.(page);
    const totalPages = this.claimedTotalPages ?? Math.ceil(ordered.length / size);
    return { status: 200, body: { data, meta: { total_pages: totalPages, total_results: ordered.length, page_number: page, page_size: size } } };
  }

  private readonly sorts: Record<string, (a: Row, b: Row) => number> = {
    purchased_at: (a, b) => byText(a.purchased_at, b.purchased_at),
    phone_number: (a, b) => byText(a.phone_number, b.phone_number),
    connection_name: (a, b) => byText(a.connection_name, b.connection_name),
    usage_payment_method: (a, b) => byText(this.usagePaymentMethods.get(a.id) ?? null, this.usagePaymentMethods.get(b.id) ?? null),
  };
}

/** A whole-number query parameter, its default when absent, or undefined when it is not one. */
function integerParameter(q: URLSearchParams, name: string, fallback: number): number | undefined {
  const raw = q.get(name);
  if (raw === null) return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}
