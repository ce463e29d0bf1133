import { badUserInput } from "../common/errors.js";
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
  afterKey: string[] | undefined;
}

/** Check `first`/`after` before any upstream is asked, so a bad argument costs nothing. */
export function parseConnectionArgs(args: ConnectionArgs): PageRequest {
  const first = args.first ?? DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw badUserInput(`first must be from 1 to ${MAX_FIRST}; got ${first}. Ask for at most ${MAX_FIRST} and page on with \`after: pageInfo.endCursor\`.`, "first");
  }
  return { first, afterKey: args.after === undefined || args.after === null ? undefined : decodeCursor(args.after) };
}

/**
 * Relay paging over a list sorted by `sortKey`. A cursor is the sort key of the last item seen
 * (not an offset), so it survives restarts and items added before it do not shift the page.
 */
export function paginate<T>(items: T[], request: PageRequest, sortKey: (item: T) => string[]): Connection<T> {
  const keyed = items.map((item) => ({ item, key: sortKey(item) })).sort((a, b) => compareKeys(a.key, b.key));
  let start = 0;
  if (request.afterKey) {
    const afterKey = request.afterKey;
    start = keyed.findIndex(({ key }) => compareKeys(key, afterKey) > 0);
    if (start === -1) start = keyed.length;
  }
  const slice = keyed.slice(start, start + request.first);
  const edges = slice.map(({ item, key }) => ({ cursor: encodeCursor(key), node: item }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    totalCount: keyed.length,
    pageInfo: {
      hasNextPage: start + request.first < keyed.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

function encodeCursor(key: string[]): string {
  return Buffer.from(JSON.stringify(["c1", ...key])).toString("base64url");
}

function decodeCursor(raw: string): string[] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(parts) && parts[0] === "c1" && parts.length > 1 && parts.every((p) => typeof p === "string")) return parts.slice(1) as string[];
  } catch {
    // fall through to the error below
  }
  throw badUserInput(`after ${JSON.stringify(raw)} is not a cursor from this API; pass a \`cursor\` or \`pageInfo.endCursor\` from an earlier page of the same field, or omit it to start at the beginning.`, "after");
}

/** Compare sort keys element by element, as plain code-unit strings (locale-independent). */
function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? "";
    const y = b[i] ?? "";
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
