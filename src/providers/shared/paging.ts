import pLimit from "p-limit";
import { UpstreamError, type Provider } from "../../model/index.js";
import { providerLabel } from "./upstream-http.js";

export interface CursorPage<T> {
  items: T[];
  /** The cursor/token for the next page; undefined (or "") on the last page. */
  next: string | undefined | null;
}

/**
 * Follow a cursor to the end. A cursor that repeats is an upstream bug: it becomes an
 * `UPSTREAM_BAD_RESPONSE`, never an endless loop.
 */
export async function collectCursorPages<T>(
  provider: Provider,
  accountId: string,
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    if (page.next === undefined || page.next === null || page.next === "") return items;
    if (seen.has(page.next)) {
      throw new UpstreamError(provider, "UPSTREAM_BAD_RESPONSE", `${providerLabel[provider]} returned the paging cursor ${JSON.stringify(page.next)} twice; stopped instead of looping.`, { accountId });
    }
    seen.add(page.next);
    cursor = page.next;
  }
}

/**
 * Fetch pages 2..totalPages with at most `concurrency` in flight, once page 1 has told the count.
 * Results come back in page order. Once a page has failed the listing has failed, so pages still
 * queued are never sent: a failing upstream is not asked again for pages nobody will read.
 */
export async function fetchRemainingPages<T>(totalPages: number, concurrency: number, fetchPage: (page: number) => Promise<T[]>): Promise<T[][]> {
  const limit = pLimit(concurrency);
  let failure: unknown;
  const fetchUnlessFailed = async (page: number) => {
    if (failure) throw failure;
    try {
      return await fetchPage(page);
    } catch (error) {
      failure ??= error;
      throw error;
    }
  };
  const pages = Array.from({ length: Math.max(0, totalPages - 1) }, (_, i) => i + 2);
  return Promise.all(pages.map((page) => limit(() => fetchUnlessFailed(page))));
}
