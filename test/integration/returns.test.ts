import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import {
  EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
  EXCEPTIONS_SUITELET_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import type { TikTokReturn } from '../../shared-types/src/returns/tiktok-return';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import { editShop } from '../support/order-fidelity-kit';
import { fulfilSalesOrder, importOrders, salesOrderOf } from '../support/order-updates';

/**
 * Issue #17 in the emulator: `returns.upsert` turns a TikTok return into one return authorization
 * made from the TikTok sales order (its returned units through custcol_tts_line_ids), brought to
 * TikTok's status on newer payloads, exactly once however often it is sent; nothing while the
 * shop's Push returns to NetSuite as Return Authorizations is off.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

const RETURN_ID = '4035318504086604100';

function returnOf(
  order: TikTokOrder,
  lineIds: readonly string[],
  overrides: Partial<TikTokReturn> = {},
): TikTokReturn {
  return {
    return_id: RETURN_ID,
    order_id: order.id,
    return_type: 'RETURN_AND_REFUND',
    return_status: 'RETURN_OR_REFUND_REQUEST_PENDING',
    role: 'BUYER',
    return_reason_text: 'Wrong size',
    create_time: order.create_time + 86_400,
    update_time: order.create_time + 86_400,
    seller_next_action_response: [
      { action: 'SELLER_RESPOND_RETURN', deadline: order.create_time + 3 * 86_400 },
    ],
    return_line_items: lineIds.map((id, i) => ({
      return_line_item_id: `40353185040866042${String(10 + i)}`,
      order_line_item_id: id,
    })),
    ...overrides,
  };
}

async function sendReturns(returns: TikTokReturn[]) {
  return world.restlet('POST', { action: 'returns.upsert', shopId: DEMO_SHOP.shopId, returns });
}

function rmas(): StoredRecord[] {
  return world.ns.store.all('returnauthorization');
}

function returnRecord(): StoredRecord {
  const rec = world.ns.store.findByExternalId(
    'customrecord_tts_return',
    `tts_ret_${DEMO_SHOP.shopId}_${RETURN_ID}`,
  );
  if (!rec) throw new Error('no return record');
  return rec;
}

/** An imported, fulfilled order of two SKUs (the first with 2 units when the batch makes them). */
async function shippedOrder(): Promise<{ order: TikTokOrder; so: StoredRecord }> {
  world = await startConnectorAccount();
  const [order] = makeOrders({ count: 1, seed: 11, maxSkus: 2 });
  if (!order) throw new Error('no order');
  await importOrders(world, [order]);
  const so = salesOrderOf(world, order.id);
  fulfilSalesOrder(world, so.id);
  return { order, so };
}

async function exceptionsPage(): Promise<string> {
  const res = await fetch(world.ns.suiteletUrl(EXCEPTIONS_SUITELET_ID, EXCEPTIONS_SUITELET_DEPLOYMENT_ID), {
    headers: { Authorization: `Bearer ${world.ns.uiToken}` },
  });
  expect(res.status).toBe(200);
  return res.text();
}

describe('returns.upsert', () => {
  it('creates nothing while Push returns to NetSuite as Return Authorizations is off, and says so', async () => {
    const { order } = await shippedOrder();
    const sent = await sendReturns([returnOf(order, [order.line_items[0]?.id ?? ''])]);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      ok: true,
      results: [
        {
          returnId: RETURN_ID,
          outcome: 'flow_off',
          rmaId: null,
          message: expect.stringContaining('Push returns to NetSuite as Return Authorizations is off'),
        },
      ],
    });
    expect(rmas()).toHaveLength(0);
    expect(world.ns.store.all('customrecord_tts_return')).toHaveLength(0);
    expect(await exceptionsPage()).toContain(
      'Push returns to NetSuite as Return Authorizations is off for shop Honeycomb US',
    );
  });

  it('lists returns on the exceptions page, the nearest response deadline first', async () => {
    const { order } = await shippedOrder();
    editShop(world, { custrecord_tts_shop_push_returns: true });
    const [a, b] = order.line_items;
    if (!a || !b) throw new Error('the order needs two line items');
    const later = returnOf(order, [a.id]);
    const sooner = returnOf(order, [b.id], {
      return_id: '4035318504086604999',
      seller_next_action_response: [
        { action: 'SELLER_RESPOND_RETURN', deadline: order.create_time + 2 * 86_400 },
      ],
    });
    await sendReturns([later, sooner]);
    const html = await exceptionsPage();
    expect(html).toContain('TikTok returns (2)');
    expect(html.indexOf('4035318504086604999')).toBeLessThan(html.indexOf(RETURN_ID));
    expect(html).not.toContain(
      'Push returns to NetSuite as Return Authorizations is off for shop Honeycomb US',
    );
  });

  it('makes one RMA of the returned units, pending approval, then approves it once TikTok does', async () => {
    const { order, so } = await shippedOrder();
    editShop(world, { custrecord_tts_shop_push_returns: true });
    const first = order.line_items[0];
    if (!first) throw new Error('no line');
    const created = await sendReturns([returnOf(order, [first.id])]);
    expect(created.body).toMatchObject({ results: [{ outcome: 'created', message: null }] });
    expect(rmas()).toHaveLength(1);
    const [rma] = rmas();
    expect(rma?.externalId).toBe(`tts_ret_${DEMO_SHOP.shopId}_${RETURN_ID}`);
    expect(rma?.fields).toMatchObject({
      createdfrom: String(so.id),
      orderstatus: 'A',
      status: 'A',
      custbody_tts_return_id: RETURN_ID,
      custbody_tts_return_status: 'RETURN_OR_REFUND_REQUEST_PENDING',
      memo: `TikTok return ${RETURN_ID}: Wrong size`,
    });
    expect(rma?.fields.custbody_tts_return_due).not.toBeNull();
    expect(rma?.sublists.item?.map((l) => [l.fields.quantity, l.fields.custcol_tts_line_ids])).toEqual([
      [1, first.id],
    ]);
    expect(returnRecord().fields).toMatchObject({
      custrecord_tts_ret_state: 'created',
      custrecord_tts_ret_rma: String(rma?.id),
    });

    const again = await sendReturns([returnOf(order, [first.id])]);
    expect(again.body).toMatchObject({ results: [{ outcome: 'unchanged', rmaId: String(rma?.id) }] });

    const approved = returnOf(order, [first.id], {
      return_status: 'BUYER_SHIPPED_ITEM',
      update_time: order.create_time + 2 * 86_400,
      return_tracking_number: '1Z999RETURN',
      seller_next_action_response: [],
    });
    const shipped = await sendReturns([approved]);
    expect(shipped.body).toMatchObject({ results: [{ outcome: 'updated', rmaId: String(rma?.id) }] });
    expect(rmas()).toHaveLength(1);
    expect(rmas()[0]?.fields).toMatchObject({
      orderstatus: 'B',
      status: 'B',
      returntrackingnumbers: '1Z999RETURN',
      custbody_tts_return_status: 'BUYER_SHIPPED_ITEM',
      custbody_tts_return_due: null,
    });
    // An older payload arriving late changes nothing.
    const late = await sendReturns([returnOf(order, [first.id])]);
    expect(late.body).toMatchObject({ results: [{ outcome: 'unchanged' }] });
    expect(rmas()[0]?.fields.orderstatus).toBe('B');
  });

  it('closes the RMA when the buyer cancels, and says when TikTok received goods NetSuite has not', async () => {
    const { order } = await shippedOrder();
    editShop(world, { custrecord_tts_shop_push_returns: true });
    const id = order.line_items[0]?.id ?? '';
    await sendReturns([returnOf(order, [id], { return_status: 'AWAITING_BUYER_SHIP' })]);
    const received = await sendReturns([
      returnOf(order, [id], {
        return_status: 'RETURN_OR_REFUND_REQUEST_SUCCESS',
        update_time: order.create_time + 2 * 86_400,
      }),
    ]);
    expect(received.body).toMatchObject({
      results: [
        {
          outcome: 'updated',
          message: expect.stringContaining('NetSuite has no item receipt: receive the goods on the RMA'),
        },
      ],
    });
    expect(returnRecord().fields.custrecord_tts_ret_message).toContain('no item receipt');
    await sendReturns([
      returnOf(order, [id], {
        return_status: 'RETURN_OR_REFUND_REQUEST_CANCEL',
        update_time: order.create_time + 3 * 86_400,
      }),
    ]);
    expect(rmas()[0]?.fields.status).toBe('H');
  });

  it('closes a pending RMA that TikTok rejects or the buyer cancels: approved and closed in one save', async () => {
    const { order } = await shippedOrder();
    editShop(world, { custrecord_tts_shop_push_returns: true });
    const [a, b] = order.line_items;
    if (!a || !b) throw new Error('the order needs two line items');
    const other = '4035318504086604777';
    await sendReturns([returnOf(order, [a.id]), returnOf(order, [b.id], { return_id: other })]);
    expect(rmas().map((r) => r.fields.status)).toEqual(['A', 'A']);
    const ended = await sendReturns([
      returnOf(order, [a.id], {
        return_status: 'REFUND_OR_RETURN_REQUEST_REJECT',
        update_time: order.create_time + 2 * 86_400,
        seller_next_action_response: [],
      }),
      returnOf(order, [b.id], {
        return_id: other,
        return_status: 'RETURN_OR_REFUND_REQUEST_CANCEL',
        update_time: order.create_time + 2 * 86_400,
        seller_next_action_response: [],
      }),
    ]);
    expect(ended.body).toMatchObject({
      results: [
        { outcome: 'updated', message: null },
        { outcome: 'updated', message: null },
      ],
    });
    for (const rma of rmas()) {
      expect(rma.fields).toMatchObject({ orderstatus: 'B', status: 'H' });
      expect(rma.sublists.item?.every((line) => line.fields.isclosed === true)).toBe(true);
    }
    // Sent again, nothing moves: a closed RMA stays closed.
    const again = await sendReturns([
      returnOf(order, [a.id], {
        return_status: 'REFUND_OR_RETURN_REQUEST_REJECT',
        update_time: order.create_time + 2 * 86_400,
        seller_next_action_response: [],
      }),
    ]);
    expect(again.body).toMatchObject({ results: [{ outcome: 'unchanged' }] });
    expect(rmas().map((r) => r.fields.status)).toEqual(['H', 'H']);
  });

  it('waits for an order that is not a sales order yet, then makes the RMA when it is', async () => {
    world = await startConnectorAccount();
    editShop(world, { custrecord_tts_shop_push_returns: true });
    const [order] = makeOrders({ count: 1, seed: 12 });
    if (!order) throw new Error('no order');
    const ret = returnOf(order, [order.line_items[0]?.id ?? '']);
    const waiting = await sendReturns([ret]);
    expect(waiting.body).toMatchObject({
      results: [
        {
          outcome: 'waiting',
          message: expect.stringContaining(`TikTok order ${order.id} is not a sales order in NetSuite yet`),
        },
      ],
    });
    expect(returnRecord().fields.custrecord_tts_ret_state).toBe('waiting');
    await importOrders(world, [order]);
    fulfilSalesOrder(world, salesOrderOf(world, order.id).id);
    const made = await sendReturns([ret]);
    expect(made.body).toMatchObject({ results: [{ outcome: 'created' }] });
    expect(rmas()).toHaveLength(1);
  });

  it('refuses a return of units on no sales order line, naming them, and makes no RMA', async () => {
    const { order } = await shippedOrder();
    editShop(world, { custrecord_tts_shop_push_returns: true });
    const sent = await sendReturns([returnOf(order, ['999999999999999999'])]);
    expect(sent.body).toMatchObject({
      results: [
        { outcome: 'error', message: expect.stringContaining('order line item(s) 999999999999999999') },
      ],
    });
    expect(rmas()).toHaveLength(0);
    expect(returnRecord().fields.custrecord_tts_ret_state).toBe('error');
  });

  it('links a replacement’s RMA to the replacement order’s sales order, creating no sales order itself', async () => {
    const { order } = await shippedOrder();
    editShop(world, { custrecord_tts_shop_push_returns: true });
    const [replacement] = makeOrders({ count: 1, seed: 13, firstOrderId: 576461413038900000n });
    if (!replacement) throw new Error('no order');
    await importOrders(world, [{ ...replacement, is_replacement_order: true, replaced_order_id: order.id }]);
    const salesOrders = world.ns.store.all('salesorder').length;
    await sendReturns([
      returnOf(order, [order.line_items[0]?.id ?? ''], {
        return_type: 'REPLACEMENT',
        return_status: 'REPLACEMENT_REQUEST_COMPLETE',
      }),
    ]);
    expect(world.ns.store.all('salesorder')).toHaveLength(salesOrders);
    expect(rmas()[0]?.fields.custbody_tts_replacement_so).toBe(
      String(salesOrderOf(world, replacement.id).id),
    );
  });

  it('answers not_rma for a refund-only return and stores nothing', async () => {
    const { order } = await shippedOrder();
    editShop(world, { custrecord_tts_shop_push_returns: true });
    const sent = await sendReturns([
      returnOf(order, [order.line_items[0]?.id ?? ''], { return_type: 'REFUND' }),
    ]);
    expect(sent.body).toMatchObject({ results: [{ outcome: 'not_rma' }] });
    expect(world.ns.store.all('customrecord_tts_return')).toHaveLength(0);
  });
});
