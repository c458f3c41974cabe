/**
 * Push products to TikTok (issue #20) through the real servers (TikTok simulator, bridge, NetSuite
 * emulator running the compiled SuiteApp): `--items` NetSuite items marked Push to TikTok, `--parents` of
 * them matrix parents with `--children` Color × Size children each, each product with its own picture,
 * mapped to TikTok's T-shirts category with its required Material attribute, stock exported. Steps:
 * the first push (Create Product per product), TikTok's audit (status webhooks → Get Product →
 * `catalog.push.audit`), a re-run with nothing changed, and one child's price changed. Prints per step
 * the products sent, TikTok calls, RESTlet calls and NetSuite units (all RESTlet calls of the step), per
 * product, beside a naive baseline that re-sends everything every pass (per product: Upload Image of each
 * picture and Create/Edit Product, so 2 TikTok calls, and record.load of every item and child, 5 units,
 * and file.load of every image, 10). Checks every product ends ACTIVATE.
 * `node dist/test/bench/product-push.js [--items 2000] [--parents 500] [--children 4]` after `npm run build`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { axiosSend, type HttpSend } from '../../bridge/src/net/http-transport';
import type { ProductPushResult } from '../../bridge/src/workers/product-push';
import type { SandboxStack } from '../../sandbox/src/stack';
import { startSandboxStack } from '../../sandbox/src/stack';
import { pairKey } from '../../shared-types/src/inventory/inventory-delta';
import { INVENTORY_STATE_VERSION } from '../../shared-types/src/inventory/inventory-export';
import { assertSuiteAppBuilt } from '../support/connector-account';
import { buildPushCatalog, pngOf, PUSH_MATRIX_OPTIONS } from '../support/push-catalog';
import { formatTable } from './table';

export interface ProductPushBenchRow {
  step: string;
  products: number;
  tiktokCalls: number;
  productCalls: number;
  restletCalls: number;
  units: number;
  tiktokCallsPerProduct: string;
  unitsPerProduct: string;
  naiveTiktokCalls: number;
  naiveUnits: number;
}

export interface ProductPushBenchResult {
  items: number;
  parents: number;
  children: number;
  activated: number;
  seconds: number;
  rows: ProductPushBenchRow[];
}

function argOf(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

function per(n: number, d: number): string {
  return d === 0 ? '-' : (n / d).toFixed(2);
}

export async function runProductPushBench(
  items = 2000,
  parents = 500,
  children = 4,
): Promise<ProductPushBenchResult> {
  assertSuiteAppBuilt();
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-bench-push-'));
  const counts = { tiktok: 0, product: 0, restlet: 0 };
  const send: HttpSend = (request) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/product/')) {
      counts.tiktok += 1;
      if (/\/products(\/\d+(\/prices\/update)?)?$/.test(url.pathname) && request.method !== 'GET')
        counts.product += 1;
    }
    if (typeof request.body === 'string' && /"action":"catalog\./.test(request.body)) counts.restlet += 1;
    return axiosSend(request);
  };
  let offsetMs = 0;
  const clock = { now: () => Date.now() + offsetMs };
  const stack: SandboxStack = await startSandboxStack({
    bridgeDatabaseUrl: `sqlite:${path.join(dir, 'bridge.db')}`,
    simulator: { clock, productAuditSeconds: 60, seed: { shops: [{ region: 'US', warehouses: 1 }] } },
    bridgeDeps: { send, clock },
    netsuite: { authClock: clock, matrixOptions: PUSH_MATRIX_OPTIONS },
  });
  try {
    const shopId = await stack.connectShop();
    await stack.simulator.tick();
    await stack.bridge.runWorkersOnce();
    const shop = stack.netsuite.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`);
    if (!shop) throw new Error('the shop is not in NetSuite');
    const catalog = buildPushCatalog(stack.netsuite, {
      standalone: items - parents,
      matrixParents: parents,
      childrenPerParent: children,
      categories: ['601226'],
      attributes: { '601226': '{"101001": "Cotton"}' },
      prefix: 'BENCH',
      shopRecordId: shop.id,
      imageBase64: (n) => pngOf(100 + (n % 1000), 100 + Math.floor(n / 1000)),
    });
    // The inventory export's last quantities, as if it had run: 10 units of every SKU.
    const warehouses = stack.simulator.admin
      .listWarehouses(shopId)
      .filter((w) => w.type === 'SALES_WAREHOUSE')
      .map((w) => w.id);
    const skuItems = [...catalog.standaloneIds, ...[...catalog.childIds.values()].flat()];
    const exported: Record<string, number> = {};
    for (const id of skuItems) {
      const sku = String(stack.netsuite.store.get('inventoryitem', Number(id))?.fields.itemid);
      for (const w of warehouses) exported[pairKey(sku, w)] = 10;
    }
    stack.netsuite.files.save({
      name: `tts_inventory_${shopId}.json`,
      fileType: 'JSON',
      folder: -15,
      description: 'inventory export state',
      isOnline: false,
      contents: JSON.stringify({
        version: INVENTORY_STATE_VERSION,
        exported,
        pending: {},
        lastRunAt: null,
        notices: [],
      }),
    });

    const naiveUnits = 5 * (items + parents * children) + 10 * items;
    const naiveTiktok = 2 * items;
    const rows: ProductPushBenchRow[] = [];
    const step = async (
      name: string,
      run: () => Promise<ProductPushResult | null>,
    ): Promise<ProductPushResult | null> => {
      const from = stack.netsuite.invocations.length;
      const before = { ...counts };
      const result = await run();
      const units = stack.netsuite.invocations.slice(from).reduce((n, i) => n + i.units, 0);
      const sent = result?.products ?? 0;
      const tiktokCalls = counts.tiktok - before.tiktok;
      rows.push({
        step: name,
        products: sent,
        tiktokCalls,
        productCalls: counts.product - before.product,
        restletCalls: counts.restlet - before.restlet,
        units,
        tiktokCallsPerProduct: per(tiktokCalls, items),
        unitsPerProduct: per(units, items),
        naiveTiktokCalls: name.startsWith('audit') ? 0 : naiveTiktok,
        naiveUnits: name.startsWith('audit') ? 0 : naiveUnits,
      });
      return result;
    };
    const push = async (): Promise<ProductPushResult> => {
      const all = await stack.bridge.productPushOnce();
      if (all.failures.length > 0) throw new Error(JSON.stringify(all.failures));
      const result = all.results[0];
      if (!result) throw new Error('no push result');
      return result;
    };
    const first = await step('first push (create)', push);
    if (first?.outcomes.created !== items) {
      throw new Error(`expected ${items} products created, got ${JSON.stringify(first?.outcomes)}`);
    }
    await step('audit (webhooks → Get Product → NetSuite)', async () => {
      offsetMs += 120_000;
      await stack.simulator.tick();
      await stack.bridge.runWorkersOnce();
      return null;
    });
    const activated = [...catalog.standaloneIds, ...catalog.parentIds].filter(
      (id) => stack.netsuite.store.get('inventoryitem', Number(id))?.fields.custitem_tts_audit === 'ACTIVATE',
    ).length;
    const rerun = await step('re-run, nothing changed', push);
    if (rerun?.productCalls !== 0) throw new Error(`re-run made ${rerun?.productCalls} product calls`);
    const parent = catalog.parentIds[0] ?? catalog.standaloneIds[0];
    const child = catalog.childIds.get(parent)?.[0] ?? parent;
    stack.netsuite.seed.service.submitFields({
      type: 'inventoryitem',
      id: Number(child),
      values: { baseprice: 99 },
    });
    const priced = await step('one price changed', push);
    if (priced?.outcomes.price_updated !== 1 || priced.productCalls !== 1) {
      throw new Error(`expected one Update Price, got ${JSON.stringify(priced)}`);
    }
    return {
      items,
      parents,
      children,
      activated,
      seconds: Math.round((Date.now() - started) / 1000),
      rows,
    };
  } finally {
    await stack.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatProductPushBench(result: ProductPushBenchResult): string {
  return [
    `Push products to TikTok, end to end: ${result.items} products (${result.parents} matrix parents × ${result.children} children); ${result.activated} ACTIVATE after the audit; ${result.seconds} s`,
    formatTable(
      [
        'step',
        'products sent',
        'TikTok calls',
        'product calls',
        'RESTlet calls',
        'NetSuite units',
        'TikTok calls/product',
        'units/product',
        'naive TikTok calls',
        'naive units',
      ],
      result.rows.map((r) => [
        r.step,
        String(r.products),
        String(r.tiktokCalls),
        String(r.productCalls),
        String(r.restletCalls),
        String(r.units),
        r.tiktokCallsPerProduct,
        r.unitsPerProduct,
        String(r.naiveTiktokCalls),
        String(r.naiveUnits),
      ]),
    ),
  ].join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  runProductPushBench(
    argOf(args, '--items', 2000),
    argOf(args, '--parents', 500),
    argOf(args, '--children', 4),
  )
    .then((result) => console.log(formatProductPushBench(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
