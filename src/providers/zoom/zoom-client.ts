import type { NumberQuery, NumberRecord, ProviderAccount } from "../../model/index.js";
import { collectCursorPages } from "../shared/paging.js";
import { createUpstreamHttp, type HttpTuning } from "../shared/upstream-http.js";
import { describeZoomError } from "./zoom-errors.js";
import { emergencyPoolsOf, mapZoomNumber } from "./zoom-mapping.js";
import { ZoomTokenSource } from "./zoom-oauth.js";
import { zoomListResponseSchema } from "./zoom-wire.js";

export interface ZoomAccountConfig extends HttpTuning {
  /** The Zoom account id (also the graph's `accountId`). */
  accountId: string;
  /** The Server-to-Server OAuth app's client id and secret. */
  clientId: string;
  clientSecret: string;
  /** e.g. https://api.zoom.us/v2 */
  baseUrl: string;
  /** e.g. https://zoom.us/oauth/token */
  oauthUrl: string;
}

/** Zoom's largest `page_size` for this endpoint. */
export const ZOOM_PAGE_SIZE = 100;

/** One Zoom Phone account: every number through `GET /phone/numbers`, pools derived from them. */
export function createZoomAccount(config: ZoomAccountConfig): ProviderAccount {
  const tokens = new ZoomTokenSource(config);
  const http = createUpstreamHttp({
    provider: "ZOOM",
    accountId: config.accountId,
    baseUrl: config.baseUrl,
    authHeaders: async () => ({ authorization: `Bearer ${await tokens.accessToken()}` }),
    // A token revoked or expired early on Zoom's side: drop that token, fetch a new one, try once more.
    onUnauthorized: async (rejected) => {
      tokens.invalidate(String(rejected.authorization ?? "").replace(/^Bearer /i, ""));
      return true;
    },
    describeErrorBody: describeZoomError,
    secrets: () => [config.clientSecret, tokens.current ?? ""],
    tuning: config,
  });

  async function listNumbers(query: NumberQuery = {}): Promise<NumberRecord[]> {
    const params = pushdown(query);
    const wire = await collectCursorPages("ZOOM", config.accountId, async (cursor) => {
      const page = new URLSearchParams(params);
      if (cursor) page.set("next_page_token", cursor);
      const body = await http.getJson("phone/numbers", page, zoomListResponseSchema);
      // The last page carries an empty token or none at all.
      return { items: body.phone_numbers ?? [], next: body.next_page_token };
    });
    return wire.map((n) => mapZoomNumber(n, config.accountId));
  }

  return {
    provider: "ZOOM",
    accountId: config.accountId,
    listNumbers,
    async listPools(inventory) {
      return emergencyPoolsOf(await inventory(), config.accountId);
    },
  };
}

/**
 * The query parameters that express `query` exactly; the graph applies every filter again. `type`
 * says assigned or not (a number is assigned when it has an assignee). `number_type` is sent only
 * for one type Zoom has (toll = LOCAL, tollfree = TOLL_FREE). `pending_numbers` is not sent: the doc
 * does not say whether `true` adds pending numbers or keeps only them, so statuses stay local.
 */
export function pushdown(query: NumberQuery): URLSearchParams {
  const params = new URLSearchParams({ page_size: String(ZOOM_PAGE_SIZE), type: query.assigned === undefined ? "all" : query.assigned ? "assigned" : "unassigned" });
  const [only, ...others] = query.numberTypes ?? [];
  if (others.length === 0 && only === "LOCAL") params.set("number_type", "toll");
  if (others.length === 0 && only === "TOLL_FREE") params.set("number_type", "tollfree");
  return params;
}
