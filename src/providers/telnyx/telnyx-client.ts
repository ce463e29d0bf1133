import type { NumberQuery, NumberRecord, ProviderAccount } from "../../model/index.js";
import { fetchRemainingPages } from "../shared/paging.js";
import { createUpstreamHttp, type HttpTuning } from "../shared/upstream-http.js";
import { mapTelnyxNumber, STATUS_TABLE, TYPE_TABLE } from "./telnyx-mapping.js";
import { telnyxErrorSchema, telnyxListResponseSchema } from "./telnyx-wire.js";

export interface TelnyxAccountConfig extends HttpTuning {
  /** The account's name in the graph; `default` when configured from env. */
  accountId: string;
  apiKey: string;
  baseUrl: string;
}

export const TELNYX_PAGE_SIZE = 250;
/** Pages 2..N in flight at once: quick for large accounts, gentle on the rate limit. */
export const TELNYX_PAGE_CONCURRENCY = 4;

export function createTelnyxAccount(config: TelnyxAccountConfig): ProviderAccount {
  const http = createUpstreamHttp({
    provider: "TELNYX",
    accountId: config.accountId,
    baseUrl: config.baseUrl,
    authHeaders: () => ({ authorization: `Bearer ${config.apiKey}` }),
    describeErrorBody: (body) => {
      const parsed = telnyxErrorSchema.safeParse(body);
      if (!parsed.success) return undefined;
      const first = parsed.data.errors[0]!;
      return [first.code && `code ${first.code}`, first.title, first.detail].filter(Boolean).join(" — ");
    },
    secrets: () => [config.apiKey],
    tuning: config,
  });

  return {
    provider: "TELNYX",
    accountId: config.accountId,
    async listNumbers(query: NumberQuery = {}): Promise<NumberRecord[]> {
      const filters = pushdownFilters(query);
      const page = (number: number) => {
        const params = new URLSearchParams(filters);
        params.set("page[number]", String(number));
        params.set("page[size]", String(TELNYX_PAGE_SIZE));
        // An explicit, unique-ish order so pages fetched in parallel neither skip nor repeat numbers.
        params.set("sort", "phone_number");
        return http.getJson("phone_numbers", params, telnyxListResponseSchema);
      };
      const first = await page(1);
      const rest = await fetchRemainingPages(first.meta.total_pages, TELNYX_PAGE_CONCURRENCY, async (n) => (await page(n)).data);
      return [first.data, ...rest].flat().map((wire) => mapTelnyxNumber(wire, config.accountId));
    },
    async listPools() {
      return [];
    },
  };
}

/** Only filters Telnyx can express exactly; the graph re-applies every filter locally anyway. */
function pushdownFilters(query: NumberQuery): [string, string][] {
  const filters: [string, string][] = [];
  if (query.countryCodes?.length === 1) filters.push(["filter[country_iso_alpha2]", query.countryCodes[0]!]);
  const onlyStatus = single(query.statuses, STATUS_TABLE);
  if (onlyStatus) filters.push(["filter[status]", onlyStatus]);
  const onlyType = single(query.numberTypes, TYPE_TABLE);
  if (onlyType) filters.push(["filter[number_type][eq]", onlyType]);
  return filters;
}

/** The one wire value whose mapping is exactly the one requested unified value, if there is one. */
function single<V extends string>(requested: readonly V[] | undefined, table: Readonly<Record<string, V>>): string | undefined {
  if (requested?.length !== 1) return undefined;
  const wires = Object.entries(table).filter(([, unified]) => unified === requested[0]);
  return wires.length === 1 ? wires[0]![0] : undefined;
}
