import type { Capability, NumberRecord, NumberStatus, NumberType, PoolRecord } from "./phone-number.js";
import type { Provider } from "./provider.js";

/**
 * Filters a client may push down to its upstream. Pushing down is an optimisation only: a client
 * pushes what its API can express exactly and ignores the rest, and the graph applies every filter
 * locally afterwards, so results are the same either way.
 */
export interface NumberQuery {
  search?: string;
  assigned?: boolean;
  numberTypes?: NumberType[];
  statuses?: NumberStatus[];
  countryCodes?: string[];
  capabilities?: Capability[];
}

/**
 * One configured account at one provider: the only surface the graph sees of a provider.
 * Implementations live in `src/providers/<provider>/` and own auth, paging, retries and mapping.
 */
export interface ProviderAccount {
  readonly provider: Provider;
  readonly accountId: string;
  /** Every number of the account matching `query`, all pages fetched. Throws `UpstreamError`. */
  listNumbers(query?: NumberQuery): Promise<NumberRecord[]>;
  /**
   * The account's number pools, or `[]` when the provider has none. `inventory` yields the
   * account's full unfiltered number list through the caller's per-request cache, for providers
   * whose pools are derived from numbers (Zoom emergency number pools). Throws `UpstreamError`.
   */
  listPools(inventory: () => Promise<NumberRecord[]>): Promise<PoolRecord[]>;
}
