import { RepeatedValues, UpstreamError, type AssigneeRecord, type Inventory, type ListingBounds, type ProviderAccount } from "../../model/index.js";
import { RecordMapper } from "../shared/mapping.js";
import { collectCursorPages } from "../shared/paging.js";
import type { ProviderAccountDeps } from "../provider-descriptor.js";
import { createUpstreamHttp, rejectedBearerToken, type HttpTuning } from "../shared/upstream-http.js";
import { createRateBudgets, type RateBudget } from "../shared/rate-budget.js";
import { describeZoomError } from "./zoom-errors.js";
import { emergencyPoolsOf, mapZoomNumber } from "./zoom-mapping.js";
import { mapZoomNmNumber, nmAssignments } from "./zoom-nm-mapping.js";
import { zoomNmListResponseSchema } from "./zoom-nm-wire.js";
import { isMissingScope, NumbersApiChooser, type ZoomNumbersApiSetting } from "./zoom-numbers-api.js";
import { ZoomTokenSource } from "./zoom-oauth.js";
import { zoomRateClassOf, zoomRateLimit, type ZoomRateClass, type ZoomRateSetting } from "./zoom-rate-budget.js";
import { zoomErrorSchema, zoomListResponseSchema } from "./zoom-wire.js";

export interface ZoomAccountConfig extends HttpTuning, ZoomRateSetting {
  /** The Zoom account id (also the graph's `accountId`). */
  accountId: string;
  /** The Server-to-Server OAuth app's client id and secret. */
  clientId: string;
  clientSecret: string;
  /** e.g. https://api.zoom.us/v2 */
  baseUrl: string;
  /** e.g. https://zoom.us/oauth/token */
  oauthUrl: string;
  /** ZOOM_NUMBERS_API / numbersApi: auto (default), number_management or phone. */
  numbersApi?: ZoomNumbersApiSetting;
  /** The clock token expiry and the 15-minute re-check run on (tests). */
  now?: () => number;
}

/** The deprecated `/phone/numbers`' largest `page_size`. */
export const ZOOM_PAGE_SIZE = 100;
/** Number Management's largest `page_size`. */
export const ZOOM_NM_PAGE_SIZE = 200;
/** Number Management's answer to an expired or invalid `next_page_token`. */
const EXPIRED_PAGE_TOKEN = 1003100;

/**
 * One Zoom account: every number through Number Management (`GET /number_management/numbers`) or
 * the deprecated `GET /phone/numbers`, as `numbersApi` chooses; emergency number pools derived from them.
 */
export function createZoomAccount(config: ZoomAccountConfig, deps: Pick<ProviderAccountDeps, "log" | "budgets">): ProviderAccount {
  const { accountId } = config;
  const { log } = deps;
  const map = new RecordMapper("ZOOM", accountId, log);
  // Zoom limits per account and per class, shared with the account's other apps: one budget per class.
  const budgetSource = deps.budgets ?? createRateBudgets();
  const budgets = new Map<ZoomRateClass, RateBudget | undefined>();
  const budgetOf = (rateClass: ZoomRateClass) => {
    if (!budgets.has(rateClass)) {
      const limit = zoomRateLimit(config, rateClass);
      budgets.set(rateClass, limit && budgetSource.budget({ provider: "ZOOM", accountId, name: rateClass, limit }));
    }
    return budgets.get(rateClass);
  };
  const tokens = new ZoomTokenSource(config, log);
  const chooser = new NumbersApiChooser({ accountId, setting: config.numbersApi ?? "auto", log, now: config.now });
  const http = createUpstreamHttp({
    log,
    provider: "ZOOM",
    accountId,
    baseUrl: config.baseUrl,
    authHeaders: async () => ({ authorization: `Bearer ${await tokens.accessToken()}` }),
    // A token revoked or expired early on Zoom's side: drop that token, fetch a new one, try once more.
    // A missing scope is not cured by the same app's next token: no renewal for it.
    onUnauthorized: async (rejected, body) => {
      const said = zoomErrorSchema.safeParse(body).data;
      if (isMissingScope(new UpstreamError("ZOOM", "UPSTREAM_AUTH_FAILED", "", { status: 401, providerCode: said?.code, providerMessage: said?.message }))) return false;
      tokens.invalidate(rejectedBearerToken(rejected));
      return true;
    },
    describeErrorBody: describeZoomError,
    errorFields: (body) => {
      const said = zoomErrorSchema.safeParse(body).data;
      return said && { code: said.code, message: said.message };
    },
    budgetFor: (path) => {
      const rateClass = zoomRateClassOf(path);
      return rateClass && budgetOf(rateClass);
    },
    secrets: () => [config.clientSecret, tokens.current ?? ""],
    tuning: config,
  });

  async function viaPhone(bounds: ListingBounds): Promise<Inventory> {
    const values = new RepeatedValues();
    const numbers = await collectCursorPages("ZOOM", accountId, bounds, async (cursor) => {
      const page = new URLSearchParams({ page_size: String(ZOOM_PAGE_SIZE), type: "all" });
      if (cursor) page.set("next_page_token", cursor);
      const body = await http.getJson("phone/numbers", page, zoomListResponseSchema, bounds);
      // The last page carries an empty token or none at all.
      return { items: values.share((body.phone_numbers ?? []).map((n) => mapZoomNumber(n, map))), next: body.next_page_token };
    });
    // Emergency number pools are derived from the numbers: no call of their own.
    return { numbers, pools: emergencyPoolsOf(numbers, accountId) };
  }

  async function viaNumberManagement(bounds: ListingBounds, freshToken: boolean): Promise<Inventory> {
    // Zoom fixes a token's scopes when it mints one: a re-check needs a new token to see a new scope.
    if (freshToken) tokens.renew();
    const assignments = new Map<string, AssigneeRecord[]>();
    const walk = () => {
      assignments.clear();
      const values = new RepeatedValues();
      return collectCursorPages("ZOOM", accountId, bounds, async (cursor) => {
        const page = new URLSearchParams({ page_size: String(ZOOM_NM_PAGE_SIZE) });
        if (cursor) page.set("next_page_token", cursor);
        const body = await http.getJson("number_management/numbers", page, zoomNmListResponseSchema, bounds);
        const items = (body.numbers ?? []).map((n) => {
          const record = mapZoomNmNumber(n, map);
          assignments.set(record.e164, nmAssignments(n, map));
          return record;
        });
        return { items: values.share(items), next: body.next_page_token };
      });
    };
    let numbers;
    try {
      numbers = await walk();
    } catch (error) {
      if (!isExpiredPageToken(error)) throw error;
      // Page tokens live 15 minutes: a listing slower than that starts again from page 1, once.
      log.info({ provider: "ZOOM", accountId }, "Zoom's next_page_token expired mid-listing; listing again from page 1");
      try {
        numbers = await walk();
      } catch (again) {
        if (!isExpiredPageToken(again)) throw again;
        throw new UpstreamError(
          "ZOOM",
          "UPSTREAM_BAD_RESPONSE",
          `Zoom's next_page_token expired twice while listing account ${accountId} (code ${EXPIRED_PAGE_TOKEN}): the listing takes longer than Zoom's 15-minute page tokens; retry later.`,
          { accountId, status: 400, providerCode: EXPIRED_PAGE_TOKEN },
        );
      }
    }
    return { numbers, pools: emergencyPoolsOf(numbers, accountId, (n) => assignments.get(n.e164) ?? []) };
  }

  return {
    provider: "ZOOM",
    accountId,
    listInventory: (bounds) =>
      chooser.list(
        (fresh) => viaNumberManagement(bounds, fresh),
        () => viaPhone(bounds),
      ),
    operatorInfo: () => chooser.operatorInfo(),
  };
}

function isExpiredPageToken(error: unknown): boolean {
  return error instanceof UpstreamError && error.details.status === 400 && (error.details.providerCode === EXPIRED_PAGE_TOKEN || error.details.providerCode === String(EXPIRED_PAGE_TOKEN));
}
