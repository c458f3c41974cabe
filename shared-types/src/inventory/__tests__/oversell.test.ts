/// <reference types="jest" />
import type { TikTokLineItem, TikTokOrder } from '../../tiktok/tiktok-order';
import type { StockReservation } from '../oversell';
import { heldBackUnits, isReflected, quantityToSend, reservationsOfOrder } from '../oversell';

const line = (sellerSku: string, extra: Partial<TikTokLineItem> = {}): TikTokLineItem =>
  ({ id: `L-${sellerSku}`, sku_id: '1', product_id: '2', seller_sku: sellerSku, ...extra }) as TikTokLineItem;

const order = (
  over: Partial<TikTokOrder>,
): Pick<TikTokOrder, 'id' | 'status' | 'line_items' | 'warehouse_id' | 'fulfillment_type'> => ({
  id: '577',
  status: 'AWAITING_SHIPMENT',
  line_items: [],
  warehouse_id: '701',
  ...over,
});

describe('reservationsOfOrder', () => {
  it('counts one unit per line item per seller SKU, at the order’s warehouse', () => {
    expect(reservationsOfOrder(order({ line_items: [line('MUG'), line('MUG'), line('CAP')] }))).toEqual([
      { orderId: '577', sellerSku: 'MUG', warehouseId: '701', quantity: 2 },
      { orderId: '577', sellerSku: 'CAP', warehouseId: '701', quantity: 1 },
    ]);
  });

  it('takes a virtual bundle’s component SKUs, skips cancelled lines, and holds every warehouse when TikTok names none', () => {
    const bundle = line('SET', {
      combined_listing_skus: [
        { sku_id: '9', sku_count: 2, seller_sku: 'MUG' },
        { sku_id: '8', sku_count: 1, seller_sku: 'CAP' },
      ],
    });
    expect(
      reservationsOfOrder(
        order({
          warehouse_id: undefined,
          line_items: [bundle, line('CAP', { display_status: 'CANCELLED' })],
        }),
      ),
    ).toEqual([
      { orderId: '577', sellerSku: 'MUG', warehouseId: null, quantity: 2 },
      { orderId: '577', sellerSku: 'CAP', warehouseId: null, quantity: 1 },
    ]);
  });

  it('holds nothing for a cancelled order or one Fulfilled by TikTok', () => {
    expect(reservationsOfOrder(order({ status: 'CANCELLED', line_items: [line('MUG')] }))).toEqual([]);
    expect(
      reservationsOfOrder(order({ fulfillment_type: 'FULFILLMENT_BY_TIKTOK', line_items: [line('MUG')] })),
    ).toEqual([]);
  });
});

describe('the hold-back rule', () => {
  const r = (orderId: string, upsertedAt: number | null, quantity = 1, warehouseId: string | null = '701') =>
    ({ orderId, sellerSku: 'MUG', warehouseId, quantity, upsertedAt }) satisfies StockReservation;

  it('an order is reflected once NetSuite had it before the export ran (with the margin) and had imported it', () => {
    const snapshot = { snapshotAt: 10_000, openOrders: new Set(['B']) };
    expect(isReflected(r('A', 4_000), snapshot, 5_000)).toBe(true);
    expect(isReflected(r('A', 6_000), snapshot, 5_000)).toBe(false); // too close to the run
    expect(isReflected(r('B', 1_000), snapshot, 0)).toBe(false); // in the inbox, not imported
    expect(isReflected(r('C', null), snapshot, 0)).toBe(false); // not in NetSuite yet
    expect(isReflected(r('A', 1_000), { snapshotAt: null, openOrders: new Set() }, 0)).toBe(false);
  });

  it('sends NetSuite’s quantity minus the units held at that warehouse and at every warehouse, never below 0', () => {
    const held = heldBackUnits([r('A', null, 3), r('B', null, 2, null), r('C', null, 4, '702')]);
    expect(quantityToSend({ sellerSku: 'MUG', warehouseId: '701', quantity: 10 }, held)).toEqual({
      quantity: 5,
      heldBack: 5,
    });
    expect(quantityToSend({ sellerSku: 'MUG', warehouseId: '702', quantity: 5 }, held)).toEqual({
      quantity: 0,
      heldBack: 6,
    });
    expect(quantityToSend({ sellerSku: 'CAP', warehouseId: '701', quantity: 5 }, held)).toEqual({
      quantity: 5,
      heldBack: 0,
    });
  });
});
