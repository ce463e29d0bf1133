import { createUpstreamHttp, type HttpTuning } from "../shared/upstream-http.js";
import { describeZoomError } from "./zoom-errors.js";
import { zoomTokenSchema } from "./zoom-wire.js";

export interface ZoomOAuthConfig extends HttpTuning {
  accountId: string;
  clientId: string;
  clientSecret: string;
  oauthUrl: string;
}

/** Renew this long before `expires_in` runs out: a tenth of the lifetime, from 1 to 5 minutes. */
function refreshMargin(expiresInSeconds: number): number {
  return Math.min(300, Math.max(60, expiresInSeconds / 10)) * 1000;
}

/**
 * Server-to-Server OAuth access tokens: cached, renewed before they expire, and fetched by one
 * request however many calls wait for a token at once.
 */
export class ZoomTokenSource {
  private token: { value: string; renewAt: number } | undefined;
  private inFlight: Promise<string> | undefined;
  private readonly http;

  constructor(private readonly config: ZoomOAuthConfig) {
    const basic = Buffer.from(`${config.clientId}:${config.clientSecret}`).toString("base64");
    this.http = createUpstreamHttp({
      provider: "ZOOM",
      accountId: config.accountId,
      baseUrl: config.oauthUrl,
      authHeaders: () => ({ authorization: `Basic ${basic}` }),
      describeErrorBody: describeZoomError,
      secrets: () => [config.clientSecret, basic],
      tuning: config,
    });
  }

  async accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.renewAt) return this.token.value;
    this.inFlight ??= this.fetchToken().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Forget the cached token (after a 401) so the next call fetches a new one. */
  invalidate(): void {
    this.token = undefined;
  }

  private async fetchToken(): Promise<string> {
    const params = new URLSearchParams({ grant_type: "account_credentials", account_id: this.config.accountId });
    const issued = await this.http.postJson("", params, zoomTokenSchema);
    this.token = { value: issued.access_token, renewAt: Date.now() + issued.expires_in * 1000 - refreshMargin(issued.expires_in) };
    return issued.access_token;
  }
}
