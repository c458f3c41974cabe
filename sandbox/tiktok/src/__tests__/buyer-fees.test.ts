import { startTestSim, type TestSim } from './helpers';
import { BUYER_FEES, type BuyerFee } from '../domain/buyer-fees';
import type { ApiOrder } from '../domain/types';

const m = (s: string | undefined): number => Math.round(Number(s ?? '0') * 100);

/** total_amount = sub_total + shipping_fee + tax + every buyer-paid fee outside tax (sim's reading). */
function expectTotalsTie(order: ApiOrder): void {
  const p = order.payment;
  const fees =
    m(p.retail_delivery_fee) +
    m(p.handling_fee) +
    m(p.item_insurance_fee) +
    m(p.small_order_fee) +
    m(p.buyer_service_fee) +
    m(p.shipping_insurance_fee);
  expect(m(p.total_amount)).toBe(m(p.sub_total) + m(p.shipping_fee) + m(p.tax) + fees);
  expect(m(p.tax)).toBe(m(p.product_tax) + m(p.shipping_fee_tax) + m(p.item_insurance_tax));
  for (const fee of ['retail_delivery_fee', 'small_order_fee', 'buyer_service_fee'] as const) {
    if (p[fee] === undefined) {
      expect(order.line_items.every((l) => l[fee] === undefined)).toBe(true);
    } else {
      expect(order.line_items.reduce((s, l) => s + m(l[fee]), 0)).toBe(m(p[fee]));
    }
  }
}

describe('buyer-paid fees on generated orders (Get Order Detail payment fields)', () => {
  let t: TestSim;
  beforeEach(async () => {
    t = await startTestSim({
      seed: { shops: [{ region: 'US' }, { region: 'TH' }, { region: 'ID' }, { region: 'GB' }] },
    });
  });
  afterEach(() => t.sim.stop());
  const shop = (region: string) => t.sim.admin.shops().find((s) => s.region === region)?.id ?? '';

  it('adds requested US fees to the payment and the total; RDF goes to a Colorado buyer and is split over lines', () => {
    const order = t.sim.admin.createOrder({
      shopId: shop('US'),
      skus: [
        { sellerSku: 'TS-HOODIE-BLK-M', quantity: 1 },
        { sellerSku: 'TS-TEE-WHT-S', quantity: 2 },
      ],
      sellerDiscountPercent: 0,
      platformDiscountPerUnit: '0',
      fees: {
        retail_delivery_fee: '0.29',
        handling_fee: '0.99',
        item_insurance_fee: '1.99',
        item_insurance_tax: '0.16',
      },
    });
    const p = order.payment;
    expect(p).toMatchObject({
      retail_delivery_fee: '0.29',
      handling_fee: '0.99',
      item_insurance_fee: '1.99',
      item_insurance_tax: '0.16',
      sub_total: '89.97',
    });
    expect(m(p.total_amount)).toBe(m(p.sub_total) + m(p.shipping_fee) + m(p.tax) + 29 + 99 + 199);
    expectTotalsTie(order);
    expect(order.line_items.map((l) => l.retail_delivery_fee)).toEqual(['0.16', '0.06', '0.07']);
    expect(order.recipient_address?.district_info?.[1]?.address_name).toBe('Colorado');
  });

  it('takes small_order_fee in TH and buyer_service_fee / shipping_insurance_fee in ID, and refuses them elsewhere', () => {
    const th = t.sim.admin.createOrder({ shopId: shop('TH'), fees: { small_order_fee: '20.01' } });
    expect(th.payment.small_order_fee).toBe('20.01');
    expectTotalsTie(th);
    const id = t.sim.admin.createOrder({
      shopId: shop('ID'),
      fees: { buyer_service_fee: '1000', shipping_insurance_fee: '500', item_insurance_fee: '1000' },
    });
    expect(id.payment).toMatchObject({
      buyer_service_fee: '1000',
      shipping_insurance_fee: '500',
      currency: 'IDR',
    });
    expect(Number(id.payment.total_amount)).toBe(
      Number(id.payment.sub_total) + Number(id.payment.shipping_fee) + Number(id.payment.tax) + 2500,
    );
    expect(() => t.sim.admin.createOrder({ shopId: shop('US'), fees: { small_order_fee: '1.00' } })).toThrow(
      'small_order_fee exists only in TH orders',
    );
    expect(() =>
      t.sim.admin.createOrder({ shopId: shop('GB'), fees: { retail_delivery_fee: '0.29' } }),
    ).toThrow(/retail_delivery_fee exists only in US/);
    expect(() => t.sim.admin.createOrder({ shopId: shop('US'), fees: { handling_fee: 'abc' } })).toThrow(
      /handling_fee must be a decimal string/,
    );
  });

  it('generates a configurable mix of fee-carrying orders whose totals tie out', () => {
    t.sim.admin.setOrderFeeMix({ rate: 0.5 });
    const orders = Array.from({ length: 40 }, () => t.sim.admin.createOrder({ shopId: shop('US') }));
    const withFees = orders.filter((o) => o.payment.handling_fee !== undefined);
    expect(withFees.length).toBeGreaterThan(5);
    expect(withFees.length).toBeLessThan(35);
    for (const order of orders) expectTotalsTie(order);
    expect(withFees.every((o) => o.payment.retail_delivery_fee === '0.29')).toBe(true);

    t.sim.admin.setOrderFeeMix({ rate: 1, fees: ['handling_fee'] });
    const only = t.sim.admin.createOrder({ shopId: shop('US') });
    expect(Object.keys(only.payment).filter((k) => BUYER_FEES.includes(k as BuyerFee))).toEqual([
      'handling_fee',
    ]);
    t.sim.admin.setOrderFeeMix(undefined);
    expect(t.sim.admin.createOrder({ shopId: shop('US') }).payment.handling_fee).toBeUndefined();
  });

  it('gives back every fee when a paid order is cancelled whole: refund_total = total_amount', () => {
    const order = t.sim.admin.createOrder({
      shopId: shop('US'),
      advanceTo: 'AWAITING_SHIPMENT',
      fees: {
        retail_delivery_fee: '0.29',
        handling_fee: '0.99',
        item_insurance_fee: '1.99',
        item_insurance_tax: '0.16',
      },
    });
    const cancellation = t.sim.admin.cancelOrder(order.id, { by: 'SELLER' });
    expect(cancellation.refund).toMatchObject({
      refund_total: order.payment.total_amount,
      retail_delivery_fee: '0.29',
    });
  });
});
