import type { NumberRecord, PoolRecord } from "./phone-number.js";
import type { Provider } from "./provider.js";

/** The limits one listing runs within; a client passes `signal` to every call it makes. */
export interface ListingBounds {
  /** Aborted when the listing's time budget is spent or the gateway stops. */
  signal: AbortSignal;
  /**
   * When the time budget is spent (epoch ms, `Date.now`'s clock): `signal` aborts then. A rate-limit
   * wait that would end later is refused at once rather than sat out.
   */
  deadlineAt: number;
  /** The most pages one listing may fetch; past it the listing fails with UPSTREAM_BAD_RESPONSE naming the cap. */
  maxPages: number;
}

/** Everything one account holds, fetched to the last page and mapped: what a snapshot is made of. */
export interface Inventory {
  numbers: NumberRecord[];
  pools: PoolRecord[];
}

/**
 * One configured account at one provider: the only surface the rest of the gateway sees of a
 * provider. Implementations live in `src/providers/<provider>/` and own auth, paging, retries and
 * mapping; the snapshots (`src/snapshots/`) call `listInventory` and nothing else.
 */
export interface ProviderAccount {
  readonly provider: Provider;
  readonly accountId: string;
  /** Every number and pool of the account, all pages fetched, within `bounds`. Throws `UpstreamError`. */
  listInventory(bounds: ListingBounds): Promise<Inventory>;
  /** What an operator should see of how the account is reached (e.g. `{ numbersApi: "number_management" }`), for `/readyz`; never a secret. */
  operatorInfo?(): Record<string, string>;
}
