/**
 * One governance measurement: N generated orders (1–5 SKUs, 1–3 units each) imported into sales
 * orders by the connector's import map/reduce, or by the naive baseline fixture, in the emulator,
 * with the usage units of every invocation as NetSuite would charge them.
 */
import path from 'node:path';
import { seedDemoAccount } from '../../sandbox/netsuite/src/demo-account';
import { NetSuiteEmulator } from '../../sandbox/netsuite/src/emulator';
import type { MapReduceReport } from '../../sandbox/netsuite/src/exec/mapreduce/mr-types';
import { IMPORT_RUN_CAP } from '../../shared-types/src/import/import-work';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import {
  DEMO_SHOP,
  IMPORT_DEPLOYMENT,
  IMPORT_SCRIPT,
  startConnectorAccount,
} from '../support/connector-account';
import { catalogSkus, makeOrders } from '../support/tiktok-order-builder';
import { materializeFixture } from '../support/fixture-project';

export type CustomerMode = 'default customer' | 'per-buyer customers';

export interface GovernanceRow {
  importer: 'connector' | 'naive baseline';
  mode: CustomerMode;
  orders: number;
  salesOrders: number;
  /** Every unit the import job(s) used (getInputData + map + summarize), per sales order. */
  unitsPerOrder: number;
  mapMean: number;
  mapMax: number;
  runs: number;
  /** Units of the `orders.upsert` RESTlet calls that stored the orders, per order (connector only). */
  upsertUnitsPerOrder: number | null;
  seconds: number;
}

const REPO_ROOT = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../../..' : '../..');
/** The naive baseline's SDF project (its scripts are hand-written fixtures, see test/support/fixture-project.ts). */
export const NAIVE_PROJECT_SOURCE = path.join(REPO_ROOT, 'test/bench/fixtures/naive-import');

/**
 * The orders of a measurement. Per-buyer mode gives every block of IMPORT_RUN_CAP orders (one import
 * run) the same buyer mix — 600 buyers per 1,000 orders, so 400 orders come from a buyer seen
 * earlier in the same run — so 1,000 and 5,000 orders do the same work per order.
 */
export function benchOrders(count: number, mode: CustomerMode): TikTokOrder[] {
  const orders = makeOrders({ count, seed: 2026 });
  if (mode === 'default customer') return orders;
  const buyersPerBlock = Math.ceil(IMPORT_RUN_CAP * 0.6);
  return orders.map((order, n) => {
    const buyer = Math.floor(n / IMPORT_RUN_CAP) * buyersPerBlock + ((n % IMPORT_RUN_CAP) % buyersPerBlock);
    return {
      ...order,
      user_id: String(7021436810468200000n + BigInt(buyer)),
      buyer_email: `buyer${buyer}@chat.seller.tiktok.com`,
    };
  });
}

function summarize(
  importer: GovernanceRow['importer'],
  mode: CustomerMode,
  orders: number,
  salesOrders: number,
  runs: readonly MapReduceReport[],
  upsertUnits: number | null,
  started: number,
): GovernanceRow {
  const maps = runs.flatMap((r) => r.invocations.filter((i) => i.stage === 'map').map((i) => i.units));
  const total = runs.reduce((n, r) => n + r.totals.units, 0);
  return {
    importer,
    mode,
    orders,
    salesOrders,
    unitsPerOrder: total / Math.max(1, salesOrders),
    mapMean: maps.reduce((a, b) => a + b, 0) / Math.max(1, maps.length),
    mapMax: Math.max(0, ...maps),
    runs: runs.length,
    upsertUnitsPerOrder: upsertUnits === null ? null : upsertUnits / orders,
    seconds: (Date.now() - started) / 1000,
  };
}

export async function measureConnector(count: number, mode: CustomerMode): Promise<GovernanceRow> {
  const world = await startConnectorAccount(
    {},
    mode === 'per-buyer customers' ? { custrecord_tts_shop_per_buyer: true } : {},
  );
  try {
    const started = Date.now();
    const orders = benchOrders(count, mode);
    const responses = await world.upsertOrders(orders);
    const refused = responses.filter((r) => r.status !== 200);
    if (refused.length > 0) throw new Error(`orders.upsert refused: ${JSON.stringify(refused[0]?.body)}`);
    const upsertUnits = world.ns.invocations
      .filter((i) => i.kind === 'restlet')
      .reduce((n, i) => n + i.units, 0);
    const runs: MapReduceReport[] = [];
    for (const task of await world.ns.runQueuedTasks()) if (task.mapReduce) runs.push(task.mapReduce);
    // The import takes at most a run's cap of records; run again until nothing is left, as NetSuite would.
    for (let guard = 0; guard < 100; guard += 1) {
      const report = world.ns.runMapReduce(IMPORT_SCRIPT, IMPORT_DEPLOYMENT);
      if (report.mapKeys.length === 0) break;
      runs.push(report);
    }
    const salesOrders = world.ns.store.all('salesorder').length;
    return summarize('connector', mode, count, salesOrders, runs, upsertUnits, started);
  } finally {
    await world.ns.stop();
  }
}

export async function measureNaive(count: number, mode: CustomerMode): Promise<GovernanceRow> {
  const ns = await NetSuiteEmulator.start({ projectRoot: materializeFixture(NAIVE_PROJECT_SOURCE) });
  try {
    const started = Date.now();
    const account = seedDemoAccount(ns.seed, { skus: catalogSkus() });
    const settings = {
      perBuyer: mode === 'per-buyer customers',
      shopId: DEMO_SHOP.shopId,
      customerName: 'TikTok Shop Customer',
      subsidiaryId: String(account.subsidiaryId),
      locationId: String(account.locationIds.main),
      paymentMethodId: String(account.paymentMethodIds['Credit Card']),
      shipItemId: String(account.shipItemId),
    };
    const report = ns.runMapReduce('customscript_bench_mr_naive', 'customdeploy_bench_mr_naive', {
      params: {
        custscript_naive_orders: JSON.stringify(benchOrders(count, mode)),
        custscript_naive_settings: JSON.stringify(settings),
      },
    });
    if (report.mapErrors.length > 0) throw new Error(`naive import failed: ${report.mapErrors[0]?.error}`);
    const salesOrders = ns.store.all('salesorder').length;
    return summarize('naive baseline', mode, count, salesOrders, [report], null, started);
  } finally {
    await ns.stop();
  }
}
