import { toMinor } from '../../shared-types/src/money/money';
import { tiktokRemaining } from '../../shared-types/src/orders/order-remaining';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import type { ConnectorAccount } from '../support/connector-account';
import { startConnectorAccount } from '../support/connector-account';
import { makeOrders, type OrderBatchOptions } from '../support/tiktok-order-builder';
import {
  importOrders,
  inboxOf,
  logEntries,
  nextVersion,
  salesOrderOf,
  sendUpdate,
  withCancelledLines,
} from '../support/order-updates';

/**
 * Issue #10, TikTok's cancellations after import in each tax case (shared-types/src/updates/order-update-tax.ts):
 * the update books the tax by the same rules as the import (order-tax-booking.ts). Before, the
 * update assumed TikTok's tax on a Tax Item line: when the seller remits, US legacy stopped with
 * "no open line of the shop's Tax Item", SuiteTax kept the old tax details (Ties Out left T) and a
 * UK VAT account rewrote the lines on their net rate, then marked them Ties Out = F.
 * Each case: units cancelled on several orders, every sales order tied out to the cent with what
 * TikTok still charges (NetSuite's open lines + shipping + tax), no exception.
 */
let world: ConnectorAccount | undefined;

afterEach(async () => {
  await world?.ns.stop();
  world = undefined;
});

const UK_SHOP = { custrecord_tts_shop_region: 'GB', custrecord_tts_shop_currency: 'GBP' };
const UK_ORDERS: Partial<OrderBatchOptions> = { currency: 'GBP', taxRate: 0, region: 'GB' };

interface UpdateTaxCase {
  name: string;
  profile: 'us-oneworld' | 'uk-vat' | 'us-suitetax';
  shop: Record<string, unknown>;
  taxCode?: string;
  orders: Partial<OrderBatchOptions>;
}

const CASES: UpdateTaxCase[] = [
  { name: 'US legacy, TikTok remits', profile: 'us-oneworld', shop: {}, orders: { unitTax: true } },
  {
    name: 'US legacy, the seller remits: NetSuite recomputes the tax at a new rate',
    profile: 'us-oneworld',
    shop: { custrecord_tts_shop_tax_remitter: 'Seller' },
    taxCode: 'CA Sales Tax',
    orders: { unitTax: true },
  },
  {
    name: 'UK VAT, the seller remits: the remaining lines through grossamt',
    profile: 'uk-vat',
    shop: UK_SHOP,
    taxCode: 'S',
    orders: UK_ORDERS,
  },
  {
    name: 'UK VAT, TikTok remits',
    profile: 'uk-vat',
    shop: { ...UK_SHOP, custrecord_tts_shop_seller_type: 'CROSS_BORDER' },
    taxCode: 'Z',
    orders: { ...UK_ORDERS, taxRate: 0.2, unitTax: true },
  },
  {
    name: 'SuiteTax, TikTok remits',
    profile: 'us-suitetax',
    shop: {},
    taxCode: 'US_EXEMPT',
    orders: { unitTax: true },
  },
  {
    name: 'SuiteTax, the seller remits: the tax details rewritten',
    profile: 'us-suitetax',
    shop: { custrecord_tts_shop_tax_remitter: 'Seller' },
    taxCode: 'US_CA',
    orders: { unitTax: true },
  },
];

async function start(c: UpdateTaxCase): Promise<void> {
  const probe = await startConnectorAccount({ profile: c.profile });
  const codes = probe.account.taxCodeIds;
  await probe.ns.stop();
  const code = c.taxCode === undefined ? {} : { custrecord_tts_shop_tax_code: codes[c.taxCode] };
  world = await startConnectorAccount({ profile: c.profile }, { ...c.shop, ...code });
}

const minor = (value: unknown): number => Math.round(Number(value ?? 0) * 100);

/** What the sales order charges: its open lines, shipping and NetSuite's tax. */
function charged(so: StoredRecord): number {
  const open = (so.sublists.item ?? []).filter((l) => l.fields.isclosed !== true);
  return (
    open.reduce((s, l) => s + minor(l.fields.amount), 0) +
    minor(so.fields.shippingcost) +
    minor(so.fields.taxtotal)
  );
}

/**
 * The order with its first unit cancelled, and every unit of its last SKU when that leaves units
 * (a partial cancellation: one line reduced or closed, another closed).
 */
function cancelSome(order: TikTokOrder): TikTokOrder {
  const first = order.line_items[0];
  const last = order.line_items[order.line_items.length - 1];
  const lastSku = order.line_items.filter((l) => l.seller_sku === last.seller_sku).map((l) => l.id);
  const both = [...new Set([first.id, ...lastSku])];
  const ids = both.length < order.line_items.length ? both : [first.id];
  return nextVersion(withCancelledLines(order, ids));
}

describe('cancellations after import book the tax by who remits it (issue #10)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await start(c);
    const orders = makeOrders({ count: 8, seed: 23, ...c.orders }).filter((o) => o.line_items.length > 1);
    expect(orders.length).toBeGreaterThan(2);
    await importOrders(world!, orders);
    for (const order of orders) {
      const update = cancelSome(order);
      const { tasks } = await sendUpdate(world!, update);
      expect(tasks.flatMap((t) => t.mapReduce?.mapErrors ?? [])).toEqual([]);
      const inbox = inboxOf(world!, order.id);
      expect([
        order.id,
        inbox.fields.custrecord_tts_ord_state,
        inbox.fields.custrecord_tts_ord_error,
      ]).toEqual([order.id, 'imported', null]);
      const so = salesOrderOf(world!, order.id);
      expect(so.fields.custbody_tts_tieout).toBe(true);
      const remaining = tiktokRemaining(update);
      expect([order.id, charged(so)]).toEqual([order.id, remaining.totalMinor]);
      expect(remaining.totalMinor).toBeLessThan(toMinor(order.payment.total_amount, order.payment.currency));
    }
    expect(logEntries(world!).filter((l) => l.fields.custrecord_tts_log_level === 'warning')).toEqual([]);
  });
});
