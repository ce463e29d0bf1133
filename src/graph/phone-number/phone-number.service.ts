import type { NumberRecord, PoolRecord } from "../../model/index.js";
import { numberOrder, sortedBy } from "../../snapshots/sort-order.js";
import type { NumberFilter } from "../../snapshots/number-filter.js";
import type { SnapshotReader } from "../../snapshots/snapshot-reader.js";
import type { GlobalId } from "../../model/index.js";
import { pageOfSorted, type Connection, type PageRequest } from "../connection/paginate.js";

/** One page of the numbers the caller may see that match `filter`, from each account's snapshot indexes. */
export async function phoneNumberPage(snapshots: SnapshotReader, filter: NumberFilter, page: PageRequest): Promise<Connection<NumberRecord>> {
  const read = await snapshots.snapshotsOf(snapshots.accountsOf(filter.providers, filter.accountIds));
  return pageOfSorted(
    read.map((s) => s.matching(filter)),
    page,
  );
}

/** A number by id; null where unknown, outside the caller's accounts, or its account failed. */
export async function numberById(snapshots: SnapshotReader, id: GlobalId): Promise<NumberRecord | null> {
  return (await snapshots.snapshotOf(id.provider, id.accountId))?.numberByKey(id.key) ?? null;
}

/** Every account's record of one E.164 number, in the graph's stable order. */
export async function holdersOf(snapshots: SnapshotReader, e164: string): Promise<NumberRecord[]> {
  const read = await snapshots.snapshotsOf(snapshots.accounts);
  return sortPhoneNumbers(read.flatMap((s) => s.numbersWithE164(e164)));
}

/** Synchronous when the number came from a snapshot this request read (the usual case: a page's nodes). */
export function poolsOfNumber(snapshots: SnapshotReader, number: NumberRecord): readonly PoolRecord[] | Promise<readonly PoolRecord[]> {
  const read = snapshots.snapshotRead(number.provider, number.accountId);
  if (read) return read.poolsListing(number.e164);
  return snapshots.snapshotOf(number.provider, number.accountId).then((snapshot) => snapshot?.poolsListing(number.e164) ?? []);
}

/** The graph's stable order (docs/graph-semantics.md), for lists that are not connections: holdings across accounts. */
export function sortPhoneNumbers(numbers: readonly NumberRecord[]): NumberRecord[] {
  return [...sortedBy(numbers, numberOrder).items];
}
