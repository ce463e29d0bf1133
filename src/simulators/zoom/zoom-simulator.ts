import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { ZOOM_SIM_CREDENTIALS } from "./zoom-credentials.js";
import { FixedWindow } from "../fixed-window.js";
import { Simulator, type FaultSwitches, type SimRequest, type SimResponse } from "../harness.js";
import { seedZoomNumbers, ZOOM_ASSIGNEE_TYPES, ZOOM_SITES, type ZoomWirePhoneNumber } from "./zoom-data.js";
import { seedNumberManagementOnly, toNumberManagement, ZOOM_NM_ASSIGNED_TO_FILTER, ZOOM_NM_NUMBER_TYPES, ZOOM_NM_PRODUCTS, ZOOM_NM_SOURCES, type ZoomNmWireNumber } from "./zoom-nm-data.js";

export interface ZoomSimulatorOptions {
  numbers?: number;
  faults?: Partial<FaultSwitches>;
  /** Lifetime of issued access tokens (`expires_in`); Zoom's is 3600 s. */
  tokenTtlSeconds?: number;
  /** Lifetime of a `next_page_token`; Zoom's is 15 minutes. */
  pageTokenTtlMs?: number;
  /**
   * Enforce Zoom's per-second budgets per account, one per rate-limit class as Zoom counts them:
   * `/phone/numbers` is MEDIUM (Zoom Phone: 10/s Pro, 20/s Business+), `/number_management/numbers`
   * LIGHT (20/s Pro, 40/s Business+). A number sets both classes to it (each its own budget). Off by default.
   */
  qpsLimit?: number | Partial<Record<ZoomRateClass, number>>;
  /** The clock tokens, page tokens and the per-second window run on (tests move it forward). */
  now?: () => number;
  /** Scopes of the tokens the app is granted (default: both list APIs'); `grantScopes` changes them later. */
  scopes?: string[];
  /** How a missing scope is answered: HTTP 400 code 4711 (what users report) or 401 code 4700 (the errors page's code). */
  missingScopeStatus?: 400 | 401;
}

/** Scopes either of which lets a token list numbers, per API (classic, granular). */
export const ZOOM_LIST_SCOPES = {
  phone: ["phone:read:admin", "phone:read:list_numbers:admin"],
  numberManagement: ["number_management_numbers:read:admin", "number_management:read:list_numbers:admin"],
} as const;
export const ZOOM_DEFAULT_SCOPES = [ZOOM_LIST_SCOPES.phone[0], ZOOM_LIST_SCOPES.numberManagement[0]];

export type ZoomRateClass = "light" | "medium";

/** Zoom Phone's rate-limit class for `GET /phone/numbers` ("Rate Limit Label: MEDIUM"). */
const RATE_LIMIT_HEADERS = { "x-ratelimit-category": "Medium", "x-ratelimit-type": "QPS" };
/** Number Management's list endpoint is in the LIGHT class. */
const NM_RATE_LIMIT_HEADERS = { "x-ratelimit-category": "Light", "x-ratelimit-type": "QPS" };
const QPS_MESSAGE = "You have reached the maximum per-second rate limit for this API. Try again later.";

const zoomError = (status: number, code: number, message: string, errors?: { field: string; message: string }[]): SimResponse => ({
  status,
  body: { code, message, ...(errors ? { errors } : {}) },
});
const validation = (field: string, message: string) => zoomError(400, 300, "Validation Failed.", [{ field, message }]);
const oauthError = (status: number, error: string, reason: string): SimResponse => ({ status, body: { reason, error } });

/**
 * Zoom Phone `GET /v2/phone/numbers` and its successor `GET /v2/number_management/numbers`, both
 * with `next_page_token` paging over one data set (Number Management also lists Contact Center and
 * unallocated numbers), plus the Server-to-Server OAuth token endpoint
 * (`POST /oauth/token?grant_type=account_credentials&account_id=…`) that issues the expiring bearer
 * tokens they check, each with the scopes granted when it was minted. Page tokens carry their own
 * offset, query and issue time under an HMAC, so they expire and cannot be forged, and the simulator
 * keeps no paging state.
 */
export class ZoomSimulator extends Simulator {
  /** The account's numbers as Zoom lists them, in listing order. Tests may add odd records. */
  readonly numbers: ZoomWirePhoneNumber[];
  /** A misbehaving upstream: hand back the page token that was sent instead of the next one. */
  repeatPageToken = false;
  /** Number Management: leave `next_page_token` out of the last page instead of sending "" (Zoom does not say which it does). */
  omitLastPageToken = false;
  /** Numbers only Number Management lists (Contact Center, unallocated, assignees the old API cannot name). */
  readonly numberManagementOnly: ZoomNmWireNumber[];
  /** Called after a list page is served, with the endpoint and the 0-based page offset. */
  onPageServed: ((endpoint: "phone" | "number_management", offset: number) => void) | undefined;
  private readonly tokens = new Map<string, { expiresAt: number; scopes: readonly string[] }>();
  private scopes: readonly string[];
  private readonly missingScopeStatus: 400 | 401;
  private readonly tokenTtlSeconds: number;
  private readonly pageTokenTtlMs: number;
  private readonly pageTokenKey = randomBytes(16);
  /** Zoom's per-second budget per class, for the classes the options set one for. */
  private readonly qps: Partial<Record<ZoomRateClass, FixedWindow>> = {};
  private readonly now: () => number;
  private nmOrder: { sources: NumberManagementSource[]; numbers: string[]; sorted: NumberManagementSource[] } | undefined;

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
    this.numberManagementOnly = seedNumberManagementOnly(this.numbers.length);
    this.scopes = options.scopes ?? ZOOM_DEFAULT_SCOPES;
    this.missingScopeStatus = options.missingScopeStatus ?? 400;
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
    this.pageTokenTtlMs = options.pageTokenTtlMs ?? 15 * 60_000;
    this.now = options.now ?? Date.now;
    const limits = typeof options.qpsLimit === "number" ? { light: options.qpsLimit, medium: options.qpsLimit } : (options.qpsLimit ?? {});
    for (const rateClass of ["light", "medium"] as const) {
      const limit = limits[rateClass];
      if (limit !== undefined) this.qps[rateClass] = new FixedWindow(limit, 1000, this.now);
    }
  }

  /** Change the app's scopes, as an admin editing it in the Marketplace: tokens minted from now on carry them. */
  grantScopes(scopes: readonly string[]): void {
    this.scopes = [...scopes];
  }

  /** Every number as Number Management lists it, in its (stable) order: by number. */
  numberManagementNumbers(): ZoomNmWireNumber[] {
    return this.numberManagementOrder().map(asNumberManagement);
  }

  /**
   * The records behind Number Management's listing, in its order. The sort is kept while no record
   * was added, removed, replaced or renumbered (tests change records in place), so an unfiltered
   * page costs its own records, not a sort of the account: Zoom's pages do not slow down with size.
   */
  private numberManagementOrder(): readonly NumberManagementSource[] {
    const sources: NumberManagementSource[] = [...this.numbers, ...this.numberManagementOnly];
    const memo = this.nmOrder;
    if (memo && memo.sources.length === sources.length && sources.every((s, i) => s === memo.sources[i] && s.number === memo.numbers[i])) return memo.sorted;
    const sorted = [...sources].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
    this.nmOrder = { sources, numbers: sources.map((s) => s.number), sorted };
    return sorted;
  }

  /** Invalidate every issued access token, as a credential rotation on Zoom's side would. */
  revokeTokens(): void {
    this.tokens.clear();
  }

  private route(request: SimRequest): SimResponse {
    if (request.path === "/oauth/token") return this.token(request);
    if (request.path === "/v2/phone/numbers" && request.method === "GET") return this.listNumbers(request);
    if (request.path === "/v2/number_management/numbers" && request.method === "GET") return this.listNumberManagement(request);
    return zoomError(404, 404, `No route ${request.method} ${request.path}.`);
  }

  private token(request: SimRequest): SimResponse {
    if (request.method !== "POST") return zoomError(405, 405, "Method not allowed.");
    const { clientId, clientSecret, accountId } = ZOOM_SIM_CREDENTIALS;
    const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
    if (request.headers.authorization !== expected) return oauthError(401, "invalid_client", "Invalid client_id or client_secret");
    // Zoom takes the grant in the query string or as a form body.
    const form = new URLSearchParams(request.body);
    const param = (name: string) => request.query.get(name) ?? form.get(name);
    const grant = param("grant_type");
    if (grant !== "account_credentials") return oauthError(400, "unsupported_grant_type", grant ? "Unsupported grant type" : "Missing grant type");
    if (param("account_id") !== accountId) return oauthError(400, "invalid_request", "Invalid account_id");
    const now = this.now();
    for (const [issued, { expiresAt }] of this.tokens) if (expiresAt < now) this.tokens.delete(issued);
    const token = `eyJzaW0iOiJ6b29tIn0.${randomBytes(24).toString("base64url")}`;
    this.tokens.set(token, { expiresAt: now + this.tokenTtlSeconds * 1000, scopes: this.scopes });
    return { status: 200, body: { access_token: token, token_type: "bearer", expires_in: this.tokenTtlSeconds, scope: this.scopes.join(" ") } };
  }

  /** The bearer's refusal (401 code 124, the missing-scope answer, a 429), or undefined when it may list. */
  private refuse(request: SimRequest, scopes: readonly string[], headers: Record<string, string>, rateClass: ZoomRateClass): SimResponse | undefined {
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const token = bearer ? this.tokens.get(bearer) : undefined;
    if (token === undefined) return zoomError(401, 124, "Invalid access token.");
    if (token.expiresAt < this.now()) return zoomError(401, 124, "Access token is expired.");
    if (!scopes.some((s) => token.scopes.includes(s))) {
      // Zoom names the scope the token lacks; users report 400/4711 for S2S apps, the errors page lists 4700.
      const code = this.missingScopeStatus === 400 ? 4711 : 4700;
      return zoomError(this.missingScopeStatus, code, `Invalid access token, does not contain scopes:[${scopes.join(", ")}].`);
    }
    if (!this.withinQps(rateClass)) return { ...zoomError(429, 429, QPS_MESSAGE), headers: { ...headers, "retry-after": "1" } };
    return undefined;
  }

  private listNumbers(request: SimRequest): SimResponse {
    const refused = this.refuse(request, ZOOM_LIST_SCOPES.phone, RATE_LIMIT_HEADERS, "medium");
    if (refused) return refused;

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
    this.onPageServed?.("phone", offset);
    // Zoom sends "" on the last page of a multi-page listing and leaves it out of a single page.
    const tokenField = next !== undefined ? { next_page_token: next } : offset > 0 ? { next_page_token: "" } : {};
    return { status: 200, headers: RATE_LIMIT_HEADERS, body: { ...tokenField, page_size: pageSize, phone_numbers: page, total_records: matching.length } };
  }

  /** `GET /number_management/numbers`: filters AND together, `page_size` up to 200, no `total_records`. */
  private listNumberManagement(request: SimRequest): SimResponse {
    const refused = this.refuse(request, ZOOM_LIST_SCOPES.numberManagement, NM_RATE_LIMIT_HEADERS, "light");
    if (refused) return refused;
    const q = request.query;
    const invalid = (name: string) => zoomError(400, 999, `Invalid value: ${name}`);
    const enumFilter = (name: string, values: readonly string[]) => {
      const value = q.get(name);
      return value === null ? { ok: true as const, value } : values.includes(value) ? { ok: true as const, value } : { ok: false as const, value };
    };
    const product = enumFilter("allocated_product", ZOOM_NM_PRODUCTS);
    const numberType = enumFilter("number_type", ZOOM_NM_NUMBER_TYPES);
    const status = enumFilter("number_status", ["Normal", "Pending"]);
    const source = enumFilter("number_source", ZOOM_NM_SOURCES);
    const assignedTo = enumFilter("assigned_to_type", ZOOM_NM_ASSIGNED_TO_FILTER);
    for (const [name, f] of [
      ["allocated_product", product],
      ["number_type", numberType],
      ["number_status", status],
      ["number_source", source],
      ["assigned_to_type", assignedTo],
    ] as const)
      if (!f.ok) return invalid(name);
    const siteId = q.get("site_id");
    if (siteId !== null && !ZOOM_SITES.some((s) => s.id === siteId)) return zoomError(400, 1002010, "The site does not exist");
    const pageSizeText = q.get("page_size");
    const pageSize = pageSizeText === null ? 30 : Number(pageSizeText);
    if (!Number.isInteger(pageSize) || pageSize < 1) return validation("page_size", "Invalid field.");
    if (pageSize > 200) return validation("page_size", "page_size must be less than or equal to 200.");
    const keyword = q.get("keyword");

    const query = JSON.stringify(["nm", product.value, numberType.value, status.value, source.value, assignedTo.value, siteId, keyword]);
    let offset = 0;
    const tokenText = q.get("next_page_token");
    if (tokenText) {
      const opened = this.openPageToken(tokenText, query);
      if (opened === undefined) return zoomError(400, 1003100, "The next page token is either invalid or has expired");
      offset = opened;
    }
    const unfiltered = [product, numberType, status, source, assignedTo].every((f) => f.value === null) && siteId === null && keyword === null;
    const matching = unfiltered
      ? this.numberManagementOrder()
      : this.numberManagementNumbers().filter(
          (n) =>
            (product.value === null || n.allocated_product === product.value) &&
            (numberType.value === null || n.number_type === numberType.value) &&
            (status.value === null || n.status === status.value) &&
            (source.value === null || n.source === source.value) &&
            (siteId === null || n.site?.site_id === siteId) &&
            (keyword === null || n.number.replace(/^\+/, "").startsWith(keyword.replace(/^\+/, ""))) &&
            (assignedTo.value === null ||
              (assignedTo.value === "PhoneUnassigned"
                ? n.allocated_product !== "ZOOM_CONTACT_CENTER" && n.assigned_list.length === 0
                : assignedTo.value === "ContactCenterUnassigned"
                  ? n.allocated_product === "ZOOM_CONTACT_CENTER" && n.assigned_list.length === 0
                  : n.assigned_list.some((a) => a.assigned_to_type === assignedTo.value))),
        );
    const page = matching.slice(offset, offset + pageSize).map(asNumberManagement);
    const more = offset + pageSize < matching.length;
    const next = more ? (this.repeatPageToken && tokenText ? tokenText : this.sealPageToken(offset + pageSize, query)) : this.omitLastPageToken ? undefined : "";
    // After the token is sealed, so a hook that moves the clock ages the token just handed out.
    this.onPageServed?.("number_management", offset);
    return { status: 200, headers: NM_RATE_LIMIT_HEADERS, body: { ...(next !== undefined ? { next_page_token: next } : {}), page_size: pageSize, numbers: page } };
  }

  /** Count one call in its class's budget; false (a 429) when that second's budget is spent. */
  private withinQps(rateClass: ZoomRateClass): boolean {
    return this.qps[rateClass]?.tryCount() ?? true;
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

/** A Zoom Phone record (mapped to Number Management's shape when served) or one only Number Management lists. */
type NumberManagementSource = ZoomWirePhoneNumber | ZoomNmWireNumber;

function asNumberManagement(source: NumberManagementSource): ZoomNmWireNumber {
  return "assigned_list" in source ? source : toNumberManagement(source);
}
