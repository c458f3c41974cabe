import type { TikTokLineItem, TikTokOrder, TikTokPayment } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import type { LineView } from '../support/order-updates';
import {
  importOrders,
  inboxOf,
  linesOf,
  logEntries,
  nextVersion,
  salesOrderOf,
  sendUpdate,
  withCancelledLines,
} from '../support/order-updates';

/**
 * Partial cancellations at rates not exact in binary (19.99, 0.29, a 4.35 tax line), end to end in
 * the emulator, and the totals re-check after every update: the sales order's open lines must add
 * up to what TikTok still charges, else the update is an exception and Ties Out = F.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

const CATALOG_INDEX: Readonly<Record<string, number>> = { 'CAP-NAVY': 5, 'SOCKS-3PK': 6 };

function unit(
  id: string,
  sku: string,
  prices: { original: string; sale: string; platform: string },
  tax: string,
) {
  const line: TikTokLineItem = {
    id,
    sku_id: String(1729592969712200000n + BigInt(CATALOG_INDEX[sku])),
    product_id: String(1729587769570200000n + BigInt(CATALOG_INDEX[sku])),
    product_name: sku,
    seller_sku: sku,
    original_price: prices.original,
    sale_price: prices.sale,
    platform_discount: prices.platform,
    seller_discount: '0.00',
    currency: 'USD',
    display_status: 'AWAITING_SHIPMENT',
    item_tax: [{ tax_type: 'SALES_TAX', tax_amount: tax, tax_rate: '0.0550' }],
  };
  return line;
}

function orderOf(lines: TikTokLineItem[], payment: Partial<TikTokPayment>): TikTokOrder {
  const [template] = makeOrders({ count: 1, seed: 19 });
  return {
    ...template,
    line_items: lines,
    payment: {
      currency: 'USD',
      seller_discount: '0.00',
      platform_discount: '0.00',
      shipping_fee: '5.99',
      original_shipping_fee: '5.99',
      shipping_fee_tax: '0.00',
      sub_total: '0.00',
      total_amount: '0.00',
      original_total_product_price: '0.00',
      tax: '0.00',
      ...payment,
    },
  };
}

const noDiscount = (price: string) => ({ original: price, sale: price, platform: '0.00' });

/** Three caps at 19.99 (1.10 tax each) and seven sock packs at 0.29 (0.15 tax each). */
function capsAndSocks(): TikTokOrder {
  return orderOf(
    [
      ...[1, 2, 3].map((n) => unit(`57800000000000000${n}`, 'CAP-NAVY', noDiscount('19.99'), '1.10')),
      ...[1, 2, 3, 4, 5, 6, 7].map((n) =>
        unit(`57800000000000010${n}`, 'SOCKS-3PK', noDiscount('0.29'), '0.15'),
      ),
    ],
    {
      sub_total: '62.00',
      original_total_product_price: '62.00',
      tax: '4.35',
      product_tax: '4.35',
      total_amount: '72.34',
    },
  );
}

function taxLineOf(orderId: string): LineView | undefined {
  return linesOf(salesOrderOf(world, orderId)).find((l) => l.item === String(world.account.taxItemId));
}

describe('order updates: partial cancellations to the cent, re-checked after every update', () => {
  it('reduces 19.99 and 0.29 lines and the 4.35 tax line exactly, and the order still ties out', async () => {
    world = await startConnectorAccount();
    const order = capsAndSocks();
    await importOrders(world, [order]);
    expect(salesOrderOf(world, order.id).fields.total).toBe(72.34);
    expect(taxLineOf(order.id)?.amount).toBe(4.35);

    const partial = nextVersion(
      withCancelledLines(order, ['578000000000000002', '578000000000000103', '578000000000000105']),
    );
    const { tasks } = await sendUpdate(world, partial);
    expect(tasks[0].mapReduce!.mapErrors).toEqual([]);

    const lines = linesOf(salesOrderOf(world, order.id));
    expect(lines.map((l) => [l.quantity, l.amount, l.closed])).toEqual([
      [2, 39.98, false],
      [5, 1.45, false],
      [1, 2.95, false],
    ]);
    // 62.00 − 19.99 − 2 × 0.29 + 4.35 − 1.40 tax + 5.99 shipping.
    expect(salesOrderOf(world, order.id).fields.total).toBe(50.37);
    expect(salesOrderOf(world, order.id).fields.custbody_tts_tieout).toBe(true);
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('imported');
    expect(logEntries(world).filter((l) => l.fields.custrecord_tts_log_level === 'warning')).toEqual([]);

    // Two more units, one update later: re-checked again, still exact.
    const more = nextVersion(
      withCancelledLines(partial, ['578000000000000001', '578000000000000107']),
      {},
      1200,
    );
    await sendUpdate(world, more);
    expect(linesOf(salesOrderOf(world, order.id)).map((l) => [l.quantity, l.amount])).toEqual([
      [1, 19.99],
      [4, 1.16],
      [1, 1.7],
    ]);
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('imported');
  });

  it('imports an order TikTok had partly cancelled at what TikTok still charges, and a later cancellation re-checks against it', async () => {
    world = await startConnectorAccount();
    const order = withCancelledLines(capsAndSocks(), ['578000000000000003']);
    await importOrders(world, [order]);
    const so = salesOrderOf(world, order.id);
    // Without the cancelled cap (19.99 + 1.10 tax): 72.34 − 21.09.
    expect(so.fields.total).toBe(51.25);
    expect(so.fields.custbody_tts_tax).toBe(3.25);
    expect(so.fields.custbody_tts_tieout).toBe(true);
    expect(taxLineOf(order.id)?.amount).toBe(3.25);

    await sendUpdate(world, nextVersion(withCancelledLines(order, ['578000000000000101'])));
    expect(linesOf(salesOrderOf(world, order.id)).map((l) => [l.quantity, l.amount])).toEqual([
      [2, 39.98],
      [6, 1.74],
      [1, 3.1],
    ]);
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('imported');
  });

  it("is an exception with Ties Out = F when an update leaves the order off: a cancelled unit's platform discount", async () => {
    world = await startConnectorAccount();
    // Seller-price lines (the shop's default): rate = sale + platform discount, and a platform discount line.
    const discounted = { original: '19.99', sale: '17.49', platform: '2.50' };
    const order = orderOf(
      [1, 2].map((n) => unit(`57800000000000020${n}`, 'CAP-NAVY', discounted, '0.00')),
      {
        sub_total: '34.98',
        original_total_product_price: '39.98',
        platform_discount: '5.00',
        total_amount: '40.97',
      },
    );
    await importOrders(world, [order]);
    expect(salesOrderOf(world, order.id).fields.custbody_tts_tieout).toBe(true);

    await sendUpdate(world, nextVersion(withCancelledLines(order, ['578000000000000201'])));
    const so = salesOrderOf(world, order.id);
    // The unit is off the order (TikTok will not ship it), but the discount line still says −5.00.
    expect(linesOf(so).map((l) => [l.lineIds, l.amount])).toEqual([
      ['578000000000000202', 19.99],
      ['', -5],
    ]);
    expect(so.fields.custbody_tts_tieout).toBe(false);
    const inbox = inboxOf(world, order.id);
    expect(inbox.fields.custrecord_tts_ord_state).toBe('exception');
    const message = `After the TikTok update of order ${order.id}, the open lines of sales order ${String(so.fields.tranid)} add up to 14.99 USD, but TikTok still charges 17.49 USD for the order's products and tax (merchandise 17.49 USD + tax 0.00 USD, without shipping), off by -2.50 USD.`;
    expect(String(inbox.fields.custrecord_tts_ord_error)).toContain(message);
    const warnings = logEntries(world).filter((l) => l.fields.custrecord_tts_log_level === 'warning');
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0].fields.custrecord_tts_log_message)).toContain(message);
    expect(warnings[0].fields.custrecord_tts_log_record_id).toBe(String(so.id));
  });
});
