import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import { BUYER_FEE_DESCRIPTIONS } from '../../shared-types/src/orders/order-fees';
import type { ConnectorAccount } from '../support/connector-account';
import { startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import {
  importOrders,
  inboxOf,
  nextVersion,
  salesOrderOf,
  sendUpdate,
  withCancelledLines,
} from '../support/order-updates';

/**
 * Buyer-paid fees through the whole SuiteApp (issue #11): the RESTlet takes an order whose
 * total_amount includes them, the import books each on a line of the shop's Buyer Fee Item, the
 * sales order's total is what the buyer paid and the tie-out passes; a later partial cancellation
 * keeps the fee lines and still ties; a shop without a Buyer Fee Item gets an exception with the fix.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

const cents = (amount: string): number => Math.round(Number(amount) * 100);
const money = (minor: number): string => (minor / 100).toFixed(2);

/** An order of the batch with a retail delivery fee, a handling fee and item insurance added to its total. */
function withFees(order: TikTokOrder): TikTokOrder {
  const fees = { retail_delivery_fee: '0.27', handling_fee: '1.00', item_insurance_fee: '0.99' };
  return {
    ...order,
    payment: {
      ...order.payment,
      ...fees,
      total_amount: money(cents(order.payment.total_amount) + 27 + 100 + 99),
    },
  };
}

describe('orders with buyer-paid fees', () => {
  it('books each fee on the Buyer Fee Item; the sales order totals what the buyer paid and ties out', async () => {
    world = await startConnectorAccount();
    const [base] = makeOrders({ count: 1, seed: 71, maxSkus: 2 });
    const order = withFees(base);
    await importOrders(world, [order]);

    const so = salesOrderOf(world, order.id);
    expect(so.fields.custbody_tts_tieout).toBe(true);
    expect(Number(so.fields.total)).toBeCloseTo(Number(order.payment.total_amount), 10);
    const feeLines = (so.sublists.item ?? []).filter(
      (line) => String(line.fields.item) === String(world.account.feeItemId),
    );
    expect(
      feeLines.map((line) => [line.fields.amount, line.fields.description, line.fields.istaxable]),
    ).toEqual([
      [0.27, BUYER_FEE_DESCRIPTIONS.retail_delivery_fee, false],
      [1, BUYER_FEE_DESCRIPTIONS.handling_fee, false],
      [0.99, BUYER_FEE_DESCRIPTIONS.item_insurance_fee, false],
    ]);

    // TikTok cancels one unit later: the fee lines stay and the order still ties out.
    const first = order.line_items[0];
    const cancelled = nextVersion(withCancelledLines(order, [first.id]));
    await sendUpdate(world, cancelled);
    const after = salesOrderOf(world, order.id);
    expect(after.fields.custbody_tts_tieout).toBe(true);
    expect(
      (after.sublists.item ?? []).filter(
        (line) => String(line.fields.item) === String(world.account.feeItemId),
      ),
    ).toHaveLength(3);
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_error ?? '').toBe('');
  });

  it('keeps an order with fees waiting, with the fix, while the shop has no Buyer Fee Item', async () => {
    world = await startConnectorAccount({}, { custrecord_tts_shop_fee_item: null });
    const [base] = makeOrders({ count: 1, seed: 72, maxSkus: 1 });
    const order = withFees(base);
    await world.upsertOrders([order]);
    await world.ns.runQueuedTasks();
    const inbox = inboxOf(world, order.id);
    expect(inbox.fields.custrecord_tts_ord_state).toBe('error');
    expect(String(inbox.fields.custrecord_tts_ord_error)).toMatch(
      /carries fees the buyer paid \(retail_delivery_fee 0\.27, handling_fee 1\.00, item_insurance_fee 0\.99 USD\), but shop Honeycomb US has no Buyer Fee Item.*set Buyer Fee Item/,
    );
    expect(world.ns.store.findByExternalId('salesorder', `tts_7494049642642441621_${order.id}`)).toBeNull();
  });
});
