import type { TikTokOrder, TikTokOrderStatus } from './tiktok-order';

/**
 * Whether an order can become a sales order now. TikTok withholds the address while an order is
 * UNPAID or ON_HOLD (the buyer's one-hour remorse window), and either may still be cancelled, so
 * those wait for the next update; CANCELLED orders are never imported.
 */
export type ImportClass = 'import' | 'wait' | 'cancelled';

const WAITING: readonly TikTokOrderStatus[] = ['UNPAID', 'ON_HOLD'];

export function classifyForImport(order: Pick<TikTokOrder, 'status'>): ImportClass {
  if (order.status === 'CANCELLED') {
    return 'cancelled';
  }
  return WAITING.includes(order.status) ? 'wait' : 'import';
}

/** What the inbox record says about an order that is not imported now (its state and message). */
export function notImportedNote(order: Pick<TikTokOrder, 'id' | 'status'>): string {
  if (order.status === 'CANCELLED') {
    return `TikTok order ${order.id} was cancelled in TikTok Shop before it was imported; no sales order is created.`;
  }
  return `TikTok order ${order.id} is ${order.status} in TikTok Shop (not yet paid or still in the buyer's cancellation window); it is imported automatically when TikTok sends the paid update.`;
}
