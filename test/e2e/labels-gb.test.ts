import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { axiosSend, type HttpSend } from '../../bridge/src/net/http-transport';
import type { SandboxStack } from '../../sandbox/src/stack';
import { startSandboxStack } from '../../sandbox/src/stack';
import { assertSuiteAppBuilt } from '../support/connector-account';

/**
 * TikTok Shipping labels outside the US (issue #15), through the real servers: a GB shop's TikTok
 * Shipping order is arranged with Ship Package — handover PICKUP in the first slot TikTok offers from
 * the shop's Pickup From Hour (London time) — then its label is fetched and attached in NetSuite; a
 * second pass arranges nothing again.
 */
let stack: SandboxStack;
let dir: string;
const calls: { method: string; path: string; body: string }[] = [];

const send: HttpSend = (request) => {
  calls.push({
    method: request.method,
    path: new URL(request.url).pathname,
    body: typeof request.body === 'string' ? request.body : '',
  });
  return axiosSend(request);
};

beforeEach(async () => {
  assertSuiteAppBuilt();
  calls.length = 0;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-e2e-labels-gb-'));
  stack = await startSandboxStack({
    bridgeDatabaseUrl: `sqlite:${path.join(dir, 'bridge.db')}`,
    simulator: { seed: { shops: [{ region: 'GB' }] } },
    netsuite: { profile: 'uk-vat' },
    bridgeDeps: { send },
  });
});

afterEach(async () => {
  await stack.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function londonHour(unix: number): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' }).format(
      new Date(unix * 1000),
    ),
  );
}

it('ships the package for pickup in the slot from the shop hour and attaches the label', async () => {
  const shopId = await stack.connectShop();
  const shop = stack.netsuite.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`)!;
  stack.netsuite.store.update({
    ...shop,
    fields: { ...shop.fields, custrecord_tts_shop_pickup_hour: 13, custrecord_tts_shop_label_size: 'A5' },
  });
  const order = stack.simulator.admin.createOrder({ advanceTo: 'AWAITING_SHIPMENT', shippingType: 'TIKTOK' });
  await stack.simulator.tick();
  await stack.bridge.runWorkersOnce();
  await stack.netsuite.runQueuedTasks();
  const so = stack.netsuite.store.findByExternalId('salesorder', `tts_${shopId}_${order.id}`);
  expect(so).not.toBeNull();
  const pass = await stack.bridge.outboxOnce();
  expect(pass.failures).toEqual([]);
  const ships = calls.filter((c) => c.method === 'POST' && /\/packages\/\d+\/ship$/.test(c.path));
  expect(ships).toHaveLength(1);
  const [pkg] = [...stack.simulator.state.packages.values()].filter(
    (p) => p.orderId === order.id && p.status === 'PROCESSING',
  );
  expect(pkg?.handoverMethod).toBe('PICKUP');
  expect(londonHour(pkg!.pickupSlot!.startTime)).toBeGreaterThanOrEqual(13);
  const docs = calls.filter((c) => c.path.endsWith('/shipping_documents'));
  expect(docs).toHaveLength(1);
  const after = stack.netsuite.store.get('salesorder', so!.id)!;
  expect(after.fields.custbody_tts_label_tracking).toBe(pkg!.trackingNumber);
  expect(
    stack.netsuite.files.bytes(Number(after.fields.custbody_tts_label_file))?.subarray(0, 5).toString(),
  ).toBe('%PDF-');
  // Delivered again (the row set back to pending): fetched again, never arranged again.
  const row = stack.netsuite.store
    .all('customrecord_tts_outbox')
    .find((r) => r.fields.custrecord_tts_out_kind === 'label.request')!;
  stack.netsuite.store.update({ ...row, fields: { ...row.fields, custrecord_tts_out_state: 'pending' } });
  await stack.bridge.outboxOnce();
  expect(calls.filter((c) => c.method === 'POST' && /\/packages\/\d+\/ship$/.test(c.path))).toHaveLength(1);
  expect(stack.netsuite.files.all()).toHaveLength(1);
});
