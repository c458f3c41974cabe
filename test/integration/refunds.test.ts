import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import {
  EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
  EXCEPTIONS_SUITELET_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import { toMinor } from '../../shared-types/src/money/money';
import type { TikTokRefund } from '../../shared-types/src/refunds/tiktok-refund';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { editShop } from '../support/order-fidelity-kit';
import { fulfilSalesOrder, importOrders, salesOrderOf } from '../support/order-updates';
import { makeOrders } from '../support/tiktok-order-builder';

/**
 * Issue #18 in the emulator: `refunds.upsert` books each completed TikTok refund as the one document
 * its order's billing state calls for — a credit memo applied to the invoice, a cash refund of the cash
 * sale, or (not billed) refund lines on the sales order — tying out to TikTok's refund_total to the
 * cent, exactly once however often it is sent; nothing while Push eCom order refunds to NetSuite is off.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

/** suiteapp/ts/lib/services/refund-service.ts UNITS_PER_REFUND_WORST (that module loads N/* modules). */
const UNITS_PER_REFUND_WORST = 210;

const REFUND_ID = '4035318504086609100';

function money(minor: number): string {
  return (minor / 100).toFixed(2);
}

/** TikTok's refund of `units` of the order (their sale price and tax, the discounts given back), plus shipping when asked. */
function refundOf(
  order: TikTokOrder,
  units: number,
  shipping = false,
  overrides: Partial<TikTokRefund> = {},
): TikTokRefund {
  const lines = order.line_items.slice(0, units);
  const c = order.payment.currency;
  const sum = (pick: (l: (typeof lines)[number]) => string | undefined) =>
    lines.reduce((s, l) => s + toMinor(pick(l) ?? '0', c), 0);
  const subtotal = sum((l) => l.sale_price);
  const tax = sum((l) => l.item_tax?.[0]?.tax_amount);
  const ship = shipping ? toMinor(order.payment.shipping_fee, c) : 0;
  const shipTax = shipping ? toMinor(order.payment.shipping_fee_tax ?? '0', c) : 0;
  return {
    refund_id: REFUND_ID,
    source: 'return',
    order_id: order.id,
    return_type: 'REFUND',
    status: 'RETURN_OR_REFUND_REQUEST_COMPLETE',
    update_time: order.create_time + 86_400,
    refund_amount: {
      currency: c,
      refund_total: money(subtotal + tax + ship + shipTax),
      refund_subtotal: money(subtotal),
      refund_shipping_fee: money(ship),
      refund_tax: money(tax + shipTax),
    },
    discount_amount: [
      {
        product_seller_discount: money(sum((l) => l.seller_discount)),
        product_platform_discount: money(sum((l) => l.platform_discount)),
        shipping_fee_seller_discount: '0.00',
        shipping_fee_platform_discount: '0.00',
      },
    ],
    lines: lines.map((l) => ({ order_line_item_id: l.id })),
    ...overrides,
  };
}

async function sendRefunds(refunds: TikTokRefund[]) {
  return world.restlet('POST', { action: 'refunds.upsert', shopId: DEMO_SHOP.shopId, refunds });
}

async function importedOrder(seed = 11): Promise<{ order: TikTokOrder; so: StoredRecord }> {
  world = await startConnectorAccount();
  const [order] = makeOrders({ count: 1, seed, maxSkus: 2 });
  if (!order) throw new Error('no order');
  await importOrders(world, [order]);
  return { order, so: salesOrderOf(world, order.id) };
}

function bill(so: StoredRecord, type: 'invoice' | 'cashsale'): number {
  const service = world.ns.seed.service;
  return service.save(service.transform({ fromType: 'salesorder', fromId: so.id, toType: type }), {});
}

async function exceptionsPage(): Promise<string> {
  const res = await fetch(world.ns.suiteletUrl(EXCEPTIONS_SUITELET_ID, EXCEPTIONS_SUITELET_DEPLOYMENT_ID), {
    headers: { Authorization: `Bearer ${world.ns.uiToken}` },
  });
  expect(res.status).toBe(200);
  return res.text();
}

const cents = (value: unknown): number => Math.round(Number(value) * 100);

describe('refunds.upsert', () => {
  it('creates nothing while Push eCom order refunds to NetSuite is off, and says so', async () => {
    const { order, so } = await importedOrder();
    bill(so, 'invoice');
    const sent = await sendRefunds([refundOf(order, 1)]);
    expect(sent.body).toMatchObject({
      ok: true,
      results: [
        {
          refundId: REFUND_ID,
          outcome: 'flow_off',
          documentId: null,
          message: expect.stringContaining(
            'Push eCom order refunds to NetSuite is off for shop Honeycomb US',
          ),
        },
      ],
    });
    expect(world.ns.store.all('creditmemo')).toHaveLength(0);
    expect(world.ns.store.all('customrecord_tts_refund')).toHaveLength(0);
    expect(await exceptionsPage()).toContain(
      'Push eCom order refunds to NetSuite is off for shop Honeycomb US',
    );
  });

  it('credits an invoiced order once: a credit memo from the invoice, applied to it, totalling refund_total to the cent', async () => {
    const { order, so } = await importedOrder();
    editShop(world, { custrecord_tts_shop_push_refunds: true });
    const invoiceId = bill(so, 'invoice');
    const owed = cents(world.ns.store.get('invoice', invoiceId)?.fields.amountremaining);
    const refund = refundOf(order, 1);
    const target = toMinor(refund.refund_amount.refund_total, 'USD');
    const before = world.ns.invocations.length;
    const first = await sendRefunds([refund]);
    const units = world.ns.invocations
      .slice(before)
      .filter((i) => i.kind === 'restlet')
      .reduce((n, i) => n + i.units, 0);
    if (process.env.REFUND_UNITS)
      console.log(`refunds.upsert, one refund to an invoiced order: ${units} units`);
    // Shop and settings lookups (30) once, then at most UNITS_PER_REFUND_WORST for the refund.
    expect(units).toBeLessThanOrEqual(30 + UNITS_PER_REFUND_WORST);
    expect(first.body).toMatchObject({
      ok: true,
      results: [{ outcome: 'created', documentType: 'creditmemo', tiesOut: true, message: null }],
    });
    const memos = world.ns.store.all('creditmemo');
    expect(memos).toHaveLength(1);
    const memo = memos[0]!;
    expect(memo.externalId).toBe(`tts_rf_${DEMO_SHOP.shopId}_${REFUND_ID}`);
    expect(memo.fields.createdfrom).toBe(String(invoiceId));
    expect(cents(memo.fields.total)).toBe(target);
    expect(cents(memo.fields.applied)).toBe(target);
    expect(cents(world.ns.store.get('invoice', invoiceId)?.fields.amountremaining)).toBe(owed - target);
    expect(memo.sublists.item?.find((l) => l.fields.custcol_tts_line_ids)?.fields.custcol_tts_line_ids).toBe(
      order.line_items[0]?.id,
    );
    // Sent again (a duplicate webhook, a reconciliation pass): nothing more.
    const again = await sendRefunds([refund]);
    expect(again.body).toMatchObject({ results: [{ outcome: 'unchanged' }] });
    expect(world.ns.store.all('creditmemo')).toHaveLength(1);
    const record = world.ns.store.findByExternalId(
      'customrecord_tts_refund',
      `tts_rf_${DEMO_SHOP.shopId}_${REFUND_ID}`,
    );
    expect(record?.fields).toMatchObject({
      custrecord_tts_rf_state: 'created',
      custrecord_tts_rf_doc: String(memo.id),
      custrecord_tts_rf_ties_out: true,
    });
  });

  it('refunds a cash sale with a cash refund, shipping included', async () => {
    const { order, so } = await importedOrder();
    editShop(world, { custrecord_tts_shop_push_refunds: true });
    const cashSale = bill(so, 'cashsale');
    const refund = refundOf(order, order.line_items.length, true);
    const sent = await sendRefunds([refund]);
    expect(sent.body).toMatchObject({
      results: [{ outcome: 'created', documentType: 'cashrefund', tiesOut: true }],
    });
    const [cashRefund] = world.ns.store.all('cashrefund');
    expect(cashRefund?.fields.createdfrom).toBe(String(cashSale));
    expect(cents(cashRefund?.fields.total)).toBe(toMinor(refund.refund_amount.refund_total, 'USD'));
    expect(cents(cashRefund?.fields.shippingcost)).toBe(toMinor(order.payment.shipping_fee, 'USD'));
  });

  it('reduces a sales order not billed yet by the refund, once', async () => {
    const { order, so } = await importedOrder();
    editShop(world, { custrecord_tts_shop_push_refunds: true });
    const before = cents(salesOrderOf(world, order.id).fields.total);
    const refund = refundOf(order, 1);
    const sent = await sendRefunds([refund]);
    expect(sent.body).toMatchObject({
      results: [{ outcome: 'created', documentType: 'salesorder', documentId: String(so.id), tiesOut: true }],
    });
    await sendRefunds([refund]);
    const after = salesOrderOf(world, order.id);
    expect(cents(after.fields.total)).toBe(before - toMinor(refund.refund_amount.refund_total, 'USD'));
    expect(
      (after.sublists.item ?? []).filter((l) =>
        String(l.fields.description ?? '').startsWith(`TikTok refund ${REFUND_ID}:`),
      ).length,
    ).toBeGreaterThan(0);
    expect(world.ns.store.all('creditmemo')).toHaveLength(0);
  });

  it('books nothing more for a cancellation of an order not billed yet (the order updates close its lines)', async () => {
    const { order } = await importedOrder();
    editShop(world, { custrecord_tts_shop_push_refunds: true });
    const lines = (salesOrderOf(world, order.id).sublists.item ?? []).length;
    const sent = await sendRefunds([
      refundOf(order, 1, false, {
        source: 'cancellation',
        status: 'CANCELLATION_REQUEST_COMPLETE',
        return_type: undefined,
      }),
    ]);
    expect(sent.body).toMatchObject({
      results: [{ outcome: 'created', documentType: 'salesorder', message: null }],
    });
    expect((salesOrderOf(world, order.id).sublists.item ?? []).length).toBe(lines);
  });

  it('answers not_done for a refund TikTok has not paid yet, and waits for an order not imported', async () => {
    const { order } = await importedOrder();
    editShop(world, { custrecord_tts_shop_push_refunds: true });
    const pending = refundOf(order, 1, false, { status: 'RETURN_OR_REFUND_REQUEST_SUCCESS' });
    const unknown = refundOf(order, 1, false, {
      refund_id: '4035318504086609101',
      order_id: '576461413038799999',
      lines: [],
    });
    const sent = await sendRefunds([pending, unknown]);
    expect(sent.body).toMatchObject({
      results: [
        { outcome: 'not_done' },
        { outcome: 'waiting', message: expect.stringContaining('not a sales order in NetSuite yet') },
      ],
    });
  });

  it('makes the credit memo from the return authorization when the return has one', async () => {
    const { order, so } = await importedOrder();
    editShop(world, { custrecord_tts_shop_push_refunds: true, custrecord_tts_shop_push_returns: true });
    fulfilSalesOrder(world, so.id);
    bill(salesOrderOf(world, order.id), 'invoice');
    const line = order.line_items[0];
    if (!line) throw new Error('no line');
    const returned = await world.restlet('POST', {
      action: 'returns.upsert',
      shopId: DEMO_SHOP.shopId,
      returns: [
        {
          return_id: REFUND_ID,
          order_id: order.id,
          return_type: 'RETURN_AND_REFUND',
          return_status: 'AWAITING_BUYER_SHIP',
          create_time: order.create_time + 86_400,
          update_time: order.create_time + 86_400,
          return_line_items: [{ return_line_item_id: '4035318504086609200', order_line_item_id: line.id }],
        },
      ],
    });
    expect(returned.body).toMatchObject({ results: [{ outcome: 'created' }] });
    const [rma] = world.ns.store.all('returnauthorization');
    const sent = await sendRefunds([refundOf(order, 1, false, { return_type: 'RETURN_AND_REFUND' })]);
    expect(sent.body).toMatchObject({
      results: [{ outcome: 'created', documentType: 'creditmemo', tiesOut: true }],
    });
    const [memo] = world.ns.store.all('creditmemo');
    expect(memo?.fields.createdfrom).toBe(String(rma?.id));
  });

  it("pays a paid invoice's credit back with one customer refund from the payment method's account, after the fix it names", async () => {
    const { order, so } = await importedOrder();
    editShop(world, { custrecord_tts_shop_push_refunds: true });
    const invoiceId = bill(so, 'invoice');
    const service = world.ns.seed.service;
    const owed = world.ns.store.get('invoice', invoiceId)?.fields.amountremaining;
    const payment = service.create({ type: 'customerpayment', defaultValues: { entity: so.fields.entity } });
    payment.setValue('payment', owed);
    payment.setSublistValue({ sublistId: 'apply', fieldId: 'apply', line: 0, value: true });
    service.save(payment, {});
    expect(world.ns.store.get('invoice', invoiceId)?.fields.amountremaining).toBe(0);
    const refund = refundOf(order, 1);
    const target = toMinor(refund.refund_amount.refund_total, 'USD');
    // The order's payment method groups with Undeposited Funds: no account to pay the refund from.
    const first = await sendRefunds([refund]);
    expect(first.body).toMatchObject({
      results: [
        {
          outcome: 'error',
          documentType: 'creditmemo',
          message: expect.stringContaining('clear Group with Undeposited Funds and set the Account'),
        },
      ],
    });
    const [memo] = world.ns.store.all('creditmemo');
    expect(cents(memo?.fields.unapplied)).toBe(target);
    expect(world.ns.store.all('customerrefund')).toHaveLength(0);
    const methodId = Number(so.fields.paymentmethod);
    const method = world.ns.store.get('paymentmethod', methodId);
    if (!method) throw new Error('the sales order has no payment method');
    const bank = world.ns.store.insert({
      type: 'account',
      externalId: null,
      fields: { acctname: 'TikTok Clearing', accttype: 'Bank' },
      sublists: {},
      subrecords: {},
    });
    world.ns.store.update({
      ...method,
      fields: { ...method.fields, undepfunds: false, account: String(bank.id) },
    });
    const second = await sendRefunds([refund]);
    expect(second.body).toMatchObject({
      results: [
        {
          outcome: 'created',
          documentType: 'creditmemo',
          documentId: String(memo?.id),
          message: expect.stringContaining('customer refund'),
        },
      ],
    });
    const third = await sendRefunds([refund]);
    expect(third.body).toMatchObject({ results: [{ outcome: 'unchanged' }] });
    expect(world.ns.store.all('creditmemo')).toHaveLength(1);
    const refunds = world.ns.store.all('customerrefund');
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.externalId).toBe(`tts_rfp_${DEMO_SHOP.shopId}_${REFUND_ID}`);
    expect(refunds[0]?.fields).toMatchObject({ account: String(bank.id), paymentmethod: String(methodId) });
    expect(cents(refunds[0]?.fields.total)).toBe(target);
    expect(cents(world.ns.store.get('creditmemo', memo!.id)?.fields.unapplied)).toBe(0);
  });
});
