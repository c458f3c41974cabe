/**
 * The shape every reconciliation pass shares (orders: reconcile.ts, returns: reconcile-returns.ts,
 * refunds: reconcile-refunds.ts, packages: shipments.ts): a window by `update_time` from the shop's
 * persisted cursor minus an overlap (or a look-back when the shop has no cursor yet) up to now, searched to
 * the last page (core/page-walk.ts), and the cursor moved to the window's end only after that; and one pass
 * over every connected shop in which a failing shop is logged and recorded while the others still run.
 */
import type { Logger } from 'pino';
import { type Clock, unixSeconds } from '../../../shared-types/src/time/clock';
import { describeError } from '../core/errors';
import type { BridgeStore } from '../store/types';

/** Seconds re-read before the cursor: TikTok indexes some updates late. */
export const DEFAULT_OVERLAP_SEC = 300;
/** How far back the first pass of a shop looks. */
export const DEFAULT_LOOKBACK_SEC = 3 * 24 * 3600;
/** Appended to a page-walk error inside a pass. */
export const CURSOR_KEPT = '; the cursor was not moved';

export interface WindowOptions {
  /** Unix seconds; overrides the cursor for this pass. */
  sinceSec?: number;
  overlapSec?: number;
  /** Window start for a shop without a cursor. */
  initialLookbackSec?: number;
}

export interface CursorWindow {
  /** Unix seconds, inclusive (`update_time_ge`). */
  start: number;
  /** Unix seconds, exclusive (`update_time_lt`). */
  end: number;
}

/**
 * The window of the next pass. `update_time_lt` is exclusive, so the window ends after the current second:
 * a record changed in this very second is found now rather than one pass later.
 */
export async function openCursorWindow(
  store: Pick<BridgeStore, 'getCursor'>,
  clock: Clock,
  shopId: string,
  cursorName: string,
  options: WindowOptions = {},
): Promise<CursorWindow> {
  const end = unixSeconds(clock) + 1;
  if (options.sinceSec !== undefined) return { start: options.sinceSec, end };
  const cursor = await store.getCursor(shopId, cursorName);
  const start = cursor
    ? cursor.value - (options.overlapSec ?? DEFAULT_OVERLAP_SEC)
    : end - (options.initialLookbackSec ?? DEFAULT_LOOKBACK_SEC);
  return { start, end };
}

/** After the last page: the next pass starts from this window's end. */
export async function closeCursorWindow(
  store: Pick<BridgeStore, 'setCursor'>,
  clock: Clock,
  shopId: string,
  cursorName: string,
  window: CursorWindow,
): Promise<void> {
  await store.setCursor(shopId, cursorName, window.end, clock.now());
}

export interface ShopPassDeps {
  store: Pick<BridgeStore, 'listShops' | 'recordError'>;
  clock: Clock;
  logger: Logger;
}

export interface ShopPassResult<R> {
  results: R[];
  failures: { shopId: string; error: string }[];
}

/**
 * Runs `run` for every connected shop. A shop that fails is logged (`<label> reconciliation failed`) and
 * recorded as an error of `source` ("<Label> reconciliation failed: …"); the others still run.
 */
export async function forEachConnectedShop<R>(
  deps: ShopPassDeps,
  pass: { source: string; label: string },
  run: (shopId: string) => Promise<R>,
): Promise<ShopPassResult<R>> {
  const out: ShopPassResult<R> = { results: [], failures: [] };
  for (const shop of await deps.store.listShops()) {
    if (shop.state !== 'connected') continue;
    try {
      out.results.push(await run(shop.shopId));
    } catch (error) {
      const message = describeError(error);
      out.failures.push({ shopId: shop.shopId, error: message });
      await recordPassFailure(deps, pass, shop.shopId, message);
    }
  }
  return out;
}

/** Logs and records one shop's failed pass, as forEachConnectedShop does. */
export async function recordPassFailure(
  deps: ShopPassDeps,
  pass: { source: string; label: string },
  shopId: string,
  message: string,
): Promise<void> {
  deps.logger.warn({ shopId, err: message }, `${pass.label} reconciliation failed`);
  const capitalised = pass.label.charAt(0).toUpperCase() + pass.label.slice(1);
  await deps.store.recordError({
    at: deps.clock.now(),
    source: pass.source,
    shopId,
    message: `${capitalised} reconciliation failed: ${message}`,
  });
}
