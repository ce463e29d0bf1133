import type { Logger } from "pino";
import { UpstreamError } from "../../model/index.js";
import { createUpstreamHttp, type HttpTuning } from "../shared/upstream-http.js";
import { describeZoomError } from "./zoom-errors.js";
import { zoomTokenSchema } from "./zoom-wire.js";

export interface ZoomOAuthConfig extends HttpTuning {
  accountId: string;
  clientId: string;
  clientSecret: string;
  oauthUrl: string;
  /** The clock token expiry runs on (tests). */
  now?: () => number;
}

/**
 * Renew this long before `expires_in` runs out: a tenth of the lifetime, at most 5 minutes (so
 * Zoom's hour-long tokens are renewed at 55 minutes, and a short-lived one is still used).
 */
export function refreshMarginMs(expiresInSeconds: number): number {
  return Math.min(300, expiresInSeconds / 10) * 1000;
}

/**
 * Server-to-Server OAuth access tokens (`grant_type=account_credentials`, no refresh token):
 * cached, renewed before they expire, and fetched by one request however many calls wait at once.
 */
export class ZoomTokenSource {
  private token: { value: string; renewAt: number } | undefined;
  private inFlight: Promise<string> | undefined;
  private readonly http;
  private readonly now: () => number;

  constructor(
    private readonly config: ZoomOAuthConfig,
    log: Logger,
  ) {
    this.now = config.now ?? Date.now;
    const basic = Buffer.from(`${config.clientId}:${config.clientSecret}`).toString("base64");
    this.http = createUpstreamHttp({
      log,
      provider: "ZOOM",
      accountId: config.accountId,
      baseUrl: config.oauthUrl,
      authHeaders: () => ({ authorization: `Basic ${basic}` }),
      describeErrorBody: describeZoomError,
      secrets: () => [config.clientSecret, basic],
      tuning: config,
    });
  }

  /** The token in use, if any: a value error messages must never show. */
  get current(): string | undefined {
    return this.token?.value;
  }

  async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.renewAt) return this.token.value;
    this.inFlight ??= this.fetchToken().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /**
   * Forget `refused` (a token Zoom answered 401 to) so the next call fetches a new one. A token other
   * than the cached one was already replaced by a concurrent call, and the cached one is kept.
   */
  invalidate(refused: string): void {
    if (this.token?.value === refused) this.token = undefined;
  }

  /** Mint a new token on the next call, whatever the cached one's expiry: scopes are fixed when Zoom mints a token. */
  renew(): void {
    this.token = undefined;
  }

  private async fetchToken(): Promise<string> {
    const params = new URLSearchParams({ grant_type: "account_credentials", account_id: this.config.accountId });
    try {
      const issued = await this.http.postJson("", params, zoomTokenSchema);
      this.token = { value: issued.access_token, renewAt: this.now() + issued.expires_in * 1000 - refreshMarginMs(issued.expires_in) };
      return issued.access_token;
    } catch (error) {
      // Zoom answers an unknown account id with a 400; for us it is a credential problem like a 401.
      if (error instanceof UpstreamError && error.details.status === 400) {
        const said = /HTTP 400(.*?)\.?$/.exec(error.message)?.[1] ?? "";
        throw new UpstreamError("ZOOM", "UPSTREAM_AUTH_FAILED", `Zoom refused the token grant for account ${this.config.accountId} (HTTP 400${said}); check the Zoom account id and the app's client id and secret.`, error.details);
      }
      throw error;
    }
  }
}
