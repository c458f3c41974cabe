/**
 * walkPages (core/page-walk.ts): every page in order until the last, an early stop, and the two guards
 * against a search that never ends (a repeated token, the page limit), each a retryable TikTok error naming
 * the search.
 */
import { BridgeError } from '../errors';
import { walkPages } from '../page-walk';

type Page = { items: number[]; nextPageToken?: string | null };

function pagesOf(pages: Page[]): (token: string | undefined) => Promise<Page> {
  return async (token) => pages[token === undefined ? 0 : Number(token)]!;
}

describe('walkPages', () => {
  it('reads every page in order and counts them; null and empty tokens end the walk', async () => {
    const seen: number[] = [];
    const count = await walkPages(
      'Search X for shop 1',
      pagesOf([
        { items: [1, 2], nextPageToken: '1' },
        { items: [3], nextPageToken: '2' },
        { items: [4], nextPageToken: '' },
      ]),
      (page) => {
        seen.push(...page.items);
      },
    );
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(count).toBe(3);
    expect(await walkPages('Search X', pagesOf([{ items: [], nextPageToken: null }]), () => undefined)).toBe(
      1,
    );
  });

  it('stops when the page handler says stop', async () => {
    const fetched: (string | undefined)[] = [];
    const count = await walkPages(
      'Search X',
      async (token) => {
        fetched.push(token);
        return { items: [], nextPageToken: 'more' };
      },
      () => 'stop',
    );
    expect(count).toBe(1);
    expect(fetched).toEqual([undefined]);
  });

  it('refuses a page token seen twice, naming the search and the consequence', async () => {
    const walk = walkPages(
      'Order search for shop 7',
      pagesOf([
        { items: [], nextPageToken: '1' },
        { items: [], nextPageToken: '1' },
      ]),
      () => undefined,
      { consequence: '; the cursor was not moved' },
    );
    await expect(walk).rejects.toThrow(
      'Order search for shop 7 returned the same page token twice; the cursor was not moved.',
    );
    await expect(walk).rejects.toBeInstanceOf(BridgeError);
    await expect(walk).rejects.toMatchObject({ retryable: true });
  });

  it('refuses a search longer than the page limit before fetching past it', async () => {
    let fetches = 0;
    const walk = walkPages(
      'Search Returns for shop 7',
      async () => {
        fetches += 1;
        return { items: [], nextPageToken: `t${fetches}` };
      },
      () => undefined,
      { maxPages: 3 },
    );
    await expect(walk).rejects.toThrow('Search Returns for shop 7 did not end after 3 pages.');
    expect(fetches).toBe(3);
  });
});
