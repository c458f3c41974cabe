/**
 * The location links of a TikTok warehouse record (`customrecord_tts_warehouse`): Linked NetSuite
 * Locations (a multi-select; their stock adds up) and Primary Location (the location the order import
 * books this warehouse's orders against, `shared-types/src/orders/order-location.ts#chooseLocation`).
 *
 * The order rule: the Primary Location when set, else the linked location with the lowest internal
 * id, else none (the shop's Default Location applies). A Primary Location outside the links is still
 * used for orders, and `warehouse-flags.ts` flags it with its fix.
 */

/** Reads a SuiteQL multi-select value (`'3, 1'`), a list of ids or empty, as sorted unique ids. */
export function parseLocationIds(value: unknown): string[] {
  const parts = Array.isArray(value)
    ? value.map((v) => String(v))
    : typeof value === 'string' || typeof value === 'number'
      ? String(value).split(/[,\u0005]/)
      : [];
  const ids = new Set<string>();
  for (const part of parts) {
    const id = part.trim();
    if (/^[0-9]+$/.test(id)) {
      ids.add(id);
    }
  }
  return [...ids].sort((a, b) => Number(a) - Number(b));
}

/** The location the order import uses for the warehouse's orders. */
export function orderLocationOf(
  primaryLocationId: string | null,
  linkedLocationIds: readonly string[],
): string | null {
  if (primaryLocationId !== null) {
    return primaryLocationId;
  }
  return parseLocationIds([...linkedLocationIds])[0] ?? null;
}
