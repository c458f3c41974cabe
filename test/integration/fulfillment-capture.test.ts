import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import type { FulfillmentPayload } from '../../shared-types/src/fulfillments/fulfillment-payload';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import { importOrders, logEntries, salesOrderOf } from '../support/order-updates';

/**
 * Fulfillment capture in NetSuite (issue #13): the item fulfillment user event queues a shipped
 * fulfillment of a TikTok sales order with its TikTok line items (one per unit), tracking number and
 * carrier; exactly once per fulfillment and tracking number; a corrected tracking number becomes a
 * shipping-info update once sent; a deletion becomes an exception; nothing without the flow.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

function fulfillmentRows(): StoredRecord[] {
  return world.ns.store
    .all('customrecord_tts_outbox')
    .filter((r) => String(r.fields.custrecord_tts_out_kind).startsWith('fulfillment.'));
}

/** Changes stored fields as an admin's edit would (no scripts run). */
function setFields(rec: StoredRecord | undefined, fields: Record<string, unknown>): void {
  if (!rec) throw new Error('no record');
  world.ns.store.update({ ...rec, fields: { ...rec.fields, ...fields } } as StoredRecord);
}

function payloadOf(row: StoredRecord): FulfillmentPayload {
  return JSON.parse(String(row.fields.custrecord_tts_out_payload)) as FulfillmentPayload;
}

/** Fulfils `quantities` (order line index → units; absent lines are left out) with one package. */
function fulfil(
  salesOrderId: number,
  quantities: Record<number, number>,
  tracking: string | null,
  shipMethod?: number,
): number {
  const service = world.ns.seed.ui;
  const f = service.transform({ fromType: 'salesorder', fromId: salesOrderId, toType: 'itemfulfillment' });
  const count = f.getLineCount({ sublistId: 'item' });
  for (let line = 0; line < count; line += 1) {
    const units = quantities[line];
    if (units === undefined)
      f.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line, value: false });
    else f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line, value: units });
  }
  if (shipMethod !== undefined) f.setValue({ fieldId: 'shipmethod', value: shipMethod });
  if (tracking !== null)
    f.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 0, value: tracking });
  f.setValue({ fieldId: 'shipstatus', value: 'C' });
  return service.save(f, {});
}

async function importedOrder(skus = 2) {
  world = await startConnectorAccount();
  const [order] = makeOrders({ count: 1, seed: 7, maxSkus: skus });
  if (!order) throw new Error('no order');
  await importOrders(world, [order]);
  const so = salesOrderOf(world, order.id);
  return { order, so };
}

function lineIdsOf(so: StoredRecord, line: number): string[] {
  return String(so.sublists.item?.[line]?.fields.custcol_tts_line_ids ?? '')
    .split(',')
    .filter((s) => s !== '');
}

describe('item fulfillment capture', () => {
  it('queues a shipped fulfillment with its TikTok line items, tracking and carrier, once', async () => {
    const { order, so } = await importedOrder();
    const ups = world.ns.seed.shipItem('UPS Ground');
    const line0 = lineIdsOf(so, 0);
    const partial = Math.max(1, line0.length - 1);
    const id = fulfil(so.id, { 0: partial }, '1Z999AA10123456784', ups);
    const rows = fulfillmentRows();
    expect(rows).toHaveLength(1);
    const row = rows[0] as StoredRecord;
    expect(row.externalId).toBe(
      `tts_out_fulfillment_ship_${DEMO_SHOP.shopId}_${order.id}_${id}-1Z999AA10123456784`,
    );
    expect(row.fields.custrecord_tts_out_state).toBe('pending');
    expect(String(row.fields.custrecord_tts_out_fulfillment)).toBe(String(id));
    expect(payloadOf(row)).toMatchObject({
      salesOrderId: String(so.id),
      fulfillmentId: String(id),
      lineItemIds: line0.slice(0, partial),
      trackingNumbers: ['1Z999AA10123456784'],
      carrier: { shipMethodId: String(ups), shipMethodName: 'UPS Ground', packageCarrier: null },
      previousTrackingNumber: null,
    });
    // Saving it again unchanged queues nothing more.
    const rec = world.ns.seed.ui.load({ type: 'itemfulfillment', id });
    world.ns.seed.ui.save(rec, {});
    expect(fulfillmentRows()).toHaveLength(1);
  });

  it('gives a second fulfillment of the order only the line items not shipped yet', async () => {
    const { so } = await importedOrder(1);
    const ids = lineIdsOf(so, 0);
    expect(ids).toHaveLength(3); // seed 7: one SKU, 3 units
    fulfil(so.id, { 0: 1 }, 'TRACK0001');
    fulfil(so.id, { 0: ids.length - 1 }, 'TRACK0002');
    const covered = fulfillmentRows().map((r) => payloadOf(r).lineItemIds);
    expect(covered).toEqual([ids.slice(0, 1), ids.slice(1)]);
  });

  it('sends a corrected tracking number as an update once the shipment was sent', async () => {
    const { so } = await importedOrder();
    const id = fulfil(so.id, { 0: 1 }, 'TRACK0001');
    const [first] = fulfillmentRows();
    setFields(first, { custrecord_tts_out_state: 'sent' });
    const rec = world.ns.seed.ui.load({ type: 'itemfulfillment', id });
    rec.setSublistValue({
      sublistId: 'package',
      fieldId: 'packagetrackingnumber',
      line: 0,
      value: 'TRACK0009',
    });
    world.ns.seed.ui.save(rec, {});
    const rows = fulfillmentRows();
    expect(rows.map((r) => r.fields.custrecord_tts_out_kind)).toEqual([
      'fulfillment.ship',
      'fulfillment.update',
    ]);
    expect(payloadOf(rows[1] as StoredRecord)).toMatchObject({
      trackingNumbers: ['TRACK0009'],
      previousTrackingNumber: 'TRACK0001',
      lineItemIds: payloadOf(first as StoredRecord).lineItemIds,
    });
  });

  it('raises an exception for a deleted fulfillment, and for a shipped one without tracking', async () => {
    const { so } = await importedOrder();
    const messages = () =>
      logEntries(world)
        .map((e) => String(e.fields.custrecord_tts_log_message))
        .join('\n');
    const id = fulfil(so.id, { 0: 1 }, 'TRACK0003');
    world.ns.seed.ui.delete({ type: 'itemfulfillment', id });
    const [row] = fulfillmentRows();
    expect(row?.fields.custrecord_tts_out_state).toBe('skipped');
    expect(messages()).toContain('was deleted in NetSuite before it was sent to TikTok');
    fulfil(so.id, { 0: 1 }, null);
    expect(fulfillmentRows()).toHaveLength(1);
    expect(messages()).toContain('has no tracking number');
  });

  it('queues nothing while Pull fulfillments from NetSuite is off', async () => {
    const { so } = await importedOrder();
    const shop = world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${DEMO_SHOP.shopId}`);
    setFields(shop ?? undefined, { custrecord_tts_shop_pull_fulfill: false });
    fulfil(so.id, { 0: 1 }, 'TRACK0001');
    expect(fulfillmentRows()).toHaveLength(0);
  });
});
