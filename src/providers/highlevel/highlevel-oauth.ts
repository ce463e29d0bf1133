import { createHash } from "node:crypto";
import type { Logger } from "pino";
import { z } from "zod";
import { UpstreamError } from "../../model/index.js";
import type { StateStore } from "../../state/state-store.js";
import type { FormAnswer, FormPoster } from "../shared/form-post.js";

/** An OAuth app's credentials and the refresh token it was installed with (env or NUMBERGRAPH_CONFIG). */
export interface HighLevelOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** As configured; the state store's newer one wins unless this one has changed since (a reinstall). */
  refreshToken: string;
  /** Agency (Company) installs: the company whose token mints each location's at /oauth/locationToken. */
  companyId?: string;
}

/** Bearer tokens for one location's API calls, however they are obtained. */
export interface HighLevelAccessTokens {
  accessToken(signal?: AbortSignal): Promise<string>;
  /** Forget `refused` (a token a call was answered 401 with) so the next call gets a new one. */
  invalidate(refused: string): void;
  /** Every token value in memory, so messages can be scrubbed of them. */
  secrets(): string[];
}

export interface HighLevelOAuthDeps {
  store: StateStore;
  post: FormPoster;
  log: Logger;
  now?: () => number;
  /** How long a paused location ("Location is not active") waits before it is tried again; default 60 s. */
  inactiveRetryMs?: number;
}

const VERSION = "2021-07-28";

const tradeSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive(), refresh_token: z.string().min(1) });
const locationTokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
const errorSchema = z.object({ message: z.union([z.string(), z.array(z.string())]).optional(), error: z.string().optional() });

/**
 * What the store keeps per install: the latest refresh token, which configured token it descends
 * from, and the access token that trade gave with when to renew it, so other instances use it
 * rather than trading their own.
 */
const storedSchema = z.object({ refreshToken: z.string().min(1), derivedFrom: z.string(), accessToken: z.string().min(1).optional(), renewAt: z.number().optional() });
type StoredInstall = z.infer<typeof storedSchema>;

/** Renew this long before expiry: a tenth of the lifetime, at most 5 minutes. */
const renewMarginMs = (expiresInSeconds: number) => Math.min(300, expiresInSeconds / 10) * 1000;
const fingerprint = (token: string) => createHash("sha256").update(token).digest("hex");
const said = (answer: FormAnswer) => {
  const parsed = errorSchema.safeParse(answer.body);
  const message = parsed.success ? parsed.data.message : undefined;
  return (Array.isArray(message) ? message.join("; ") : message) ?? "";
};

/**
 * One install's access tokens, traded from its rotating refresh token at `POST /oauth/token`:
 * before the access token expires, and again after a 401. Each trade retires the refresh token it
 * used, so the new one is written to the state store before its access token is handed out, and
 * trades for one install happen one at a time (one request in this process, the store's lock
 * across processes). The access token is stored beside the refresh token, so another instance
 * sharing the store takes it instead of trading again. A refused refresh token fails the install with advice and is not tried again
 * until the store holds another; "Location is not active" keeps the token and tries again later.
 */
export class HighLevelInstallTokens implements HighLevelAccessTokens {
  private token: { value: string; renewAt: number } | undefined;
  /** The access token a call was last answered 401 with: never taken from the store again. */
  private refused: string | undefined;
  private inFlight: Promise<string> | undefined;
  /** A new refresh token the store refused to take: used for the next trade, never lost. */
  private unsaved: string | undefined;
  private dead: { error: UpstreamError; refreshToken: string } | undefined;
  private pausedUntil = 0;
  private lastRefreshToken: string | undefined;
  private readonly now: () => number;
  private readonly userType: "Company" | "Location";
  private readonly key: string;
  readonly label: string;

  constructor(
    private readonly config: HighLevelOAuthConfig,
    /** The location id of a Location install, the company id of an agency install. */
    private readonly resource: string,
    private readonly deps: HighLevelOAuthDeps,
  ) {
    this.now = deps.now ?? Date.now;
    this.userType = config.companyId ? "Company" : "Location";
    this.key = `highlevel-oauth/${config.clientId.split("-")[0]}/${this.userType}/${resource}`;
    this.label = this.userType === "Company" ? `agency install ${resource}` : `location ${resource}`;
  }

  secrets(): string[] {
    return [this.config.clientSecret, this.config.refreshToken, this.token?.value, this.unsaved, this.lastRefreshToken].filter((s): s is string => !!s);
  }

  invalidate(refused: string): void {
    this.refused = refused;
    if (this.token?.value === refused) this.token = undefined;
  }

  async accessToken(signal?: AbortSignal): Promise<string> {
    if (this.dead) {
      // Another instance (or an operator) may have put a working refresh token in the store since.
      const stored = await this.readStored();
      if (stored === undefined || stored === this.dead.refreshToken) throw this.dead.error;
      this.dead = undefined;
    }
    if (this.now() < this.pausedUntil) throw this.inactive(Math.ceil((this.pausedUntil - this.now()) / 1000));
    if (this.token && this.now() < this.token.renewAt) return this.token.value;
    this.inFlight ??= this.deps.store
      .withLock(this.key, () => this.trade())
      .catch((error: unknown) => {
        // The lock itself could not be taken: nothing was traded.
        throw error instanceof UpstreamError ? error : this.storeFailed(error, "before trading, so no trade was made");
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    // The caller may stop waiting (its listing's bounds); the trade itself runs on to its end.
    return signal ? untilAborted(this.inFlight, signal) : this.inFlight;
  }

  /** The store's refresh token when it descends from the configured one; undefined when the store has none for it. */
  private async readStored(): Promise<string | undefined> {
    return (await this.readRecord())?.refreshToken;
  }

  /** The store's record of this install when it descends from the configured refresh token. */
  private async readRecord(): Promise<StoredInstall | undefined> {
    const raw = await this.deps.store.get(this.key);
    if (raw === undefined) return undefined;
    const parsed = storedSchema.safeParse(safeJson(raw));
    if (!parsed.success || parsed.data.derivedFrom !== fingerprint(this.config.refreshToken)) return undefined;
    return parsed.data;
  }

  private async save(refreshToken: string, access?: { value: string; renewAt: number }): Promise<void> {
    const record = { refreshToken, derivedFrom: fingerprint(this.config.refreshToken), ...(access ? { accessToken: access.value, renewAt: access.renewAt } : {}), savedAt: new Date(this.now()).toISOString() };
    await this.deps.store.set(this.key, JSON.stringify(record));
  }

  /**
   * Deliberately deaf to the listing's signal: once sent, the trade has retired the token it spent,
   * so its answer (bounded by the call timeout) must be read and its new token stored, whether the
   * listing's budget ran out or the gateway is stopping meanwhile.
   */
  private async trade(): Promise<string> {
    // Inside the lock: whatever another instance stored last is the live token.
    const record = this.unsaved ? undefined : await this.readRecord();
    // Another instance traded meanwhile: its access token serves this one too, no trade of our own.
    if (record?.accessToken && record.renewAt !== undefined && this.now() < record.renewAt && record.accessToken !== this.refused) {
      this.token = { value: record.accessToken, renewAt: record.renewAt };
      this.lastRefreshToken = record.refreshToken;
      return record.accessToken;
    }
    const refreshToken = this.unsaved ?? record?.refreshToken ?? this.config.refreshToken;
    this.lastRefreshToken = refreshToken;
    // A trade retires the token it spends, so it happens only when its successor can be made durable.
    try {
      await this.save(refreshToken);
    } catch (error) {
      throw this.storeFailed(error, "before trading, so no trade was made");
    }
    const answer = await this.deps.post(
      "oauth/token",
      new URLSearchParams({ client_id: this.config.clientId, client_secret: this.config.clientSecret, grant_type: "refresh_token", refresh_token: refreshToken, user_type: this.userType }),
      {},
    );
    if (answer.status === 200) {
      const parsed = tradeSchema.safeParse(answer.body);
      if (!parsed.success)
        throw new UpstreamError("HIGHLEVEL", "UPSTREAM_BAD_RESPONSE", `HighLevel answered the refresh-token trade for ${this.label} without an access token, expiry and new refresh token; retry later.`, { accountId: this.resource });
      const issued = parsed.data;
      this.unsaved = issued.refresh_token;
      this.lastRefreshToken = issued.refresh_token;
      const token = { value: issued.access_token, renewAt: this.now() + issued.expires_in * 1000 - renewMarginMs(issued.expires_in) };
      try {
        await this.save(issued.refresh_token, token);
      } catch (error) {
        throw this.storeFailed(error, "after a trade; the new refresh token is kept in memory and saved on the next try");
      }
      this.unsaved = undefined;
      this.token = token;
      this.deps.log.info({ provider: "HIGHLEVEL", install: this.label, expiresInSeconds: issued.expires_in }, "HighLevel OAuth: traded the refresh token; the new one is in the %s", this.deps.store.description);
      return issued.access_token;
    }
    const message = said(answer);
    if (answer.status === 400 && /location is not active/i.test(message)) {
      const waitMs = this.deps.inactiveRetryMs ?? 60_000;
      this.pausedUntil = this.now() + waitMs;
      this.deps.log.warn({ provider: "HIGHLEVEL", install: this.label }, "HighLevel says the location is not active; refresh token kept, trying again in %d s", Math.ceil(waitMs / 1000));
      throw this.inactive(Math.ceil(waitMs / 1000));
    }
    if (answer.status === 400 && /invalid grant/i.test(message)) {
      const error = new UpstreamError(
        "HIGHLEVEL",
        "UPSTREAM_AUTH_FAILED",
        `HighLevel refused the refresh token of ${this.label} (${message}): the app was uninstalled, or the token was used elsewhere. Reinstall the app for this ${this.userType === "Company" ? "agency" : "location"}, or set a fresh HIGHLEVEL_REFRESH_TOKEN (refreshToken in NUMBERGRAPH_CONFIG), and restart.`,
        { accountId: this.resource, status: 400 },
      );
      this.dead = { error, refreshToken };
      this.deps.log.error({ provider: "HIGHLEVEL", install: this.label }, "HighLevel refused the refresh token (%s); not trading again until it is replaced", message);
      throw error;
    }
    throw new UpstreamError(
      "HIGHLEVEL",
      "UPSTREAM_AUTH_FAILED",
      `HighLevel refused the refresh-token trade for ${this.label} (HTTP ${answer.status}${message ? `: ${message}` : ""}); check HIGHLEVEL_CLIENT_ID and HIGHLEVEL_CLIENT_SECRET.`,
      { accountId: this.resource, status: answer.status },
    );
  }

  private inactive(retryInSeconds: number): UpstreamError {
    return new UpstreamError("HIGHLEVEL", "UPSTREAM_UNAVAILABLE", `HighLevel says ${this.label} is not active (its subscription is paused or cancelled); the refresh token is kept and tried again in ${retryInSeconds} s.`, {
      accountId: this.resource,
      status: 400,
      retryAfterMs: retryInSeconds * 1000,
    });
  }

  private storeFailed(error: unknown, when: string): UpstreamError {
    return new UpstreamError("HIGHLEVEL", "UPSTREAM_AUTH_FAILED", `HighLevel's refresh token for ${this.label} could not be written to the ${this.deps.store.description} ${when} (${(error as Error).message}); make the store writable.`, {
      accountId: this.resource,
    });
  }
}

/**
 * A location's token minted from its agency's Company token at `POST /oauth/locationToken`, cached
 * until it expires and minted again after a 401. Locations of one agency share its Company tokens,
 * so two minting at once with an expired Company token cause one trade.
 */
export class HighLevelLocationTokens implements HighLevelAccessTokens {
  private token: { value: string; renewAt: number } | undefined;
  private inFlight: Promise<string> | undefined;
  private pausedUntil = 0;
  private readonly now: () => number;

  constructor(
    private readonly company: HighLevelInstallTokens,
    private readonly companyId: string,
    private readonly locationId: string,
    private readonly deps: HighLevelOAuthDeps,
  ) {
    this.now = deps.now ?? Date.now;
  }

  secrets(): string[] {
    return [...this.company.secrets(), this.token?.value].filter((s): s is string => !!s);
  }

  invalidate(refused: string): void {
    if (this.token?.value === refused) this.token = undefined;
  }

  async accessToken(signal?: AbortSignal): Promise<string> {
    if (this.now() < this.pausedUntil) throw this.inactive(Math.ceil((this.pausedUntil - this.now()) / 1000));
    if (this.token && this.now() < this.token.renewAt) return this.token.value;
    this.inFlight ??= this.mint(signal).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async mint(signal?: AbortSignal): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const companyToken = await this.company.accessToken(signal);
      const answer = await this.deps.post("oauth/locationToken", new URLSearchParams({ companyId: this.companyId, locationId: this.locationId }), { authorization: `Bearer ${companyToken}`, version: VERSION }, signal);
      if (answer.status === 200) {
        const parsed = locationTokenSchema.safeParse(answer.body);
        if (!parsed.success)
          throw new UpstreamError("HIGHLEVEL", "UPSTREAM_BAD_RESPONSE", `HighLevel answered /oauth/locationToken for location ${this.locationId} without an access token and expiry; retry later.`, { accountId: this.locationId });
        // A refresh_token here (the v3 schema's) is not needed: the agency's token mints another.
        this.token = { value: parsed.data.access_token, renewAt: this.now() + parsed.data.expires_in * 1000 - renewMarginMs(parsed.data.expires_in) };
        return parsed.data.access_token;
      }
      // The Company token was refused: renew it once and mint again.
      if (answer.status === 401 && attempt === 0) {
        this.company.invalidate(companyToken);
        continue;
      }
      const message = said(answer);
      if (answer.status === 400 && /location is not active/i.test(message)) {
        this.pausedUntil = this.now() + (this.deps.inactiveRetryMs ?? 60_000);
        throw this.inactive(Math.ceil((this.deps.inactiveRetryMs ?? 60_000) / 1000));
      }
      throw new UpstreamError(
        "HIGHLEVEL",
        "UPSTREAM_AUTH_FAILED",
        `HighLevel would not mint a token for location ${this.locationId} from ${this.company.label} (HTTP ${answer.status}${message ? `: ${message}` : ""}); check that the app is installed on the location and HIGHLEVEL_COMPANY_ID is the agency's company id.`,
        { accountId: this.locationId, status: answer.status },
      );
    }
  }

  private inactive(retryInSeconds: number): UpstreamError {
    return new UpstreamError("HIGHLEVEL", "UPSTREAM_UNAVAILABLE", `HighLevel says location ${this.locationId} is not active (its subscription is paused or cancelled); tried again in ${retryInSeconds} s.`, {
      accountId: this.locationId,
      status: 400,
      retryAfterMs: retryInSeconds * 1000,
    });
  }
}

/** `work`, or a rejection with the signal's reason as soon as it aborts (`work` goes on regardless). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const aborted = () => reject(signal.reason as Error);
    signal.addEventListener("abort", aborted, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", aborted));
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
