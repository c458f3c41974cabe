import type { SandboxStack } from '../../sandbox/src/stack';
import { crashingSend, importOrder as importThrough, startE2eStack } from '../support/e2e-stack';

/**
 * Fulfillments end to end (issue #13): a TikTok order imported as a sales order → a warehouse user
 * fulfils part of it in NetSuite with a UPS shipping method and tracking number → the item
 * fulfillment user event queues it → the bridge's outbox pass marks a package shipped on TikTok with
 * those line items, TikTok's UPS provider and the tracking number, and the package id comes back to
 * the fulfillment. A crash before the acknowledgement ships nothing twice; a corrected tracking
 * number updates the package.
 */
let stack: SandboxStack;
const bridgeCalls = crashingSend();

beforeEach(async () => {
  bridgeCalls.crashOn = null;
  stack = await startE2eStack('ful', { bridgeDeps: { send: bridgeCalls.send } });
});

afterEach(() => stack.stop());

async function importOrder(quantity?: number) {
  const sku = stack.simulator.state.productsOf(stack.simulator.admin.shops()[0]!.id)[0]?.skus[0]?.sellerSku;
  return importThrough(stack, quantity !== undefined && sku ? { skus: [{ sellerSku: sku, quantity }] } : {});
}

/** Fulfils one unit of the first line as a warehouse user would: UPS Ground, one package. */
function fulfilOneUnit(salesOrderId: number, tracking: string): number {
  const ups = stack.netsuite.seed.shipItem('UPS Ground');
  const ui = stack.netsuite.seed.ui;
  const f = ui.transform({ fromType: 'salesorder', fromId: salesOrderId, toType: 'itemfulfillment' });
  const count = f.getLineCount({ sublistId: 'item' });
  f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 });
  for (let line = 1; line < count; line += 1) {
    f.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line, value: false });
  }
  f.setValue({ fieldId: 'shipmethod', value: ups });
  f.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 0, value: tracking });
  f.setValue({ fieldId: 'shipstatus', value: 'C' });
  return ui.save(f, {});
}

function packagesOf(orderId: string) {
  return [...stack.simulator.state.packages.values()].filter((p) => p.orderId === orderId);
}

function firstLineIds(salesOrderId: number): string[] {
  const so = stack.netsuite.store.get('salesorder', salesOrderId);
  return String(so?.sublists.item?.[0]?.fields.custcol_tts_line_ids ?? '').split(',');
}

describe('NetSuite fulfillments → TikTok shipped packages', () => {
  it('ships the fulfilled line items with the UPS provider and tracking, and writes the package id back', async () => {
    const { orderId, salesOrderId } = await importOrder();
    const tracking = '1Z999AA10123456784';
    const fulfillmentId = fulfilOneUnit(salesOrderId, tracking);
    const pass = await stack.bridge.outboxOnce();
    expect(pass.failures).toEqual([]);
    const shipped = packagesOf(orderId).filter((p) => p.status === 'PROCESSING');
    expect(shipped).toHaveLength(1);
    const pkg = shipped[0]!;
    expect(pkg.lineItemIds).toEqual(firstLineIds(salesOrderId).slice(0, 1));
    expect(pkg.shippingProviderName).toBe('UPS');
    expect(pkg.trackingNumber).toBe(tracking);
    expect(pkg.method).toBe('MARK_AS_SHIPPED');
    const fulfillment = stack.netsuite.store.get('itemfulfillment', fulfillmentId)!;
    expect(fulfillment.fields.custbody_tts_package_id).toBe(pkg.packageId);
    const row = stack.netsuite.store
      .all('customrecord_tts_outbox')
      .find((r) => r.fields.custrecord_tts_out_kind === 'fulfillment.ship')!;
    expect(row.fields.custrecord_tts_out_state).toBe('sent');
  });

  it('ships once when the bridge dies before the acknowledgement', async () => {
    const { orderId, salesOrderId } = await importOrder();
    await stack.bridge.outboxOnce();
    fulfilOneUnit(salesOrderId, '1Z999AA10123456784');
    bridgeCalls.crashOn = /"action":"outbox\.ack"/;
    const crashed = await stack.bridge.outboxOnce();
    expect(crashed.failures).toHaveLength(1);
    expect(packagesOf(orderId).filter((p) => p.status === 'PROCESSING')).toHaveLength(1);
    bridgeCalls.crashOn = null;
    const resumed = await stack.bridge.outboxOnce();
    expect(resumed.failures).toEqual([]);
    expect(packagesOf(orderId).filter((p) => p.status === 'PROCESSING')).toHaveLength(1);
    const row = stack.netsuite.store
      .all('customrecord_tts_outbox')
      .find((r) => r.fields.custrecord_tts_out_kind === 'fulfillment.ship')!;
    expect(row.fields.custrecord_tts_out_state).toBe('sent');
    // The result kept by the bridge reached NetSuite on the next pass, with the package id.
    expect(String(row.fields.custrecord_tts_out_message)).toMatch(/^Shipped on TikTok as package \d+/);
    const fulfillment = stack.netsuite.store.get(
      'itemfulfillment',
      Number(row.fields.custrecord_tts_out_fulfillment),
    )!;
    expect(fulfillment.fields.custbody_tts_package_id).toBe(
      packagesOf(orderId).find((p) => p.status === 'PROCESSING')?.packageId,
    );
  });

  it('sends a corrected tracking number as a package update', async () => {
    const { orderId, salesOrderId } = await importOrder();
    const fulfillmentId = fulfilOneUnit(salesOrderId, '1Z999AA10123456784');
    await stack.bridge.outboxOnce();
    const ui = stack.netsuite.seed.ui;
    const f = ui.load({ type: 'itemfulfillment', id: fulfillmentId });
    f.setSublistValue({
      sublistId: 'package',
      fieldId: 'packagetrackingnumber',
      line: 0,
      value: '1Z999AA10123456791',
    });
    ui.save(f, {});
    const pass = await stack.bridge.outboxOnce();
    expect(pass.failures).toEqual([]);
    const [pkg] = packagesOf(orderId).filter((p) => p.status === 'PROCESSING');
    expect(pkg?.trackingNumber).toBe('1Z999AA10123456791');
    expect(pkg?.shippingInfoUpdates).toHaveLength(1);
  });

  it('ships a fulfillment of two packages as two TikTok packages, one tracking number each', async () => {
    const { orderId, salesOrderId } = await importOrder(2);
    const ids = firstLineIds(salesOrderId);
    expect(ids).toHaveLength(2);
    const units = 2;
    const ups = stack.netsuite.seed.shipItem('UPS Ground');
    const ui = stack.netsuite.seed.ui;
    const f = ui.transform({ fromType: 'salesorder', fromId: salesOrderId, toType: 'itemfulfillment' });
    const count = f.getLineCount({ sublistId: 'item' });
    f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: units });
    for (let line = 1; line < count; line += 1) {
      f.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line, value: false });
    }
    f.setValue({ fieldId: 'shipmethod', value: ups });
    f.setSublistValue({
      sublistId: 'package',
      fieldId: 'packagetrackingnumber',
      line: 0,
      value: '1Z999AA10000000001',
    });
    f.setSublistValue({
      sublistId: 'package',
      fieldId: 'packagetrackingnumber',
      line: 1,
      value: '1Z999AA10000000002',
    });
    f.setValue({ fieldId: 'shipstatus', value: 'C' });
    ui.save(f, {});
    const pass = await stack.bridge.outboxOnce();
    expect(pass.failures).toEqual([]);
    const shipped = packagesOf(orderId).filter((p) => p.status === 'PROCESSING');
    const expected = [
      ['1Z999AA10000000001', ids.slice(0, 1)],
      ['1Z999AA10000000002', ids.slice(1, 2)],
    ];
    expect(shipped.map((p) => [p.trackingNumber, p.lineItemIds])).toEqual(expected);
    // Delivered again (a lost acknowledgement): nothing more ships.
    const row = stack.netsuite.store
      .all('customrecord_tts_outbox')
      .find((r) => r.fields.custrecord_tts_out_kind === 'fulfillment.ship')!;
    expect(row.fields.custrecord_tts_out_state).toBe('sent');
    stack.netsuite.seed.service.submitFields({
      type: 'customrecord_tts_outbox',
      id: row.id,
      values: { custrecord_tts_out_state: 'pending' },
    });
    await stack.bridge.outboxOnce();
    expect(packagesOf(orderId).filter((p) => p.status === 'PROCESSING')).toHaveLength(expected.length);
  });

  it('names the NetSuite carrier and the TikTok providers when none matches', async () => {
    const { orderId, salesOrderId } = await importOrder();
    const ui = stack.netsuite.seed.ui;
    const courier = stack.netsuite.seed.shipItem('Local Courier');
    const f = ui.transform({ fromType: 'salesorder', fromId: salesOrderId, toType: 'itemfulfillment' });
    f.setValue({ fieldId: 'shipmethod', value: courier });
    f.setSublistValue({
      sublistId: 'package',
      fieldId: 'packagetrackingnumber',
      line: 0,
      value: 'LC12345678',
    });
    f.setValue({ fieldId: 'shipstatus', value: 'C' });
    ui.save(f, {});
    await stack.bridge.outboxOnce();
    expect(packagesOf(orderId).filter((p) => p.status === 'PROCESSING')).toHaveLength(0);
    const row = stack.netsuite.store
      .all('customrecord_tts_outbox')
      .find((r) => r.fields.custrecord_tts_out_kind === 'fulfillment.ship')!;
    expect(row.fields.custrecord_tts_out_state).toBe('failed');
    expect(String(row.fields.custrecord_tts_out_message)).toContain('"Local Courier"');
    expect(String(row.fields.custrecord_tts_out_message)).toMatch(/USPS \(\d+\), UPS \(\d+\)/);
    // The exceptions page's sync log shows it on the fulfillment, with the fix.
    const fulfillmentId = String(row.fields.custrecord_tts_out_fulfillment);
    const exceptions = stack.netsuite.store
      .all('customrecord_tts_log')
      .filter(
        (l) =>
          l.fields.custrecord_tts_log_level === 'error' &&
          String(l.fields.custrecord_tts_log_record_id) === fulfillmentId,
      );
    expect(exceptions.map((l) => String(l.fields.custrecord_tts_log_message))).toEqual([
      expect.stringContaining(`Item fulfillment ${fulfillmentId} was not sent to TikTok:`),
    ]);
    expect(String(exceptions[0]?.fields.custrecord_tts_log_message)).toContain('"Local Courier"');
  });
});
