/**
 * Fulfillment cost (issue #13): what shipping NetSuite fulfillments to TikTok costs, in the sandbox
 * (NetSuite emulator charging usage units as NetSuite does, TikTok simulator, bridge in process):
 *
 * - NetSuite units per captured fulfillment: the item fulfillment user event (a UI save), and the
 *   catch-up map/reduce for fulfillments saved without scripts (a CSV import), per fulfillment queued;
 * - NetSuite units per outbox row for the bridge's pull and acknowledgement (RESTlet `outbox.pull`
 *   and `outbox.ack`, the package id written back to the fulfillment included): results acknowledged
 *   in batches (default) beside one `outbox.ack` per row (naive);
 * - TikTok API calls per shipped package: the pass sharing its reads (orders 50 per Get Order Detail,
 *   providers once per delivery option; default) beside every row reading for itself (naive).
 *
 * Prints a table, no assertion. `npm run bench` runs it;
 * `npm run build && node dist/test/bench/fulfillment-cost.js [--orders 150]`
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HttpSend } from '../../bridge/src/net/http-transport';
import { axiosSend } from '../../bridge/src/net/http-transport';
import type { OutboxOptions } from '../../bridge/src/workers/outbox-worker';
import type { InvocationRecord } from '../../sandbox/netsuite/src/exec/types';
import { startSandboxStack, type SandboxStack } from '../../sandbox/src/stack';
import { RESTLET_SCRIPT_ID } from '../../shared-types/src/contract/restlet-contract';
import {
  FULFILLMENT_CATCH_UP_SCHEDULED_DEPLOYMENT_ID,
  FULFILLMENT_CATCH_UP_SCRIPT_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import { formatTable } from './table';

export interface PassCost {
  pass: 'connector' | 'naive baseline';
  rows: number;
  packages: number;
  /** RESTlet units (pull + ack + package id write-back) per row. */
  restletUnitsPerRow: number;
  restletCalls: number;
  tiktokCallsPerPackage: number;
  /** TikTok calls by API path (e.g. `/fulfillment/202309/packages/{id}/ship`). */
  tiktokCalls: Record<string, number>;
}

export interface FulfillmentCost {
  orders: number;
  captureUnitsPerFulfillment: number;
  captureUnitsMax: number;
  catchUpUnitsPerFulfillment: number;
  catchUpQueued: number;
  passes: PassCost[];
}

let tiktokCalls: string[] = [];
let tiktokBase = '';

const counting: HttpSend = (request) => {
  if (tiktokBase !== '' && request.url.startsWith(tiktokBase)) {
    const url = new URL(request.url);
    tiktokCalls.push(url.pathname.replace(/\/\d{9,}(?=\/|$)/g, '/{id}'));
  }
  return axiosSend(request);
};

async function importOrders(stack: SandboxStack, shopId: string, count: number): Promise<number[]> {
  const created = Array.from({ length: count }, () =>
    stack.simulator.admin.createOrder({ advanceTo: 'AWAITING_SHIPMENT', paymentMethodName: 'PayPal' }),
  );
  const salesOrderOf = (orderId: string) =>
    stack.netsuite.store.findByExternalId('salesorder', `tts_${shopId}_${orderId}`);
  for (let round = 0; round < 8 && created.some((o) => !salesOrderOf(o.id)); round += 1) {
    await stack.simulator.tick();
    await stack.bridge.runWorkersOnce();
    await stack.netsuite.runQueuedTasks();
  }
  return created.flatMap((o) => salesOrderOf(o.id)?.id ?? []);
}

let trackingSeq = 0;

/** Fulfils every unit of the sales order, UPS Ground, one package (UI: user event; else no scripts). */
function fulfilAll(stack: SandboxStack, salesOrderId: number, scripts: boolean): void {
  const service = scripts ? stack.netsuite.seed.ui : stack.netsuite.seed.service;
  const f = service.transform({ fromType: 'salesorder', fromId: salesOrderId, toType: 'itemfulfillment' });
  f.setValue({ fieldId: 'shipmethod', value: stack.netsuite.seed.shipItem('UPS Ground') });
  trackingSeq += 1;
  f.setSublistValue({
    sublistId: 'package',
    fieldId: 'packagetrackingnumber',
    line: 0,
    value: `1Z${String(5_000_000_000_000_000 + trackingSeq).padStart(16, '0')}`,
  });
  f.setValue({ fieldId: 'shipstatus', value: 'C' });
  service.save(f, {});
}

const newInvocations = (stack: SandboxStack, from: number): readonly InvocationRecord[] =>
  stack.netsuite.invocations.slice(from);

async function measurePass(
  stack: SandboxStack,
  pass: PassCost['pass'],
  options: OutboxOptions,
): Promise<PassCost> {
  const from = stack.netsuite.invocations.length;
  tiktokCalls = [];
  const result = await stack.bridge.outboxOnce(options);
  if (result.failures.length > 0) throw new Error(`outbox pass failed: ${JSON.stringify(result.failures)}`);
  const rows = result.results.reduce((n, r) => n + r.pulled, 0);
  const sent = result.results.reduce((n, r) => n + (r.outcomes.sent ?? 0), 0);
  const restlet = newInvocations(stack, from).filter(
    (i) => i.kind === 'restlet' && i.scriptId === RESTLET_SCRIPT_ID,
  );
  const byPath: Record<string, number> = {};
  for (const p of tiktokCalls) byPath[p] = (byPath[p] ?? 0) + 1;
  return {
    pass,
    rows,
    packages: sent,
    restletUnitsPerRow: restlet.reduce((n, i) => n + i.units, 0) / Math.max(1, rows),
    restletCalls: restlet.length,
    tiktokCallsPerPackage: tiktokCalls.length / Math.max(1, sent),
    tiktokCalls: byPath,
  };
}

/** `orders` TikTok orders: a third shipped through each of the naive pass, the connector's pass and the catch-up. */
export async function runFulfillmentCost(orders = 150): Promise<FulfillmentCost> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-bench-cost-'));
  const stack = await startSandboxStack({
    bridgeDatabaseUrl: `sqlite:${path.join(dir, 'bridge.db')}`,
    bridgeDeps: { send: counting },
    simulator: { seed: { shops: [{ region: 'US', onHold: false }] } },
  });
  tiktokBase = stack.simulator.apiBaseUrl;
  try {
    const shopId = await stack.connectShop();
    const third = Math.max(1, Math.floor(orders / 3));
    const naiveOrders = await importOrders(stack, shopId, third);
    const connectorOrders = await importOrders(stack, shopId, third);
    const csvOrders = await importOrders(stack, shopId, third);
    // Rows of the import (external references) out of the way.
    await stack.bridge.outboxOnce();

    // Capture: the user event of each UI save (the package id write-backs of the passes excluded).
    const captures: InvocationRecord[] = [];
    const fulfilInUi = (salesOrders: readonly number[]) => {
      const from = stack.netsuite.invocations.length;
      for (const so of salesOrders) fulfilAll(stack, so, true);
      captures.push(
        ...newInvocations(stack, from).filter(
          (i) => i.kind === 'userevent' && i.scriptId === 'customscript_tts_ue_item_fulfillment',
        ),
      );
    };
    fulfilInUi(naiveOrders);
    const naive = await measurePass(stack, 'naive baseline', { shareReads: false, ackBatch: 1 });
    fulfilInUi(connectorOrders);
    const connector = await measurePass(stack, 'connector', {});

    for (const so of csvOrders) fulfilAll(stack, so, false);
    const catchUp = stack.netsuite.runMapReduce(
      FULFILLMENT_CATCH_UP_SCRIPT_ID,
      FULFILLMENT_CATCH_UP_SCHEDULED_DEPLOYMENT_ID,
    );
    const queued = catchUp.output.filter((o) => o.key === 'queued').length;
    return {
      orders: naiveOrders.length + connectorOrders.length + csvOrders.length,
      captureUnitsPerFulfillment: captures.reduce((n, i) => n + i.units, 0) / Math.max(1, captures.length),
      captureUnitsMax: Math.max(0, ...captures.map((i) => i.units)),
      catchUpUnitsPerFulfillment: catchUp.totals.units / Math.max(1, queued),
      catchUpQueued: queued,
      passes: [connector, naive],
    };
  } finally {
    await stack.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatFulfillmentCost(r: FulfillmentCost): string {
  const fixed = (n: number) => n.toFixed(2);
  const table = formatTable(
    [
      'outbox pass',
      'rows',
      'packages',
      'NetSuite units/row (pull+ack)',
      'outbox.* calls',
      'TikTok calls/package',
    ],
    r.passes.map((p) => [
      p.pass,
      String(p.rows),
      String(p.packages),
      fixed(p.restletUnitsPerRow),
      String(p.restletCalls),
      fixed(p.tiktokCallsPerPackage),
    ]),
  );
  return [
    `Fulfillment cost (NetSuite usage units, TikTok API calls; ${r.orders} orders, one fulfillment of every unit each)`,
    `  capture: item fulfillment user event ${fixed(r.captureUnitsPerFulfillment)} units per fulfillment queued (max ${r.captureUnitsMax}); catch-up map/reduce ${fixed(r.catchUpUnitsPerFulfillment)} units per fulfillment queued (${r.catchUpQueued} queued)`,
    table,
    ...r.passes.map(
      (p) =>
        `  ${p.pass} TikTok calls: ${Object.entries(p.tiktokCalls)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
    ),
    '  naive baseline: one outbox.ack per row, every row reads its order and providers itself.',
  ].join('\n');
}

if (require.main === module) {
  const at = process.argv.indexOf('--orders');
  const orders = at >= 0 ? Number(process.argv[at + 1]) : 150;
  runFulfillmentCost(orders).then(
    (r) => console.log(formatFulfillmentCost(r)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
