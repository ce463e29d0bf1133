import { LRUCache } from "lru-cache";
import { createHash } from "node:crypto";
import { accountKey, RepeatedValues, revivedNumberRecord, type Inventory, type NumberRecord, type PoolRecord, type Provider } from "../model/index.js";
import { filtersRecords, matchesNumberFilter, recordFilterKey, type NumberFilter } from "./number-filter.js";
import { numberOrder, poolOrder, sortedBy, type SortedList } from "./sort-order.js";

/** What a snapshot store keeps and shares: one account's inventory, stamped with when and which version. */
export interface SnapshotData {
  provider: Provider;
  accountId: string;
  /** Content hash of the inventory: the same on every instance for the same data. */
  version: string;
  /** Epoch ms the listing finished. */
  fetchedAt: number;
  numbers: NumberRecord[];
  pools: PoolRecord[];
}

/**
 * One account's inventory, mapped once and indexed once: by key, by E.164, pool membership both
 * ways, and in the connection's sort order. Immutable; a refresh builds a new one (or, when the
 * content hash is unchanged, re-stamps this one with `restamped` and keeps its indexes and memo).
 */
export class AccountSnapshot implements SnapshotData {
  readonly key: string;
  readonly numbers: NumberRecord[];
  readonly pools: PoolRecord[];
  private readonly sorted: SortedList<NumberRecord>;
  private readonly sortedPools: SortedList<PoolRecord>;
  private readonly byKey = new Map<string, NumberRecord>();
  /** A number or, where an account lists one twice, its records: a one-record array per number was ~10 MB at 50,000 per account. */
  private readonly byE164 = new Map<string, NumberRecord | NumberRecord[]>();
  private readonly poolsByKey = new Map<string, PoolRecord>();
  private readonly poolsByMember = new Map<string, PoolRecord[]>();
  private readonly membersByPool = new Map<PoolRecord, NumberRecord[]>();
  /** Filtered views by filter, bounded in records held (a few times the inventory), least recently used out. */
  private readonly filteredMemo: LRUCache<string, SortedList<NumberRecord>>;

  private constructor(
    readonly provider: Provider,
    readonly accountId: string,
    readonly version: string,
    readonly fetchedAt: number,
    numbers: readonly NumberRecord[],
    pools: readonly PoolRecord[],
    from?: AccountSnapshot,
  ) {
    this.key = accountKey(provider, accountId);
    if (from) {
      // Same content: share every index, only the time stamp moves.
      this.numbers = from.numbers;
      this.pools = from.pools;
      this.sorted = from.sorted;
      this.sortedPools = from.sortedPools;
      this.byKey = from.byKey;
      this.byE164 = from.byE164;
      this.poolsByKey = from.poolsByKey;
      this.poolsByMember = from.poolsByMember;
      this.membersByPool = from.membersByPool;
      this.filteredMemo = from.filteredMemo;
      return;
    }
    this.sorted = sortedBy(numbers, numberOrder);
    this.sortedPools = sortedBy(pools, poolOrder);
    this.numbers = this.sorted.items as NumberRecord[];
    this.pools = this.sortedPools.items as PoolRecord[];
    for (const n of this.numbers) {
      this.byKey.set(n.key, n);
      const held = this.byE164.get(n.e164);
      this.byE164.set(n.e164, held === undefined ? n : Array.isArray(held) ? [...held, n] : [held, n]);
    }
    for (const pool of this.pools) {
      this.poolsByKey.set(pool.key, pool);
      const members = [...new Set(pool.memberE164s)];
      for (const e164 of members) push(this.poolsByMember, e164, pool);
      // Members in the graph's order, as full records of this account.
      this.membersByPool.set(
        pool,
        sortedBy(
          members.flatMap((e164) => this.numbersWithE164(e164)),
          numberOrder,
        ).items as NumberRecord[],
      );
    }
    this.filteredMemo = new LRUCache({ max: 256, maxSize: Math.max(1_000, 4 * this.numbers.length), sizeCalculation: (list) => list.items.length + 1 });
  }

  /** Index a freshly listed inventory (its listing shared its repeated values page by page); its version is the content hash. */
  static fromInventory(provider: Provider, accountId: string, inventory: Inventory, fetchedAt: number): AccountSnapshot {
    const snapshot = new AccountSnapshot(provider, accountId, "", fetchedAt, inventory.numbers, inventory.pools);
    return new AccountSnapshot(provider, accountId, contentVersion(snapshot.numbers, snapshot.pools), fetchedAt, [], [], snapshot);
  }

  /** Index snapshot data a store handed back (another instance's listing), trusting its version. */
  static fromData(data: SnapshotData): AccountSnapshot {
    const numbers = new RepeatedValues().share(data.numbers.map(revivedNumberRecord));
    return new AccountSnapshot(data.provider, data.accountId, data.version, data.fetchedAt, numbers, data.pools);
  }

  /** This content, fetched again at `fetchedAt`. */
  restamped(fetchedAt: number): AccountSnapshot {
    return new AccountSnapshot(this.provider, this.accountId, this.version, fetchedAt, [], [], this);
  }

  numberByKey(key: string): NumberRecord | undefined {
    return this.byKey.get(key);
  }

  numbersWithE164(e164: string): readonly NumberRecord[] {
    const held = this.byE164.get(e164);
    return held === undefined ? [] : Array.isArray(held) ? held : [held];
  }

  poolByKey(key: string): PoolRecord | undefined {
    return this.poolsByKey.get(key);
  }

  poolsListing(e164: string): readonly PoolRecord[] {
    return this.poolsByMember.get(e164) ?? [];
  }

  /** A pool's members as this account's full records, in the graph's order. */
  membersOf(pool: PoolRecord): readonly NumberRecord[] {
    return this.membersByPool.get(pool) ?? [];
  }

  sortedPoolList(): SortedList<PoolRecord> {
    return this.sortedPools;
  }

  /** The numbers matching `filter`, in the graph's order: computed once per filter and version. */
  matching(filter: NumberFilter): SortedList<NumberRecord> {
    if (!filtersRecords(filter)) return this.sorted;
    const memoKey = recordFilterKey(filter);
    let list = this.filteredMemo.get(memoKey);
    if (!list) {
      list = { items: this.sorted.items.filter((n) => matchesNumberFilter(n, filter, (m) => this.poolsByMember.has(m.e164))), order: numberOrder };
      this.filteredMemo.set(memoKey, list);
    }
    return list;
  }
}

/** A hash of the mapped content, record by record; mapping is deterministic, so equal data hashes equal. */
function contentVersion(numbers: readonly NumberRecord[], pools: readonly PoolRecord[]): string {
  const hash = createHash("sha256");
  for (const n of numbers) hash.update(JSON.stringify(n));
  hash.update("\u0001pools");
  for (const p of pools) hash.update(JSON.stringify(p));
  return hash.digest("base64url").slice(0, 22);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
