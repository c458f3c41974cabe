import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { axiosSend, type HttpSend } from '../../bridge/src/net/http-transport';
import type { SandboxStack } from '../../sandbox/src/stack';
import { startSandboxStack } from '../../sandbox/src/stack';
import { assertSuiteAppBuilt } from '../support/connector-account';

/**
 * Fulfillments end to end (issue #13): a TikTok order imported as a sales order → a warehouse user
 * fulfils part of it in NetSuite with a UPS shipping method and tracking number → the item
 * fulfillment user event queues it → the bridge's outbox pass marks a package shipped on TikTok with
 * those line items, TikTok's UPS provider and the tracking number, and the package id comes back to
 * the fulfillment. A crash before the acknowledgement ships nothing twice; a corrected tracking
 * number updates the package.
 */
let stack: SandboxStack;
let dir: string;
let crashOn: RegExp | null = null;

const send: HttpSend = (request) => {
  if (crashOn !== null && typeof request.body === 'string' && crashOn.test(request.body)) {
    return Promise.reject(new Error('bridge process crashed before the call'));
  }
  return axiosSend(request);
};

beforeEach(async () => {
  assertSuiteAppBuilt();
  crashOn = null;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-e2e-ful-'));
  stack = await startSandboxStack({
    bridgeDatabaseUrl: `sqlite:${path.join(dir, 'bridge.db')}`,
    bridgeDeps: { send },
  });
});

afterEach(async () => {
  await stack.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function importOrder() {
  const shopId = await stack.connectShop();
  const order = stack.simulator.admin.createOrder({ advanceTo: 'AWAITING_SHIPMENT' });
  await stack.simulator.tick();
  await stack.bridge.runWorkersOnce();
  await stack.netsuite.runQueuedTasks();
  const so = stack.netsuite.store.findByExternalId('salesorder', `tts_${shopId}_${order.id}`);
  if (!so) throw new Error('the order was not imported');
  return { shopId, orderId: order.id, salesOrderId: so.id };
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
    crashOn = /"action":"outbox\.ack"/;
    const crashed = await stack.bridge.outboxOnce();
    expect(crashed.failures).toHaveLength(1);
    expect(packagesOf(orderId).filter((p) => p.status === 'PROCESSING')).toHaveLength(1);
    crashOn = null;
    const resumed = await stack.bridge.outboxOnce();
    expect(resumed.failures).toEqual([]);
    expect(packagesOf(orderId).filter((p) => p.status === 'PROCESSING')).toHaveLength(1);
    const row = stack.netsuite.store
      .all('customrecord_tts_outbox')
      .find((r) => r.fields.custrecord_tts_out_kind === 'fulfillment.ship')!;
    expect(row.fields.custrecord_tts_out_state).toBe('sent');
    expect(String(row.fields.custrecord_tts_out_message)).toContain('shipped in TikTok package');
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
  });
});
