/**
 * RESTlet actions `inventory.pull` and `inventory.ack` (docs/contracts.md): the bridge pulls the
 * quantities NetSuite's inventory export queued (`inventory-export.ts`), sends them to TikTok and
 * reports each pair's outcome. Pull pages by seller SKU so all warehouses of a SKU come in one
 * page (TikTok's Update Inventory lists every warehouse of a SKU). Both are validated as a whole.
 */
import { isTikTokId, tiktokIdRule } from '../ids/tiktok-id';
import { describeValue, isPlainObject, Problems } from '../contract/validation-problems';

export const INVENTORY_PULL_ACTION = 'inventory.pull';
export const INVENTORY_ACK_ACTION = 'inventory.ack';
/** Pairs per pull page (default and most). */
export const DEFAULT_INVENTORY_PULL = 2_000;
export const MAX_INVENTORY_PULL = 5_000;
/** Results per ack (one pull page). */
export const MAX_INVENTORY_ACK = 5_000;

export interface InventoryPullRequest {
  action: typeof INVENTORY_PULL_ACTION;
  shopId: string;
  /** The last seller SKU of the previous page (exclusive), or absent for the first page. */
  after?: string;
  limit?: number;
}

export interface PulledQuantity {
  sellerSku: string;
  warehouseId: string;
  quantity: number;
  itemId: string;
  /** The SKU is the item's TikTok SKU override (custitem_tts_sku). */
  override: boolean;
  /** When NetSuite's export queued it (ms). */
  queuedAt: number;
}

export interface InventoryPullResponse {
  ok: true;
  shopId: string;
  /** Push inventory information to TikTok (custrecord_tts_shop_push_inv_tts); off: `changes` is empty. */
  pushInventory: boolean;
  changes: PulledQuantity[];
  /** The `after` of the next page, or null when this was the last. */
  next: string | null;
  /** When the export last ran for the shop (ms), or null: never. */
  lastRunAt: number | null;
  /**
   * TikTok orders NetSuite had received but not imported when that run read its stock (issue #16):
   * the bridge holds their units back (`oversell.ts`).
   */
  openOrders: string[];
}

export type InventoryOutcome = 'confirmed' | 'not_listed' | 'failed';

export interface InventoryAckResult {
  sellerSku: string;
  warehouseId: string;
  quantity: number;
  /** confirmed: TikTok shows it; not_listed: no TikTok SKU has this seller SKU; failed: see message. */
  outcome: InventoryOutcome;
  /** For failed: TikTok's reason and the fix. */
  message?: string;
}

export interface InventoryAckRequest {
  action: typeof INVENTORY_ACK_ACTION;
  shopId: string;
  results: InventoryAckResult[];
}

export interface InventoryAckResponse {
  ok: true;
  /** Pairs recorded as done (confirmed or not listed). */
  recorded: number;
  /** Failures written to the sync log (a failure already logged with the same message is not logged again). */
  logged: number;
}

export type InventoryValidation<T> = { ok: true; value: T } | { ok: false; problems: string[] };

function checkShop(problems: Problems, value: Record<string, unknown>): void {
  if (!isTikTokId(value.shopId)) {
    problems.add('shopId', `${describeValue(value.shopId)} is not valid; ${tiktokIdRule('shop')}`);
  }
}

export function validateInventoryPull(
  value: Record<string, unknown>,
): InventoryValidation<InventoryPullRequest> {
  const problems = new Problems();
  checkShop(problems, value);
  if (value.after !== undefined && (typeof value.after !== 'string' || value.after === '')) {
    problems.add(
      'after',
      `${describeValue(value.after)} is not valid; send the previous answer's "next" or leave it out`,
    );
  }
  if (
    value.limit !== undefined &&
    (!Number.isInteger(value.limit) ||
      (value.limit as number) < 1 ||
      (value.limit as number) > MAX_INVENTORY_PULL)
  ) {
    problems.add(
      'limit',
      `${describeValue(value.limit)} is not valid; send a whole number 1..${MAX_INVENTORY_PULL}`,
    );
  }
  if (problems.count > 0) return { ok: false, problems: problems.toList() };
  return {
    ok: true,
    value: {
      action: INVENTORY_PULL_ACTION,
      shopId: value.shopId as string,
      ...(value.after === undefined ? {} : { after: value.after as string }),
      ...(value.limit === undefined ? {} : { limit: value.limit as number }),
    },
  };
}

const OUTCOMES: readonly string[] = ['confirmed', 'not_listed', 'failed'];

export function validateInventoryAck(
  value: Record<string, unknown>,
): InventoryValidation<InventoryAckRequest> {
  const problems = new Problems();
  checkShop(problems, value);
  const results: InventoryAckResult[] = [];
  if (!Array.isArray(value.results) || value.results.length > MAX_INVENTORY_ACK) {
    problems.add(
      'results',
      `${describeValue(value.results)} is not valid; send an array of at most ${MAX_INVENTORY_ACK} results`,
    );
  } else {
    value.results.forEach((r: unknown, i) => {
      const path = `results[${i}]`;
      if (!isPlainObject(r)) {
        problems.add(
          path,
          `${describeValue(r)} is not an object; send {"sellerSku", "warehouseId", "quantity", "outcome"}`,
        );
        return;
      }
      if (typeof r.sellerSku !== 'string' || r.sellerSku === '' || r.sellerSku.length > 300) {
        problems.add(
          `${path}.sellerSku`,
          `${describeValue(r.sellerSku)} is not valid; send the seller SKU the pull gave`,
        );
      }
      if (!isTikTokId(r.warehouseId)) {
        problems.add(
          `${path}.warehouseId`,
          `${describeValue(r.warehouseId)} is not valid; ${tiktokIdRule('warehouse')}`,
        );
      }
      if (!Number.isInteger(r.quantity) || (r.quantity as number) < 0) {
        problems.add(
          `${path}.quantity`,
          `${describeValue(r.quantity)} is not valid; send the whole quantity the pull gave`,
        );
      }
      if (typeof r.outcome !== 'string' || !OUTCOMES.includes(r.outcome)) {
        problems.add(
          `${path}.outcome`,
          `${describeValue(r.outcome)} is not valid; send one of ${OUTCOMES.join(', ')}`,
        );
      }
      if (r.message !== undefined && typeof r.message !== 'string') {
        problems.add(
          `${path}.message`,
          `${describeValue(r.message)} is not valid; send text or leave it out`,
        );
      }
      if (r.outcome === 'failed' && (typeof r.message !== 'string' || r.message === '')) {
        problems.add(`${path}.message`, 'a failed result needs the reason and its fix');
      }
      results.push({
        sellerSku: r.sellerSku as string,
        warehouseId: r.warehouseId as string,
        quantity: r.quantity as number,
        outcome: r.outcome as InventoryOutcome,
        ...(typeof r.message === 'string' ? { message: r.message } : {}),
      });
    });
  }
  if (problems.count > 0) return { ok: false, problems: problems.toList() };
  return { ok: true, value: { action: INVENTORY_ACK_ACTION, shopId: value.shopId as string, results } };
}

/** One page of pending pairs, sorted by seller SKU then warehouse, never splitting a SKU. */
export function pendingPage(
  pending: Readonly<
    Record<string, { quantity: number; itemId: string; override: boolean; queuedAt: number }>
  >,
  after: string | undefined,
  limit: number,
): { changes: PulledQuantity[]; next: string | null } {
  const rows: PulledQuantity[] = [];
  for (const [key, entry] of Object.entries(pending)) {
    const cut = key.indexOf('\u0000');
    if (cut < 0) continue;
    const sellerSku = key.slice(0, cut);
    if (after !== undefined && sellerSku <= after) continue;
    rows.push({
      sellerSku,
      warehouseId: key.slice(cut + 1),
      quantity: entry.quantity,
      itemId: entry.itemId,
      override: entry.override,
      queuedAt: entry.queuedAt,
    });
  }
  rows.sort((a, b) =>
    a.sellerSku < b.sellerSku ? -1 : a.sellerSku > b.sellerSku ? 1 : a.warehouseId < b.warehouseId ? -1 : 1,
  );
  const changes: PulledQuantity[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j < rows.length && rows[j].sellerSku === rows[i].sellerSku) j += 1;
    if (changes.length > 0 && changes.length + (j - i) > limit) {
      return { changes, next: changes[changes.length - 1].sellerSku };
    }
    changes.push(...rows.slice(i, j));
    i = j;
  }
  return { changes, next: null };
}

/** What the ack file keeps: pairKey → quantity done (and when it was queued), and pairKey → failure message last logged. */
export interface InventoryAckFile {
  done: Record<string, { quantity: number; queuedAt: number }>;
  failed: Record<string, string>;
}

/**
 * Applies one ack to the ack file: done pairs recorded (only while still pending with that quantity
 * is it useful; the rest is pruned so the file stays as small as the queue), failures returned when
 * their message is new (to log once).
 */
export function applyInventoryAck(
  file: InventoryAckFile,
  pending: Readonly<Record<string, { quantity: number; queuedAt: number }>>,
  results: readonly InventoryAckResult[],
): { file: InventoryAckFile; recorded: number; newFailures: InventoryAckResult[] } {
  const done: InventoryAckFile['done'] = {};
  for (const [key, ack] of Object.entries(file.done)) {
    const entry = pending[key];
    if (entry !== undefined && entry.quantity === ack.quantity && entry.queuedAt <= ack.queuedAt)
      done[key] = ack;
  }
  const failed: Record<string, string> = {};
  for (const [key, message] of Object.entries(file.failed)) {
    if (key in pending) failed[key] = message;
  }
  let recorded = 0;
  const newFailures: InventoryAckResult[] = [];
  for (const r of results) {
    const key = `${r.sellerSku}\u0000${r.warehouseId}`;
    if (r.outcome === 'failed') {
      const message = r.message ?? '';
      if (failed[key] !== message) newFailures.push(r);
      failed[key] = message;
      continue;
    }
    done[key] = { quantity: r.quantity, queuedAt: pending[key]?.queuedAt ?? 0 };
    delete failed[key];
    recorded += 1;
  }
  return { file: { done, failed }, recorded, newFailures };
}

export function parseInventoryAckFile(text: string | null): InventoryAckFile {
  if (text === null || text === '') return { done: {}, failed: {} };
  try {
    const value = JSON.parse(text) as Partial<InventoryAckFile>;
    return {
      done: isPlainObject(value.done) ? (value.done as InventoryAckFile['done']) : {},
      failed: isPlainObject(value.failed) ? (value.failed as Record<string, string>) : {},
    };
  } catch {
    return { done: {}, failed: {} };
  }
}
