import type { NumberQuery, NumberRecord, ProviderAccount } from "../../model/index.js";
import { collectCursorPages } from "../shared/paging.js";
import { createUpstreamHttp, type HttpTuning } from "../shared/upstream-http.js";
import { describeZoomError } from "./zoom-errors.js";
import { emergencyPoolsOf, mapZoomNumber } from "./zoom-mapping.js";
import { ZoomTokenSource } from "./zoom-oauth.js";
import { zoomListResponseSchema } from "./zoom-wire.js";

export interface ZoomAccountConfig extends HttpTuning {
  accountId: string;
  clientId: string;
  clientSecret: string;
  baseUrl: string;
  oauthUrl: string;
}

/** Zoom's largest `page_size` for this endpoint. */
export const ZOOM_PAGE_SIZE = 100;

export function createZoomAccount(config: ZoomAccountConfig): ProviderAccount {
  const tokens = new ZoomTokenSource(config);
  let lastToken = "";
  const http = createUpstreamHttp({
    provider: "ZOOM",
    accountId: config.accountId,
    baseUrl: config.baseUrl,
    authHeaders: async () => {
      lastToken = await tokens.accessToken();
      return { authorization: `Bearer ${lastToken}` };
    },
    // A token revoked or expired early on Zoom's side: fetch a new one and try once more.
    onUnauthorized: async () => {
      tokens.invalidate();
      return true;
    },
    describeErrorBody: describeZoomError,
    secrets: () => [config.clientSecret, lastToken],
    tuning: config,
  });

  async function listNumbers(query: NumberQuery = {}): Promise<NumberRecord[]> {
    const wire = await collectCursorPages("ZOOM", config.accountId, async (cursor) => {
      const params = new URLSearchParams({ page_size: String(ZOOM_PAGE_SIZE), type: query.assigned === undefined ? "all" : query.assigned ? "assigned" : "unassigned" });
      if (query.numberTypes?.length === 1 && query.numberTypes[0] === "TOLL_FREE") params.set("number_type", "tollfree");
      if (query.numberTypes?.length === 1 && query.numberTypes[0] === "LOCAL") params.set("number_type", "toll");
      if (cursor) params.set("next_page_token", cursor);
      const page = await http.getJson("phone/numbers", params, zoomListResponseSchema);
      // The last page carries "" or no token at all.
      return { items: page.phone_numbers ?? [], next: page.next_page_token || undefined };
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
