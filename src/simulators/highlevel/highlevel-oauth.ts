import { randomBytes } from "node:crypto";
import type { SimRequest, SimResponse } from "../harness.js";

/** The simulated Marketplace app (`client_id` is `<appId>-<suffix>`, as HighLevel shapes it). */
export const HIGHLEVEL_SIM_APP = { clientId: "6578278e879ad2646715ba9c-sim0oauth", clientSecret: "sim-highlevel-client-secret", companyId: "tDtDsimCompany0000001" } as const;

export interface HighLevelOAuthOptions {
  /** `expires_in` of access tokens; HighLevel's are 86399 s. */
  accessTokenTtlSeconds?: number;
  /** Lifetime of an unused refresh token; HighLevel's is a year. */
  refreshTokenTtlMs?: number;
  /** Whether `/oauth/locationToken` answers carry a `refresh_token` (the v3 copy of the schema has one, the v2 one not). */
  locationTokenRefreshToken?: boolean;
  now?: () => number;
}

/** What the OAuth endpoints saw, so tests can assert how a client traded. */
export interface HighLevelOAuthCounters {
  /** Successful refresh-token trades at `POST /oauth/token`. */
  trades: number;
  /** Trades refused (Invalid grant, Location is not active, bad client …). */
  refusedTrades: number;
  /** A refresh token presented after it was used: the bug a rotating client must never have. */
  retiredRefreshTokenPresented: number;
  /** Location tokens minted at `POST /oauth/locationToken`. */
  locationTokens: number;
  /** API calls made with an access token past its `expires_in`. */
  expiredAccessTokenPresented: number;
}

interface Install {
  userType: "Location" | "Company";
  /** Location installs: their location. */
  locationId?: string;
  companyId: string;
  /** Company installs: the locations it may mint tokens for. */
  approvedLocations: string[];
  uninstalled: boolean;
}

interface RefreshToken {
  install: Install;
  expiresAt: number;
  retired: boolean;
}

export interface AccessGrant {
  userType: "Location" | "Company";
  locationId?: string;
  companyId: string;
  expiresAt: number;
}

const VERSION = "2021-07-28";

const envelope = (status: number, message: string | string[], error?: string): SimResponse => ({
  status,
  body: { statusCode: status, message, ...(error ? { error } : {}) },
});
const invalidGrant = (why: string) => envelope(400, `Invalid grant: ${why}`);

/**
 * HighLevel's OAuth 2.0 endpoints as `highlevel-oauth.md` describes them: `POST /oauth/token`
 * (form body; `refresh_token` grants rotate — each use retires the token and issues a new one),
 * `POST /oauth/locationToken` (a Company token mints a location's token) and the NestJS-style error
 * envelope (`{statusCode, message}`, not RFC 6749's `error: invalid_grant`). Installs are made by
 * tests (`install`), as a user consenting on the Marketplace would.
 */
export class HighLevelOAuth {
  readonly counters: HighLevelOAuthCounters = { trades: 0, refusedTrades: 0, retiredRefreshTokenPresented: 0, locationTokens: 0, expiredAccessTokenPresented: 0 };
  private readonly refreshTokens = new Map<string, RefreshToken>();
  private readonly accessTokens = new Map<string, AccessGrant>();
  private readonly inactiveLocations = new Set<string>();
  private readonly now: () => number;
  accessTokenTtlSeconds: number;
  locationTokenRefreshToken: boolean;
  /**
   * Hold each `/oauth/token` answer this long after the trade is made (the old refresh token is
   * already retired): a slow token endpoint, for tests of what a client does with a trade in flight.
   */
  tokenAnswerDelayMs = 0;
  private readonly refreshTokenTtlMs: number;

  constructor(options: HighLevelOAuthOptions = {}) {
    this.now = options.now ?? Date.now;
    this.accessTokenTtlSeconds = options.accessTokenTtlSeconds ?? 86_399;
    this.refreshTokenTtlMs = options.refreshTokenTtlMs ?? 365 * 24 * 3600_000;
    this.locationTokenRefreshToken = options.locationTokenRefreshToken ?? false;
  }

  /** Install the app (the consent flow): the refresh token a `code` exchange would have returned. */
  install(target: { locationId: string } | { companyId?: string; approvedLocations: string[] }): string {
    const install: Install =
      "locationId" in target
        ? { userType: "Location", locationId: target.locationId, companyId: HIGHLEVEL_SIM_APP.companyId, approvedLocations: [], uninstalled: false }
        : { userType: "Company", companyId: target.companyId ?? HIGHLEVEL_SIM_APP.companyId, approvedLocations: [...target.approvedLocations], uninstalled: false };
    return this.issueRefreshToken(install);
  }

  /** Uninstall: every token of the install stops working (its refresh tokens answer Invalid grant). */
  revoke(refreshToken: string): void {
    const found = this.refreshTokens.get(refreshToken);
    if (!found) return;
    found.install.uninstalled = true;
    for (const [token, grant] of this.accessTokens) {
      if (grant.companyId === found.install.companyId && grant.userType === found.install.userType && grant.locationId === found.install.locationId) this.accessTokens.delete(token);
    }
  }

  /** A paused or cancelled sub-account: trades for it answer "Location is not active" and keep the token. */
  setLocationActive(locationId: string, active: boolean): void {
    if (active) this.inactiveLocations.delete(locationId);
    else this.inactiveLocations.add(locationId);
  }

  /** The grant behind a bearer access token, `"expired"`, or undefined when it is not one of ours. */
  grantOf(accessToken: string): AccessGrant | "expired" | undefined {
    const grant = this.accessTokens.get(accessToken);
    if (!grant) return undefined;
    if (grant.expiresAt <= this.now()) {
      this.counters.expiredAccessTokenPresented += 1;
      return "expired";
    }
    return grant;
  }

  /** Whether `refreshToken` is the install's current one (tests check a client stored what it got). */
  isCurrent(refreshToken: string): boolean {
    const found = this.refreshTokens.get(refreshToken);
    return found !== undefined && !found.retired && !found.install.uninstalled;
  }

  handle(request: SimRequest): SimResponse | undefined {
    if (request.path === "/oauth/token") return request.method === "POST" ? this.token(request) : envelope(404, `Cannot ${request.method} ${request.path}`, "Not Found");
    if (request.path === "/oauth/locationToken") return request.method === "POST" ? this.locationToken(request) : envelope(404, `Cannot ${request.method} ${request.path}`, "Not Found");
    return undefined;
  }

  private token(request: SimRequest): SimResponse {
    const refused = (response: SimResponse) => {
      this.counters.refusedTrades += 1;
      return response;
    };
    if (!String(request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
      return refused(envelope(422, ["body must be application/x-www-form-urlencoded"], "Unprocessable Entity"));
    }
    const form = new URLSearchParams(request.body);
    for (const name of ["client_id", "client_secret", "grant_type"]) if (!form.get(name)) return refused(envelope(400, `Missing parameter: ${name}`));
    const grantType = form.get("grant_type")!;
    if (!["authorization_code", "refresh_token", "client_credentials"].includes(grantType)) return refused(envelope(400, "Invalid parameter: grant_type"));
    if (form.get("client_id") !== HIGHLEVEL_SIM_APP.clientId || form.get("client_secret") !== HIGHLEVEL_SIM_APP.clientSecret) {
      return refused(envelope(401, "Invalid client: client credentials are invalid", "Unauthorized"));
    }
    if (grantType !== "refresh_token") return refused(invalidGrant("authorization code is invalid"));
    const presented = form.get("refresh_token");
    if (!presented) return refused(envelope(400, "Missing parameter: refresh_token"));
    const found = this.refreshTokens.get(presented);
    if (!found) return refused(invalidGrant("refresh token is invalid"));
    if (found.retired) {
      this.counters.retiredRefreshTokenPresented += 1;
      return refused(invalidGrant("refresh token is invalid"));
    }
    if (found.install.uninstalled || found.expiresAt <= this.now()) return refused(invalidGrant("refresh token is invalid"));
    // The same refresh token still works once the location is active again: it is not retired.
    if (found.install.locationId && this.inactiveLocations.has(found.install.locationId)) return refused(envelope(400, "Location is not active"));
    found.retired = true;
    this.counters.trades += 1;
    const install = found.install;
    const refreshToken = this.issueRefreshToken(install);
    const accessToken = this.issueAccessToken({ userType: install.userType, locationId: install.locationId, companyId: install.companyId });
    const common = { access_token: accessToken, token_type: "Bearer", expires_in: this.accessTokenTtlSeconds, refresh_token: refreshToken, companyId: install.companyId, userId: "9aT2simUser000000001" };
    const body =
      install.userType === "Location"
        ? { ...common, scope: "phonenumbers.read locations.readonly", userType: "Location", locationId: install.locationId, isBulkInstallation: false }
        : { ...common, scope: "oauth.readonly oauth.write phonenumbers.read", userType: "Company", approvedLocations: install.approvedLocations, isBulkInstallation: true, installToFutureLocations: false, approveAllLocations: false };
    return { status: 200, body };
  }

  private locationToken(request: SimRequest): SimResponse {
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const grant = bearer ? this.grantOf(bearer) : undefined;
    if (grant === undefined || grant === "expired") return envelope(401, "Invalid token: access token is invalid", "Unauthorized");
    if (grant.userType !== "Company") return envelope(401, "This authClass type is not allowed to access this scope", "Unauthorized");
    if (request.headers.version !== VERSION) return envelope(400, `Version header must be ${VERSION}`);
    const form = new URLSearchParams(request.body);
    const companyId = form.get("companyId");
    const locationId = form.get("locationId");
    if (!companyId) return envelope(400, "Missing parameter: companyId");
    if (!locationId) return envelope(400, "Missing parameter: locationId");
    if (companyId !== grant.companyId) return envelope(400, "The companyId does not match the token");
    const install = [...this.refreshTokens.values()].find((r) => r.install.userType === "Company" && r.install.companyId === companyId && !r.install.uninstalled)?.install;
    if (!install?.approvedLocations.includes(locationId)) return envelope(400, "The app is not installed on this location");
    if (this.inactiveLocations.has(locationId)) return envelope(400, "Location is not active");
    this.counters.locationTokens += 1;
    const accessToken = this.issueAccessToken({ userType: "Location", locationId, companyId });
    const refresh = this.locationTokenRefreshToken ? { refresh_token: this.issueRefreshToken({ userType: "Location", locationId, companyId, approvedLocations: [], uninstalled: false }) } : {};
    return {
      status: 200,
      body: {
        access_token: accessToken,
        token_type: "Bearer",
        expires_in: this.accessTokenTtlSeconds,
        scope: "phonenumbers.read locations.readonly",
        locationId,
        userId: "9aT2simUser000000001",
        appId: HIGHLEVEL_SIM_APP.clientId.split("-")[0],
        versionId: "6578278e879ad2646715ba9c",
        ...refresh,
      },
    };
  }

  private issueRefreshToken(install: Install): string {
    const token = `eyJhbGciOiJSUzI1NiJ9.sim-refresh.${randomBytes(18).toString("base64url")}`;
    this.refreshTokens.set(token, { install, expiresAt: this.now() + this.refreshTokenTtlMs, retired: false });
    return token;
  }

  private issueAccessToken(grant: Omit<AccessGrant, "expiresAt">): string {
    const token = `eyJhbGciOiJSUzI1NiJ9.sim-access.${randomBytes(18).toString("base64url")}`;
    this.accessTokens.set(token, { ...grant, expiresAt: this.now() + this.accessTokenTtlSeconds * 1000 });
    return token;
  }
}
