import { BUTTER_SIM_CREDENTIALS } from "./butter-credentials.js";
import { Simulator, type FaultSwitches, type SimRequest, type SimResponse } from "../harness.js";
import { seedButterNumbers, type ButterWirePhoneNumber } from "./butter-data.js";

export const BUTTER_DEFAULT_LIMIT = 20;
export const BUTTER_MAX_LIMIT = 100;

export interface ButterSimulatorOptions {
  numbers?: number;
  faults?: Partial<FaultSwitches>;
  /** A buggy upstream: every page answers with the same `next_cursor`. */
  repeatCursor?: boolean;
  /** A buggy upstream: `has_more: true` with `next_cursor: null`. */
  dropCursor?: boolean;
}

const fail = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): SimResponse => ({
  status,
  body: { success: false, error: { code, message, ...extra } },
});

/**
 * Butter AI's `GET /api/phone-numbers`: `X-API-Key` + `X-Organization-Id`, `status` filter, and
 * cursor paging (`cursor`, `limit`; the docs name only the response side, `pagination.next_cursor`
 * and `has_more`). `limit` defaults to 20 and accepts 1..100; anything else is a 400. Cursors are
 * opaque offsets bound to the filter they were issued for; a foreign or garbled one is a 400.
 */
export class ButterSimulator extends Simulator {
  readonly numbers: readonly ButterWirePhoneNumber[];
  repeatCursor: boolean;
  dropCursor: boolean;
  /** A misbehaving upstream: `has_more` stays true and every page hands out a new cursor, forever. */
  endlessCursor = false;

  constructor(options: ButterSimulatorOptions = {}) {
    super(
      {
        name: "butter",
        handle: (request) => this.route(request),
        serverError: () => fail(500, "INTERNAL_ERROR", "An unexpected error occurred."),
        rateLimited: (retryAfter) => ({ ...fail(429, "RATE_LIMITED", "Too many requests; slow down."), headers: { "retry-after": String(retryAfter) } }),
      },
      options.faults,
    );
    this.numbers = seedButterNumbers(options.numbers);
    this.repeatCursor = options.repeatCursor ?? false;
    this.dropCursor = options.dropCursor ?? false;
  }

  private route(request: SimRequest): SimResponse {
    if (request.method !== "GET" || request.path !== "/api/phone-numbers") return fail(404, "NOT_FOUND", `No route ${request.method} ${request.path}.`);
    const key = request.headers["x-api-key"];
    const org = request.headers["x-organization-id"];
    if (!key || key !== BUTTER_SIM_CREDENTIALS.apiKey) return fail(401, "UNAUTHORIZED", "Invalid or missing API key.");
    if (!org) return fail(400, "VALIDATION_ERROR", "X-Organization-Id header is required.", { field: "X-Organization-Id" });
    if (org !== BUTTER_SIM_CREDENTIALS.organizationId) return fail(403, "FORBIDDEN", "The API key does not belong to this organization.");

    const status = request.query.get("status");
    if (status !== null && status !== "free" && status !== "assigned") return fail(400, "VALIDATION_ERROR", "status must be free or assigned.", { field: "status" });
    const limitText = request.query.get("limit");
    const limit = limitText === null ? BUTTER_DEFAULT_LIMIT : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > BUTTER_MAX_LIMIT) return fail(400, "VALIDATION_ERROR", `limit must be an integer from 1 to ${BUTTER_MAX_LIMIT}.`, { field: "limit" });

    const matching = this.numbers.filter((n) => status === null || n.status === status);
    let offset = 0;
    const cursor = request.query.get("cursor");
    if (cursor !== null) {
      const decoded = decodeCursor(cursor);
      if (!decoded || decoded.status !== (status ?? "") || (decoded.offset > matching.length && !this.endlessCursor)) return fail(400, "VALIDATION_ERROR", "cursor is invalid or was issued for other filters.", { field: "cursor" });
      offset = decoded.offset;
    }
    const page = matching.slice(offset, offset + limit);
    const hasMore = this.endlessCursor || offset + limit < matching.length;
    const next = hasMore && !this.dropCursor ? encodeCursor({ offset: this.repeatCursor ? limit : offset + limit, status: status ?? "" }) : null;
    return {
      status: 200,
      body: { success: true, data: page, pagination: { next_cursor: next, has_more: hasMore, page_size: page.length, total_count: matching.length } },
    };
  }
}

function encodeCursor(cursor: { offset: number; status: string }): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(text: string): { offset: number; status: string } | undefined {
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as { offset?: unknown; status?: unknown };
    return Number.isInteger(value.offset) && typeof value.status === "string" ? { offset: value.offset as number, status: value.status } : undefined;
  } catch {
    return undefined;
  }
}
