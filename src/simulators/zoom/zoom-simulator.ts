import { randomBytes } from "node:crypto";
import { SIM_CREDENTIALS } from "../credentials.js";
import { Simulator, type FaultSwitches, type SimRequest, type SimResponse } from "../harness.js";
import { seedZoomNumbers, ZOOM_ASSIGNEE_TYPES, type ZoomWirePhoneNumber } from "./zoom-data.js";

export interface ZoomSimulatorOptions {
  numbers?: number;
  faults?: Partial<FaultSwitches>;
  /** Lifetime of issued access tokens (`expires_in`); Zoom's is 3600 s. */
  tokenTtlSeconds?: number;
  /** Lifetime of a `next_page_token`; Zoom's is 15 minutes. */
  pageTokenTtlMs?: number;
}

const zoomError = (status: number, code: number, message: string, errors?: { field: string; message: string }[]): SimResponse => ({
  status,
  body: { code, message, ...(errors ? { errors } : {}) },
});
const validation = (field: string, message: string) => zoomError(400, 300, "Validation Failed.", [{ field, message }]);

/**
 * Zoom Phone `GET /v2/phone/numbers` with `next_page_token` paging, plus the Server-to-Server
 * OAuth token endpoint (`POST /oauth/token?grant_type=account_credentials&account_id=…`) that
 * issues the expiring bearer tokens it checks.
 */
export class ZoomSimulator extends Simulator {
  readonly numbers: readonly ZoomWirePhoneNumber[];
  private readonly tokens = new Map<string, number>();
  private readonly tokenTtlSeconds: number;
  private readonly pageTokenTtlMs: number;
  private readonly pageTokens = new Map<string, { offset: number; filterKey: string; issuedAt: number }>();

  constructor(options: ZoomSimulatorOptions = {}) {
    super(
      {
        name: "zoom",
        handle: (request) => this.route(request),
        serverError: () => zoomError(500, 500, "Internal Server Error."),
        rateLimited: (retryAfter) => ({
          ...zoomError(429, 429, "You have reached the maximum per-second rate limit for this API. Try again later."),
          headers: { "retry-after": String(retryAfter), "x-ratelimit-category": "Medium", "x-ratelimit-type": "QPS" },
        }),
        faultFreePaths: ["/oauth/"],
      },
      options.faults,
    );
    this.numbers = seedZoomNumbers(options.numbers);
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
    this.pageTokenTtlMs = options.pageTokenTtlMs ?? 15 * 60_000;
  }

  /** Invalidate every issued access token, as a rotation on Zoom's side would. */
  revokeTokens(): void {
    this.tokens.clear();
  }

  private route(request: SimRequest): SimResponse {
    if (request.path === "/oauth/token") return this.token(request);
    if (request.path === "/v2/phone/numbers" && request.method === "GET") return this.listNumbers(request);
    return zoomError(404, 404, `No route ${request.method} ${request.path}.`);
  }

  private token(request: SimRequest): SimResponse {
    if (request.method !== "POST") return zoomError(405, 405, "Method not allowed.");
    const expected = `Basic ${Buffer.from(`${SIM_CREDENTIALS.zoom.clientId}:${SIM_CREDENTIALS.zoom.clientSecret}`).toString("base64")}`;
    if (request.headers.authorization !== expected) return { status: 401, body: { reason: "Invalid client_id or client_secret", error: "invalid_client" } };
    if (request.query.get("grant_type") !== "account_credentials") return { status: 400, body: { reason: "Unsupported grant type", error: "unsupported_grant_type" } };
    if (request.query.get("account_id") !== SIM_CREDENTIALS.zoom.accountId) return { status: 400, body: { reason: "Invalid account_id", error: "invalid_request" } };
    const token = `eyJzaW0iOiJ6b29tIn0.${randomBytes(24).toString("base64url")}`;
    this.tokens.set(token, Date.now() + this.tokenTtlSeconds * 1000);
    return { status: 200, body: { access_token: token, token_type: "bearer", expires_in: this.tokenTtlSeconds, scope: "phone:read:admin phone:read:list_numbers:admin" } };
  }

  private listNumbers(request: SimRequest): SimResponse {
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const expiry = bearer ? this.tokens.get(bearer) : undefined;
    if (!expiry || expiry < Date.now()) return zoomError(401, 124, "Invalid access token.");

    const q = request.query;
    const type = q.get("type") ?? "all";
    if (!["assigned", "unassigned", "all", "byoc"].includes(type)) return validation("type", "Invalid field.");
    const extensionType = q.get("extension_type");
    if (extensionType !== null && (type !== "assigned" || !(ZOOM_ASSIGNEE_TYPES as readonly string[]).includes(extensionType))) {
      return validation("extension_type", "extension_type can only be set to a valid assignee type when type is assigned.");
    }
    const numberType = q.get("number_type");
    if (numberType !== null && numberType !== "toll" && numberType !== "tollfree") return validation("number_type", "Invalid field.");
    const pending = q.get("pending_numbers");
    if (pending !== null && pending !== "true" && pending !== "false") return validation("pending_numbers", "Invalid field.");
    const pageSize = q.get("page_size") === null ? 30 : Number(q.get("page_size"));
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return validation("page_size", "page_size must be at most 100.");
    const siteId = q.get("site_id");

    const filterKey = JSON.stringify([type, extensionType, numberType, pending, siteId, pageSize]);
    let offset = 0;
    const tokenText = q.get("next_page_token");
    if (tokenText) {
      const token = this.pageTokens.get(tokenText);
      if (!token || token.filterKey !== filterKey || Date.now() - token.issuedAt > this.pageTokenTtlMs) return zoomError(400, 300, "The next page token is invalid or expired.");
      offset = token.offset;
    }
    const matching = this.numbers.filter(
      (n) =>
        (type === "all" || (type === "assigned" && n.assignee) || (type === "unassigned" && !n.assignee) || (type === "byoc" && n.source === "external")) &&
        (extensionType === null || n.assignee?.type === extensionType) &&
        (numberType === null || n.number_type === numberType) &&
        (pending !== "false" || n.status !== "pending") &&
        (siteId === null || n.site.id === siteId),
    );
    const page = matching.slice(offset, offset + pageSize);
    const hasMore = offset + pageSize < matching.length;
    let next: string | undefined;
    if (hasMore) {
      next = randomBytes(16).toString("base64url");
      this.pageTokens.set(next, { offset: offset + pageSize, filterKey, issuedAt: Date.now() });
    }
    // Zoom sends "" on the last page of a multi-page listing and leaves it out of a single page.
    const tokenField = next !== undefined ? { next_page_token: next } : offset > 0 ? { next_page_token: "" } : {};
    return { status: 200, body: { ...tokenField, page_size: pageSize, phone_numbers: page, total_records: matching.length } };
  }
}
