import type { TikTokLineItem, TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import {
  importOrders,
  inboxOf,
  linesOf,
  nextVersion,
  salesOrderOf,
  sendUpdate,
  withCancelledLines,
} from '../support/order-updates';

/**
 * Virtual bundles through the whole SuiteApp (issue #11): TikTok's order detail carries the bundle's
 * components (`combined_listing_skus`); by the shop's Virtual Bundles As setting the import books
 * them as the component items with the bundle price split over the units (bundle-split.ts), or as
 * one line of the bundle's own SKU (a NetSuite kit). Either way the sales order ties out to the cent.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

const cents = (amount: string): number => Math.round(Number(amount) * 100);
const money = (minor: number): string => (minor / 100).toFixed(2);

const BUNDLE_SKU = 'BUNDLE-HOODIE-TOTE';

/** A hoodie and two totes (catalogue SKUs of the demo account) for 85.00, 5.00 off, as TikTok sends it. */
function bundleLine(id: string): TikTokLineItem {
  return {
    id,
    sku_id: '1729592969712299001',
    product_id: '1729587769570299001',
    product_name: 'Hoodie + 2 Totes',
    sku_name: 'Bundle',
    seller_sku: BUNDLE_SKU,
    original_price: '90.01',
    sale_price: '85.01',
    seller_discount: '5.00',
    platform_discount: '0.00',
    currency: 'USD',
    display_status: 'AWAITING_SHIPMENT',
    item_tax: [{ tax_type: 'SALES_TAX', tax_amount: '7.01', tax_rate: '0.0825' }],
    combined_listing_skus: [
      {
        sku_id: '1729592969712200004',
        sku_count: 1,
        product_id: '1729587769570200004',
        seller_sku: 'HOODIE-GRY-M',
      },
      {
        sku_id: '1729592969712200007',
        sku_count: 2,
        product_id: '1729587769570200007',
        seller_sku: 'TOTE-CANVAS',
      },
    ],
  };
}

/** An order of the batch with one bundle unit added, its payment grown by the bundle's figures. */
function withBundle(order: TikTokOrder, lineId: string): TikTokOrder {
  const line = bundleLine(lineId);
  const p = order.payment;
  return {
    ...order,
    line_items: [...order.line_items, line],
    payment: {
      ...p,
      sub_total: money(cents(p.sub_total) + 8501),
      original_total_product_price: money(cents(p.original_total_product_price) + 9001),
      seller_discount: money(cents(p.seller_discount) + 500),
      tax: money(cents(p.tax) + 701),
      product_tax: money(cents(p.product_tax ?? '0') + 701),
      total_amount: money(cents(p.total_amount) + 8501 + 701),
    },
  };
}

describe('orders with a virtual bundle', () => {
  it('imports the components at the split bundle price (default) and ties out; a cancelled bundle closes them', async () => {
    world = await startConnectorAccount();
    const [base] = makeOrders({ count: 1, seed: 81, maxSkus: 1 });
    const order = withBundle(base, '577086512199990001');
    await importOrders(world, [order]);

    const so = salesOrderOf(world, order.id);
    expect(so.fields.custbody_tts_tieout).toBe(true);
    expect(Number(so.fields.total)).toBeCloseTo(Number(order.payment.total_amount), 10);
    const items = world.account.itemIds;
    const bundleLines = linesOf(so).filter((line) => line.lineIds.includes('577086512199990001'));
    // 85.01 over 3 units: 28.34 for the first, 28.34 and 28.33 for the others (largest remainder, in order).
    expect(bundleLines.map((line) => [line.item, line.quantity, line.amount])).toEqual([
      [String(items['HOODIE-GRY-M']), 1, 28.34],
      [String(items['TOTE-CANVAS']), 1, 28.34],
      [String(items['TOTE-CANVAS']), 1, 28.33],
    ]);

    // TikTok cancels the bundle: every component line closes, the tax line loses the bundle's tax once.
    await sendUpdate(world, nextVersion(withCancelledLines(order, ['577086512199990001'])));
    const after = linesOf(salesOrderOf(world, order.id));
    expect(after.filter((line) => line.lineIds.includes('577086512199990001')).every((l) => l.closed)).toBe(
      true,
    );
    const taxLine = after.find((line) => line.item === String(world.account.taxItemId));
    expect(taxLine?.amount).toBeCloseTo((cents(order.payment.tax) - 701) / 100, 10);
    expect(salesOrderOf(world, order.id).fields.custbody_tts_tieout).toBe(true);
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_error ?? '').toBe('');
  });

  it('imports the bundle as one line of its kit with Virtual Bundles As Kits, and ties out', async () => {
    world = await startConnectorAccount({}, { custrecord_tts_shop_bundle_kit: true });
    const items = world.account.itemIds;
    const kitId = world.ns.seed.record(
      'kititem',
      { itemid: BUNDLE_SKU },
      {
        member: [
          { item: items['HOODIE-GRY-M'], quantity: 1 },
          { item: items['TOTE-CANVAS'], quantity: 2 },
        ],
      },
    );
    const [base] = makeOrders({ count: 1, seed: 82, maxSkus: 1 });
    const order = withBundle(base, '577086512199990002');
    await importOrders(world, [order]);

    const so = salesOrderOf(world, order.id);
    expect(so.fields.custbody_tts_tieout).toBe(true);
    expect(
      linesOf(so)
        .filter((line) => line.lineIds.includes('577086512199990002'))
        .map((line) => [line.item, line.quantity, line.amount]),
    ).toEqual([[String(kitId), 1, 85.01]]);
  });

  it('keeps the order waiting, naming the bundle, when a component has no item', async () => {
    world = await startConnectorAccount();
    const [base] = makeOrders({ count: 1, seed: 83, maxSkus: 1 });
    const order = withBundle(base, '577086512199990003');
    order.line_items[order.line_items.length - 1].combined_listing_skus?.push({
      sku_id: '1729592969712299777',
      sku_count: 1,
      product_id: '1729587769570299777',
      seller_sku: 'STICKER-SET',
    });
    await world.upsertOrders([order]);
    await world.ns.runQueuedTasks();
    const inbox = inboxOf(world, order.id);
    expect(inbox.fields.custrecord_tts_ord_state).toBe('error');
    expect(String(inbox.fields.custrecord_tts_ord_error)).toContain(
      `"STICKER-SET" (component of virtual bundle ${BUNDLE_SKU} (Hoodie + 2 Totes); line item 577086512199990003)`,
    );
  });
});
