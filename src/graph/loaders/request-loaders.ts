import DataLoader from "dataloader";
import type { NumberQuery, NumberRecord, PoolRecord, Provider, ProviderAccount } from "../../model/index.js";
import { accountKey, type GlobalId } from "../node/global-id.js";
import type { UpstreamFailures } from "./upstream-failures.js";

/** Lookup tables built once per inventory, shared by every field that needs them. */
interface InventoryIndex {
  byProviderId: Map<string, NumberRecord>;
  byE164: Map<string, NumberRecord[]>;
}

interface PoolIndex {
  byProviderId: Map<string, PoolRecord>;
  /** Reverse index: member E.164 → the pools that list it. */
  byMember: Map<string, PoolRecord[]>;
}

/**
 * Every upstream read of one GraphQL request goes through here: DataLoaders keyed by account, so
 * one inventory fetch per account per request however many fields ask, lookups by id or E.164
 * batched onto those inventories, and pool membership joined by reverse index. Built fresh for
 * every request (nothing leaks between requests or API keys); `accounts` is already narrowed to
 * what the caller's key may see, so every path below enforces access by construction.
 */
export class RequestLoaders {
  private readonly accountsByKey: Map<string, ProviderAccount>;
  private readonly inventoryIndexes = new WeakMap<NumberRecord[], InventoryIndex>();
  private readonly poolIndexes = new WeakMap<PoolRecord[], PoolIndex>();

  constructor(
    readonly accounts: readonly ProviderAccount[],
    private readonly failures: UpstreamFailures,
  ) {
    this.accountsByKey = new Map(accounts.map((a) => [accountKey(a.provider, a.accountId), a]));
  }

  /** Accounts whose full inventory this request has asked for (see `matching`). */
  private readonly inventoryStarted = new Set<string>();

  /** Full, unfiltered inventory per account key; read it through `loadInventory`. */
  private readonly inventory = new DataLoader<string, NumberRecord[]>((keys) =>
    Promise.all(keys.map((key) => this.account(key).listNumbers().catch((error: unknown) => asError(error)))),
  );

  /**
   * Inventory with filters pushed down, keyed by account key + query. When the full inventory of
   * that account is already loaded or loading in this request, it is filtered locally instead of
   * costing the upstream a second listing.
   */
  private readonly matching = new DataLoader<string, NumberRecord[]>((keys) =>
    Promise.all(
      keys.map(async (key) => {
        const [account, queryJson] = splitOnce(key);
        if (this.inventoryStarted.has(account)) return this.inventory.load(account).catch((error: unknown) => asError(error));
        return this.account(account).listNumbers(JSON.parse(queryJson) as NumberQuery).catch((error: unknown) => asError(error));
      }),
    ),
  );

  readonly pools = new DataLoader<string, PoolRecord[]>((keys) =>
    Promise.all(keys.map((key) => this.account(key).listPools(() => this.loadInventory(key)).catch((error: unknown) => asError(error)))),
  );

  /** Numbers by natural key; null where unknown, outside the caller's accounts, or its account failed. */
  readonly numberById = new DataLoader<GlobalId, NumberRecord | null, string>(
    async (ids) => {
      const indexes = await this.settleEach(unique(ids.map((id) => accountKey(id.provider, id.accountId))), (key) => this.inventoryIndex(key));
      return ids.map((id) => indexes.get(accountKey(id.provider, id.accountId))?.byProviderId.get(id.providerId) ?? null);
    },
    { cacheKeyFn: (id) => `${accountKey(id.provider, id.accountId)}/${id.providerId}` },
  );

  readonly poolById = new DataLoader<GlobalId, PoolRecord | null, string>(
    async (ids) => {
      const indexes = await this.settleEach(unique(ids.map((id) => accountKey(id.provider, id.accountId))), (key) => this.poolIndex(key));
      return ids.map((id) => indexes.get(accountKey(id.provider, id.accountId))?.byProviderId.get(id.providerId) ?? null);
    },
    { cacheKeyFn: (id) => `${accountKey(id.provider, id.accountId)}/${id.providerId}` },
  );

  /** Every account's record of each E.164 number (for `alsoHeldAt` and E.164 entities). */
  readonly numbersByE164 = new DataLoader<string, NumberRecord[]>(async (e164s) => {
    const indexes = await this.settleEach([...this.accountsByKey.keys()], (key) => this.inventoryIndex(key));
    return e164s.map((e164) => [...indexes.values()].flatMap((index) => index.byE164.get(e164) ?? []));
  });

  accountsOf(providers?: readonly Provider[] | null): ProviderAccount[] {
    return this.accounts.filter((a) => !providers?.length || providers.includes(a.provider));
  }

  /** Numbers of several accounts, each with `query` pushed down; failed accounts are recorded and skipped. */
  async numbersOf(accounts: readonly ProviderAccount[], query: NumberQuery): Promise<NumberRecord[]> {
    const pushdown = JSON.stringify(query);
    const results = await this.settleEach(
      accounts.map((a) => accountKey(a.provider, a.accountId)),
      (key) => (pushdown === "{}" ? this.loadInventory(key) : this.matching.load(`${key}\u0000${pushdown}`)),
    );
    return [...results.values()].flat();
  }

  /** Pools of several accounts; failed accounts are recorded and skipped. */
  async poolsOf(accounts: readonly ProviderAccount[]): Promise<PoolRecord[]> {
    const results = await this.settleEach(
      accounts.map((a) => accountKey(a.provider, a.accountId)),
      (key) => this.pools.load(key),
    );
    return [...results.values()].flat();
  }

  /** The pools that list this number, via the reverse index of its account's pools. */
  async poolsOfNumber(number: NumberRecord): Promise<PoolRecord[]> {
    const key = accountKey(number.provider, number.accountId);
    const index = (await this.settleEach([key], (k) => this.poolIndex(k))).get(key);
    return index?.byMember.get(number.e164) ?? [];
  }

  /** A pool's members as full records: its E.164 strings joined to its account's inventory. */
  async membersOfPool(pool: PoolRecord): Promise<NumberRecord[]> {
    const key = accountKey(pool.provider, pool.accountId);
    const index = (await this.settleEach([key], (k) => this.inventoryIndex(k))).get(key);
    if (!index) return [];
    return pool.memberE164s.flatMap((e164) => index.byE164.get(e164) ?? []);
  }

  private loadInventory(key: string): Promise<NumberRecord[]> {
    this.inventoryStarted.add(key);
    return this.inventory.load(key);
  }

  private async inventoryIndex(key: string): Promise<InventoryIndex> {
    const numbers = await this.loadInventory(key);
    let index = this.inventoryIndexes.get(numbers);
    if (!index) {
      index = { byProviderId: new Map(), byE164: new Map() };
      for (const n of numbers) {
        index.byProviderId.set(n.providerId, n);
        push(index.byE164, n.e164, n);
      }
      this.inventoryIndexes.set(numbers, index);
    }
    return index;
  }

  private async poolIndex(key: string): Promise<PoolIndex> {
    const pools = await this.pools.load(key);
    let index = this.poolIndexes.get(pools);
    if (!index) {
      index = { byProviderId: new Map(), byMember: new Map() };
      for (const pool of pools) {
        index.byProviderId.set(pool.providerId, pool);
        for (const e164 of new Set(pool.memberE164s)) push(index.byMember, e164, pool);
      }
      this.poolIndexes.set(pools, index);
    }
    return index;
  }

  /** Run `load` per account key (only keys of the caller's accounts); record failures, keep successes. */
  private async settleEach<T>(keys: string[], load: (key: string) => Promise<T>): Promise<Map<string, T>> {
    const known = keys.filter((key) => this.accountsByKey.has(key));
    const settled = await Promise.allSettled(known.map((key) => load(key)));
    const out = new Map<string, T>();
    settled.forEach((result, i) => {
      const key = known[i]!;
      if (result.status === "fulfilled") out.set(key, result.value);
      else this.failures.record(this.accountsByKey.get(key)!, result.reason);
    });
    return out;
  }

  private account(key: string): ProviderAccount {
    const account = this.accountsByKey.get(key);
    if (!account) throw new Error(`no configured account ${key}`);
    return account;
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function splitOnce(key: string): [string, string] {
  const at = key.indexOf("\u0000");
  return [key.slice(0, at), key.slice(at + 1)];
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
