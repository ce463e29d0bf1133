import { RepeatedValues, UpstreamError, type Inventory, type ListingBounds, type NumberRecord, type ProviderAccount } from "../../model/index.js";
import { RecordMapper } from "../shared/mapping.js";
import { Pacer } from "../shared/pacer.js";
import type { ProviderAccountDeps } from "../provider-descriptor.js";
import { createRateBudgets, effectiveLimit, type RateLimitSetting } from "../shared/rate-budget.js";
import { fetchRemainingPages } from "../shared/paging.js";
import { createUpstreamHttp, type HttpTuning } from "../shared/upstream-http.js";
import { mapTelnyxNumber } from "./telnyx-mapping.js";
import { readTelnyxRateWindow } from "./telnyx-rate-window.js";
import { telnyxErrorSchema, telnyxListResponseSchema } from "./telnyx-wire.js";

export interface TelnyxAccountConfig extends HttpTuning, RateLimitSetting {
  /** The account's name in the graph; `default` when configured from env. */
  accountId: string;
  apiKey: string;
  /** Up to and including `/v2`, e.g. `https://api.telnyx.com/v2`. */
  baseUrl: string;
}

/** The largest `page[size]` Telnyx accepts. */
export const TELNYX_PAGE_SIZE = 250;
/** Pages 2..N in flight at once: quick for large accounts, gentle on the rate limit. */
export const TELNYX_PAGE_CONCURRENCY = 4;

export function createTelnyxAccount(config: TelnyxAccountConfig, deps: ProviderAccountDeps): ProviderAccount {
  const { accountId } = config;
  const map = new RecordMapper("TELNYX", accountId, deps.log);
  // Telnyx's 429 carries no Retry-After: its x-ratelimit-* headers are what paces the account. It
  // publishes no fixed figure, so there is no budget unless the account configures one.
  const pacer = new Pacer({ provider: "TELNYX", accountId, readWindow: readTelnyxRateWindow });
  const limit = effectiveLimit(config, undefined);
  const budget = limit && (deps.budgets ?? createRateBudgets()).budget({ provider: "TELNYX", accountId, name: "calls", limit });
  const http = createUpstreamHttp({
    log: deps.log,
    provider: "TELNYX",
    accountId,
    baseUrl: config.baseUrl,
    authHeaders: () => ({ authorization: `Bearer ${config.apiKey}` }),
    describeErrorBody: (body) => {
      const parsed = telnyxErrorSchema.safeParse(body);
      if (!parsed.success) return undefined;
      const first = parsed.data.errors[0]!;
      const parameter = first.source?.parameter && `parameter ${first.source.parameter}`;
      return [first.code && `code ${first.code}`, first.title, first.detail, parameter].filter(Boolean).join(" — ");
    },
    errorFields: (body) => {
      const first = telnyxErrorSchema.safeParse(body).data?.errors[0];
      return first && { code: first.code ?? undefined, message: first.detail ?? first.title ?? undefined };
    },
    pacer,
    budgetFor: () => budget,
    secrets: () => [config.apiKey],
    tuning: config,
  });

  /** One page, mapped and shared as it arrives (see collectCursorPages). */
  async function fetchPage(number: number, bounds: ListingBounds, values: RepeatedValues): Promise<{ rows: NumberRecord[]; totalPages: number }> {
    const params = new URLSearchParams();
    params.set("page[number]", String(number));
    params.set("page[size]", String(TELNYX_PAGE_SIZE));
    // A total order on a unique field, so pages fetched in parallel neither skip nor repeat a number.
    params.set("sort", "phone_number");
    const body = await http.getJson("phone_numbers", params, telnyxListResponseSchema, bounds);
    // An upstream that ignores page[number] would serve page 1 again and again: say so, never merge it.
    if (body.meta.page_number !== undefined && body.meta.page_number !== number) {
      throw new UpstreamError("TELNYX", "UPSTREAM_BAD_RESPONSE", `Telnyx answered a request for page ${number} with page ${body.meta.page_number}; stopped rather than list numbers twice.`, { accountId });
    }
    return { rows: values.share(body.data.map((wire) => mapTelnyxNumber(wire, map))), totalPages: body.meta.total_pages };
  }

  return {
    provider: "TELNYX",
    accountId,
    async listInventory(bounds: ListingBounds): Promise<Inventory> {
      // Page 1 says how many pages there are (Telnyx's own last-page rule: meta.total_pages).
      const values = new RepeatedValues();
      const first = await fetchPage(1, bounds, values);
      const rest = await fetchRemainingPages("TELNYX", accountId, bounds, first.totalPages, TELNYX_PAGE_CONCURRENCY, async (n) => (await fetchPage(n, bounds, values)).rows);
      // A number bought while paging shifts later pages by one: keep the first copy of each id.
      const byId = new Map<string, NumberRecord>();
      for (const page of [first.rows, ...rest]) for (const record of page) if (!byId.has(record.providerId)) byId.set(record.providerId, record);
      // Telnyx has no number pools.
      return { numbers: [...byId.values()], pools: [] };
    },
  };
}
