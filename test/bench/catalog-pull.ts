/**
 * Pull products from TikTok (issue #19) through the real servers (TikTok simulator, bridge, NetSuite
 * emulator running the compiled SuiteApp): a catalog of `--products` TikTok products (a quarter with
 * three SKUs) pulled into NetSuite items, with the bridge "crashing" part-way through the first pass
 * (its `products.upsert` call number `--crash-at` fails as if the process died) and a second pass
 * finishing the job; then 10% of the titles changed, a re-run with nothing changed, and a forced
 * resync. Prints, per step, the items created / updated, NetSuite usage units (all RESTlet calls of
 * the step), TikTok calls, and per item; checks each TikTok SKU became exactly one item.
 * `node dist/test/bench/catalog-pull.js [--products 2000] [--crash-at 10]` after `npm run build`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { axiosSend, type HttpSend } from '../../bridge/src/net/http-transport';
import type { CatalogPullResult } from '../../bridge/src/workers/catalog-pull';
import type { SandboxStack } from '../../sandbox/src/stack';
import { startSandboxStack } from '../../sandbox/src/stack';
import { assertSuiteAppBuilt } from '../support/connector-account';
import { formatTable } from './table';
import { numberArg } from './args';

export interface CatalogBenchRow {
  step: string;
  items: number;
  created: number;
  updated: number;
  units: number;
  tiktokCalls: number;
  restletCalls: number;
  unitsPerItem: string;
  tiktokCallsPerItem: string;
}

export interface CatalogBenchResult {
  products: number;
  skus: number;
  itemsLinked: number;
  duplicates: number;
  rows: CatalogBenchRow[];
}

export async function runCatalogBench(products = 2000, crashAt = 10): Promise<CatalogBenchResult> {
  assertSuiteAppBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-bench-catalog-'));
  let upserts = 0;
  let crash = true;
  const counts = { tiktok: 0, restlet: 0 };
  const send: HttpSend = (request) => {
    if (request.url.includes('/product/')) counts.tiktok += 1;
    if (typeof request.body === 'string' && /"action":"(products\.upsert|catalog\.)/.test(request.body))
      counts.restlet += 1;
    if (typeof request.body === 'string' && request.body.includes('"action":"products.upsert"')) {
      upserts += 1;
      if (crash && upserts === crashAt) {
        crash = false;
        return Promise.reject(new Error('bridge process crashed before the call'));
      }
    }
    return axiosSend(request);
  };
  // A simulated clock, moved 10 minutes (the poll interval) between steps, as between real passes.
  let offsetMs = 0;
  const clock = { now: () => Date.now() + offsetMs };
  const stack: SandboxStack = await startSandboxStack({
    bridgeDatabaseUrl: `sqlite:${path.join(dir, 'bridge.db')}`,
    simulator: { clock },
    bridgeDeps: { send, clock },
    netsuite: { authClock: clock },
  });
  try {
    const shopId = await stack.connectShop();
    await stack.simulator.tick();
    await stack.bridge.runWorkersOnce();
    const shop = stack.netsuite.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`);
    if (!shop) throw new Error('the shop is not in NetSuite');
    const edit = (text: Record<string, string>, value: Record<string, unknown> = {}) => {
      const rec = stack.netsuite.seed.service.load({ type: 'customrecord_tts_shop', id: shop.id });
      for (const [fieldId, t] of Object.entries(text)) rec.setText({ fieldId, text: t });
      for (const [fieldId, v] of Object.entries(value)) rec.setValue({ fieldId, value: v });
      stack.netsuite.seed.service.save(rec, {});
    };
    edit({ custrecord_tts_shop_catalog_tts: 'Pull products from TikTok' });
    const made = stack.simulator.admin.createProducts({
      shopId,
      products: Array.from({ length: products }, (_, i) => ({
        title: `Bench product ${i}`,
        skus: (i % 4 === 0 ? ['S', 'M', 'L'] : ['ONE']).map((v) => ({ sellerSku: `BENCH-${i}-${v}` })),
      })),
    });
    stack.simulator.admin.clearDeliveries();
    const skus = made.reduce((n, p) => n + p.skus.length, 0);
    const rows: CatalogBenchRow[] = [];
    const linked = () =>
      stack.netsuite.store
        .all('inventoryitem')
        .filter((i) => String(i.fields.custitem_tts_sku_id ?? '') !== '');
    const measure = async (step: string): Promise<CatalogPullResult | null> => {
      const from = stack.netsuite.invocations.length;
      const before = linked().length;
      const calls0 = { ...counts };
      offsetMs += 600_000;
      const pass = await stack.bridge.catalogPullOnce();
      const units = stack.netsuite.invocations.slice(from).reduce((n, i) => n + i.units, 0);
      const result = pass.results[0] ?? null;
      // Items made are counted in NetSuite: a crashed pass has no answer to count from.
      const created = linked().length - before;
      const updated = (result?.outcomes.updated ?? 0) + (result?.outcomes.linked ?? 0);
      const items = created + updated;
      const calls = counts.tiktok - calls0.tiktok;
      rows.push({
        step: pass.failures.length > 0 ? `${step} (failed: cursor kept)` : step,
        items,
        created,
        updated,
        units,
        tiktokCalls: calls,
        restletCalls: counts.restlet - calls0.restlet,
        unitsPerItem: items === 0 ? '-' : (units / items).toFixed(2),
        tiktokCallsPerItem: items === 0 ? '-' : (calls / items).toFixed(3),
      });
      return result;
    };
    await measure('first pass, bridge crashes part-way');
    await measure('pass after the crash (from 0: no cursor yet)');
    for (const p of made.filter((_, i) => i % 10 === 0))
      stack.simulator.admin.editProduct(p.id, { title: `${p.title} v2` });
    await measure('10% of titles changed');
    await measure('re-run, nothing changed');
    edit({}, { custrecord_tts_shop_force_catalog: true });
    await measure('Force product catalog resync');
    const all = linked();
    const ids = all.map((i) => String(i.fields.custitem_tts_sku_id));
    const bench = all.filter((i) => String(i.fields.itemid).startsWith('BENCH-')).length;
    if (bench !== skus) throw new Error(`${skus} TikTok SKUs but ${bench} bench items`);
    return { products, skus, itemsLinked: all.length, duplicates: ids.length - new Set(ids).size, rows };
  } finally {
    await stack.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatCatalogBench(result: CatalogBenchResult): string {
  return [
    `Catalog pull: ${result.products} TikTok products (${result.skus} SKUs) → NetSuite inventory items; ${result.itemsLinked} items linked, ${result.duplicates} duplicates`,
    formatTable(
      [
        'step',
        'items',
        'created',
        'updated',
        'NetSuite units',
        'TikTok calls',
        'RESTlet calls',
        'units/item',
        'TikTok calls/item',
      ],
      result.rows.map((r) => [
        r.step,
        String(r.items),
        String(r.created),
        String(r.updated),
        String(r.units),
        String(r.tiktokCalls),
        String(r.restletCalls),
        r.unitsPerItem,
        r.tiktokCallsPerItem,
      ]),
    ),
  ].join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  runCatalogBench(numberArg(args, '--products', 2000, false), numberArg(args, '--crash-at', 10, false))
    .then((result) => console.log(formatCatalogBench(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
