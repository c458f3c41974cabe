/**
 * The one TikTok id shape (order, shop, line item, buyer, SKU, warehouse, package): a JSON string of
 * ASCII digits. TikTok documents no maximum (its ids are 18–20 digits); the bound of 64 only protects
 * NetSuite text fields and external ids. The RESTlet, the import, the bridge's webhook parser, its CLI
 * and its TikTok response schemas all check ids with this module, so an id one side accepts the other
 * side accepts too.
 */

/** A TikTok id: 1 to 64 ASCII digits. Composite patterns (external ids) are built from its `source`. */
export const TIKTOK_ID_PATTERN = /^[0-9]{1,64}$/;

/** The digits part of {@link TIKTOK_ID_PATTERN}, for patterns that embed a TikTok id. */
export const TIKTOK_ID_DIGITS = '[0-9]{1,64}';

/** True for a TikTok id: a string of 1 to 64 ASCII digits. */
export function isTikTokId(value: unknown): value is string {
  return typeof value === 'string' && TIKTOK_ID_PATTERN.test(value);
}

/** The fix to tell a caller whose TikTok `what` id (e.g. "shop") is not one. */
export function tiktokIdRule(what: string): string {
  return `a TikTok ${what} id is a string of 1 to 64 digits`;
}
