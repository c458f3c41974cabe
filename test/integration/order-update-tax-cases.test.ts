import { toMinor } from '../../shared-types/src/money/money';
import { tiktokRemaining } from '../../shared-types/src/orders/order-remaining';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import type { ConnectorAccount } from '../support/connector-account';
import type { TaxSetup } from '../support/tax-setups';
import { startTaxSetupAccount, TAX_SETUPS, taxSetupNamed } from '../support/tax-setups';
import { makeOrders } from '../support/tiktok-order-builder';
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

/** The tax set-ups, named for what an update does in each. */
const CASES: TaxSetup[] = [
  TAX_SETUPS[0]!,
  taxSetupNamed(TAX_SETUPS[1]!, ': NetSuite recomputes the tax at a new rate'),
  taxSetupNamed(TAX_SETUPS[2]!, ': the remaining lines through grossamt'),
  TAX_SETUPS[3]!,
  TAX_SETUPS[4]!,
  taxSetupNamed(TAX_SETUPS[5]!, ': the tax details rewritten'),
];

async function start(c: TaxSetup): Promise<void> {
  world = await startTaxSetupAccount(c);
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
