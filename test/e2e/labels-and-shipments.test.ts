import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { axiosSend, type HttpSend } from '../../bridge/src/net/http-transport';
import type { SandboxStack } from '../../sandbox/src/stack';
import { startSandboxStack } from '../../sandbox/src/stack';
import { assertSuiteAppBuilt } from '../support/connector-account';

/**
 * Fulfillments II end to end (issue #15), through the real servers (bridge, TikTok simulator,
 * NetSuite emulator running the SuiteApp):
 * - a US TikTok Shipping order is imported → its label.request row → the bridge buys TikTok's label
 *   (Create Packages), fetches the PDF and attaches it in NetSuite (File Cabinet, sales order) → the
 *   warehouse's fulfillment gets TikTok's tracking number → the fulfillment row finds the package
 *   shipped: nothing is sent to TikTok twice; a crash before the acknowledgement buys no second label;
 * - an order shipped in TikTok Seller Center (Push shipments to NetSuite) becomes one item
 *   fulfillment in NetSuite with TikTok's tracking, found by the package search (no webhook for it)
 *   and sent again by a webhook: still one.
 */
let stack: SandboxStack;
let dir: string;
let crashOn: RegExp | null = null;
const calls: { method: string; path: string }[] = [];

const send: HttpSend = (request) => {
  calls.push({ method: request.method, path: new URL(request.url).pathname });
  if (crashOn !== null && typeof request.body === 'string' && crashOn.test(request.body)) {
    return Promise.reject(new Error('bridge process crashed before the call'));
  }
  return axiosSend(request);
};

beforeEach(async () => {
  assertSuiteAppBuilt();
  crashOn = null;
  calls.length = 0;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-e2e-labels-'));
  stack = await startSandboxStack({
    bridgeDatabaseUrl: `sqlite:${path.join(dir, 'bridge.db')}`,
    bridgeDeps: { send },
  });
});

afterEach(async () => {
  await stack.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function count(method: string, pattern: RegExp): number {
  return calls.filter((c) => c.method === method && pattern.test(c.path)).length;
}

async function importOrder(shippingType: 'TIKTOK' | 'SELLER') {
  const shopId = await stack.connectShop();
  const order = stack.simulator.admin.createOrder({ advanceTo: 'AWAITING_SHIPMENT', shippingType });
  await stack.simulator.tick();
  await stack.bridge.runWorkersOnce();
  await stack.netsuite.runQueuedTasks();
  const so = stack.netsuite.store.findByExternalId('salesorder', `tts_${shopId}_${order.id}`);
  if (!so) throw new Error('the order was not imported');
  return { shopId, orderId: order.id, salesOrderId: so.id };
}

function packagesOf(orderId: string) {
  return [...stack.simulator.state.packages.values()].filter((p) => p.orderId === orderId);
}

function rowOf(kind: string) {
  return stack.netsuite.store
    .all('customrecord_tts_outbox')
    .filter((r) => r.fields.custrecord_tts_out_kind === kind);
}

const CREATE_PACKAGES = /^\/fulfillment\/202309\/packages$/;
const SELLER_SHIPS = /^\/fulfillment\/202309\/(orders\/\d+\/packages|packages\/\d+\/ship)$/;

describe('TikTok Shipping labels printed from NetSuite', () => {
  it('buys the label, attaches the PDF, and the shipped fulfillment sends nothing twice', async () => {
    const { orderId, salesOrderId } = await importOrder('TIKTOK');
    expect(rowOf('label.request')).toHaveLength(1);
    const pass = await stack.bridge.outboxOnce();
    expect(pass.failures).toEqual([]);
    expect(count('POST', CREATE_PACKAGES)).toBe(1);
    const [pkg] = packagesOf(orderId).filter((p) => p.status === 'PROCESSING');
    expect(pkg?.method).toBe('TIKTOK_SHIPPING');
    const so = stack.netsuite.store.get('salesorder', salesOrderId)!;
    expect(so.fields.custbody_tts_label_tracking).toBe(pkg!.trackingNumber);
    const fileId = Number(so.fields.custbody_tts_label_file);
    const pdf = stack.netsuite.files.bytes(fileId)!;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain(pkg!.trackingNumber);
    expect(rowOf('label.request')[0]?.fields.custrecord_tts_out_state).toBe('sent');

    // The warehouse ships it in NetSuite: the package line carries TikTok's number.
    const ui = stack.netsuite.seed.ui;
    const f = ui.transform({ fromType: 'salesorder', fromId: salesOrderId, toType: 'itemfulfillment' });
    f.setValue({ fieldId: 'shipstatus', value: 'C' });
    const fulfillmentId = ui.save(f, {});
    const saved = stack.netsuite.store.get('itemfulfillment', fulfillmentId)!;
    expect(saved.sublists.package?.[0]?.fields.packagetrackingnumber).toBe(pkg!.trackingNumber);
    const before = calls.length;
    const shipped = await stack.bridge.outboxOnce();
    expect(shipped.failures).toEqual([]);
    const [row] = rowOf('fulfillment.ship');
    expect(row?.fields.custrecord_tts_out_state).toBe('sent');
    expect(String(row?.fields.custrecord_tts_out_message)).toContain(
      `shipped in TikTok package ${pkg!.packageId}`,
    );
    expect(
      calls.slice(before).filter((c) => SELLER_SHIPS.test(c.path) || CREATE_PACKAGES.test(c.path)),
    ).toEqual([]);
    expect(packagesOf(orderId).filter((p) => p.status === 'PROCESSING')).toHaveLength(1);
  });

  it('buys no second label when the bridge dies before attaching it', async () => {
    const { orderId, salesOrderId } = await importOrder('TIKTOK');
    // The process dies after buying the label: neither the attachment nor the acknowledgement is made.
    crashOn = /"action":"(labels\.attach|outbox\.ack)"/;
    await stack.bridge.outboxOnce();
    expect(rowOf('label.request')[0]?.fields.custrecord_tts_out_state).toBe('pending');
    expect(count('POST', CREATE_PACKAGES)).toBe(1);
    crashOn = null;
    await stack.bridge.outboxOnce();
    expect(count('POST', CREATE_PACKAGES)).toBe(1);
    expect(packagesOf(orderId).filter((p) => p.status === 'PROCESSING')).toHaveLength(1);
    expect(stack.netsuite.store.get('salesorder', salesOrderId)?.fields.custbody_tts_label_file).toBeTruthy();
    expect(stack.netsuite.files.all()).toHaveLength(1);
  });
});

describe('shipments made outside NetSuite recorded in it', () => {
  it('records a Seller Center shipment as one fulfillment with TikTok tracking, once', async () => {
    const { orderId, salesOrderId } = await importOrder('TIKTOK');
    // Labels printed in Seller Center: the connector asks for none.
    const shop = stack.netsuite.store.all('customrecord_tts_shop')[0]!;
    stack.netsuite.store.update({
      ...shop,
      fields: { ...shop.fields, custrecord_tts_shop_label_when: 'Never' },
    });
    const label = rowOf('label.request')[0]!;
    stack.netsuite.store.update({
      ...label,
      fields: { ...label.fields, custrecord_tts_out_state: 'skipped' },
    });
    const pkg = stack.simulator.admin.shipInSellerCenter(orderId);
    await stack.simulator.tick();
    await stack.bridge.reconcileOnce();
    await stack.bridge.runWorkersOnce();
    const fulfillments = stack.netsuite.store.all('itemfulfillment');
    expect(fulfillments).toHaveLength(1);
    const f = fulfillments[0]!;
    expect(f.fields.createdfrom).toBe(String(salesOrderId));
    expect(f.fields.custbody_tts_package_id).toBe(pkg.packageId);
    expect(f.sublists.package?.[0]?.fields.packagetrackingnumber).toBe(pkg.trackingNumber);
    // Found again (webhooks, the next reconciliation with its overlap): still one, nothing to TikTok.
    await stack.bridge.reconcileOnce();
    await stack.bridge.runWorkersOnce();
    await stack.bridge.outboxOnce();
    expect(stack.netsuite.store.all('itemfulfillment')).toHaveLength(1);
    expect(rowOf('fulfillment.ship')).toHaveLength(0);
  });
});
