import type { GlobalId, NumberRecord, PoolRecord } from "../../model/index.js";
import type { SnapshotReader } from "../../snapshots/snapshot-reader.js";
import { pageOfSorted, type Connection, type PageRequest } from "../connection/paginate.js";
import { matchesPoolFilter, type NumberPoolFilter } from "./number-pool-filter.input.js";

export async function numberPoolPage(snapshots: SnapshotReader, filter: NumberPoolFilter | null | undefined, page: PageRequest): Promise<Connection<PoolRecord>> {
  const read = await snapshots.snapshotsOf(snapshots.accountsOf(filter?.providers, filter?.accountIds));
  const lists = read.map((s) => {
    const all = s.sortedPoolList();
    if (!filter) return all;
    // Pools are few per account; filtering them per request costs next to nothing.
    return { items: all.items.filter((pool) => matchesPoolFilter(pool, filter)), order: all.order };
  });
  return pageOfSorted(lists, page);
}

export async function poolById(snapshots: SnapshotReader, id: GlobalId): Promise<PoolRecord | null> {
  return (await snapshots.snapshotOf(id.provider, id.accountId))?.poolByKey(id.key) ?? null;
}

/** A pool's members as full records of its account, in the graph's stable order. */
export async function membersOf(snapshots: SnapshotReader, pool: PoolRecord): Promise<readonly NumberRecord[]> {
  return (await snapshots.snapshotOf(pool.provider, pool.accountId))?.membersOf(pool) ?? [];
}
