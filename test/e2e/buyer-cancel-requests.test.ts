/**
 * Buyer cancellation requests end to end (issue #11): buyers ask to cancel imported orders in the
 * TikTok simulator (pending, with a deadline) → the bridge reads each request (Search Cancellations)
 * and NetSuite shows it on the sales order → a person answers on the sales order → the bridge sends
 * Approve / Reject Cancellation before the deadline → TikTok's outcome comes back: the rejected
 * request clears, the approved one cancels the order and closes the sales order; a request shipped
 * over (US: shipping rejects it) clears, one left unanswered past its deadline is approved by TikTok
 * and closes the sales order.
 */
import type { SandboxStack } from '../../sandbox/src/stack';
import { onSimulatedTime, settle, simulatedTime, startE2eStack } from '../support/e2e-stack';

let stack: SandboxStack;
const time = simulatedTime();

beforeEach(async () => {
  time.reset();
  stack = await startE2eStack('bcr', onSimulatedTime(time));
});

afterEach(() => stack.stop());

const later = (seconds = 5): void => time.advance(seconds);

function salesOrder(shopId: string, orderId: string) {
  const so = stack.netsuite.store.findByExternalId('salesorder', `tts_${shopId}_${orderId}`);
  if (!so) throw new Error(`order ${orderId} was not imported`);
  return so;
}

const shown = (shopId: string, orderId: string): unknown =>
  salesOrder(shopId, orderId).fields.custbody_tts_cancel_req_id ?? null;
const closed = (shopId: string, orderId: string): boolean =>
  (salesOrder(shopId, orderId).sublists.item ?? []).every((line) => line.fields.isclosed === true);

function answer(id: number, text: string, rejectReason?: string): void {
  const rec = stack.netsuite.seed.ui.load({ type: 'salesorder', id });
  rec.setText({ fieldId: 'custbody_tts_cancel_req_answer', text });
  if (rejectReason !== undefined)
    rec.setText({ fieldId: 'custbody_tts_cancel_req_reject', text: rejectReason });
  rec.save();
}

describe('buyer cancellation requests through the sandbox', () => {
  it('are shown in NetSuite, answered from NetSuite before the deadline, and each outcome reaches the sales order', async () => {
    const shopId = await stack.connectShop();
    // Mapped payment methods: the demo shop leaves Klarna out of its map on purpose.
    const ids = ['CCDC', 'PayPal', 'Apple Pay', 'Google Pay'].map(
      (paymentMethodName) =>
        stack.simulator.admin.createOrder({ advanceTo: 'AWAITING_SHIPMENT', paymentMethodName }).id,
    );
    await settle(stack);
    const [rejected, approved, shipped, timedOut] = ids;

    later();
    const requests = ids.map((id) => stack.simulator.admin.cancelOrder(id, { by: 'BUYER' }));
    expect(requests.map((r) => r.cancelStatus)).toEqual(Array(4).fill('CANCELLATION_REQUEST_PENDING'));
    await settle(stack);
    for (const [index, id] of ids.entries()) {
      const so = salesOrder(shopId, id);
      expect(so.fields.custbody_tts_cancel_req_id).toBe(requests[index].cancelId);
      expect(Date.parse(String(so.fields.custbody_tts_cancel_req_due)) / 1000).toBe(requests[index].deadline);
      expect(stack.simulator.admin.getOrder(id).status).toBe('AWAITING_SHIPMENT');
    }

    answer(
      salesOrder(shopId, rejected).id,
      'Reject (keep the order)',
      'Reached an agreement with the buyer (order_manage_list_action_respond_popup_reject_reason_buyer_agree)',
    );
    answer(salesOrder(shopId, approved).id, 'Accept (cancel the order)');
    later();
    const pass = await stack.bridge.outboxOnce();
    expect(pass.failures).toEqual([]);
    const cancellation = (id: string) =>
      stack.simulator.admin
        .listCancellations()
        .find((c) => c.orderId === id && c.cancelType === 'BUYER_CANCEL');
    expect(cancellation(rejected)).toMatchObject({
      cancelStatus: 'CANCELLATION_REQUEST_CANCELLED',
      outcome: 'SELLER_REJECTED',
      rejectReason: 'order_manage_list_action_respond_popup_reject_reason_buyer_agree',
    });
    expect(cancellation(approved)).toMatchObject({
      cancelStatus: 'CANCELLATION_REQUEST_COMPLETE',
      outcome: 'SELLER_APPROVED',
    });

    later();
    // The package of the third ships (US: shipping rejects the request); the fourth is left unanswered.
    stack.simulator.admin.advanceOrder(shipped, 'ship');
    expect(cancellation(shipped)?.outcome).toBe('REJECTED_BY_SHIPMENT');
    await settle(stack);
    expect([shown(shopId, rejected), closed(shopId, rejected)]).toEqual([null, false]);
    expect([shown(shopId, approved), closed(shopId, approved)]).toEqual([null, true]);
    expect([shown(shopId, shipped), closed(shopId, shipped)]).toEqual([null, false]);
    expect(shown(shopId, timedOut)).toBe(requests[3].cancelId);

    // Past the deadline TikTok approves it and cancels the order; the sales order closes.
    time.advanceTo((requests[3].deadline ?? 0) * 1000 + 60_000);
    await settle(stack);
    expect(cancellation(timedOut)).toMatchObject({
      cancelStatus: 'CANCELLATION_REQUEST_COMPLETE',
      outcome: 'AUTO_APPROVED',
    });
    await settle(stack);
    expect([shown(shopId, timedOut), closed(shopId, timedOut)]).toEqual([null, true]);

    // Every answer row was sent once; nothing failed.
    const rows = stack.netsuite.store
      .all('customrecord_tts_outbox')
      .filter((row) => row.fields.custrecord_tts_out_kind === 'order.cancel_answer');
    expect(rows.map((row) => row.fields.custrecord_tts_out_state)).toEqual(['sent', 'sent']);
  });
});
