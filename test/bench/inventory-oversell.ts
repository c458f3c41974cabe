/**
 * The no-oversell window (issue #16): `--orders` one-unit orders arrive in bursts of `--burst`
 * against `--stock` units of one SKU while NetSuite's export (a Force inventory resync every other
 * round) and the bridge's inventory pass run after every burst, and NetSuite imports only every
 * `--import-every` rounds. Prints: orders TikTok accepted and refused, units sold against the stock,
 * the passes that held units back, the most units held back in one pass, the most units a pass would
 * have handed back to TikTok without the hold-back (NetSuite's quantity − what may be promised), the
 * most TikTok showed above what may be promised (0 when the rule holds), the orders imported, left as
 * exceptions and still held, and the pass wall time (p50 / max). Figures only, no assertion.
 *
 * `npm run build && node dist/test/bench/inventory-oversell.js [--orders 500] [--stock 100] [--burst 25] [--import-every 3]`
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SandboxStack } from '../../sandbox/src/stack';
import { startSandboxStack } from '../../sandbox/src/stack';
import {
  INVENTORY_EXPORT_DEPLOYMENT_ID,
  INVENTORY_EXPORT_SCRIPT_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import { formatTable } from './table';

export interface OversellBenchOptions {
  orders: number;
  stock: number;
  burst: number;
  importEvery: number;
}

export interface OversellBenchResult extends OversellBenchOptions {
  accepted: number;
  refused: number;
  passes: number;
  heldPasses: number;
  maxHeldUnits: number;
  /** Most units a pass would have given back to TikTok without the hold-back. */
  maxWithoutRule: number;
  /** Most TikTok showed above NetSuite's available − received-not-imported (0: never). */
  maxOverPromise: number;
  imported: number;
  exceptions: number;
  stillHeld: number;
  passP50Ms: number;
  passMaxMs: number;
}

const SKU = 'TS-HOODIE-BLK-M';

export async function runOversellBench(options: OversellBenchOptions): Promise<OversellBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-bench-oversell-'));
  const stack: SandboxStack = await startSandboxStack({
    bridgeDatabaseUrl: `sqlite:${path.join(dir, 'bridge.db')}`,
    simulator: { seed: { shops: [{ warehouses: 2 }] } },
  });
  try {
    const shopId = await stack.connectShop();
    await stack.bridge.runWorkersOnce();
    const warehouses = stack.simulator.admin
      .listWarehouses(shopId)
      .filter((w) => w.type === 'SALES_WAREHOUSE')
      .map((w) => w.id);
    const { main, east } = stack.account.locationIds;
    const ui = stack.netsuite.seed.ui;
    warehouses.forEach((w, i) => {
      const wh = stack.netsuite.store.findByExternalId(
        'customrecord_tts_warehouse',
        `tts_wh_${shopId}_${w}`,
      )!;
      const rec = ui.load({ type: 'customrecord_tts_warehouse', id: wh.id });
      rec.setValue({ fieldId: 'custrecord_tts_wh_locations', value: [String(i === 0 ? main : east)] });
      ui.save(rec, {});
    });
    const item = stack.account.itemIds[SKU]!;
    stack.netsuite.seed.setOnHand(item, main, options.stock);
    stack.netsuite.seed.setOnHand(item, east, 0);
    const exportNow = (): void => {
      const run = stack.netsuite.runScheduled(INVENTORY_EXPORT_SCRIPT_ID, INVENTORY_EXPORT_DEPLOYMENT_ID);
      if (run.error !== null) throw new Error(`inventory export failed: ${String(run.error)}`);
    };
    const shopRecord = stack.netsuite.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`)!;
    const available = (): number => {
      const line = (stack.netsuite.store.get('inventoryitem', item)!.sublists.locations ?? []).find(
        (l) => String(l.fields.location) === String(main),
      );
      const n = (v: unknown): number => (typeof v === 'number' ? v : 0);
      return Math.max(0, n(line?.fields.quantityonhand) - n(line?.fields.quantitycommitted));
    };
    const shown = (): number =>
      stack.simulator.admin
        .getInventory({ sellerSku: SKU, shopId })
        .find((r) => r.warehouseId === warehouses[0])?.quantity ?? 0;
    exportNow();
    await stack.bridge.inventoryOnce({ reserveMarginMs: 0 });

    const accepted: string[] = [];
    let refused = 0;
    const isImported = (id: string): boolean =>
      stack.netsuite.store.findByExternalId('salesorder', `tts_${shopId}_${id}`) !== null;
    const result: OversellBenchResult = {
      ...options,
      accepted: 0,
      refused: 0,
      passes: 0,
      heldPasses: 0,
      maxHeldUnits: 0,
      maxWithoutRule: 0,
      maxOverPromise: 0,
      imported: 0,
      exceptions: 0,
      stillHeld: 0,
      passP50Ms: 0,
      passMaxMs: 0,
    };
    const passMs: number[] = [];
    const rounds = Math.ceil(options.orders / options.burst);
    for (let round = 0; round < rounds; round += 1) {
      for (let i = 0; i < options.burst && accepted.length + refused < options.orders; i += 1) {
        try {
          accepted.push(
            stack.simulator.admin.createOrder({
              shopId,
              skus: [{ sellerSku: SKU, quantity: 1 }],
              advanceTo: 'AWAITING_SHIPMENT',
            }).id,
          );
        } catch {
          refused += 1;
        }
      }
      await stack.simulator.tick();
      if (round % 2 === 0) {
        stack.netsuite.seed.service.submitFields({
          type: 'customrecord_tts_shop',
          id: shopRecord.id,
          values: { custrecord_tts_shop_force_inv: true },
        });
      }
      exportNow();
      const promise = available() - accepted.filter((id) => !isImported(id)).length;
      const started = Date.now();
      const pass = await stack.bridge.inventoryOnce({ reserveMarginMs: 0 });
      passMs.push(Date.now() - started);
      const r = pass.results[0];
      result.passes += 1;
      if ((r?.heldPairs ?? 0) > 0) result.heldPasses += 1;
      result.maxHeldUnits = Math.max(result.maxHeldUnits, r?.heldUnits ?? 0);
      result.maxWithoutRule = Math.max(result.maxWithoutRule, available() - Math.max(0, promise));
      result.maxOverPromise = Math.max(result.maxOverPromise, shown() - Math.max(0, promise));
      if ((round + 1) % options.importEvery === 0) await stack.netsuite.runQueuedTasks();
    }
    for (let i = 0; i < 5; i += 1) {
      await stack.simulator.tick();
      await stack.bridge.runWorkersOnce();
      await stack.netsuite.runQueuedTasks();
    }
    result.accepted = accepted.length;
    result.refused = refused;
    result.imported = accepted.filter(isImported).length;
    result.exceptions = accepted.filter((id) => {
      const inbox = stack.netsuite.store.findByExternalId('customrecord_tts_order', `tts_${shopId}_${id}`);
      return (
        !isImported(id) && ['error', 'exception'].includes(String(inbox?.fields.custrecord_tts_ord_state))
      );
    }).length;
    result.stillHeld = (await stack.bridge.store.listStockReservations(shopId)).length;
    const sorted = [...passMs].sort((a, b) => a - b);
    result.passP50Ms = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
    result.passMaxMs = sorted[sorted.length - 1] ?? 0;
    return result;
  } finally {
    await stack.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatOversellBench(r: OversellBenchResult): string {
  return [
    `No-oversell window: ${r.orders} one-unit orders in bursts of ${r.burst} against ${r.stock} units; export + bridge pass after every burst (Force inventory resync every other), NetSuite imports every ${r.importEvery} bursts`,
    formatTable(
      ['figure', 'value'],
      [
        ['orders TikTok accepted / refused', `${r.accepted} / ${r.refused}`],
        ['units sold against the stock', `${r.accepted} of ${r.stock}`],
        ['passes / passes holding units back', `${r.passes} / ${r.heldPasses}`],
        ['most units held back in one pass', String(r.maxHeldUnits)],
        ['most units a pass would have given back without the hold-back', String(r.maxWithoutRule)],
        ['most TikTok showed above available − received-not-imported', String(r.maxOverPromise)],
        [
          'orders imported / exceptions / still held back',
          `${r.imported} / ${r.exceptions} / ${r.stillHeld}`,
        ],
        ['bridge pass ms p50 / max', `${r.passP50Ms} / ${r.passMaxMs}`],
      ],
    ),
  ].join('\n');
}

function arg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} takes a positive whole number`);
  return n;
}

export function oversellOptionsFromArgs(args: string[]): OversellBenchOptions {
  return {
    orders: arg(args, '--orders', 500),
    stock: arg(args, '--stock', 100),
    burst: arg(args, '--burst', 25),
    importEvery: arg(args, '--import-every', 3),
  };
}

if (require.main === module) {
  runOversellBench(oversellOptionsFromArgs(process.argv.slice(2))).then(
    (r) => console.log(formatOversellBench(r)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
