import type { Inventory, ListingBounds, ProviderAccount } from "../../model/index.js";
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

  return {
    provider: "ZOOM",
    accountId: config.accountId,
    async listInventory(bounds: ListingBounds): Promise<Inventory> {
      const wire = await collectCursorPages("ZOOM", config.accountId, bounds, async (cursor) => {
        const page = new URLSearchParams({ page_size: String(ZOOM_PAGE_SIZE), type: "all" });
        if (cursor) page.set("next_page_token", cursor);
        const body = await http.getJson("phone/numbers", page, zoomListResponseSchema, bounds.signal);
        // The last page carries an empty token or none at all.
        return { items: body.phone_numbers ?? [], next: body.next_page_token };
      });
      const numbers = wire.map((n) => mapZoomNumber(n, config.accountId));
      // Emergency number pools are derived from the numbers: no call of their own.
      return { numbers, pools: emergencyPoolsOf(numbers, config.accountId) };
    },
  };
}
