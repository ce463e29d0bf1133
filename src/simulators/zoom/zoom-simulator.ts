import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { SIM_CREDENTIALS } from "../credentials.js";
import { FixedWindow } from "../fixed-window.js";
import { Simulator, type FaultSwitches, type SimRequest, type SimResponse } from "../harness.js";
import { seedZoomNumbers, ZOOM_ASSIGNEE_TYPES, type ZoomWirePhoneNumber } from "./zoom-data.js";

export interface ZoomSimulatorOptions {
  numbers?: number;
  faults?: Partial<FaultSwitches>;
  /** Lifetime of issued access tokens (`expires_in`); Zoom's is 3600 s. */
  tokenTtlSeconds?: number;
  /** Lifetime of a `next_page_token`; Zoom's is 15 minutes. */
  pageTokenTtlMs?: number;
  /**
   * Enforce a per-second budget on the list endpoint, as Zoom does per account (this API is in the
   * MEDIUM class: 20 requests/s on Business+ plans). Off by default.
   */
  qpsLimit?: number;
  /** The clock tokens, page tokens and the per-second window run on (tests move it forward). */
  now?: () => number;
}

/** Zoom Phone's rate-limit class for `GET /phone/numbers` ("Rate Limit Label: MEDIUM"). */
const RATE_LIMIT_HEADERS = { "x-ratelimit-category": "Medium", "x-ratelimit-type": "QPS" };
const QPS_MESSAGE = "You have reached the maximum per-second rate limit for this API. Try again later.";

const zoomError = (status: number, code: number, message: string, errors?: { field: string; message: string }[]): SimResponse => ({
  status,
  body: { code, message, ...(errors ? { errors } : {}) },
});
const validation = (field: string, message: string) => zoomError(400, 300, "Validation Failed.", [{ field, message }]);
const oauthError = (status: number, error: string, reason: string): SimResponse => ({ status, body: { reason, error } });

/**
 * Zoom Phone `GET /v2/phone/numbers` with `next_page_token` paging, plus the Server-to-Server
 * OAuth token endpoint (`POST /oauth/token?grant_type=account_credentials&account_id=…`) that
 * issues the expiring bearer tokens it checks. Page tokens carry their own offset, query and issue
 * time under an HMAC, so they expire and cannot be forged, and the simulator keeps no paging state.
 */
export class ZoomSimulator extends Simulator {
  /** The account's numbers as Zoom lists them, in listing order. Tests may add odd records. */
  readonly numbers: ZoomWirePhoneNumber[];
  /** A misbehaving upstream: hand back the page token that was sent instead of the next one. */
  repeatPageToken = false;
  private readonly tokens = new Map<string, number>();
  private readonly tokenTtlSeconds: number;
  private readonly pageTokenTtlMs: number;
  private readonly pageTokenKey = randomBytes(16);
  /** Zoom's per-second budget on the list endpoint, when the options set one. */
  private readonly qps: FixedWindow | undefined;
  private readonly now: () => number;

  constructor(options: ZoomSimulatorOptions = {}) {
    super(
      {
        name: "zoom",
        handle: (request) => this.route(request),
        serverError: () => ({ ...zoomError(500, 500, "Internal Server Error."), headers: RATE_LIMIT_HEADERS }),
        rateLimited: (retryAfter) => ({ ...zoomError(429, 429, QPS_MESSAGE), headers: { ...RATE_LIMIT_HEADERS, "retry-after": String(retryAfter) } }),
        // Token grants are not subject to the API's fault switches; they have their own errors.
        faultFreePaths: ["/oauth/"],
      },
      options.faults,
    );
    this.numbers = seedZoomNumbers(options.numbers);
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
    this.pageTokenTtlMs = options.pageTokenTtlMs ?? 15 * 60_000;
    this.now = options.now ?? Date.now;
    this.qps = options.qpsLimit === undefined ? undefined : new FixedWindow(options.qpsLimit, 1000, this.now);
  }

  /** Invalidate every issued access token, as a credential rotation on Zoom's side would. */
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
    const { clientId, clientSecret, accountId } = SIM_CREDENTIALS.zoom;
    const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
    if (request.headers.authorization !== expected) return oauthError(401, "invalid_client", "Invalid client_id or client_secret");
    // Zoom takes the grant in the query string or as a form body.
    const form = new URLSearchParams(request.body);
    const param = (name: string) => request.query.get(name) ?? form.get(name);
    const grant = param("grant_type");
    if (grant !== "account_credentials") return oauthError(400, "unsupported_grant_type", grant ? "Unsupported grant type" : "Missing grant type");
    if (param("account_id") !== accountId) return oauthError(400, "invalid_request", "Invalid account_id");
    const now = this.now();
    for (const [issued, expiry] of this.tokens) if (expiry < now) this.tokens.delete(issued);
    const token = `eyJzaW0iOiJ6b29tIn0.${randomBytes(24).toString("base64url")}`;
    this.tokens.set(token, now + this.tokenTtlSeconds * 1000);
    return { status: 200, body: { access_token: token, token_type: "bearer", expires_in: this.tokenTtlSeconds, scope: "phone:read:admin phone:read:list_numbers:admin" } };
  }

  private listNumbers(request: SimRequest): SimResponse {
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const expiry = bearer ? this.tokens.get(bearer) : undefined;
    if (expiry === undefined) return zoomError(401, 124, "Invalid access token.");
    if (expiry < this.now()) return zoomError(401, 124, "Access token is expired.");
    if (!this.withinQps()) return { ...zoomError(429, 429, QPS_MESSAGE), headers: { ...RATE_LIMIT_HEADERS, "retry-after": "1" } };

    const q = request.query;
    const type = q.get("type") ?? "all";
    if (!["assigned", "unassigned", "all", "byoc"].includes(type)) return validation("type", "Invalid field.");
    const extensionType = q.get("extension_type");
    if (extensionType !== null && type !== "assigned") return validation("extension_type", "extension_type can only be set when type is assigned.");
    if (extensionType !== null && !(ZOOM_ASSIGNEE_TYPES as readonly string[]).includes(extensionType)) return validation("extension_type", "Invalid field.");
    const numberType = q.get("number_type");
    if (numberType !== null && numberType !== "toll" && numberType !== "tollfree") return validation("number_type", "Invalid field.");
    const pending = q.get("pending_numbers");
    if (pending !== null && pending !== "true" && pending !== "false") return validation("pending_numbers", "Invalid field.");
    const pageSizeText = q.get("page_size");
    const pageSize = pageSizeText === null ? 30 : Number(pageSizeText);
    if (!Number.isInteger(pageSize) || pageSize < 1) return validation("page_size", "Invalid field.");
    if (pageSize > 100) return validation("page_size", "page_size must be less than or equal to 100.");
    const siteId = q.get("site_id");

    const query = JSON.stringify([type, extensionType, numberType, pending, siteId]);
    let offset = 0;
    const tokenText = q.get("next_page_token");
    if (tokenText) {
      const opened = this.openPageToken(tokenText, query);
      if (opened === undefined) return zoomError(400, 300, "The next page token is invalid or expired.");
      offset = opened;
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
    const more = offset + pageSize < matching.length;
    const next = more ? (this.repeatPageToken && tokenText ? tokenText : this.sealPageToken(offset + pageSize, query)) : undefined;
    // Zoom sends "" on the last page of a multi-page listing and leaves it out of a single page.
    const tokenField = next !== undefined ? { next_page_token: next } : offset > 0 ? { next_page_token: "" } : {};
    return { status: 200, headers: RATE_LIMIT_HEADERS, body: { ...tokenField, page_size: pageSize, phone_numbers: page, total_records: matching.length } };
  }

  private withinQps(): boolean {
    return this.qps?.tryCount() ?? true;
  }

  private sealPageToken(offset: number, query: string): string {
    const payload = Buffer.from(JSON.stringify([offset, this.now()])).toString("base64url");
    return `${payload}.${this.sign(payload, query)}`;
  }

  /** The offset a token continues from, or undefined when it is forged, for another query, or expired. */
  private openPageToken(token: string, query: string): number | undefined {
    const [payload = "", signature = ""] = token.split(".");
    const expected = Buffer.from(this.sign(payload, query));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const [offset, issuedAt] = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as [number, number];
    return this.now() - issuedAt > this.pageTokenTtlMs ? undefined : offset;
  }

  private sign(payload: string, query: string): string {
    return createHmac("sha256", this.pageTokenKey).update(`${payload}|${query}`).digest("base64url").slice(0, 22);
  }
}
