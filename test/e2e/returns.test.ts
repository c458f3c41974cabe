/**
 * Returns end to end (issue #17) through real servers: buyers open returns in the TikTok simulator →
 * RETURN_STATUS_CHANGE webhooks → the bridge reads each return (Search Returns) → NetSuite makes one
 * return authorization per return from the TikTok sales order; a return whose webhook was lost is
 * found by the bridge's return reconciliation (Search Returns by update_time). The seller answers from
 * NetSuite (Answer TikTok returns from NetSuite on): approving an RMA approves the return in TikTok,
 * a TikTok Return Reject Reason rejects it, approving a replacement makes TikTok issue the replacement
 * order, whose sales order the RMA links; TikTok's outcomes come back to the RMAs. A reject TikTok
 * overtook at its deadline is refused as a late answer and shown in the sync log.
 */
import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import type { SandboxStack } from '../../sandbox/src/stack';
import { onSimulatedTime, simulatedTime, startE2eStack } from '../support/e2e-stack';

let stack: SandboxStack;
const time = simulatedTime();

beforeEach(async () => {
  time.reset();
  stack = await startE2eStack('returns', onSimulatedTime(time));
});

afterEach(() => stack.stop());

const later = (seconds = 5): void => time.advance(seconds);

/** TikTok's webhooks → the bridge → NetSuite's import and order updates. */
async function sync(): Promise<void> {
  await stack.simulator.tick();
  await stack.bridge.runWorkersOnce();
  await stack.netsuite.runQueuedTasks();
  await stack.bridge.runWorkersOnce();
}

function rmaOf(shopId: string, returnId: string): StoredRecord {
  const rma = stack.netsuite.store.findByExternalId('returnauthorization', `tts_ret_${shopId}_${returnId}`);
  if (!rma) throw new Error(`return ${returnId} has no return authorization`);
  return rma;
}

function saveRma(id: number, edit: { approve?: boolean; reject?: string }): void {
  const rec = stack.netsuite.seed.ui.load({ type: 'returnauthorization', id });
  if (edit.approve) rec.setValue({ fieldId: 'orderstatus', value: 'B' });
  if (edit.reject !== undefined) rec.setText({ fieldId: 'custbody_tts_return_reject', text: edit.reject });
  rec.save();
}

describe('TikTok returns through the sandbox', () => {
  it('become one RMA each, are answered from NetSuite, and TikTok’s outcomes come back', async () => {
    const shopId = await stack.connectShop();
    const orders = [1, 2, 3, 4].map(
      () => stack.simulator.admin.createOrder({ advanceTo: 'DELIVERED', paymentMethodName: 'CCDC' }).id,
    );
    await sync();
    const shop = stack.netsuite.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`);
    if (!shop) throw new Error('the shop is not in NetSuite');
    const shopRec = stack.netsuite.seed.service.load({ type: 'customrecord_tts_shop', id: shop.id });
    shopRec.setValue({ fieldId: 'custrecord_tts_shop_push_returns', value: true });
    shopRec.setValue({ fieldId: 'custrecord_tts_shop_answer_returns', value: true });
    stack.netsuite.seed.service.save(shopRec, {});

    later();
    const [approved, rejected, replaced, lost] = orders;
    const open = (orderId: string, returnType: 'RETURN_AND_REFUND' | 'REPLACEMENT') =>
      stack.simulator.admin.createReturn(orderId, { returnType }).returnId;
    const approveId = open(approved, 'RETURN_AND_REFUND');
    const rejectId = open(rejected, 'RETURN_AND_REFUND');
    const replaceId = open(replaced, 'REPLACEMENT');
    await sync();
    // The fourth return's webhook is lost: the return reconciliation finds it.
    stack.simulator.admin.setFaults({ dropWebhookRate: 1 });
    const lostId = open(lost, 'RETURN_AND_REFUND');
    await sync();
    stack.simulator.admin.setFaults({ dropWebhookRate: 0 });
    expect(stack.netsuite.store.all('returnauthorization')).toHaveLength(3);
    later();
    const pass = await stack.bridge.reconcileReturnsOnce();
    expect(pass.failures).toEqual([]);
    await sync();
    expect(stack.netsuite.store.all('returnauthorization')).toHaveLength(4);
    for (const id of [approveId, rejectId, replaceId, lostId]) {
      expect(rmaOf(shopId, id).fields).toMatchObject({ orderstatus: 'A', custbody_tts_return_id: id });
      expect(rmaOf(shopId, id).fields.custbody_tts_return_due).not.toBeNull();
    }

    // The seller answers three returns from NetSuite; the bridge sends them.
    saveRma(rmaOf(shopId, approveId).id, { approve: true });
    saveRma(rmaOf(shopId, rejectId).id, { reject: 'Item is correct (seller_reject_apply_item_is_correct)' });
    saveRma(rmaOf(shopId, replaceId).id, { approve: true });
    later();
    const sent = await stack.bridge.outboxOnce();
    expect(sent.failures).toEqual([]);
    const status = (id: string) => stack.simulator.admin.getReturn(id).returnStatus;
    expect([status(approveId), status(rejectId), status(replaceId)]).toEqual([
      'AWAITING_BUYER_SHIP',
      'REFUND_OR_RETURN_REQUEST_REJECT',
      'REPLACEMENT_REQUEST_COMPLETE',
    ]);
    later();
    await sync();
    // The replacement order is imported after its return came back: the return job waits and retries
    // (backoff), then links the RMA to the replacement's sales order.
    later(300);
    await sync();
    expect(rmaOf(shopId, approveId).fields).toMatchObject({
      orderstatus: 'B',
      custbody_tts_return_status: 'AWAITING_BUYER_SHIP',
    });
    // Rejected while Pending Approval: approved and every line closed in one save, so it reads Closed.
    expect(rmaOf(shopId, rejectId).fields).toMatchObject({
      custbody_tts_return_status: 'REFUND_OR_RETURN_REQUEST_REJECT',
      orderstatus: 'B',
      status: 'H',
    });
    expect((rmaOf(shopId, rejectId).sublists.item ?? []).every((line) => line.fields.isclosed === true)).toBe(
      true,
    );
    const replacementOrder = stack.simulator.admin
      .listOrders()
      .find((o) => (o as { replaced_order_id?: string }).replaced_order_id === replaced);
    if (!replacementOrder) throw new Error('TikTok issued no replacement order');
    const replacementSo = stack.netsuite.store.findByExternalId(
      'salesorder',
      `tts_${shopId}_${replacementOrder.id}`,
    );
    expect(rmaOf(shopId, replaceId).fields).toMatchObject({
      orderstatus: 'B',
      custbody_tts_replacement_so: String(replacementSo?.id),
    });

    // The buyer ships the approved return; the warehouse receives it on the RMA (an item receipt):
    // TikTok gets "package received" and refunds.
    later();
    stack.simulator.admin.advanceReturn(approveId, 'buyer-ship', { trackingNumber: '1ZRETURN0001' });
    stack.simulator.admin.advanceReturn(approveId, 'receive');
    await sync();
    expect(rmaOf(shopId, approveId).fields).toMatchObject({
      custbody_tts_return_status: 'BUYER_SHIPPED_ITEM',
      returntrackingnumbers: '1ZRETURN0001',
    });
    const receipt = stack.netsuite.seed.ui.transform({
      fromType: 'returnauthorization',
      fromId: rmaOf(shopId, approveId).id,
      toType: 'itemreceipt',
    });
    stack.netsuite.seed.ui.save(receipt, {});
    later();
    expect((await stack.bridge.outboxOnce()).failures).toEqual([]);
    expect(['RETURN_OR_REFUND_REQUEST_SUCCESS', 'RETURN_OR_REFUND_REQUEST_COMPLETE']).toContain(
      status(approveId),
    );

    // A reject TikTok overtakes at the deadline is a late answer: refused, and shown in the sync log.
    saveRma(rmaOf(shopId, lostId).id, { reject: 'Item is correct (seller_reject_apply_item_is_correct)' });
    const deadline = stack.simulator.admin.getReturn(lostId).nextAction?.deadline ?? 0;
    time.advanceTo(deadline * 1000 + 60_000);
    await stack.simulator.tick();
    expect(status(lostId)).toBe('AWAITING_BUYER_SHIP');
    const late = await stack.bridge.outboxOnce();
    expect(late.results[0]?.outcomes).toMatchObject({ refused: 1 });
    const log = stack.netsuite.store
      .all('customrecord_tts_log')
      .map((entry) => String(entry.fields.custrecord_tts_log_message));
    expect(log).toContainEqual(expect.stringContaining('Late answer: TikTok approved the TikTok return'));
    await sync();
    expect(rmaOf(shopId, lostId).fields.orderstatus).toBe('B');

    // Exactly once: every return is one RMA, every answer one outbox row.
    expect(stack.netsuite.store.all('returnauthorization')).toHaveLength(4);
    const answers = stack.netsuite.store
      .all('customrecord_tts_outbox')
      .filter((row) => row.fields.custrecord_tts_out_kind === 'return.answer')
      .map((row) => row.fields.custrecord_tts_out_state);
    expect(answers.sort()).toEqual(['failed', 'sent', 'sent', 'sent']);
    const received = stack.netsuite.store
      .all('customrecord_tts_outbox')
      .filter((row) => row.fields.custrecord_tts_out_kind === 'return.receive')
      .map((row) => row.fields.custrecord_tts_out_state);
    expect(received).toEqual(['sent']);
  });
});
