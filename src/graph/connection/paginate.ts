import { compareToSortKey, mergeSorted, sortKeyOf, type SortedList, type SortOrder } from "../../snapshots/sort-order.js";
import { BadUserInputError } from "../../errors/gateway-errors.js";
import type { PageInfo } from "./page-info.type.js";

export const DEFAULT_FIRST = 50;
export const MAX_FIRST = 1000;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

export interface PageRequest {
  first: number;
  /** The sort key of the last item already seen: the fields its list's order compares. */
  afterKey: readonly string[] | undefined;
}

/** Check `first`/`after` before any snapshot is read, so a bad argument costs nothing. */
export function parseConnectionArgs(args: ConnectionArgs): PageRequest {
  const first = args.first ?? DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw new BadUserInputError(`first must be from 1 to ${MAX_FIRST}; got ${first}. Ask for at most ${MAX_FIRST} and page on with \`after: pageInfo.endCursor\`.`, "first");
  }
  return { first, afterKey: args.after === undefined || args.after === null ? undefined : decodeCursor(args.after) };
}

/**
 * One Relay page over several lists already in the graph's order (one per account snapshot):
 * a binary search per list for the cursor, then a merge of `first` items. The work is in
 * proportion to the page and the number of lists, never to the inventory. A cursor is the sort
 * key of the last item seen (not an offset), so it survives restarts, instances and refreshes.
 */
export function pageOfSorted<T>(lists: readonly SortedList<T>[], request: PageRequest): Connection<T> {
  const after = request.afterKey;
  const positions = lists.map((list) => (after === undefined ? 0 : upperBound(list, after)));
  const before = positions.reduce((sum, p) => sum + p, 0);
  const totalCount = lists.reduce((sum, list) => sum + list.items.length, 0);
  const items: T[] = [];
  for (const { list, index } of mergeSorted(lists, positions)) {
    if (items.length >= request.first) break;
    items.push(lists[list]!.items[index]!);
  }
  // The lists of one connection hold one kind of record, so they share one order.
  return new Page(items, lists[0]?.order, totalCount, before);
}

/** A connection whose edge cursors are encoded only if a client asks for edges. */
class Page<T> implements Connection<T> {
  readonly pageInfo: PageInfo;
  constructor(
    readonly nodes: T[],
    private readonly order: SortOrder<T> | undefined,
    readonly totalCount: number,
    before: number,
  ) {
    this.pageInfo = {
      hasNextPage: before + nodes.length < totalCount,
      hasPreviousPage: before > 0,
      startCursor: nodes.length ? this.cursorOf(nodes[0]!) : null,
      endCursor: nodes.length ? this.cursorOf(nodes.at(-1)!) : null,
    };
  }

  get edges(): { cursor: string; node: T }[] {
    return this.nodes.map((node) => ({ cursor: this.cursorOf(node), node }));
  }

  private cursorOf(node: T): string {
    return encodeCursor(sortKeyOf(this.order!, node));
  }
}

/** The first index whose item sorts after `key`. */
function upperBound<T>(list: SortedList<T>, key: readonly string[]): number {
  let low = 0;
  let high = list.items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareToSortKey(list.order, list.items[mid]!, key) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(["c1", ...key])).toString("base64url");
}

/** U+0000 is in no field the graph sorts by: a cursor holding one is not from this API. */
function decodeCursor(raw: string): string[] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(parts) && parts[0] === "c1" && parts.length > 1 && parts.every((p) => typeof p === "string" && !p.includes("\u0000"))) return parts.slice(1) as string[];
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError(`after ${JSON.stringify(raw)} is not a cursor from this API; pass a \`cursor\` or \`pageInfo.endCursor\` from an earlier page of the same field, or omit it to start at the beginning.`, "after");
}
