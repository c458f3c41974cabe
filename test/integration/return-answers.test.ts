import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import type { TikTokReturn } from '../../shared-types/src/returns/tiktok-return';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { editRecord, editShop } from '../support/order-fidelity-kit';
import { fulfilSalesOrder, importOrders, logEntries, salesOrderOf } from '../support/order-updates';
import { makeOrders } from '../support/tiktok-order-builder';

/**
 * Issue #17 item 3 in the emulator: the seller answers a TikTok return from its return authorization
 * (suiteapp/ts/ue_return_authorization.ts). Approving the RMA or choosing a TikTok Return Reject
 * Reason queues one `return.answer` outbox row, with Answer TikTok returns from NetSuite on; an answer
 * TikTok would refuse is refused at save (TTS_INVALID_RETURN_ANSWER, naming the fix); the connector's
 * own approval (TikTok approved) is never sent back; `outbox.pull` skips answers while the setting is off.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

const RETURN_ID = '4035318504086604100';
const FAR_DEADLINE = 4102444800;

function returnOf(order: TikTokOrder, overrides: Partial<TikTokReturn> = {}): TikTokReturn {
  return {
    return_id: RETURN_ID,
    order_id: order.id,
    return_type: 'RETURN_AND_REFUND',
    return_status: 'RETURN_OR_REFUND_REQUEST_PENDING',
    role: 'BUYER',
    return_reason_text: 'Wrong size',
    create_time: order.create_time + 86_400,
    update_time: order.create_time + 86_400,
    seller_next_action_response: [{ action: 'SELLER_RESPOND_RETURN', deadline: FAR_DEADLINE }],
    return_line_items: [
      { return_line_item_id: '4035318504086604210', order_line_item_id: order.line_items[0]?.id ?? '' },
    ],
    ...overrides,
  };
}

async function pendingRma(settings: Record<string, unknown>, overrides: Partial<TikTokReturn> = {}) {
  world = await startConnectorAccount();
  const [order] = makeOrders({ count: 1, seed: 21, maxSkus: 2 });
  if (!order) throw new Error('no order');
  await importOrders(world, [order]);
  fulfilSalesOrder(world, salesOrderOf(world, order.id).id);
  editShop(world, { custrecord_tts_shop_push_returns: true, ...settings });
  const sent = await world.restlet('POST', {
    action: 'returns.upsert',
    shopId: DEMO_SHOP.shopId,
    returns: [returnOf(order, overrides)],
  });
  expect(sent.body).toMatchObject({ results: [{ outcome: 'created' }] });
  const [rma] = world.ns.store.all('returnauthorization');
  if (!rma) throw new Error('no RMA');
  return { order, rma };
}

function answerRows(): StoredRecord[] {
  return world.ns.store
    .all('customrecord_tts_outbox')
    .filter((row) => row.fields.custrecord_tts_out_kind === 'return.answer');
}

function saveRma(
  id: number,
  edit: { approve?: boolean; reject?: string },
): { name: string; message: string } | null {
  const rec = world.ns.seed.ui.load({ type: 'returnauthorization', id });
  if (edit.approve) rec.setValue({ fieldId: 'orderstatus', value: 'B' });
  if (edit.reject !== undefined) rec.setText({ fieldId: 'custbody_tts_return_reject', text: edit.reject });
  try {
    rec.save();
    return null;
  } catch (e) {
    return { name: (e as { name: string }).name, message: (e as { message: string }).message };
  }
}

const ITEM_IS_CORRECT = 'Item is correct (seller_reject_apply_item_is_correct)';

describe('answering TikTok returns from NetSuite', () => {
  it('queues one approval when the pending RMA is approved, keyed by the return', async () => {
    const { order, rma } = await pendingRma({ custrecord_tts_shop_answer_returns: true });
    expect(saveRma(rma.id, { approve: true })).toBeNull();
    expect(saveRma(rma.id, {})).toBeNull();
    const rows = answerRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.externalId).toBe(`tts_out_return_answer_${DEMO_SHOP.shopId}_${order.id}_${RETURN_ID}`);
    expect(JSON.parse(String(rows[0]?.fields.custrecord_tts_out_payload))).toEqual({
      rmaId: String(rma.id),
      returnId: RETURN_ID,
      returnType: 'RETURN_AND_REFUND',
      decision: 'approve',
      rejectReason: '',
      deadline: FAR_DEADLINE,
    });
    const pulled = await world.restlet('POST', {
      action: 'outbox.pull',
      shopId: DEMO_SHOP.shopId,
      limit: 10,
    });
    // Answers go first (they have a deadline), before the order's other rows.
    const pulledRows = (pulled.body as { rows: { kind: string; orderId: string }[] }).rows;
    expect(pulledRows[0]).toMatchObject({ kind: 'return.answer', orderId: order.id });
  });

  it('queues a reject with a reason of the market, and refuses a retired one naming those that fit', async () => {
    const { rma } = await pendingRma({ custrecord_tts_shop_answer_returns: true });
    const refused = saveRma(rma.id, {
      reject: 'Buyer return reason is not valid (reverse_reject_request_reason_1)',
    });
    expect(refused?.name).toBe('TTS_INVALID_RETURN_ANSWER');
    expect(refused?.message).toContain(ITEM_IS_CORRECT);
    expect(answerRows()).toHaveLength(0);
    expect(saveRma(rma.id, { reject: ITEM_IS_CORRECT })).toBeNull();
    expect(answerRows().map((r) => JSON.parse(String(r.fields.custrecord_tts_out_payload)))).toMatchObject([
      { decision: 'reject', rejectReason: 'seller_reject_apply_item_is_correct' },
    ]);
  });

  it('refuses an answer past the response deadline as late', async () => {
    const { order, rma } = await pendingRma(
      { custrecord_tts_shop_answer_returns: true },
      { seller_next_action_response: [{ action: 'SELLER_RESPOND_RETURN', deadline: 1_000_000_000 }] },
    );
    const late = saveRma(rma.id, { reject: ITEM_IS_CORRECT });
    expect(late?.name).toBe('TTS_INVALID_RETURN_ANSWER');
    expect(late?.message).toContain(
      `The response deadline of TikTok return ${RETURN_ID} of order ${order.id} passed`,
    );
    expect(answerRows()).toHaveLength(0);
  });

  it('with the setting off approves in NetSuite only, refuses a reject, and pull skips answers', async () => {
    const { rma } = await pendingRma({});
    const off = saveRma(rma.id, { reject: ITEM_IS_CORRECT });
    expect(off?.message).toContain('Answer TikTok returns from NetSuite is off');
    expect(saveRma(rma.id, { approve: true })).toBeNull();
    expect(answerRows()).toHaveLength(0);
  });

  it("never sends back the connector's own approval when TikTok approved", async () => {
    const { order } = await pendingRma({ custrecord_tts_shop_answer_returns: true });
    const approved = await world.restlet('POST', {
      action: 'returns.upsert',
      shopId: DEMO_SHOP.shopId,
      returns: [
        returnOf(order, {
          return_status: 'AWAITING_BUYER_SHIP',
          update_time: order.create_time + 2 * 86_400,
          seller_next_action_response: [],
        }),
      ],
    });
    expect(approved.body).toMatchObject({ results: [{ outcome: 'updated' }] });
    expect(world.ns.store.all('returnauthorization')[0]?.fields.orderstatus).toBe('B');
    expect(answerRows()).toHaveLength(0);
  });

  it('queues "package received" once when the goods are received on the RMA', async () => {
    const { order, rma } = await pendingRma({ custrecord_tts_shop_answer_returns: true });
    expect(saveRma(rma.id, { approve: true })).toBeNull();
    const receipt = world.ns.seed.ui.transform({
      fromType: 'returnauthorization',
      fromId: rma.id,
      toType: 'itemreceipt',
    });
    const receiptId = world.ns.seed.ui.save(receipt, {});
    const rows = world.ns.store
      .all('customrecord_tts_outbox')
      .filter((row) => row.fields.custrecord_tts_out_kind === 'return.receive');
    expect(rows.map((row) => row.externalId)).toEqual([
      `tts_out_return_receive_${DEMO_SHOP.shopId}_${order.id}_${RETURN_ID}`,
    ]);
    expect(JSON.parse(String(rows[0]?.fields.custrecord_tts_out_payload))).toEqual({
      rmaId: String(rma.id),
      receiptId: String(receiptId),
      returnId: RETURN_ID,
    });
  });

  it('skips a queued answer at pull once the setting is turned off, and logs a refused ack', async () => {
    const { rma } = await pendingRma({ custrecord_tts_shop_answer_returns: true });
    expect(saveRma(rma.id, { approve: true })).toBeNull();
    editShop(world, { custrecord_tts_shop_answer_returns: false });
    const pulled = await world.restlet('POST', {
      action: 'outbox.pull',
      shopId: DEMO_SHOP.shopId,
      limit: 10,
    });
    expect(pulled.body).toMatchObject({ skipped: 1 });
    expect((pulled.body as { rows: { kind: string }[] }).rows.map((r) => r.kind)).not.toContain(
      'return.answer',
    );
    expect(answerRows()[0]?.fields).toMatchObject({
      custrecord_tts_out_state: 'skipped',
      custrecord_tts_out_message: expect.stringContaining('Answer TikTok returns from NetSuite'),
    });
    // Refused by TikTok (a late answer): the ack writes the reason to the sync log the exceptions page shows.
    editShop(world, { custrecord_tts_shop_answer_returns: true });
    const row = answerRows()[0];
    if (!row) throw new Error('no row');
    editRecord(world, 'customrecord_tts_outbox', row.id, { custrecord_tts_out_state: 'pending' });
    await world.restlet('POST', {
      action: 'outbox.ack',
      results: [
        { outboxId: String(row.id), ok: false, retryable: false, message: 'Late answer: TikTok approved' },
      ],
    });
    expect(logEntries(world).map((e) => e.fields.custrecord_tts_log_message)).toContainEqual(
      expect.stringContaining('Late answer: TikTok approved'),
    );
  });
});
