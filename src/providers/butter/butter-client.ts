import { RepeatedValues, UpstreamError, type Inventory, type ListingBounds, type ProviderAccount } from "../../model/index.js";
import { RecordMapper } from "../shared/mapping.js";
import { collectCursorPages } from "../shared/paging.js";
import type { ProviderAccountDeps } from "../provider-descriptor.js";
import { createRateBudgets, effectiveLimit, type RateLimitConfig, type RateLimitSetting } from "../shared/rate-budget.js";
import { createUpstreamHttp, type HttpTuning } from "../shared/upstream-http.js";
import { mapButterNumber } from "./butter-mapping.js";
import { butterErrorSchema, butterListResponseSchema } from "./butter-wire.js";

export interface ButterAccountConfig extends HttpTuning, RateLimitSetting {
  apiKey: string;
  organizationId: string;
  baseUrl: string;
}

/**
 * The largest page we ask for. Butter's docs name no paging request parameters; the gateway
 * sends `cursor` + `limit` (the names its contract fixes), and 100 is the largest `limit` the simulator (our model of Butter) accepts.
 */
export const BUTTER_PAGE_LIMIT = 100;

/** Butter's limit: 10 calls a second per organization. */
export const BUTTER_RATE_LIMIT: RateLimitConfig = { requests: 10, perSeconds: 1 };

export function createButterAccount(config: ButterAccountConfig, deps: ProviderAccountDeps): ProviderAccount {
  const map = new RecordMapper("BUTTER", config.organizationId, deps.log);
  const limit = effectiveLimit(config, BUTTER_RATE_LIMIT);
  const budget = limit && (deps.budgets ?? createRateBudgets()).budget({ provider: "BUTTER", accountId: config.organizationId, name: "calls", limit });
  const http = createUpstreamHttp({
    log: deps.log,
    provider: "BUTTER",
    accountId: config.organizationId,
    baseUrl: config.baseUrl,
    authHeaders: () => ({ "x-api-key": config.apiKey, "x-organization-id": config.organizationId }),
    describeErrorBody: (body) => {
      const parsed = butterErrorSchema.safeParse(body);
      if (!parsed.success) return undefined;
      const error = parsed.data.error;
      if (typeof error === "string") return error;
      return [error.code, error.message, error.field && `(field ${error.field})`].filter(Boolean).join(" ");
    },
    budgetFor: () => budget,
    secrets: () => [config.apiKey],
    tuning: config,
  });

  return {
    provider: "BUTTER",
    accountId: config.organizationId,
    async listInventory(bounds: ListingBounds): Promise<Inventory> {
      const values = new RepeatedValues();
      const numbers = await collectCursorPages("BUTTER", config.organizationId, bounds, async (cursor) => {
        const params = new URLSearchParams({ limit: String(BUTTER_PAGE_LIMIT) });
        if (cursor) params.set("cursor", cursor);
        const page = await http.getJson("api/phone-numbers", params, butterListResponseSchema, bounds);
        if (page.pagination.has_more && !page.pagination.next_cursor) {
          throw new UpstreamError("BUTTER", "UPSTREAM_BAD_RESPONSE", "Butter said has_more but sent no next_cursor; stopped paging.", { accountId: config.organizationId });
        }
        return { items: values.share(page.data.map((n) => mapButterNumber(n, map))), next: page.pagination.has_more ? page.pagination.next_cursor : undefined };
      });
      return { numbers, pools: [] };
    },
  };
}
