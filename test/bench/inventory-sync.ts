/**
 * Inventory sync (issue #14): NetSuite's inventory export and the bridge's inventory pass over real
 * HTTP, for `--skus` TikTok SKUs (5 per product) × 3 linked TikTok warehouses. Prints, per run
 * (first sync = 100 %, nothing changed = 0 %, 1 % changed, Force inventory resync = 100 %): the
 * export's NetSuite usage units (measured by the emulator's meter) and wall time, the pairs queued,
 * TikTok calls (Update Inventory, one per changed product, and Search Products catalogue reads) and
 * the pass's wall time; beside the naive baseline (per-item `record.load`, 5 units each, and one
 * Update Inventory call per SKU, computed from NetSuite's and TikTok's published rules). Then
 * freshness: stock changes made at random moments while the export runs every `--export` seconds and
 * the bridge every `--interval` seconds, the time until the TikTok simulator shows each (p50 / p99).
 * Figures only, no assertion.
 *
 * `npm run build && node dist/test/bench/inventory-sync.js [--skus 2000] [--changes 20] [--export 10] [--interval 5]`
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

export interface InventoryBenchOptions {
  skus: number;
  changes: number;
  exportSeconds: number;
  intervalSeconds: number;
}

export interface InventoryRun {
  name: string;
  changedSkus: number;
  exportUnits: number;
  exportMs: number;
  queuedPairs: number;
  updateCalls: number;
  catalogReads: number;
  passMs: number;
}

export interface InventoryBenchResult extends InventoryBenchOptions {
  products: number;
  runs: InventoryRun[];
  freshnessMs: number[];
  p50: number;
  p99: number;
}

const SKUS_PER_PRODUCT = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function catalog(skus: number) {
  const products = Math.ceil(skus / SKUS_PER_PRODUCT);
  return Array.from({ length: products }, (_, p) => ({
    title: `Benchmark product ${String(p).padStart(5, '0')} for the inventory sync`,
    skus: Array.from({ length: Math.min(SKUS_PER_PRODUCT, skus - p * SKUS_PER_PRODUCT) }, (_, s) => ({
      sellerSku: `BENCH-${String(p).padStart(5, '0')}-${s}`,
      name: `Variant ${s}`,
      price: '10.00',
    })),
  }));
}

async function link(stack: SandboxStack, shopId: string): Promise<string[]> {
  const warehouses = stack.simulator.admin
    .listWarehouses(shopId)
    .filter((w) => w.type === 'SALES_WAREHOUSE')
    .map((w) => w.id);
  const { main, east } = stack.account.locationIds;
  const links = [[main], [east], [main, east]];
  const ui = stack.netsuite.seed.ui;
  warehouses.forEach((id, i) => {
    const wh = stack.netsuite.store.findByExternalId('customrecord_tts_warehouse', `tts_wh_${shopId}_${id}`);
    if (!wh) throw new Error(`warehouse ${id} not in NetSuite`);
    const rec = ui.load({ type: 'customrecord_tts_warehouse', id: wh.id });
    rec.setValue({ fieldId: 'custrecord_tts_wh_locations', value: (links[i] ?? [main]).map(String) });
    ui.save(rec, {});
  });
  return warehouses;
}

async function measuredRun(stack: SandboxStack, name: string, changedSkus: number): Promise<InventoryRun> {
  const started = Date.now();
  const report = stack.netsuite.runScheduled(INVENTORY_EXPORT_SCRIPT_ID, INVENTORY_EXPORT_DEPLOYMENT_ID);
  const exportMs = Date.now() - started;
  if (report.error) throw new Error(`export failed: ${report.error}`);
  const passStart = Date.now();
  const pass = await stack.bridge.inventoryOnce();
  const passMs = Date.now() - passStart;
  if (pass.failures.length > 0) throw new Error(JSON.stringify(pass.failures));
  const r = pass.results[0]!;
  return {
    name,
    changedSkus,
    exportUnits: report.units,
    exportMs,
    queuedPairs: r.pulled,
    updateCalls: r.updateCalls,
    catalogReads: r.catalogReads,
    passMs,
  };
}

function setShopField(stack: SandboxStack, shopId: string, fieldId: string, value: unknown): void {
  const shop = stack.netsuite.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`)!;
  const rec = stack.netsuite.seed.service.load({ type: 'customrecord_tts_shop', id: shop.id });
  rec.setValue({ fieldId, value });
  stack.netsuite.seed.service.save(rec, {});
}

export async function runInventoryBench(options: InventoryBenchOptions): Promise<InventoryBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-bench-inv-'));
  const stack = await startSandboxStack({
    bridgeDatabaseUrl: `sqlite:${path.join(dir, 'bridge.db')}`,
    simulator: { seed: { shops: [{ warehouses: 3 }], catalog: catalog(options.skus) } },
  });
  try {
    const shopId = await stack.connectShop();
    await stack.bridge.runWorkersOnce();
    const warehouses = await link(stack, shopId);
    const skus = Object.keys(stack.account.itemIds);
    const runs: InventoryRun[] = [];
    runs.push(await measuredRun(stack, 'first sync (100 %)', skus.length));
    runs.push(await measuredRun(stack, 'nothing changed (0 %)', 0));
    const onePercent = skus.slice(0, Math.max(1, Math.round(skus.length / 100)));
    for (const sku of onePercent) {
      stack.netsuite.seed.setOnHand(stack.account.itemIds[sku]!, stack.account.locationIds.main, 321);
    }
    runs.push(await measuredRun(stack, '1 % changed', onePercent.length));
    setShopField(stack, shopId, 'custrecord_tts_shop_force_inv', true);
    runs.push(await measuredRun(stack, 'Force inventory resync (100 %)', skus.length));

    // Freshness: the export and the bridge on their own schedules, changes at random moments.
    let running = true;
    const loop = async (everyMs: number, task: () => Promise<unknown> | unknown): Promise<void> => {
      while (running) {
        await task();
        await sleep(everyMs);
      }
    };
    const exportLoop = loop(options.exportSeconds * 1000, () =>
      stack.netsuite.runScheduled(INVENTORY_EXPORT_SCRIPT_ID, INVENTORY_EXPORT_DEPLOYMENT_ID),
    );
    const bridgeLoop = loop(options.intervalSeconds * 1000, () => stack.bridge.inventoryOnce());
    const span = (options.exportSeconds + options.intervalSeconds) * 1000 * 2;
    const watched: { sku: string; quantity: number; at: number; seenAt: number | null }[] = [];
    for (let i = 0; i < options.changes; i += 1) {
      await sleep(Math.random() * (span / options.changes));
      const sku = skus[(i * 7919) % skus.length]!;
      const quantity = 1000 + i;
      stack.netsuite.seed.setOnHand(stack.account.itemIds[sku]!, stack.account.locationIds.main, quantity);
      watched.push({ sku, quantity, at: Date.now(), seenAt: null });
    }
    const deadline = Date.now() + span * 2;
    while (watched.some((w) => w.seenAt === null) && Date.now() < deadline) {
      for (const w of watched.filter((x) => x.seenAt === null)) {
        const row = stack.simulator.admin
          .getInventory({ shopId, sellerSku: w.sku })
          .find((r) => r.warehouseId === warehouses[0]);
        if (row?.quantity === w.quantity) w.seenAt = Date.now();
      }
      await sleep(100);
    }
    running = false;
    await Promise.all([exportLoop, bridgeLoop]);
    const freshnessMs = watched.map((w) => (w.seenAt ?? NaN) - w.at).sort((a, b) => a - b);
    return {
      ...options,
      products: new Set(stack.simulator.admin.getInventory({ shopId }).map((r) => r.productId)).size,
      runs,
      freshnessMs,
      p50: percentile(freshnessMs, 50),
      p99: percentile(freshnessMs, 99),
    };
  } finally {
    await stack.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatInventoryBench(r: InventoryBenchResult): string {
  const rows = r.runs.map((run) => [
    run.name,
    String(run.changedSkus),
    String(run.exportUnits),
    run.changedSkus > 0 ? (run.exportUnits / run.changedSkus).toFixed(2) : '—',
    String(run.exportMs),
    String(run.queuedPairs),
    String(run.updateCalls),
    String(run.catalogReads),
    String(run.passMs),
    String(r.skus * 5),
    String(run.changedSkus),
  ]);
  return [
    `Inventory sync: ${r.skus} SKUs (${r.products} products) × 3 linked TikTok warehouses`,
    formatTable(
      [
        'run',
        'SKUs changed',
        'export units',
        'units/changed SKU',
        'export ms',
        'pairs sent',
        'Update Inventory calls',
        'catalogue reads',
        'bridge pass ms',
        'naive units',
        'naive calls',
      ],
      rows,
    ),
    'naive: record.load per item (5 units each, every run) and one Update Inventory call per changed SKU (computed)',
    `Freshness (${r.changes} changes, export every ${r.exportSeconds} s, bridge every ${r.intervalSeconds} s): p50 ${Math.round(r.p50)} ms, p99 ${Math.round(r.p99)} ms${r.freshnessMs.some((x) => Number.isNaN(x)) ? ' (some not seen before the deadline)' : ''}`,
  ].join('\n');
}

function arg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} takes a positive number`);
  return n;
}

export function inventoryOptionsFromArgs(args: string[]): InventoryBenchOptions {
  return {
    skus: arg(args, '--skus', 2000),
    changes: arg(args, '--changes', 20),
    exportSeconds: arg(args, '--export', 10),
    intervalSeconds: arg(args, '--interval', 5),
  };
}

if (require.main === module) {
  runInventoryBench(inventoryOptionsFromArgs(process.argv.slice(2))).then(
    (r) => console.log(formatInventoryBench(r)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
