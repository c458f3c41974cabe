import type { ProfileWorld } from '../../../profiles/__tests__/profile-harness';
import { startProfile } from '../../../profiles/__tests__/profile-harness';
import type { AccountProfile } from '../../../profiles/account-profile';
import type { RecordModule } from '../module';
import type { NsRecord } from '../record';

/**
 * An emulator account (the SuiteApp's SDF project, the demo account seeded with SKU-A and SKU-B, 10
 * on hand each at the main location) for item fulfillment and inventory tests, with helpers that
 * act as a script would through `N/record`.
 */
export interface FulfillmentWorld extends ProfileWorld {
  record: RecordModule;
  /** A sales order at the main location, saved by a script; returns its id. */
  order(lines: { sku: string; quantity: number; location?: number }[], fields?: Record<string, unknown>): number;
  /** Transform `salesOrderId` into a fulfillment, let `edit` change it, save it; returns its id. */
  fulfil(salesOrderId: number, edit?: (f: NsRecord) => void, isDynamic?: boolean): number;
  /** Load a record, let `edit` change it, save it. */
  edit(type: string, id: number, edit: (r: NsRecord) => void, isDynamic?: boolean): number;
  /** On hand, committed, available of an item at a location (`null`: the company-wide row). */
  stock(sku: string, location: number | null): { onHand: number; committed: number; available: number };
}

export async function startFulfillmentWorld(profile?: AccountProfile | string): Promise<FulfillmentWorld> {
  const w = await startProfile(profile);
  const record = w.module<RecordModule>('N/record');
  const item = (sku: string): number => {
    const id = w.account.itemIds[sku];
    if (id === undefined) throw new Error(`no item ${sku}`);
    return id;
  };
  return {
    ...w,
    record,
    order: (lines, fields = {}) =>
      w.run(() => {
        const so = record.create({ type: 'salesorder' });
        so.setValue({ fieldId: 'entity', value: w.account.customerId });
        so.setValue({ fieldId: 'paymentmethod', value: w.account.paymentMethodIds['Credit Card'] });
        so.setValue({ fieldId: 'location', value: w.account.locationIds.main });
        for (const [fieldId, value] of Object.entries(fields)) so.setValue({ fieldId, value });
        lines.forEach((l, line) => {
          so.setSublistValue({ sublistId: 'item', fieldId: 'item', line, value: item(l.sku) });
          so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line, value: l.quantity });
          so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line, value: 10 });
          if (l.location !== undefined) so.setSublistValue({ sublistId: 'item', fieldId: 'location', line, value: l.location });
        });
        return so.save();
      }),
    fulfil: (salesOrderId, edit, isDynamic = false) =>
      w.run(() => {
        const f = record.transform({ fromType: 'salesorder', fromId: salesOrderId, toType: 'itemfulfillment', isDynamic });
        edit?.(f);
        return f.save();
      }),
    edit: (type, id, edit, isDynamic = false) =>
      w.run(() => {
        const r = record.load({ type, id, isDynamic });
        edit(r);
        return r.save();
      }),
    stock: (sku, location) => {
      const row = w.ns.store
        .get('inventoryitem', item(sku))
        ?.sublists.locations?.find((l) => String(l.fields.location) === (location === null ? '' : String(location)));
      const n = (v: unknown): number => (typeof v === 'number' ? v : 0);
      return {
        onHand: n(row?.fields.quantityonhand),
        committed: n(row?.fields.quantitycommitted),
        available: n(row?.fields.quantityavailable),
      };
    },
  };
}
