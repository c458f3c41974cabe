/**
 * reconcile-window.ts: the window a pass searches (from the cursor minus the overlap, a look-back for a
 * shop without a cursor, an explicit start), the cursor moved to the window's end, and the pass over the
 * connected shops in which one failing shop is recorded and the others still run.
 */
import pino from 'pino';
import type { Clock } from '../../../../shared-types/src/time/clock';
import {
  closeCursorWindow,
  DEFAULT_LOOKBACK_SEC,
  DEFAULT_OVERLAP_SEC,
  forEachConnectedShop,
  openCursorWindow,
} from '../reconcile-window';

const NOW_MS = 1_800_000_000_500;
const NOW_SEC = 1_800_000_000;
const fixedClock = (ms: number): Clock => ({ now: () => ms });

function cursorStore(initial: Record<string, number> = {}) {
  const cursors = new Map(Object.entries(initial));
  return {
    cursors,
    getCursor: async (shopId: string, name: string) => {
      const value = cursors.get(`${shopId}/${name}`);
      return value === undefined ? undefined : { shopId, name, value, updatedAt: 0 };
    },
    setCursor: async (shopId: string, name: string, value: number) => {
      cursors.set(`${shopId}/${name}`, value);
    },
  };
}

describe('openCursorWindow', () => {
  const clock = fixedClock(NOW_MS);

  it('ends after the current second and starts at the cursor minus the overlap', async () => {
    const store = cursorStore({ 's1/x.update_time': NOW_SEC - 1_000 });
    expect(await openCursorWindow(store, clock, 's1', 'x.update_time')).toEqual({
      start: NOW_SEC - 1_000 - DEFAULT_OVERLAP_SEC,
      end: NOW_SEC + 1,
    });
    expect(await openCursorWindow(store, clock, 's1', 'x.update_time', { overlapSec: 10 })).toEqual({
      start: NOW_SEC - 1_010,
      end: NOW_SEC + 1,
    });
  });

  it('looks back from now for a shop without a cursor, and takes an explicit start over both', async () => {
    const store = cursorStore();
    expect((await openCursorWindow(store, clock, 's1', 'x')).start).toBe(NOW_SEC + 1 - DEFAULT_LOOKBACK_SEC);
    expect((await openCursorWindow(store, clock, 's1', 'x', { initialLookbackSec: 60 })).start).toBe(
      NOW_SEC + 1 - 60,
    );
    expect((await openCursorWindow(store, clock, 's1', 'x', { sinceSec: 5 })).start).toBe(5);
  });

  it('closing moves the cursor to the end of the window, so the next pass starts there less the overlap', async () => {
    const store = cursorStore();
    const window = await openCursorWindow(store, clock, 's1', 'x');
    await closeCursorWindow(store, clock, 's1', 'x', window);
    expect(store.cursors.get('s1/x')).toBe(NOW_SEC + 1);
    expect((await openCursorWindow(store, clock, 's1', 'x')).start).toBe(NOW_SEC + 1 - DEFAULT_OVERLAP_SEC);
  });
});

describe('forEachConnectedShop', () => {
  it('runs connected shops only, records a failing shop and still runs the others', async () => {
    const errors: { source: string; shopId: string | null; message: string }[] = [];
    const store = {
      listShops: async () => [
        { shopId: 'a', state: 'connected' },
        { shopId: 'b', state: 'connected' },
        { shopId: 'c', state: 'needs_reauth' },
        { shopId: 'd', state: 'connected' },
      ],
      recordError: async (e: { source: string; shopId: string | null; message: string }) => {
        errors.push(e);
      },
    } as unknown as Parameters<typeof forEachConnectedShop>[0]['store'];
    const ran: string[] = [];
    const out = await forEachConnectedShop(
      { store, clock: fixedClock(NOW_MS), logger: pino({ level: 'silent' }) },
      { source: 'reconcile.returns', label: 'return' },
      async (shopId) => {
        ran.push(shopId);
        if (shopId === 'b') throw new Error('TikTok answered 500');
        return shopId.toUpperCase();
      },
    );
    expect(ran).toEqual(['a', 'b', 'd']);
    expect(out.results).toEqual(['A', 'D']);
    expect(out.failures).toEqual([{ shopId: 'b', error: expect.stringContaining('TikTok answered 500') }]);
    expect(errors).toEqual([
      {
        at: NOW_MS,
        source: 'reconcile.returns',
        shopId: 'b',
        message: expect.stringMatching(/^Return reconciliation failed: .*TikTok answered 500/),
      },
    ]);
  });
});
