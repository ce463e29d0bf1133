import { UpstreamError, type Inventory, type ListingBounds, type PoolRecord, type ProviderAccount } from "../../model/index.js";
import { collectCursorPages } from "../shared/paging.js";
import { createUpstreamHttp, type HttpTuning } from "../shared/upstream-http.js";
import { mapHighLevelNumber, mapHighLevelPool } from "./highlevel-mapping.js";
import { highLevelErrorSchema, highLevelNumbersPageSchema, highLevelPoolsResponseSchema, type HighLevelNumber } from "./highlevel-wire.js";

export interface HighLevelAccountsConfig extends HttpTuning {
  token: string;
  locationIds: string[];
  baseUrl: string;
}

/** The documented maximum; always sent, since the docs give the default as both 50 and 1000. */
export const HIGHLEVEL_PAGE_SIZE = 1000;
const API_VERSION = "2021-07-28";

/** One account per location: HighLevel's numbers and pools are per sub-account (location). */
export function createHighLevelAccounts(config: HighLevelAccountsConfig): ProviderAccount[] {
  return config.locationIds.map((locationId) => createLocationAccount(config, locationId));
}

function createLocationAccount(config: HighLevelAccountsConfig, locationId: string): ProviderAccount {
  const http = createUpstreamHttp({
    provider: "HIGHLEVEL",
    accountId: locationId,
    baseUrl: config.baseUrl,
    authHeaders: () => ({ authorization: `Bearer ${config.token}`, version: API_VERSION }),
    describeErrorBody: (body) => {
      const parsed = highLevelErrorSchema.safeParse(body);
      if (!parsed.success) return undefined;
      const e = parsed.data;
      const message = Array.isArray(e.message) ? e.message.join("; ") : e.message;
      return [message ?? e.msg, e.accountStatus && `account ${e.accountStatus}`].filter(Boolean).join(", ") || undefined;
    },
    secrets: () => [config.token],
    tuning: config,
  });

  /** Pages are numbered from 0; a short page (or the `{numbers: [], total: 0}` empty shape) is the last. */
  async function listNumbers(bounds: ListingBounds): Promise<HighLevelNumber[]> {
    let previousFirstSid: string | undefined;
    return collectCursorPages("HIGHLEVEL", locationId, bounds, async (cursor) => {
      const page = Number(cursor ?? 0);
      const params = new URLSearchParams({ page: String(page), pageSize: String(HIGHLEVEL_PAGE_SIZE), skipNumberPool: "false" });
      const { numbers } = await http.getJson(`phone-system/numbers/location/${encodeURIComponent(locationId)}`, params, highLevelNumbersPageSchema, bounds.signal);
      // A full page that starts where the last one did means `page` is being ignored: stop, never loop.
      if (numbers.length > 0 && numbers[0]!.sid === previousFirstSid) {
        throw new UpstreamError("HIGHLEVEL", "UPSTREAM_BAD_RESPONSE", `HighLevel returned page ${page - 1} again as page ${page} for location ${locationId}; stopped paging.`, { accountId: locationId });
      }
      previousFirstSid = numbers[0]?.sid;
      return { items: numbers, next: numbers.length < HIGHLEVEL_PAGE_SIZE ? undefined : String(page + 1) };
    });
  }

  async function listPools(bounds: ListingBounds): Promise<PoolRecord[]> {
    const { data } = await http.getJson("phone-system/number-pools", new URLSearchParams({ locationId }), highLevelPoolsResponseSchema, bounds.signal);
    return (data ?? []).map((p) => mapHighLevelPool(p, locationId));
  }

  return {
    provider: "HIGHLEVEL",
    accountId: locationId,
    async listInventory(bounds: ListingBounds): Promise<Inventory> {
      // `skipNumberPool=false` above: pool members are listed too, so every pool member joins up.
      // The pools call follows the numbers (not beside them): one call at a time per location.
      const numbers = (await listNumbers(bounds)).map((n) => mapHighLevelNumber(n, locationId));
      return { numbers, pools: await listPools(bounds) };
    },
  };
}
