/**
 * When an item fulfillment counts as shipped for TikTok. NetSuite's ship status is Picked (A),
 * Packed (B) or Shipped (C) with Pick, Pack and Ship, always Shipped without it
 * (sandbox/netsuite/src/data/record/item-fulfillment.ts). The shop setting "Fulfillment Status to
 * Send" (`custrecord_tts_shop_ful_status`) chooses Shipped (default) or Packed: with Packed, a
 * fulfillment is sent to TikTok once packed (a warehouse that packs and labels, then hands over).
 */

export const SHIP_STATUS = { PICKED: 'A', PACKED: 'B', SHIPPED: 'C' } as const;

/** The setting's values (a list field's text or the letter). */
export type SendAtStatus = 'shipped' | 'packed';

/** `Packed`, `packed`, `B` → packed; anything else (blank included) → shipped, the default. */
export function sendAtStatusOf(value: unknown): SendAtStatus {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return text === 'packed' || text === 'b' ? 'packed' : 'shipped';
}

/** `C`, `Shipped`, `shipped` → `C`; Packed → `B`; Picked → `A`; anything else → null. */
export function normalizeShipStatus(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  if (text === 'a' || text === 'picked') return SHIP_STATUS.PICKED;
  if (text === 'b' || text === 'packed') return SHIP_STATUS.PACKED;
  if (text === 'c' || text === 'shipped') return SHIP_STATUS.SHIPPED;
  return null;
}

/** Whether a fulfillment in `status` is to be sent to TikTok under the setting. */
export function countsAsShipped(status: unknown, setting: SendAtStatus): boolean {
  const letter = normalizeShipStatus(status);
  if (letter === SHIP_STATUS.SHIPPED) return true;
  return setting === 'packed' && letter === SHIP_STATUS.PACKED;
}
