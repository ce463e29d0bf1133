import { RepeatedValues, UpstreamError, type Inventory, type ListingBounds, type NumberRecord, type PoolRecord, type ProviderAccount } from "../../model/index.js";
import { createFormPoster } from "../shared/form-post.js";
import { RecordMapper } from "../shared/mapping.js";
import { createRateBudgets, effectiveLimit, type RateBudgets } from "../shared/rate-budget.js";
import { Pacer } from "../shared/pacer.js";
import type { ProviderAccountDeps } from "../provider-descriptor.js";
import { collectCursorPages } from "../shared/paging.js";
import { createUpstreamHttp, rejectedBearerToken } from "../shared/upstream-http.js";
import { HIGHLEVEL_RATE_LIMIT, type HighLevelAccountsConfig } from "./highlevel-config.js";
import { mapHighLevelNumber, mapHighLevelPool } from "./highlevel-mapping.js";
import { HighLevelInstallTokens, HighLevelLocationTokens, type HighLevelAccessTokens } from "./highlevel-oauth.js";
import { createHighLevelRateWindowReader } from "./highlevel-rate-window.js";
import { highLevelErrorSchema, highLevelNumbersPageSchema, highLevelPoolsResponseSchema } from "./highlevel-wire.js";

/** The documented maximum; always sent, since the docs give the default as both 50 and 1000. */
export const HIGHLEVEL_PAGE_SIZE = 1000;
const API_VERSION = "2021-07-28";

/** One account per location: HighLevel's numbers and pools are per sub-account (location). */
export function createHighLevelAccounts(config: HighLevelAccountsConfig, deps: ProviderAccountDeps): ProviderAccount[] {
  const tokensFor = accessTokens(config, deps);
  const budgets = deps.budgets ?? createRateBudgets();
  return config.locationIds.map((locationId) => createLocationAccount(config, locationId, tokensFor(locationId), deps, budgets));
}

/**
 * Each location's bearer tokens: the Private Integration Token as it is; a Location install's
 * traded from its refresh token; an agency install's minted per location from one shared Company
 * install, so its locations trade the Company token once between them.
 */
function accessTokens(config: HighLevelAccountsConfig, deps: ProviderAccountDeps): (locationId: string) => HighLevelAccessTokens {
  const { oauth } = config;
  if (!oauth) {
    const token = config.token ?? "";
    const fixed: HighLevelAccessTokens = { accessToken: async () => token, invalidate: () => undefined, secrets: () => [token] };
    return () => fixed;
  }
  if (!deps.stateStore) throw new Error("HighLevel OAuth needs a state store for its rotating refresh tokens (pass stateStore).");
  const oauthDeps = (accountId: string) => ({
    store: deps.stateStore!,
    log: deps.log,
    post: createFormPoster({ provider: "HIGHLEVEL", accountId, baseUrl: config.baseUrl, timeoutMs: config.timeoutMs }),
  });
  if (!oauth.companyId) return (locationId) => new HighLevelInstallTokens(oauth, locationId, oauthDeps(locationId));
  const company = new HighLevelInstallTokens(oauth, oauth.companyId, oauthDeps(oauth.companyId));
  return (locationId) => new HighLevelLocationTokens(company, oauth.companyId!, locationId, oauthDeps(locationId));
}

function createLocationAccount(config: HighLevelAccountsConfig, locationId: string, tokens: HighLevelAccessTokens, deps: ProviderAccountDeps, budgets: RateBudgets): ProviderAccount {
  const map = new RecordMapper("HIGHLEVEL", locationId, deps.log);
  // HighLevel budgets per app per location: each location is paced by its own X-RateLimit-* headers,
  // and counted in its own budget (the fleet's calls, before any answer can report them).
  const pacer = new Pacer({ provider: "HIGHLEVEL", accountId: locationId, readWindow: createHighLevelRateWindowReader() });
  const limit = effectiveLimit(config, HIGHLEVEL_RATE_LIMIT);
  const budget = limit && budgets.budget({ provider: "HIGHLEVEL", accountId: locationId, name: "calls", limit });
  const http = createUpstreamHttp({
    log: deps.log,
    provider: "HIGHLEVEL",
    accountId: locationId,
    baseUrl: config.baseUrl,
    authHeaders: async (signal) => ({ authorization: `Bearer ${await tokens.accessToken(signal)}`, version: API_VERSION }),
    // An OAuth access token refused before its expiry: trade (or mint) once more and retry once.
    ...(config.oauth
      ? {
          onUnauthorized: async (rejected: Readonly<Record<string, unknown>>) => {
            tokens.invalidate(rejectedBearerToken(rejected));
            return true;
          },
        }
      : {}),
    pacer,
    budgetFor: () => budget,
    describeErrorBody: (body) => {
      const parsed = highLevelErrorSchema.safeParse(body);
      if (!parsed.success) return undefined;
      const e = parsed.data;
      const message = Array.isArray(e.message) ? e.message.join("; ") : e.message;
      return [message ?? e.msg, e.accountStatus && `account ${e.accountStatus}`].filter(Boolean).join(", ") || undefined;
    },
    errorFields: (body) => {
      const e = highLevelErrorSchema.safeParse(body).data;
      const message = Array.isArray(e?.message) ? e.message.join("; ") : (e?.message ?? e?.msg);
      return e && { code: e.error, message };
    },
    secrets: () => tokens.secrets(),
    tuning: config,
  });

  /** Pages are numbered from 0; a short page (or the `{numbers: [], total: 0}` empty shape) is the last. */
  async function listNumbers(bounds: ListingBounds): Promise<NumberRecord[]> {
    let previousFirstSid: string | undefined;
    const values = new RepeatedValues();
    return collectCursorPages("HIGHLEVEL", locationId, bounds, async (cursor) => {
      const page = Number(cursor ?? 0);
      const params = new URLSearchParams({ page: String(page), pageSize: String(HIGHLEVEL_PAGE_SIZE), skipNumberPool: "false" });
      const { numbers } = await http.getJson(`phone-system/numbers/location/${encodeURIComponent(locationId)}`, params, highLevelNumbersPageSchema, bounds);
      // A full page that starts where the last one did means `page` is being ignored: stop, never loop.
      if (numbers.length > 0 && numbers[0]!.sid === previousFirstSid) {
        throw new UpstreamError("HIGHLEVEL", "UPSTREAM_BAD_RESPONSE", `HighLevel returned page ${page - 1} again as page ${page} for location ${locationId}; stopped paging.`, { accountId: locationId });
      }
      previousFirstSid = numbers[0]?.sid;
      return { items: values.share(numbers.map((n) => mapHighLevelNumber(n, map))), next: numbers.length < HIGHLEVEL_PAGE_SIZE ? undefined : String(page + 1) };
    });
  }

  async function listPools(bounds: ListingBounds): Promise<PoolRecord[]> {
    const { data } = await http.getJson("phone-system/number-pools", new URLSearchParams({ locationId }), highLevelPoolsResponseSchema, bounds);
    return (data ?? []).map((p) => mapHighLevelPool(p, locationId));
  }

  return {
    provider: "HIGHLEVEL",
    accountId: locationId,
    async listInventory(bounds: ListingBounds): Promise<Inventory> {
      // `skipNumberPool=false` above: pool members are listed too, so every pool member joins up.
      // The pools call follows the numbers (not beside them): one call at a time per location.
      const numbers = await listNumbers(bounds);
      return { numbers, pools: await listPools(bounds) };
    },
  };
}
