import { HIGHLEVEL_SIM_CREDENTIALS } from "./highlevel-credentials.js";
import { Simulator, type FaultSwitches, type SimRequest, type SimResponse } from "../harness.js";
import { seedHighLevelLocations, type HighLevelLocationData } from "./highlevel-data.js";
import { HighLevelOAuth, type HighLevelOAuthOptions } from "./highlevel-oauth.js";
import { HIGHLEVEL_LIMITS, HighLevelRateLimiter, rateLimitHeaders, type HighLevelBurstLimit } from "./highlevel-rate-limit.js";

export interface HighLevelSimulatorOptions {
  numbers?: number;
  faults?: Partial<FaultSwitches>;
  /**
   * Answer 429 once the 100-per-10-s burst (or daily) budget is spent, as HighLevel does. Off by
   * default so the demo and benchmarks are throttled only by the fault switches; the
   * `X-RateLimit-*` headers count down either way.
   */
  enforceRateLimit?: boolean;
  /** The burst window per location (default HighLevel's published 100 per 10 s), for tests that spend it quickly. */
  burstLimit?: Partial<HighLevelBurstLimit>;
  /** Whether a 429 carries `Retry-After` (HighLevel does not publish that it does; default true). */
  retryAfterOn429?: boolean;
  /** The OAuth endpoints' token lifetimes and switches. */
  oauth?: HighLevelOAuthOptions;
  /** The clock the rate-limit windows and OAuth tokens run on (tests pass a fixed one). */
  now?: () => number;
}

const API_VERSION = "2021-07-28";

const badRequest = (message: string): SimResponse => ({ status: 400, body: { message, error: "Bad Request", statusCode: 400 } });

const tooManyRequests = (retryAfterSeconds: number | undefined, headers: Record<string, string>): SimResponse => ({
  status: 429,
  body: { message: "Too Many Requests", error: "Too Many Requests", statusCode: 429 },
  headers: { ...(retryAfterSeconds !== undefined ? { "retry-after": String(retryAfterSeconds) } : {}), ...headers },
});
const unauthorized = (message = "Invalid token: access token is invalid"): SimResponse => ({ status: 401, body: { statusCode: 401, message, error: "Unauthorized" } });
const forbidden = (): SimResponse => ({ status: 403, body: { message: "The token does not have access to this location", error: "Forbidden", statusCode: 403 } });

/**
 * HighLevel (LeadConnector) phone system: active numbers per location (0-based `page`,
 * `pageSize` 1..1000, `skipNumberPool` default true, the `{numbers: [], total: 0}` empty shape) and
 * number pools, with bearer + `Version` headers, its three error shapes and `X-RateLimit-*` headers
 * on every answer. HighLevel budgets per app per location: so does the simulator, one burst window and
 * one day per location the request names (its one app). Besides its Private
 * Integration Token it accepts OAuth access tokens from its own `/oauth/*` endpoints
 * (`highlevel-oauth.ts`): a Location token for its location only.
 */
export class HighLevelSimulator extends Simulator {
  readonly locations: readonly HighLevelLocationData[];
  /** A buggy upstream: every `page` answers with page 0. */
  ignorePage = false;
  /** The OAuth endpoints: install the app, revoke it, pause a location, read the counters. */
  readonly oauth: HighLevelOAuth;
  /** Each location's budgets, by location id ("" for a request that names none). */
  private readonly limiters = new Map<string, HighLevelRateLimiter>();
  private readonly burst: HighLevelBurstLimit;
  private readonly now: (() => number) | undefined;
  private readonly enforceRateLimit: boolean;
  private readonly retryAfterOn429: boolean;

  constructor(options: HighLevelSimulatorOptions = {}) {
    super(
      {
        name: "highlevel",
        handle: (request) => this.route(request),
        // A failed request still spends budget; a rate-limited one does not.
        serverError: (request) => ({ status: 500, body: { msg: "Internal server error", accountStatus: "active" }, headers: rateLimitHeaders(this.limiterFor(request).take(), this.burst) }),
        rateLimited: (retryAfter, request) => tooManyRequests(this.retryAfterOn429 ? retryAfter : undefined, rateLimitHeaders({ ...this.limiterFor(request).peek(), burstRemaining: 0 }, this.burst)),
        // Token endpoints have their own errors; HighLevel does not say whether they count against the budget.
        faultFreePaths: ["/oauth/"],
      },
      options.faults,
    );
    this.burst = { burstMax: options.burstLimit?.burstMax ?? HIGHLEVEL_LIMITS.burstMax, burstIntervalMs: options.burstLimit?.burstIntervalMs ?? HIGHLEVEL_LIMITS.burstIntervalMs };
    this.now = options.now;
    this.retryAfterOn429 = options.retryAfterOn429 ?? true;
    this.oauth = new HighLevelOAuth({ now: options.now, ...options.oauth });
    this.enforceRateLimit = options.enforceRateLimit ?? false;
    this.locations = seedHighLevelLocations(options.numbers);
  }

  location(locationId: string): HighLevelLocationData {
    return this.locations.find((l) => l.locationId === locationId)!;
  }

  /** The budgets of the location a request names (in its path, or `locationId` in its query). */
  private limiterFor(request: SimRequest): HighLevelRateLimiter {
    const inPath = /^\/phone-system\/numbers\/location\/([^/]+)$/.exec(request.path)?.[1];
    const locationId = inPath !== undefined ? decodeURIComponent(inPath) : (request.query.get("locationId") ?? "");
    let limiter = this.limiters.get(locationId);
    if (!limiter) this.limiters.set(locationId, (limiter = new HighLevelRateLimiter(this.now, this.burst)));
    return limiter;
  }

  private route(request: SimRequest): SimResponse | Promise<SimResponse> {
    const oauth = this.oauth.handle(request);
    const delayMs = this.oauth.tokenAnswerDelayMs;
    if (oauth && request.path === "/oauth/token" && delayMs > 0) return new Promise((resolve) => setTimeout(() => resolve(oauth), delayMs).unref());
    if (oauth) return oauth;
    const budget = this.limiterFor(request).take();
    const headers = rateLimitHeaders(budget, this.burst);
    if (!budget.allowed && this.enforceRateLimit) return tooManyRequests(this.retryAfterOn429 ? Math.max(1, Math.ceil(budget.windowLeftMs / 1000)) : undefined, headers);
    const response = this.answer(request);
    return { ...response, headers: { ...headers, ...response.headers } };
  }

  private answer(request: SimRequest): SimResponse {
    // undefined: the Private Integration Token, which reaches every location; else the OAuth token's location.
    let tokenLocation: string | undefined;
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? "")?.[1] ?? "";
    if (bearer !== HIGHLEVEL_SIM_CREDENTIALS.token) {
      const grant = this.oauth.grantOf(bearer);
      if (grant === undefined || grant === "expired") return unauthorized();
      // The phone-system endpoints are Location-Access: an agency (Company) token is not accepted.
      if (grant.userType !== "Location") return unauthorized("This authClass type is not allowed to access this scope");
      tokenLocation = grant.locationId;
    }
    if (request.headers.version !== API_VERSION) return badRequest(`Version header must be ${API_VERSION}`);
    const numbersRoute = /^\/phone-system\/numbers\/location\/([^/]+)$/.exec(request.path);
    const locationId = numbersRoute ? decodeURIComponent(numbersRoute[1]!) : request.query.get("locationId");
    if (tokenLocation !== undefined && locationId !== tokenLocation) return forbidden();
    if (request.method === "GET" && numbersRoute) return this.activeNumbers(decodeURIComponent(numbersRoute[1]!), request.query);
    if (request.method === "GET" && request.path === "/phone-system/number-pools") return this.pools(request.query);
    return { status: 404, body: { message: `Cannot ${request.method} ${request.path}`, error: "Not Found", statusCode: 404 } };
  }

  private activeNumbers(locationId: string, q: URLSearchParams): SimResponse {
    const location = this.locations.find((l) => l.locationId === locationId);
    if (!location) return { status: 404, body: { message: "Phone system is not connected to this account", statusCode: 404 } };
    // The docs give the default page size as both 50 and 1000; this simulator takes 50.
    const pageSize = q.get("pageSize") === null ? 50 : Number(q.get("pageSize"));
    const page = q.get("page") === null ? 0 : Number(q.get("page"));
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000 || !Number.isInteger(page) || page < 0) return badRequest("Invalid locationId format or pagination parameters");
    const skip = q.get("skipNumberPool");
    if (skip !== null && skip !== "true" && skip !== "false") return badRequest("skipNumberPool must be a boolean value");
    const search = q.get("searchFilter");
    const visible = location.numbers.filter((n) => (skip === "false" || !location.pooledSids.has(n.sid)) && (!search || n.phoneNumber.includes(search)));
    const from = this.ignorePage ? 0 : page * pageSize;
    const slice = visible.slice(from, from + pageSize);
    if (slice.length === 0) return { status: 200, body: { numbers: [], total: 0 } };
    return { status: 200, body: { numbers: slice, isUnderGhl: true, pageSize, page, accountStatus: "active" } };
  }

  private pools(q: URLSearchParams): SimResponse {
    const locationId = q.get("locationId");
    const locations = locationId === null ? this.locations : this.locations.filter((l) => l.locationId === locationId);
    if (locationId !== null && locations.length === 0) return forbidden();
    const data = locations.flatMap((l) => l.pools);
    return { status: 200, body: { success: true, data, total: data.length } };
  }
}
