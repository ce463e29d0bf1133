import pLimit from "p-limit";
import { providerLabel, UpstreamError, type ListingBounds, type Provider } from "../../model/index.js";
import { listingAborted } from "./upstream-http.js";

export interface CursorPage<T> {
  items: T[];
  /** The cursor/token for the next page; undefined (or "") on the last page. */
  next: string | undefined | null;
}

/**
 * Follow a cursor to the end, within `bounds`. A cursor that repeats is an upstream bug: it
 * becomes an `UPSTREAM_BAD_RESPONSE`, never an endless loop; so does a cursor that never ends
 * (the page cap), and nothing is fetched once the listing's signal has aborted.
 *
 * Clients map each page as it arrives and pass it through the listing's `RepeatedValues`, so a
 * listing holds mapped, shared records and never an account's wire pages (at 50,000 numbers per
 * account, holding them until the last page raised a cold listing's peak RSS by ~50 MB).
 */
export async function collectCursorPages<T>(provider: Provider, accountId: string, bounds: ListingBounds, fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    if (bounds.signal.aborted) throw listingAborted(provider, accountId, bounds.signal);
    const page = await fetchPage(cursor);
    items.push(...page.items);
    if (page.next === undefined || page.next === null || page.next === "") return items;
    if (seen.has(page.next)) {
      throw new UpstreamError(provider, "UPSTREAM_BAD_RESPONSE", `${providerLabel[provider]} returned the paging cursor ${JSON.stringify(page.next)} twice; stopped instead of looping.`, { accountId });
    }
    if (pages >= bounds.maxPages) throw pageCapReached(provider, accountId, bounds.maxPages);
    seen.add(page.next);
    cursor = page.next;
  }
}

/**
 * Fetch pages 2..totalPages with at most `concurrency` in flight, once page 1 has told the count.
 * Results come back in page order. A count above the page cap fails before any page is asked for.
 * Once a page has failed (or the listing's signal aborted) the listing has failed, so pages still
 * queued are never sent: a failing upstream is not asked again for pages nobody will read.
 */
export async function fetchRemainingPages<T>(provider: Provider, accountId: string, bounds: ListingBounds, totalPages: number, concurrency: number, fetchPage: (page: number) => Promise<T[]>): Promise<T[][]> {
  if (totalPages > bounds.maxPages) throw pageCapReached(provider, accountId, bounds.maxPages, totalPages);
  const limit = pLimit(concurrency);
  let failure: unknown;
  const fetchUnlessFailed = async (page: number) => {
    if (bounds.signal.aborted) failure ??= listingAborted(provider, accountId, bounds.signal);
    if (failure) throw failure as Error;
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

function pageCapReached(provider: Provider, accountId: string, maxPages: number, claimed?: number): UpstreamError {
  const what = claimed === undefined ? `kept paging past ${maxPages} pages` : `claimed ${claimed} pages`;
  return new UpstreamError(
    provider,
    "UPSTREAM_BAD_RESPONSE",
    `${providerLabel[provider]} ${what} for account ${accountId}, more than the page cap of ${maxPages} (NUMBERGRAPH_MAX_PAGES); stopped listing. Raise the cap if the account really is that large.`,
    { accountId },
  );
}
