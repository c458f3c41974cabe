/**
 * seed.ts `itemPrices`: set an item's prices (its Pricing sublist, kept beside the records:
 * item-prices.ts) from rows naming price levels and currencies by id or by name. A Base Price level
 * row in the base currency at quantity 0 also writes the item's `baseprice` field (the seed does it,
 * not the store), so the field and SuiteQL `pricing` stay equal, as in NetSuite.
 */
import type { RecordService } from './record/service';
import type { RecordStore } from './store';
import type { ItemPrice } from './item-prices';
import { baseCurrencyId, basePriceLevelId } from './item-prices';

export interface SeedItemPrice {
  /** The price level: internal id or name (`Base Price`, `Alternate Price 1`, ...). */
  level: number | string;
  /** The currency: internal id or ISO code (`USD`); default the base currency. */
  currency?: number | string;
  /** The quantity tier's lower bound; default 0 (the first tier). */
  quantity?: number;
  unitprice: number;
}

function resolveByName(store: RecordStore, type: 'pricelevel' | 'currency', field: string, value: number | string, what: string): number {
  if (typeof value === 'number') return value;
  const records = store.all(type);
  const wanted = value.trim().toLowerCase();
  const found = records.find((r) => String(r.fields[field] ?? '').toLowerCase() === wanted);
  if (!found) {
    const known = records.map((r) => String(r.fields[field] ?? r.id)).join(', ');
    throw new Error(`Unknown ${what} "${value}" (this account has: ${known || 'none'}).`);
  }
  return found.id;
}

/** Replace the prices of item `itemId` with `rows`; see the module comment for `baseprice`. */
export function seedItemPrices(store: RecordStore, service: RecordService, itemId: number, rows: readonly SeedItemPrice[]): void {
  const baseCurrency = baseCurrencyId(store.db);
  const prices: ItemPrice[] = rows.map((row) => {
    const currency = row.currency ?? baseCurrency;
    if (currency === null) throw new Error(`Item ${itemId}: a price without a currency, and the account has no base currency.`);
    return {
      pricelevel: resolveByName(store, 'pricelevel', 'name', row.level, 'price level'),
      currency: resolveByName(store, 'currency', 'symbol', currency, 'currency'),
      quantity: row.quantity ?? 0,
      unitprice: row.unitprice,
    };
  });
  store.transaction(() => {
    store.setItemPrices(itemId, prices);
    const baseLevel = basePriceLevelId(store.db);
    const base = prices.find((p) => p.pricelevel === baseLevel && p.currency === baseCurrency && p.quantity === 0);
    const item = store.getAny('item', itemId);
    if (base && item && store.typeInfo(item.type).fields['baseprice']) {
      service.submitFields({ type: item.type, id: itemId, values: { baseprice: base.unitprice } });
    }
  });
}
