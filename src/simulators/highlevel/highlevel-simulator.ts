import { SIM_CREDENTIALS } from "../credentials.js";
import { Simulator, type FaultSwitches, type SimRequest, type SimResponse } from "../harness.js";
import { seedHighLevelLocations, type HighLevelLocationData } from "./highlevel-data.js";

export interface HighLevelSimulatorOptions {
  numbers?: number;
  faults?: Partial<FaultSwitches>;
}

const API_VERSION = "2021-07-28";
const BURST = { max: 100, intervalMs: 10_000, daily: 200_000 };

const badRequest = (message: string): SimResponse => ({ status: 400, body: { message, error: "Bad Request", statusCode: 400 } });

/**
 * HighLevel (LeadConnector) phone system: active numbers per location (0-based `page`,
 * `pageSize` 1..1000, `skipNumberPool` default true, the `{numbers: [], total: 0}` empty shape) and
 * number pools, with bearer + `Version` headers, its three error shapes and `X-RateLimit-*` headers.
 */
export class HighLevelSimulator extends Simulator {
  readonly locations: readonly HighLevelLocationData[];
  /** A buggy upstream: every `page` answers with page 0. */
  ignorePage = false;
  private burstRemaining = BURST.max;
  private dailyRemaining = BURST.daily;

  constructor(options: HighLevelSimulatorOptions = {}) {
    super(
      {
        name: "highlevel",
        handle: (request) => this.route(request),
        serverError: () => ({ status: 500, body: { msg: "Internal server error", accountStatus: "active" } }),
        rateLimited: (retryAfter) => ({
          status: 429,
          body: { message: "Too Many Requests", error: "Too Many Requests", statusCode: 429 },
          headers: { "retry-after": String(retryAfter), ...this.rateHeaders(0) },
        }),
      },
      options.faults,
    );
    this.locations = seedHighLevelLocations(options.numbers);
  }

  location(locationId: string): HighLevelLocationData {
    return this.locations.find((l) => l.locationId === locationId)!;
  }

  private rateHeaders(burstRemaining: number): Record<string, string> {
    return {
      "x-ratelimit-max": String(BURST.max),
      "x-ratelimit-remaining": String(burstRemaining),
      "x-ratelimit-interval-milliseconds": String(BURST.intervalMs),
      "x-ratelimit-limit-daily": String(BURST.daily),
      "x-ratelimit-daily-remaining": String(this.dailyRemaining),
    };
  }

  private route(request: SimRequest): SimResponse {
    this.burstRemaining = this.burstRemaining > 0 ? this.burstRemaining - 1 : BURST.max;
    this.dailyRemaining -= 1;
    const response = this.answer(request);
    return { ...response, headers: { ...this.rateHeaders(this.burstRemaining), ...response.headers } };
  }

  private answer(request: SimRequest): SimResponse {
    if (request.headers.authorization !== `Bearer ${SIM_CREDENTIALS.highlevel.token}`) {
      return { status: 401, body: { statusCode: 401, message: "Invalid token: access token is invalid", error: "Unauthorized" } };
    }
    if (request.headers.version !== API_VERSION) return badRequest(`Version header must be ${API_VERSION}`);
    const numbersRoute = /^\/phone-system\/numbers\/location\/([^/]+)$/.exec(request.path);
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
    if (locationId !== null && locations.length === 0) return { status: 403, body: { message: "The token does not have access to this location", error: "Forbidden", statusCode: 403 } };
    const data = locations.flatMap((l) => l.pools);
    return { status: 200, body: { success: true, data, total: data.length } };
  }
}
