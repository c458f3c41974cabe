/**
 * Reading every page of a TikTok search that pages by token: fetch a page, hand it over, follow
 * `nextPageToken` until there is none. Two guards stop a search that would never end: a page token seen
 * twice (TikTok looping) and a page limit. Either throws a retryable TIKTOK_API_ERROR naming the search,
 * so a caller that moves a cursor only after the last page (workers/reconcile-window.ts) leaves it where it
 * was. Used by the reconciliation passes, the catalog pull and the TikTok client's whole-result searches.
 */
import { BridgeError, BRIDGE_ERROR_CODES } from './errors';

export interface TokenPage {
  /** The token of the next page; absent, null or '' when this was the last. */
  nextPageToken?: string | null | undefined;
}

export interface PageWalkOptions {
  /** Pages at most (default 10,000). */
  maxPages?: number;
  /** Appended to the error message, e.g. '; the cursor was not moved'. */
  consequence?: string;
}

export const DEFAULT_MAX_PAGES = 10_000;

/**
 * Reads pages until the last, calling `onPage` for each in order; `onPage` may answer `'stop'` to end
 * the walk early (the caller reads the results another way). `what` names the search and the shop, e.g.
 * "Search Returns for shop 7495…". Returns the number of pages read.
 */
export async function walkPages<P extends TokenPage>(
  what: string,
  fetchPage: (pageToken: string | undefined) => Promise<P>,
  onPage: (page: P) => Promise<void | 'stop'> | void | 'stop',
  options: PageWalkOptions = {},
): Promise<number> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const consequence = options.consequence ?? '';
  const seenTokens = new Set<string>();
  let pages = 0;
  let pageToken: string | undefined;
  do {
    if (pages >= maxPages) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.TIKTOK_API_ERROR,
        `${what} did not end after ${pages} pages${consequence}.`,
        { retryable: true },
      );
    }
    const page = await fetchPage(pageToken);
    pages += 1;
    if ((await onPage(page)) === 'stop') return pages;
    pageToken = page.nextPageToken || undefined;
    if (pageToken !== undefined) {
      if (seenTokens.has(pageToken)) {
        throw new BridgeError(
          BRIDGE_ERROR_CODES.TIKTOK_API_ERROR,
          `${what} returned the same page token twice${consequence}.`,
          { retryable: true },
        );
      }
      seenTokens.add(pageToken);
    }
  } while (pageToken !== undefined);
  return pages;
}
