import type { Logger } from "pino";
import { UpstreamError } from "../../model/index.js";

/** `ZOOM_NUMBERS_API` / `numbersApi`: which Zoom API lists an account's numbers. */
export const ZOOM_NUMBERS_APIS = ["auto", "number_management", "phone"] as const;
export type ZoomNumbersApiSetting = (typeof ZOOM_NUMBERS_APIS)[number];
export type ZoomNumbersApi = "number_management" | "phone";

/** The scopes that let an app list with Number Management: classic, granular. */
export const NUMBER_MANAGEMENT_SCOPES = ["number_management_numbers:read:admin", "number_management:read:list_numbers:admin"] as const;

/** How long `auto` lists with /phone/numbers before it asks Number Management again. */
export const RECHECK_MS = 15 * 60_000;

/**
 * A refusal for a missing scope: Zoom's code 4700 or 4711, or a message saying the token does not
 * contain a scope, under HTTP 400 or 401 — not a plain 401 (code 124: an expired or invalid token).
 */
export function isMissingScope(error: unknown): boolean {
  if (!(error instanceof UpstreamError)) return false;
  const { status, providerCode, providerMessage } = error.details;
  if (status !== 400 && status !== 401) return false;
  if (providerCode === 4700 || providerCode === 4711 || providerCode === "4700" || providerCode === "4711") return true;
  return /does not contain scope/i.test(providerMessage ?? "");
}

export interface NumbersApiChooserOptions {
  accountId: string;
  setting: ZoomNumbersApiSetting;
  log: Logger;
  now?: () => number;
}

/**
 * Chooses the API per listing. `auto` lists with Number Management; when Zoom refuses it for a
 * missing scope the account lists with /phone/numbers, says so once (naming the scope to add), and
 * asks Number Management again at most every 15 minutes, each time with a freshly minted token
 * (Zoom fixes a token's scopes when it is minted), so adding the scope needs no restart.
 */
export class NumbersApiChooser {
  private fallbackSince: number | undefined;
  private lastCheck = 0;
  private readonly now: () => number;

  constructor(private readonly options: NumbersApiChooserOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The API the next listing uses, for operators (`/readyz`, logs). */
  get inUse(): ZoomNumbersApi {
    if (this.options.setting !== "auto") return this.options.setting;
    return this.fallbackSince === undefined ? "number_management" : "phone";
  }

  /** What `/readyz` shows of this account. */
  operatorInfo(): Record<string, string> {
    const info: Record<string, string> = { numbersApi: this.inUse, numbersApiSetting: this.options.setting };
    if (this.fallbackSince !== undefined) info.numbersApiReason = `the Zoom app lacks the ${NUMBER_MANAGEMENT_SCOPES[0]} scope (granular: ${NUMBER_MANAGEMENT_SCOPES[1]}); re-checked every 15 min`;
    return info;
  }

  /**
   * List with the chosen API. `numberManagement(freshToken)` asks for a newly minted token when a
   * fallen-back account re-checks; a missing-scope refusal there falls back to `phone()`.
   */
  async list<T>(numberManagement: (freshToken: boolean) => Promise<T>, phone: () => Promise<T>): Promise<T> {
    const { setting, accountId, log } = this.options;
    if (setting === "phone") return phone();
    if (setting === "number_management") {
      try {
        return await numberManagement(false);
      } catch (error) {
        if (!isMissingScope(error)) throw error;
        throw new UpstreamError(
          "ZOOM",
          "UPSTREAM_AUTH_FAILED",
          `Zoom refused Number Management for account ${accountId}: the app lacks the ${NUMBER_MANAGEMENT_SCOPES[0]} scope (granular: ${NUMBER_MANAGEMENT_SCOPES[1]}). Add it to the Server-to-Server OAuth app, or set ZOOM_NUMBERS_API=auto (numbersApi) to fall back to /phone/numbers.`,
          { ...(error as UpstreamError).details, accountId },
        );
      }
    }
    const now = this.now();
    if (this.fallbackSince !== undefined && now - this.lastCheck < RECHECK_MS) return phone();
    const recheck = this.fallbackSince !== undefined;
    this.lastCheck = now;
    try {
      const listed = await numberManagement(recheck);
      if (recheck) {
        log.info({ provider: "ZOOM", accountId, numbersApi: "number_management" }, "Zoom account %s now has the Number Management scope: listing with /number_management/numbers again", accountId);
        this.fallbackSince = undefined;
      }
      return listed;
    } catch (error) {
      if (!isMissingScope(error)) throw error;
      if (!recheck) {
        this.fallbackSince = now;
        log.warn(
          { provider: "ZOOM", accountId, numbersApi: "phone", missingScope: NUMBER_MANAGEMENT_SCOPES[0] },
          "Zoom account %s: the app lacks the %s scope (granular: %s), so numbers are listed with the deprecated /phone/numbers (sunset December 2026); add the scope to the app, it is picked up within 15 minutes without a restart",
          accountId,
          NUMBER_MANAGEMENT_SCOPES[0],
          NUMBER_MANAGEMENT_SCOPES[1],
        );
      }
      return phone();
    }
  }
}
