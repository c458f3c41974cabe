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
import { axiosSend, type HttpSend } from '../../bridge/src/net/http-transport';
import type { ProductPushResult } from '../../bridge/src/workers/product-push';
import { simulatedTime } from '../support/e2e-stack';
import {
  buildPushCatalog,
  itemFields,
  pngOf,
  PUSH_TEE_CATEGORY,
  repriceOneSku,
  sellerSkusOf,
  shopRecordOf,
} from '../support/push-catalog';
import { diff, exportStock, productCalls, startPushStack, sync } from '../support/push-stack';
import { formatTable } from './table';
import { numberArg } from './args';

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

/** A product write on TikTok (`METHOD path` of productCalls): Create/Edit Product or Update Price. */
const PRODUCT_WRITE = /^(?!GET )\S+ .*\/products(\/\d+(\/prices\/update)?)?$/;

function per(n: number, d: number): string {
  return d === 0 ? '-' : (n / d).toFixed(2);
}

export async function runProductPushBench(
  items = 2000,
  parents = 500,
  children = 4,
): Promise<ProductPushBenchResult> {
  const started = Date.now();
  let restletCalls = 0;
  const send: HttpSend = (request) => {
    if (typeof request.body === 'string' && /"action":"catalog\./.test(request.body)) restletCalls += 1;
    return axiosSend(request);
  };
  const time = simulatedTime();
  const stack = await startPushStack(time, { tag: 'bench', send });
  try {
    const shopId = await stack.connectShop();
    await sync(stack);
    const catalog = buildPushCatalog(stack.netsuite, {
      standalone: items - parents,
      matrixParents: parents,
      childrenPerParent: children,
      ...PUSH_TEE_CATEGORY,
      prefix: 'BENCH',
      shopRecordId: shopRecordOf(stack.netsuite, shopId).id,
      imageBase64: (n) => pngOf(100 + (n % 1000), 100 + Math.floor(n / 1000)),
    });
    // The inventory export's last quantities, as if it had run: 10 units of every SKU.
    exportStock(stack, shopId, sellerSkusOf(stack.netsuite, catalog), 10);

    const naiveUnits = 5 * (items + parents * children) + 10 * items;
    const naiveTiktok = 2 * items;
    const rows: ProductPushBenchRow[] = [];
    const step = async (
      name: string,
      run: () => Promise<ProductPushResult | null>,
    ): Promise<ProductPushResult | null> => {
      const from = stack.netsuite.invocations.length;
      const before = { calls: productCalls(stack), restletCalls };
      const result = await run();
      const units = stack.netsuite.invocations.slice(from).reduce((n, i) => n + i.units, 0);
      const sent = result?.products ?? 0;
      const calls = Object.entries(diff(before.calls, productCalls(stack)));
      const tiktokCalls = calls.reduce((n, [, c]) => n + c, 0);
      rows.push({
        step: name,
        products: sent,
        tiktokCalls,
        productCalls: calls.filter(([route]) => PRODUCT_WRITE.test(route)).reduce((n, [, c]) => n + c, 0),
        restletCalls: restletCalls - before.restletCalls,
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
      time.advance(120);
      await sync(stack);
      return null;
    });
    const activated = [...catalog.standaloneIds, ...catalog.parentIds].filter(
      (id) => itemFields(stack.netsuite, id).custitem_tts_audit === 'ACTIVATE',
    ).length;
    const rerun = await step('re-run, nothing changed', push);
    if (rerun?.productCalls !== 0) throw new Error(`re-run made ${rerun?.productCalls} product calls`);
    repriceOneSku(stack.netsuite, catalog, 99);
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
    numberArg(args, '--items', 2000),
    numberArg(args, '--parents', 500),
    numberArg(args, '--children', 4),
  )
    .then((result) => console.log(formatProductPushBench(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
