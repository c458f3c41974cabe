import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import { US_ONEWORLD, withFeatures } from '../../sandbox/netsuite/src/profiles/account-profile';
import { FEATURE } from '../../sandbox/netsuite/src/profiles/features';
import { MAX_LABEL_BYTES } from '../../shared-types/src/fulfillments/labels-attach';
import type { LabelRequestPayload } from '../../shared-types/src/fulfillments/label-request';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { editShop, stockLocation } from '../support/order-fidelity-kit';
import { importOrders, salesOrderOf } from '../support/order-updates';
import { makeOrders } from '../support/tiktok-order-builder';

/**
 * Issue #15 in the emulator. TikTok Shipping labels: a TikTok Shipping order asks for its label when
 * it is imported (or when its fulfillment is Picked / Packed, by the shop's setting) with a
 * `label.request` outbox row; `labels.attach` saves the PDF in the File Cabinet, links it from the
 * sales order and the fulfillment and puts the tracking number on the package line; a label over
 * the RESTlet's limit is refused naming the fix. Shipments into NetSuite: `shipments.upsert` makes one
 * item fulfillment per package shipped outside NetSuite, exactly once, adds TikTok's tracking to an
 * FBT order's fulfillment, leaves NetSuite's own and label-arranged packages alone, and does nothing
 * while Push shipments to NetSuite is off.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');
const PACKAGE_ID = '1153000000000000001';

function rowsOf(kind: string): StoredRecord[] {
  return world.ns.store
    .all('customrecord_tts_outbox')
    .filter((r) => r.fields.custrecord_tts_out_kind === kind);
}

function lineIdsOf(so: StoredRecord): string[] {
  return (so.sublists.item ?? []).flatMap((l) =>
    String(l.fields.custcol_tts_line_ids ?? '')
      .split(',')
      .filter((s) => s !== ''),
  );
}

async function importedOrder(
  changes: Partial<TikTokOrder>,
  shop: Record<string, unknown> = {},
  pickPackShip = false,
): Promise<{ order: TikTokOrder; so: StoredRecord }> {
  world = await startConnectorAccount(
    pickPackShip ? { profile: withFeatures(US_ONEWORLD, FEATURE.PICKPACKSHIP) } : {},
  );
  if (Object.keys(shop).length > 0) editShop(world, shop);
  const [base] = makeOrders({ count: 1, seed: 7, maxSkus: 2 });
  if (!base) throw new Error('no order');
  const order = { ...base, ...changes };
  await importOrders(world, [order]);
  return { order, so: salesOrderOf(world, order.id) };
}

const TIKTOK_SHIPPING = { shipping_type: 'TIKTOK' as const, delivery_option_name: 'Standard shipping' };

function fulfil(salesOrderId: number, status: 'A' | 'B' | 'C', tracking: string | null = null): number {
  const ui = world.ns.seed.ui;
  const f = ui.transform({ fromType: 'salesorder', fromId: salesOrderId, toType: 'itemfulfillment' });
  if (tracking !== null)
    f.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 0, value: tracking });
  f.setValue({ fieldId: 'shipstatus', value: status });
  return ui.save(f, {});
}

function attach(orderId: string, fulfillmentId: string | null, content = PDF, tracking = 'TT000111222333') {
  return world.restlet('POST', {
    action: 'labels.attach',
    shopId: DEMO_SHOP.shopId,
    orderId,
    fulfillmentId,
    labels: [{ packageId: PACKAGE_ID, trackingNumber: tracking, carrier: 'USPS', contentBase64: content }],
  });
}

describe('TikTok Shipping labels in NetSuite', () => {
  it('asks for the label at import, once, with the shop settings; none for seller shipping', async () => {
    const { order, so } = await importedOrder(TIKTOK_SHIPPING, {
      custrecord_tts_shop_handover: 'Drop-off',
      custrecord_tts_shop_label_size: 'A5',
      custrecord_tts_shop_pickup_hour: 13,
    });
    const rows = rowsOf('label.request');
    expect(rows).toHaveLength(1);
    const row = rows[0] as StoredRecord;
    expect(row.externalId).toBe(`tts_out_label_request_${DEMO_SHOP.shopId}_${order.id}_import`);
    expect(JSON.parse(String(row.fields.custrecord_tts_out_payload)) as LabelRequestPayload).toEqual({
      salesOrderId: String(so.id),
      fulfillmentId: null,
      trigger: 'import',
      settings: { handoverMethod: 'DROP_OFF', pickupFromHour: 13, documentSize: 'A5' },
    });
    await world.ns.stop();
    await importedOrder({ shipping_type: 'SELLER' });
    expect(rowsOf('label.request')).toHaveLength(0);
  });

  it('attaches the PDF to the sales order, and a new fulfillment ships with its tracking number', async () => {
    const { order, so } = await importedOrder(TIKTOK_SHIPPING);
    const response = await attach(order.id, null);
    expect(response.status).toBe(200);
    const files = world.ns.files.all();
    expect(files).toHaveLength(1);
    const file = files[0]!;
    expect(file.fileType).toBe('PDF');
    expect(file.name).toBe(`tts_label_${DEMO_SHOP.shopId}_${PACKAGE_ID}.pdf`);
    expect(world.ns.files.bytes(file.id)?.subarray(0, 5).toString()).toBe('%PDF-');
    const after = salesOrderOf(world, order.id);
    expect(String(after.fields.custbody_tts_label_file)).toBe(String(file.id));
    expect(after.fields.custbody_tts_label_tracking).toBe('TT000111222333');
    // Attached again (a redelivered row): the same file, nothing doubled.
    expect((await attach(order.id, null)).status).toBe(200);
    expect(world.ns.files.all()).toHaveLength(1);
    // The warehouse fulfils: the package line carries TikTok's number.
    const id = fulfil(so.id, 'C');
    const f = world.ns.store.get('itemfulfillment', id)!;
    expect(f.sublists.package?.[0]?.fields.packagetrackingnumber).toBe('TT000111222333');
    expect(String(f.fields.custbody_tts_label_file)).toBe(String(file.id));
  });

  it('asks when the fulfillment is packed (When packed) and puts the tracking on that package line', async () => {
    const { order, so } = await importedOrder(
      TIKTOK_SHIPPING,
      { custrecord_tts_shop_label_when: 'When packed' },
      true,
    );
    expect(rowsOf('label.request')).toHaveLength(0);
    const id = fulfil(so.id, 'A');
    expect(rowsOf('label.request')).toHaveLength(0);
    const rec = world.ns.seed.ui.load({ type: 'itemfulfillment', id });
    rec.setValue({ fieldId: 'shipstatus', value: 'B' });
    world.ns.seed.ui.save(rec, {});
    const rows = rowsOf('label.request');
    expect(rows.map((r) => r.externalId)).toEqual([
      `tts_out_label_request_${DEMO_SHOP.shopId}_${order.id}_${id}`,
    ]);
    expect(String(rows[0]!.fields.custrecord_tts_out_fulfillment)).toBe(String(id));
    expect((await attach(order.id, String(id))).status).toBe(200);
    const f = world.ns.store.get('itemfulfillment', id)!;
    expect(f.sublists.package?.[0]?.fields.packagetrackingnumber).toBe('TT000111222333');
    expect(f.fields.custbody_tts_label_tracking).toBe('TT000111222333');
  }, 30_000);

  it('refuses a label over 7,815,168 bytes naming the fix, and content that is not a PDF', async () => {
    const { order } = await importedOrder(TIKTOK_SHIPPING);
    const big = Buffer.alloc(MAX_LABEL_BYTES + 3, 0x20);
    big.write('%PDF-1.4');
    const tooBig = await attach(order.id, null, big.toString('base64'));
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.body)).toContain('TTS_INVALID_REQUEST');
    expect(JSON.stringify(tooBig.body)).toContain('7,815,168');
    expect(JSON.stringify(tooBig.body)).toContain('Seller Center');
    const exact = Buffer.alloc(MAX_LABEL_BYTES, 0x20);
    exact.write('%PDF-1.4');
    expect((await attach(order.id, null, exact.toString('base64'))).status).toBe(200);
    const notPdf = await attach(order.id, null, Buffer.from('hello label').toString('base64'));
    expect(notPdf.status).toBe(400);
    expect(JSON.stringify(notPdf.body)).toContain('not a PDF');
  }, 60_000);
});

describe('shipments into NetSuite', () => {
  function shipment(
    order: TikTokOrder,
    lineItemIds: string[],
    packageId = PACKAGE_ID,
    tracking = '9400111899223344556677',
  ) {
    return {
      orderId: order.id,
      packageId,
      trackingNumber: tracking,
      carrier: 'USPS',
      lineItemIds,
      updateTime: order.update_time,
    };
  }

  async function send(shipments: unknown[]) {
    const response = await world.restlet('POST', {
      action: 'shipments.upsert',
      shopId: DEMO_SHOP.shopId,
      shipments,
    });
    expect(response.status).toBe(200);
    return (
      response.body as {
        results: { outcome: string; fulfillmentId: string | null; message: string | null }[];
      }
    ).results;
  }

  it('records a Seller Center package as one Shipped fulfillment of its lines, exactly once', async () => {
    const { order, so } = await importedOrder({});
    const ids = lineIdsOf(so);
    const shipped = ids.slice(0, 1);
    const [first] = await send([shipment(order, shipped)]);
    expect(first?.outcome).toBe('created');
    const fulfillments = world.ns.store.all('itemfulfillment');
    expect(fulfillments).toHaveLength(1);
    const f = fulfillments[0]!;
    expect(f.externalId).toBe(`tts_shp_${DEMO_SHOP.shopId}_${PACKAGE_ID}`);
    expect(f.fields.shipstatus).toBe('C');
    expect(f.fields.custbody_tts_package_id).toBe(PACKAGE_ID);
    expect(f.sublists.package?.[0]?.fields.packagetrackingnumber).toBe('9400111899223344556677');
    const units = (f.sublists.item ?? []).reduce(
      (n, l) => n + Number(l.fields.itemreceive === false ? 0 : l.fields.quantity),
      0,
    );
    expect(units).toBe(1);
    // Sent again (a webhook and the reconciliation): unchanged, still one; no outbox row for TikTok.
    expect((await send([shipment(order, shipped)]))[0]?.outcome).toBe('unchanged');
    expect(world.ns.store.all('itemfulfillment')).toHaveLength(1);
    expect(rowsOf('fulfillment.ship')).toHaveLength(0);
  });

  it("leaves NetSuite's own shipments and label-arranged packages alone; nothing with the flow off", async () => {
    const { order, so } = await importedOrder({});
    fulfil(so.id, 'C', '1Z999AA10123456784');
    const ids = lineIdsOf(so);
    expect(
      (await send([shipment(order, ids.slice(0, 1), PACKAGE_ID, '1Z999AA10123456784')]))[0]?.outcome,
    ).toBe('netsuite');
    expect(world.ns.store.all('itemfulfillment')).toHaveLength(1);
    editShop(world, { custrecord_tts_shop_push_shipments: false });
    expect((await send([shipment(order, ids.slice(0, 1), '1153000000000000002')]))[0]?.outcome).toBe(
      'flow_off',
    );
    await world.ns.stop();
    const label = await importedOrder(TIKTOK_SHIPPING);
    expect((await send([shipment(label.order, lineIdsOf(label.so))]))[0]?.outcome).toBe('label');
    expect(world.ns.store.all('itemfulfillment')).toHaveLength(0);
  }, 30_000);

  it("adds TikTok's tracking to the FBT order's fulfillment, never a second one; waits for unknown orders", async () => {
    world = await startConnectorAccount();
    const [unknown] = makeOrders({ count: 1, seed: 9 });
    expect((await send([shipment(unknown!, ['1'])]))[0]?.outcome).toBe('waiting');
    // An FBT order the shop does not import is skipped in the inbox: its package is not recorded.
    editShop(world, { custrecord_tts_shop_import_fbt: false });
    const [other] = makeOrders({ count: 1, seed: 10, maxSkus: 1 });
    const skipped = {
      ...other!,
      id: '576461413038799999',
      fulfillment_type: 'FULFILLMENT_BY_TIKTOK' as const,
    };
    await world.upsertOrders([skipped]);
    await world.ns.runQueuedTasks();
    expect((await send([shipment(skipped, ['1'])]))[0]?.outcome).toBe('not_imported');
    editShop(world, { custrecord_tts_shop_import_fbt: true });
    editShop(world, { custrecord_tts_shop_fbt_location: world.account.locationIds.east });
    stockLocation(world, world.account.locationIds.east);
    const [base] = makeOrders({ count: 1, seed: 7, maxSkus: 1 });
    const fbt = {
      ...base!,
      fulfillment_type: 'FULFILLMENT_BY_TIKTOK' as const,
      warehouse_id: '7068517275539719942',
    };
    await importOrders(world, [fbt]);
    const so = salesOrderOf(world, fbt.id);
    const [added] = await send([shipment(fbt, lineIdsOf(so))]);
    expect(added?.outcome).toBe('updated');
    const fulfillments = world.ns.store.all('itemfulfillment');
    expect(fulfillments).toHaveLength(1);
    expect(fulfillments[0]!.externalId).toBe(`tts_fbt_${DEMO_SHOP.shopId}_${fbt.id}`);
    expect(fulfillments[0]!.sublists.package?.map((l) => l.fields.packagetrackingnumber)).toContain(
      '9400111899223344556677',
    );
    expect((await send([shipment(fbt, lineIdsOf(so))]))[0]?.outcome).toBe('unchanged');
    expect(world.ns.store.all('itemfulfillment')).toHaveLength(1);
    // TikTok shipped it: nothing queued for TikTok.
    expect(rowsOf('fulfillment.ship')).toHaveLength(0);
  }, 30_000);
});
