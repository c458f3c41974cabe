/**
 * Edits of a fulfillment TikTok already shipped, end to end through real servers (issue #13): a
 * tracking number corrected after TikTok's correction window (72 hours in the US; the simulator's
 * window is shortened to about a second here) is refused by TikTok (21011049) and becomes an
 * exception on the fulfillment naming the window and the fix, TikTok keeping the old number; a
 * fulfillment deleted in NetSuite after it shipped is an exception saying TikTok still shows it
 * shipped and what to do.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SandboxStack } from '../../sandbox/src/stack';
import { startSandboxStack } from '../../sandbox/src/stack';
import { assertSuiteAppBuilt } from '../support/connector-account';

let stack: SandboxStack;
let dir: string;

beforeEach(async () => {
  assertSuiteAppBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-e2e-ful-edit-'));
  stack = await startSandboxStack({
    bridgeDatabaseUrl: `sqlite:${path.join(dir, 'bridge.db')}`,
    // TikTok's 72-hour correction window, shortened to 1.1 s.
    simulator: { shippingInfoUpdateHours: 0.0003, seed: { shops: [{ region: 'US', onHold: false }] } },
  });
});

afterEach(async () => {
  await stack.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An imported order fulfilled whole in NetSuite (UPS Ground, one package) and shipped on TikTok. */
async function shippedFulfillment(tracking: string) {
  const shopId = await stack.connectShop();
  const order = stack.simulator.admin.createOrder({
    advanceTo: 'AWAITING_SHIPMENT',
    paymentMethodName: 'PayPal',
  });
  const salesOrder = () => stack.netsuite.store.findByExternalId('salesorder', `tts_${shopId}_${order.id}`);
  for (let round = 0; round < 5 && !salesOrder(); round += 1) {
    await stack.simulator.tick();
    await stack.bridge.runWorkersOnce();
    await stack.netsuite.runQueuedTasks();
  }
  const so = salesOrder();
  if (!so) throw new Error('the order was not imported');
  const ui = stack.netsuite.seed.ui;
  const f = ui.transform({ fromType: 'salesorder', fromId: so.id, toType: 'itemfulfillment' });
  f.setValue({ fieldId: 'shipmethod', value: stack.netsuite.seed.shipItem('UPS Ground') });
  f.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 0, value: tracking });
  f.setValue({ fieldId: 'shipstatus', value: 'C' });
  const fulfillmentId = ui.save(f, {});
  const pass = await stack.bridge.outboxOnce();
  expect(pass.failures).toEqual([]);
  const shipped = [...stack.simulator.state.packages.values()].filter(
    (p) => p.orderId === order.id && p.status === 'PROCESSING',
  );
  expect(shipped.map((p) => p.trackingNumber)).toEqual([tracking]);
  return { orderId: order.id, fulfillmentId, packageId: shipped[0]!.packageId };
}

function errorsOf(fulfillmentId: number): string[] {
  return stack.netsuite.store
    .all('customrecord_tts_log')
    .filter(
      (l) =>
        l.fields.custrecord_tts_log_level === 'error' &&
        String(l.fields.custrecord_tts_log_record_id) === String(fulfillmentId),
    )
    .map((l) => String(l.fields.custrecord_tts_log_message));
}

describe('edits of a shipped fulfillment', () => {
  it('makes a correction after TikTok’s window an exception naming the window; TikTok keeps its number', async () => {
    const { fulfillmentId, packageId } = await shippedFulfillment('1Z999AA10000000031');
    await sleep(2500);
    const ui = stack.netsuite.seed.ui;
    const f = ui.load({ type: 'itemfulfillment', id: fulfillmentId });
    f.setSublistValue({
      sublistId: 'package',
      fieldId: 'packagetrackingnumber',
      line: 0,
      value: '1Z999AA10000000032',
    });
    ui.save(f, {});
    const pass = await stack.bridge.outboxOnce();
    expect(pass.failures).toEqual([]);
    expect(stack.simulator.state.packages.get(packageId)?.trackingNumber).toBe('1Z999AA10000000031');
    const update = stack.netsuite.store
      .all('customrecord_tts_outbox')
      .find((r) => r.fields.custrecord_tts_out_kind === 'fulfillment.update');
    expect(update?.fields.custrecord_tts_out_state).toBe('failed');
    expect(errorsOf(fulfillmentId)).toEqual([expect.stringContaining('within 72 hours of shipping')]);
  });

  it('makes a fulfillment deleted after it shipped an exception saying what to do', async () => {
    const { fulfillmentId, packageId } = await shippedFulfillment('1Z999AA10000000041');
    stack.netsuite.seed.ui.delete({ type: 'itemfulfillment', id: fulfillmentId });
    await stack.bridge.outboxOnce();
    expect(stack.simulator.state.packages.get(packageId)?.status).toBe('PROCESSING');
    const errors = errorsOf(fulfillmentId);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('was deleted in NetSuite after it was queued for TikTok');
    expect(errors[0]).toContain('TikTok has no API to take a shipment back');
  });
});
