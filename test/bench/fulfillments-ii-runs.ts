/**
 * Fulfillments II runs (issue #15 "Done when"), printed as figures (no timed assertions):
 *
 * 1. Labels: N US TikTok Shipping orders imported; the bridge's outbox passes buy each label (Create
 *    Packages), fetch the PDF and attach it in NetSuite, timed from the first pass to the last label;
 *    then the warehouse fulfils every order in NetSuite and the next passes send the fulfillment rows:
 *    TikTok calls that would ship a package (Create Packages, Mark Package As Shipped, Ship Package)
 *    after the labels are counted (0 = nothing shipped twice).
 * 2. Seller Center shipments across a SIGKILL: M orders shipped in TikTok Seller Center, the bridge
 *    process killed after the first fulfillment reaches NetSuite and started again; timed until every
 *    package is an item fulfillment; duplicates counted (fulfillments beyond one per package).
 *
 *   npm run build && node dist/test/bench/fulfillments-ii-runs.js [--labels 200] [--shipments 100]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { axiosSend, type HttpSend } from '../../bridge/src/net/http-transport';
import { startSandboxStack } from '../../sandbox/src/stack';
import { startProcessWorld, waitUntil } from '../support/process-world';
import { formatTable } from './table';

export interface FulfillmentsIIFigures {
  labels: {
    orders: number;
    attached: number;
    seconds: number;
    createPackagesCalls: number;
    shippedTwice: number;
  };
  shipments: { orders: number; fulfillments: number; duplicates: number; seconds: number; kills: number };
}

const CREATE_PACKAGES = /^\/fulfillment\/202309\/packages$/;
const SHIPS = /^\/fulfillment\/202309\/(packages|orders\/\d+\/packages|packages\/\d+\/ship|packages\/ship)$/;

async function runLabels(count: number): Promise<FulfillmentsIIFigures['labels']> {
  const calls: { method: string; path: string }[] = [];
  const send: HttpSend = (request) => {
    calls.push({ method: request.method, path: new URL(request.url).pathname });
    return axiosSend(request);
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-bench-labels-'));
  const stack = await startSandboxStack({
    bridgeDatabaseUrl: `sqlite:${path.join(dir, 'bridge.db')}`,
    bridgeDeps: { send },
    logLevel: 'warn',
  });
  try {
    const shopId = await stack.connectShop();
    const orders = Array.from({ length: count }, () =>
      stack.simulator.admin.createOrder({
        advanceTo: 'AWAITING_SHIPMENT',
        shippingType: 'TIKTOK',
        paymentMethodName: 'CCDC',
      }),
    );
    await stack.simulator.tick();
    for (let pass = 0; pass < 20; pass += 1) {
      await stack.bridge.runWorkersOnce();
      await stack.netsuite.runQueuedTasks();
      if (orders.every((o) => stack.netsuite.store.findByExternalId('salesorder', `tts_${shopId}_${o.id}`)))
        break;
    }
    const labelRows = () =>
      stack.netsuite.store
        .all('customrecord_tts_outbox')
        .filter((r) => r.fields.custrecord_tts_out_kind === 'label.request');
    const started = performance.now();
    for (
      let pass = 0;
      pass < 20 && labelRows().some((r) => r.fields.custrecord_tts_out_state === 'pending');
      pass += 1
    ) {
      await stack.bridge.outboxOnce({ batchSize: 100 });
    }
    const seconds = (performance.now() - started) / 1000;
    const createPackagesCalls = calls.filter(
      (c) => c.method === 'POST' && CREATE_PACKAGES.test(c.path),
    ).length;
    const attached = orders.filter(
      (o) =>
        stack.netsuite.store.findByExternalId('salesorder', `tts_${shopId}_${o.id}`)?.fields
          .custbody_tts_label_file,
    ).length;
    // The warehouse ships every order in NetSuite with TikTok's label.
    const ui = stack.netsuite.seed.ui;
    for (const o of orders) {
      const so = stack.netsuite.store.findByExternalId('salesorder', `tts_${shopId}_${o.id}`);
      if (!so) continue;
      const f = ui.transform({ fromType: 'salesorder', fromId: so.id, toType: 'itemfulfillment' });
      f.setValue({ fieldId: 'shipstatus', value: 'C' });
      ui.save(f, {});
    }
    const before = calls.length;
    for (let pass = 0; pass < 10; pass += 1) {
      const pending = stack.netsuite.store
        .all('customrecord_tts_outbox')
        .filter((r) => r.fields.custrecord_tts_out_state === 'pending');
      if (pending.length === 0) break;
      await stack.bridge.outboxOnce({ batchSize: 100 });
    }
    const shippedTwice = calls.slice(before).filter((c) => c.method === 'POST' && SHIPS.test(c.path)).length;
    return { orders: count, attached, seconds, createPackagesCalls, shippedTwice };
  } finally {
    await stack.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runShipments(count: number): Promise<FulfillmentsIIFigures['shipments']> {
  const world = await startProcessWorld();
  try {
    await world.bridge.start();
    const shopId = await world.connectShop({ custrecord_tts_shop_label_when: 'Never' });
    const orders = Array.from({ length: count }, () =>
      world.sim.admin.createOrder({
        advanceTo: 'AWAITING_SHIPMENT',
        shippingType: 'TIKTOK',
        paymentMethodName: 'CCDC',
      }),
    );
    await world.sim.tick();
    await waitUntil(
      () => orders.every((o) => world.ns.store.findByExternalId('salesorder', `tts_${shopId}_${o.id}`)),
      count * 2000,
      'the orders to be imported',
    );
    const fulfillments = () => world.ns.store.all('itemfulfillment');
    const started = performance.now();
    const half = Math.floor(count / 2);
    const packages = orders.slice(0, half).map((o) => world.sim.admin.shipInSellerCenter(o.id));
    await world.sim.tick();
    await waitUntil(() => fulfillments().length >= 1, 60_000, 'the first fulfillment');
    await world.bridge.kill();
    packages.push(...orders.slice(half).map((o) => world.sim.admin.shipInSellerCenter(o.id)));
    await world.sim.tick();
    await world.bridge.start();
    await waitUntil(() => fulfillments().length >= count, count * 2000, 'every shipment in NetSuite');
    const seconds = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const all = fulfillments();
    const duplicates = packages.reduce(
      (n, p) =>
        n + Math.max(0, all.filter((f) => f.fields.custbody_tts_package_id === p.packageId).length - 1),
      0,
    );
    return { orders: count, fulfillments: all.length, duplicates, seconds, kills: world.bridge.kills };
  } finally {
    await world.stop();
  }
}

export async function runFulfillmentsII(
  options: { labels?: number; shipments?: number } = {},
): Promise<FulfillmentsIIFigures> {
  return {
    labels: await runLabels(options.labels ?? 200),
    shipments: await runShipments(options.shipments ?? 100),
  };
}

export function formatFulfillmentsII(f: FulfillmentsIIFigures): string {
  return [
    'Fulfillments II (issue #15): TikTok Shipping labels, and Seller Center shipments across a bridge SIGKILL',
    formatTable(
      ['run', 'orders', 'done', 'TikTok label buys', 'shipped twice / duplicates', 'bridge kills', 's'],
      [
        [
          'labels',
          String(f.labels.orders),
          String(f.labels.attached),
          String(f.labels.createPackagesCalls),
          String(f.labels.shippedTwice),
          '0',
          f.labels.seconds.toFixed(1),
        ],
        [
          'Seller Center shipments',
          String(f.shipments.orders),
          String(f.shipments.fulfillments),
          '-',
          String(f.shipments.duplicates),
          String(f.shipments.kills),
          f.shipments.seconds.toFixed(1),
        ],
      ],
    ),
    'labels: s = outbox passes from the first to the last label attached (arrange, fetch PDF, labels.attach); shipped twice = TikTok ship/label calls after the fulfillments were sent.',
    'Seller Center shipments: s = from the first Seller Center shipment to the last item fulfillment, across the SIGKILL and restart.',
  ].join('\n');
}

function arg(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  runFulfillmentsII({ labels: arg(args, '--labels', 200), shipments: arg(args, '--shipments', 100) })
    .then((figures) => console.log(formatFulfillmentsII(figures)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
