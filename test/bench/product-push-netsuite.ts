/**
 * The NetSuite side of Push products to TikTok (issue #20), measured through the RESTlet over HTTP with
 * OAuth, the bridge's part played by this script: a catalog built with test/support/push-catalog.ts
 * (`--items` products, `--parents` of them matrix parents with `--children` children each) is pulled
 * page by page with `catalog.push.pull`, every product acknowledged as created (`catalog.push.ack`,
 * 50 per call), then pulled again with nothing changed, then with one price changed, then with the shop
 * on a Push Price Level holding the same prices, then with one level price changed. Prints per step
 * the products returned, RESTlet calls, NetSuite units, units per product and the largest call's units
 * (a RESTlet call may use 5,000), beside a naive baseline (record.load of every item and child, 5 units
 * each, and file.load of every image, 10, per pass).
 * `node dist/test/bench/product-push-netsuite.js [--items 2000] [--parents 500] [--children 4]` after `npm run build`.
 */
import type {
  CatalogPushPullResponse,
  PushAckResult,
  PushProduct,
} from '../../shared-types/src/catalog/product-push';
import { MAX_PUSH_ACK_RESULTS } from '../../shared-types/src/catalog/product-push-validate';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import {
  buildPushCatalog,
  PUSH_MATRIX_OPTIONS,
  repriceOneSku,
  setPushPriceLevel,
  shopRecordOf,
} from '../support/push-catalog';
import { formatTable } from './table';
import { numberArg } from './args';

export interface PushBenchRow {
  step: string;
  products: number;
  invalid: number;
  restletCalls: number;
  units: number;
  maxCallUnits: number;
  unitsPerProduct: string;
  naiveUnits: number;
}

export interface PushBenchResult {
  items: number;
  parents: number;
  children: number;
  rows: PushBenchRow[];
}

export async function runProductPushNetSuiteBench(
  items = 2000,
  parents = 500,
  children = 4,
): Promise<PushBenchResult> {
  const world = await startConnectorAccount({ matrixOptions: PUSH_MATRIX_OPTIONS });
  try {
    const shop = shopRecordOf(world.ns, DEMO_SHOP.shopId);
    const catalog = buildPushCatalog(world.ns, {
      standalone: items - parents,
      matrixParents: parents,
      childrenPerParent: children,
      shopRecordId: shop.id,
    });
    const naive = 5 * (items + parents * children) + 10 * items;
    const rows: PushBenchRow[] = [];
    let next = 1729700000000000000n;
    const id = (): string => String((next += 1n));
    const post = async (body: Record<string, unknown>): Promise<unknown> => {
      const res = await world.restlet('POST', { shopId: DEMO_SHOP.shopId, ...body });
      if (res.status !== 200) throw new Error(`${String(body.action)}: ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const pass = async (step: string, ack: boolean): Promise<PushProduct[]> => {
      const from = world.ns.invocations.length;
      const products: PushProduct[] = [];
      let invalid = 0;
      let calls = 0;
      let after: string | null = null;
      do {
        const page = (await post({
          action: 'catalog.push.pull',
          limit: 100,
          ...(after === null ? {} : { after }),
        })) as CatalogPushPullResponse;
        calls += 1;
        products.push(...page.products);
        invalid += page.invalid.length;
        after = page.next;
      } while (after !== null);
      if (ack) {
        for (let i = 0; i < products.length; i += MAX_PUSH_ACK_RESULTS) {
          const results: PushAckResult[] = products.slice(i, i + MAX_PUSH_ACK_RESULTS).map((p) => ({
            itemId: p.itemId,
            outcome: p.change === 'create' ? 'created' : p.change === 'price' ? 'price_updated' : 'edited',
            productId: p.tiktokProductId ?? id(),
            skus: p.skus.map((s) => ({ itemId: s.itemId, skuId: s.tiktokSkuId ?? id() })),
            auditStatus: p.change === 'price' ? null : 'PENDING',
            contentHash: p.contentHash,
            priceHash: p.priceHash,
            message: null,
          }));
          const answer = (await post({ action: 'catalog.push.ack', results })) as { recorded: number };
          calls += 1;
          if (answer.recorded !== results.length)
            throw new Error(`ack recorded ${answer.recorded} of ${results.length}`);
        }
      }
      const invocations = world.ns.invocations.slice(from);
      const units = invocations.reduce((n, i) => n + i.units, 0);
      rows.push({
        step,
        products: products.length,
        invalid,
        restletCalls: calls,
        units,
        maxCallUnits: Math.max(0, ...invocations.map((i) => i.units)),
        unitsPerProduct: products.length === 0 ? '-' : (units / products.length).toFixed(2),
        naiveUnits: naive,
      });
      return products;
    };
    await pass('first push: pull every page, ack all as created', true);
    await pass('re-run, nothing changed', false);
    const child = repriceOneSku(world.ns, catalog, 99);
    const repriced = await pass('one price changed (pull + ack)', true);
    if (repriced.length !== 1 || repriced[0].change !== 'price') {
      throw new Error(
        `expected one price change, got ${JSON.stringify(repriced.map((p) => [p.itemId, p.change]))}`,
      );
    }
    // The shop switches to a Push Price Level where every item costs what it did: nothing changes for
    // TikTok (only the price level and price reads are added); then one level price changes.
    setPushPriceLevel(world.ns, catalog, shop.id, 'Online Price');
    const levelled = await pass('Push Price Level set, same prices', false);
    if (levelled.length !== 0) throw new Error(`expected no change, got ${levelled.length} products`);
    world.ns.seed.itemPrices(Number(child), [{ level: 'Online Price', unitprice: 89 }]);
    const relevelled = await pass('one level price changed (pull + ack)', true);
    if (relevelled.length !== 1 || relevelled[0].change !== 'price') {
      throw new Error(
        `expected one price change, got ${JSON.stringify(relevelled.map((p) => [p.itemId, p.change]))}`,
      );
    }
    return { items, parents, children, rows };
  } finally {
    await world.ns.stop();
  }
}

export function formatPushBench(result: PushBenchResult): string {
  return [
    `Push products to TikTok, NetSuite side: ${result.items} products (${result.parents} matrix parents × ${result.children} children)`,
    formatTable(
      [
        'step',
        'products',
        'invalid',
        'RESTlet calls',
        'NetSuite units',
        'largest call',
        'units/product',
        'naive units',
      ],
      result.rows.map((r) => [
        r.step,
        String(r.products),
        String(r.invalid),
        String(r.restletCalls),
        String(r.units),
        String(r.maxCallUnits),
        r.unitsPerProduct,
        String(r.naiveUnits),
      ]),
    ),
  ].join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  runProductPushNetSuiteBench(
    numberArg(args, '--items', 2000),
    numberArg(args, '--parents', 500),
    numberArg(args, '--children', 4),
  )
    .then((result) => console.log(formatPushBench(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
