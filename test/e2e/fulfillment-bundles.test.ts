/**
 * Virtual bundles shipped by NetSuite's warehouse, end to end through real servers (issue #13): a
 * TikTok order of two units of a bundle (two TikTok line items, each with a hoodie and two totes in
 * `combined_listing_skus`) is imported as the component items, every component unit carrying its
 * bundle line item id. The warehouse ships the order in two item fulfillments, one bundle's
 * components each: TikTok gets two shipped packages, one bundle line item each, with each
 * fulfillment's tracking number — never the first bundle twice and the second never.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SandboxStack } from '../../sandbox/src/stack';
import { startSandboxStack } from '../../sandbox/src/stack';
import { EXAMPLE_BUNDLES } from '../../sandbox/tiktok/src/domain/seed';
import { assertSuiteAppBuilt } from '../support/connector-account';

let stack: SandboxStack;
let dir: string;

beforeEach(async () => {
  assertSuiteAppBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-e2e-bundle-'));
  stack = await startSandboxStack({
    bridgeDatabaseUrl: `sqlite:${path.join(dir, 'bridge.db')}`,
    simulator: { seed: { bundles: EXAMPLE_BUNDLES } },
  });
});

afterEach(async () => {
  await stack.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface OrderLine {
  /** The sales order line id (\`line\`; an item fulfillment line's \`orderline\`). */
  line: string;
  item: string;
  quantity: number;
  lineIds: string[];
}

async function importBundleOrder(bundles: number) {
  const shopId = await stack.connectShop();
  const order = stack.simulator.admin.createOrder({
    advanceTo: 'AWAITING_SHIPMENT',
    skus: [{ sellerSku: 'TS-BUNDLE-HOODIE-TOTE', quantity: bundles }],
    paymentMethodName: 'PayPal',
  });
  const salesOrder = () => stack.netsuite.store.findByExternalId('salesorder', `tts_${shopId}_${order.id}`);
  for (let round = 0; round < 5 && !salesOrder(); round += 1) {
    await stack.simulator.tick();
    await stack.bridge.runWorkersOnce();
    await stack.netsuite.runQueuedTasks();
  }
  const so = salesOrder();
  if (!so) {
    const inbox = stack.netsuite.store.all('customrecord_tts_order').map((r) => r.fields);
    throw new Error(`the bundle order was not imported: ${JSON.stringify(inbox)}`);
  }
  const lines: OrderLine[] = (so.sublists.item ?? []).map((l) => ({
    line: String(l.fields.line),
    item: String(l.fields.item),
    quantity: Number(l.fields.quantity),
    lineIds: String(l.fields.custcol_tts_line_ids ?? '')
      .split(',')
      .filter((id) => id !== ''),
  }));
  return { orderId: order.id, salesOrderId: so.id, lines, tiktokLineIds: order.line_items.map((l) => l.id) };
}

/**
 * Fulfils `units[line]` units of each sales order line (others left out) with UPS Ground and one
 * package, shipped, as a warehouse user would in the UI.
 */
function fulfil(salesOrderId: number, units: ReadonlyMap<string, number>, tracking: string): number {
  const ups = stack.netsuite.seed.shipItem('UPS Ground');
  const ui = stack.netsuite.seed.ui;
  const f = ui.transform({ fromType: 'salesorder', fromId: salesOrderId, toType: 'itemfulfillment' });
  const count = f.getLineCount({ sublistId: 'item' });
  for (let line = 0; line < count; line += 1) {
    const orderLine = String(f.getSublistValue({ sublistId: 'item', fieldId: 'orderline', line }));
    const quantity = units.get(orderLine) ?? 0;
    if (quantity > 0) {
      f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line, value: quantity });
    } else {
      f.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line, value: false });
    }
  }
  f.setValue({ fieldId: 'shipmethod', value: ups });
  f.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 0, value: tracking });
  f.setValue({ fieldId: 'shipstatus', value: 'C' });
  return ui.save(f, {});
}

function shippedPackages(orderId: string) {
  return [...stack.simulator.state.packages.values()]
    .filter((p) => p.orderId === orderId && p.status !== 'TO_FULFILL' && p.trackingNumber)
    .map((p) => ({ tracking: p.trackingNumber, lineItemIds: [...p.lineItemIds].sort() }))
    .sort((a, b) => String(a.tracking).localeCompare(String(b.tracking)));
}

/** Half of each component line's units: one bundle's worth of every component. */
function oneBundleOfEach(lines: readonly OrderLine[], bundles: number): Map<string, number> {
  return new Map(
    lines.filter((l) => l.lineIds.length > 0).map((l) => [l.line, Math.round(l.quantity / bundles)]),
  );
}

describe('virtual bundles fulfilled in NetSuite → TikTok shipped packages', () => {
  it('ships two bundles fulfilled in two fulfillments as two packages, one bundle line item each', async () => {
    const { orderId, salesOrderId, lines, tiktokLineIds } = await importBundleOrder(2);
    expect(tiktokLineIds).toHaveLength(2);
    const perBundle = oneBundleOfEach(lines, 2);
    // Both fulfillments are captured before the bridge's pass, as a warehouse's day would be.
    fulfil(salesOrderId, perBundle, '1Z999AA10000000011');
    fulfil(salesOrderId, perBundle, '1Z999AA10000000012');
    const pass = await stack.bridge.outboxOnce();
    expect(pass.failures).toEqual([]);
    const rows = stack.netsuite.store
      .all('customrecord_tts_outbox')
      .filter((r) => r.fields.custrecord_tts_out_kind === 'fulfillment.ship');
    expect(rows.map((r) => [r.fields.custrecord_tts_out_state, r.fields.custrecord_tts_out_message])).toEqual(
      [
        ['sent', expect.stringMatching(/^Shipped on TikTok as package \d+/)],
        ['sent', expect.stringMatching(/^Shipped on TikTok as package \d+/)],
      ],
    );
    const shipped = shippedPackages(orderId);
    expect(shipped.map((p) => p.tracking)).toEqual(['1Z999AA10000000011', '1Z999AA10000000012']);
    // Every bundle line item shipped exactly once.
    expect(shipped.flatMap((p) => p.lineItemIds).sort()).toEqual([...tiktokLineIds].sort());
    expect(shipped.every((p) => p.lineItemIds.length === 1)).toBe(true);
  });

  it('ships one bundle whose components leave in two fulfillments once, with the first tracking number', async () => {
    const { orderId, salesOrderId, lines, tiktokLineIds } = await importBundleOrder(1);
    const components = lines.filter((l) => l.lineIds.length > 0);
    const [first, ...rest] = components;
    fulfil(salesOrderId, new Map([[first!.line, first!.quantity]]), '1Z999AA10000000021');
    await stack.bridge.outboxOnce();
    fulfil(salesOrderId, new Map(rest.map((l) => [l.line, l.quantity])), '1Z999AA10000000022');
    const pass = await stack.bridge.outboxOnce();
    expect(pass.failures).toEqual([]);
    expect(shippedPackages(orderId)).toEqual([
      { tracking: '1Z999AA10000000021', lineItemIds: [...tiktokLineIds] },
    ]);
    const logs = stack.netsuite.store
      .all('customrecord_tts_log')
      .map((r) => String(r.fields.custrecord_tts_log_message ?? ''));
    expect(logs.some((m) => m.includes('another fulfillment of the order already sent'))).toBe(true);
  });
});
