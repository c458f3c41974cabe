/**
 * The sandbox stack as the product push (issue #20) uses it end to end, for test/e2e/product-push.test.ts
 * and test/bench/product-push.ts: a stack on simulated time whose NetSuite has PUSH_MATRIX_OPTIONS and
 * whose TikTok simulator seeds one US shop with one warehouse and audits products after 60 s; one sync
 * step (TikTok's due webhooks → the bridge's workers); the TikTok product API calls so far, by route;
 * and the inventory export's state file, as if the export had run.
 */
import type { HttpSend } from '../../bridge/src/net/http-transport';
import type { SandboxStack } from '../../sandbox/src/stack';
import { pairKey } from '../../shared-types/src/inventory/inventory-delta';
import { INVENTORY_STATE_VERSION } from '../../shared-types/src/inventory/inventory-export';
import { onSimulatedTime, startE2eStack, type SimulatedTime } from './e2e-stack';
import { PUSH_MATRIX_OPTIONS } from './push-catalog';

export interface PushStackOptions {
  /** Names the stack's temporary folder (default `push`). */
  tag?: string;
  /** The seeded shop's seller type (default LOCAL). */
  sellerType?: 'LOCAL' | 'CROSS_BORDER';
  /** Products with one of these seller SKUs fail TikTok's audit. */
  failSellerSkus?: string[];
  /** The bridge's transport (default: plain HTTP). */
  send?: HttpSend;
}

/** Starts the stack on `time` (reset to the wall clock first). */
export async function startPushStack(
  time: SimulatedTime,
  options: PushStackOptions = {},
): Promise<SandboxStack> {
  time.reset();
  const timed = onSimulatedTime(time);
  return startE2eStack(options.tag ?? 'push', {
    ...timed,
    simulator: {
      ...timed.simulator,
      productAuditSeconds: 60,
      productAudit: { failSellerSkus: options.failSellerSkus ?? [] },
      seed: { shops: [{ region: 'US', sellerType: options.sellerType ?? 'LOCAL', warehouses: 1 }] },
    },
    bridgeDeps: { ...timed.bridgeDeps, ...(options.send ? { send: options.send } : {}) },
    netsuite: { ...timed.netsuite, matrixOptions: PUSH_MATRIX_OPTIONS },
  });
}

/** TikTok's due webhooks and audits → the bridge's workers (NetSuite's queued scripts are not run). */
export async function sync(stack: SandboxStack): Promise<void> {
  await stack.simulator.tick();
  await stack.bridge.runWorkersOnce();
}

/** TikTok calls to the product API so far (Upload Image, categories, create, edit, price…), by route. */
export function productCalls(stack: SandboxStack): Record<string, number> {
  const calls = stack.simulator.admin.counters().apiCalls;
  return Object.fromEntries(Object.entries(calls).filter(([route]) => route.includes('/product/')));
}

/** The calls per route made between two `productCalls` readings (routes with none left out). */
export function diff(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [route, n] of Object.entries(after)) {
    if (n !== (before[route] ?? 0)) out[route] = n - (before[route] ?? 0);
  }
  return out;
}

/** The inventory export's last quantities (its state file), as if it had run: `units` of every SKU. */
export function exportStock(
  stack: SandboxStack,
  shopId: string,
  sellerSkus: readonly string[],
  units: number,
): void {
  const warehouses = stack.simulator.admin
    .listWarehouses(shopId)
    .filter((w) => w.type === 'SALES_WAREHOUSE')
    .map((w) => w.id);
  const exported: Record<string, number> = {};
  for (const sku of sellerSkus) for (const w of warehouses) exported[pairKey(sku, w)] = units;
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
}
