/**
 * The orders of the chaos run, planned up front from a seed: 1–5 distinct SKUs per order, 1–3 units
 * each (TikTok sends one line item per unit), spread over the creation waves. `runWave` creates a
 * wave's orders in the simulator and performs the follow-up steps (pay, cancel) due in that wave.
 */
import type { OrderSkuSpec, TikTokSimulator } from '../../sandbox/tiktok/src';
import type { ChaosPlan, OrderKind } from './chaos-plan';
import {
  BUNDLE_SKU,
  IMPORTABLE_KINDS,
  KNOWN_SKUS,
  MAPPED_PAYMENT_METHODS,
  REQUEST_KINDS,
  UNKNOWN_SKU,
  UNMAPPED_PAYMENT_METHOD,
} from './chaos-plan';

export interface PlannedOrder {
  kind: OrderKind;
  createWave: number;
  /** Wave in which the order is paid (`paid-later`) or cancelled (`cancelled`). */
  followUpWave: number | null;
  skus: OrderSkuSpec[];
  paymentMethodName: string;
}

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

const FOLLOW_UP_DELAY = 2;

function pickSkus(random: () => number, kind: OrderKind, bundleRate: number): OrderSkuSpec[] {
  const count = 1 + Math.floor(random() * 5);
  const pool: string[] = [...KNOWN_SKUS].sort(() => random() - 0.5).slice(0, count);
  const skus = pool.map((sellerSku) => ({ sellerSku, quantity: 1 + Math.floor(random() * 3) }));
  if (kind === 'unknown-sku') skus[0] = { sellerSku: UNKNOWN_SKU, quantity: skus[0]?.quantity ?? 1 };
  if (IMPORTABLE_KINDS.includes(kind) && random() < bundleRate) {
    skus.push({ sellerSku: BUNDLE_SKU, quantity: 1 + Math.floor(random() * 2) });
  }
  return skus;
}

export function planOrders(plan: ChaosPlan): PlannedOrder[] {
  const random = prng(plan.seed);
  const orders: PlannedOrder[] = [];
  for (const [kind, count] of Object.entries(plan.counts) as [OrderKind, number][]) {
    const delayed = kind === 'paid-later' || kind === 'cancelled';
    // Buyers ask to cancel once the order is a sales order (cancel-requests.ts): early in the run, so
    // the requests nobody answers reach their deadline while the rest settles.
    const lastCreateWave = REQUEST_KINDS.includes(kind)
      ? plan.requestWaves - 1
      : delayed
        ? plan.waves - 1 - FOLLOW_UP_DELAY
        : plan.waves - 1;
    for (let n = 0; n < count; n += 1) {
      const createWave = Math.floor((n * (lastCreateWave + 1)) / count);
      orders.push({
        kind,
        createWave,
        followUpWave: delayed ? createWave + FOLLOW_UP_DELAY : null,
        skus: pickSkus(random, kind, plan.bundleRate),
        paymentMethodName:
          kind === 'unmapped-payment'
            ? UNMAPPED_PAYMENT_METHOD
            : MAPPED_PAYMENT_METHODS[Math.floor(random() * MAPPED_PAYMENT_METHODS.length)],
      });
    }
  }
  return orders;
}

/** What the run created in TikTok: order id → its planned order. */
export class CreatedOrders {
  readonly byId = new Map<string, PlannedOrder>();
  private readonly idOf = new Map<PlannedOrder, string>();

  add(order: PlannedOrder, id: string): void {
    this.byId.set(id, order);
    this.idOf.set(order, id);
  }

  id(order: PlannedOrder): string {
    const id = this.idOf.get(order);
    if (id === undefined) throw new Error('follow-up for an order that was never created');
    return id;
  }

  ofKind(kind: OrderKind): string[] {
    return [...this.byId].filter(([, o]) => o.kind === kind).map(([id]) => id);
  }
}

function paysAtOnce(kind: OrderKind): boolean {
  return (
    kind === 'paid' || kind === 'unmapped-payment' || kind === 'unknown-sku' || REQUEST_KINDS.includes(kind)
  );
}

/** Creates the orders of `wave` and runs the follow-ups due in it. */
export function runWave(
  sim: TikTokSimulator,
  shopId: string,
  orders: readonly PlannedOrder[],
  created: CreatedOrders,
  wave: number,
): void {
  for (const order of orders) {
    if (order.createWave === wave) {
      const made = sim.admin.createOrder({
        shopId,
        skus: order.skus,
        paymentMethodName: order.paymentMethodName,
        ...(paysAtOnce(order.kind) ? { advanceTo: 'AWAITING_SHIPMENT' as const } : {}),
      });
      created.add(order, made.id);
    }
    if (order.followUpWave === wave) {
      const id = created.id(order);
      if (order.kind === 'paid-later') {
        sim.admin.advanceOrder(id, 'pay');
        sim.admin.advanceOrder(id, 'release-hold');
      } else {
        sim.admin.cancelOrder(id, { by: 'BUYER' });
      }
    }
  }
}

export function lastWave(orders: readonly PlannedOrder[]): number {
  return Math.max(...orders.map((o) => Math.max(o.createWave, o.followUpWave ?? 0)));
}
