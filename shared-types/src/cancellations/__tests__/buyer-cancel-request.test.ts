/// <reference types="jest" />
import type { CancelAnswerState, PendingBuyerCancellation } from '../buyer-cancel-request';
import {
  allRejectReasons,
  cancelAnswerChanged,
  cancelAnswerOf,
  checkCancelAnswer,
  NO_CANCEL_REQUEST,
  pendingCancellationOf,
  pendingFromSearch,
  planCancelRequestChange,
} from '../buyer-cancel-request';
import type { CancelAnswerPayload } from '../../outbox/outbox';
import type { SalesOrderSnapshot } from '../../outbox/sales-order-outbox-plan';
import { planSalesOrderOutbox } from '../../outbox/sales-order-outbox-plan';

const PENDING: PendingBuyerCancellation = {
  cancel_id: '4035318504086098241',
  cancel_reason: 'ecom_order_to_ship_canceled_reason_not_needed',
  cancel_reason_text: 'No longer needed',
  create_time: 1767229000,
  deadline: 1767401800,
};

describe('the pending request', () => {
  it('is read from Search Cancellations: a pending BUYER_CANCEL with its SELLER_RESPOND_CANCEL deadline', () => {
    const record = {
      cancel_id: PENDING.cancel_id,
      order_id: '576461413038785752',
      cancel_type: 'BUYER_CANCEL',
      cancel_status: 'CANCELLATION_REQUEST_PENDING',
      cancel_reason: PENDING.cancel_reason,
      cancel_reason_text: PENDING.cancel_reason_text,
      create_time: PENDING.create_time,
      seller_next_action_response: [{ action: 'SELLER_RESPOND_CANCEL', deadline: 1767401800 }],
    };
    expect(pendingFromSearch(record)).toEqual(PENDING);
    expect(pendingFromSearch({ ...record, seller_next_action_response: [] })).toEqual({
      ...PENDING,
      deadline: null,
    });
    expect(pendingFromSearch({ ...record, cancel_status: 'CANCELLATION_REQUEST_COMPLETE' })).toBeNull();
    expect(pendingFromSearch({ ...record, cancel_type: 'CANCEL' })).toBeNull();
  });

  it('counts only while TikTok flags the order and it is not cancelled', () => {
    const order = {
      status: 'AWAITING_SHIPMENT',
      is_buyer_request_cancel: true,
      pending_buyer_cancellation: PENDING,
    };
    expect(pendingCancellationOf(order)).toBe(PENDING);
    expect(pendingCancellationOf({ ...order, is_buyer_request_cancel: false })).toBeNull();
    expect(pendingCancellationOf({ ...order, status: 'CANCELLED' })).toBeNull();
    expect(pendingCancellationOf({ status: 'AWAITING_SHIPMENT', is_buyer_request_cancel: true })).toBeNull();
  });
});

describe('planCancelRequestChange', () => {
  const order = {
    status: 'AWAITING_SHIPMENT',
    is_buyer_request_cancel: true,
    pending_buyer_cancellation: PENDING,
  };
  const shown = {
    cancelId: PENDING.cancel_id,
    requestedUnix: 1767229000,
    deadlineUnix: 1767401800,
    reason: 'No longer needed',
  };

  it('shows a new request, then changes nothing while the sales order shows it', () => {
    const change = planCancelRequestChange(order, NO_CANCEL_REQUEST);
    expect(change?.fields).toEqual(shown);
    expect(change?.applied).toBe(
      "buyer cancellation request 4035318504086098241 (No longer needed) awaits the seller's answer, answer by 2026-01-03 00:56 UTC",
    );
    expect(planCancelRequestChange(order, shown)).toBeNull();
    expect(planCancelRequestChange(order, { ...shown, deadlineUnix: 1 })?.fields).toEqual(shown);
  });

  it('clears a request TikTok closed, saying whether the order was cancelled', () => {
    expect(planCancelRequestChange({ ...order, is_buyer_request_cancel: false }, shown)).toEqual({
      fields: NO_CANCEL_REQUEST,
      applied:
        'buyer cancellation request 4035318504086098241 closed without cancelling the order (rejected, withdrawn by the buyer, or the package shipped)',
    });
    expect(planCancelRequestChange({ ...order, status: 'CANCELLED' }, shown)?.applied).toBe(
      'buyer cancellation request 4035318504086098241 approved: TikTok cancelled the order',
    );
    expect(planCancelRequestChange({ status: 'AWAITING_SHIPMENT' }, NO_CANCEL_REQUEST)).toBeNull();
  });
});

describe('checkCancelAnswer', () => {
  const pending: CancelAnswerState = {
    cancelId: PENDING.cancel_id,
    deadlineUnix: 1767401800,
    answer: null,
    rejectReason: '',
  };
  const us = { tiktokOrderId: '576461413038785752', region: 'US', nowUnix: 1767300000 };
  const accept = { ...pending, answer: 'Accept (cancel the order)' };
  const reject = (code: string) => ({ ...pending, answer: 'Reject (keep the order)', rejectReason: code });

  it('takes an accept, and a reject with a reason of the market', () => {
    expect(checkCancelAnswer(pending, accept, us)).toEqual({ ok: true });
    expect(
      checkCancelAnswer(
        pending,
        reject('order_manage_list_action_respond_popup_reject_reason_buyer_agree'),
        us,
      ),
    ).toEqual({ ok: true });
    expect(
      checkCancelAnswer(
        pending,
        reject('order_manage_list_action_respond_popup_reject_reason_buyer_agree_uk'),
        {
          ...us,
          region: 'GB',
        },
      ),
    ).toEqual({ ok: true });
  });

  it("refuses a reject with another market's reason or none, naming the market's reasons", () => {
    const uk = checkCancelAnswer(
      pending,
      reject('order_manage_list_action_respond_popup_reject_reason_buyer_agree_uk'),
      us,
    );
    expect(uk.ok).toBe(false);
    expect(uk.ok ? '' : uk.message).toContain(
      'Reached an agreement with the buyer (order_manage_list_action_respond_popup_reject_reason_buyer_agree)',
    );
    expect(uk.ok ? '' : uk.message).toContain('Buyer Cancellation Reject Reason');
    const none = checkCancelAnswer(pending, reject(''), us);
    expect(none.ok ? '' : none.message).toContain('has no Reject Reason');
    const jp = checkCancelAnswer(pending, reject('x'), { ...us, region: 'JP' });
    expect(jp.ok ? '' : jp.message).toContain('TikTok lists no reasons to reject');
  });

  it('refuses an answer past the deadline, without a request, or changing a given one; clearing by the connector is fine', () => {
    const late = checkCancelAnswer(pending, accept, { ...us, nowUnix: 1767401800 });
    expect(late.ok ? '' : late.message).toContain('passed at 2026-01-03 00:56 UTC');
    const none = checkCancelAnswer(null, { ...accept, cancelId: null }, us);
    expect(none.ok ? '' : none.message).toContain('no buyer cancellation request awaiting an answer');
    const changed = checkCancelAnswer(
      accept,
      reject('order_manage_list_action_respond_popup_reject_reason_delivered'),
      us,
    );
    expect(changed.ok ? '' : changed.message).toContain('already answered Accept (cancel the order)');
    const takenBack = checkCancelAnswer(accept, pending, us);
    expect(takenBack.ok ? '' : takenBack.message).toContain('cannot be taken back');
    expect(checkCancelAnswer(accept, { ...pending, cancelId: null, deadlineUnix: null }, us)).toEqual({
      ok: true,
    });
    expect(checkCancelAnswer(accept, { ...pending, cancelId: '4035318504086098999' }, us)).toEqual({
      ok: true,
    });
  });

  it('reads answers and changes', () => {
    expect([
      cancelAnswerOf('Accept (cancel the order)'),
      cancelAnswerOf(' reject '),
      cancelAnswerOf('x'),
      cancelAnswerOf(null),
    ]).toEqual(['accept', 'reject', null, null]);
    expect(cancelAnswerChanged(pending, pending)).toBe(false);
    expect(cancelAnswerChanged(pending, accept)).toBe(true);
    expect(cancelAnswerChanged(accept, accept)).toBe(false);
    expect(cancelAnswerChanged(null, accept)).toBe(true);
  });

  it('lists every reject reason of every market once', () => {
    const codes = allRejectReasons().map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(
      expect.arrayContaining([
        'order_manage_list_action_respond_popup_reject_reason_delivered',
        'order_manage_list_action_respond_popup_reject_reason_delivered_uk',
        'ecom_refund_reject_reason_cancel_unacceptable_uk',
        'reverse_reject_request_reason_5',
      ]),
    );
  });
});

describe('the outbox row of an answer', () => {
  const shop = { recordId: '7', shopId: '7494049642642441621', pullOrderUpdates: true, allowCancel: false };
  const order = (answer: string | null, rejectReason = ''): SalesOrderSnapshot => ({
    id: '101',
    tranId: 'SO1042',
    tiktokOrderId: '576461413038785752',
    shopRecordId: '7',
    status: 'B',
    cancelReason: null,
    lines: [{ line: '1', closed: false, tiktokLineIds: ['1001'] }],
    cancelAnswer: { cancelId: PENDING.cancel_id, deadlineUnix: 1767401800, answer, rejectReason },
  });

  it('is written once when the answer is given, keyed by the request, even without "Cancel TikTok orders"', () => {
    const rows = planSalesOrderOutbox({
      eventType: 'edit',
      before: order(null),
      after: order(
        'Reject (keep the order)',
        'order_manage_list_action_respond_popup_reject_reason_delivered',
      ),
      shop,
    });
    expect(rows.map((row) => [row.kind, row.externalId])).toEqual([
      [
        'order.cancel_answer',
        'tts_out_order_cancel_answer_7494049642642441621_576461413038785752_4035318504086098241',
      ],
    ]);
    expect(rows[0].payload as CancelAnswerPayload).toEqual({
      salesOrderId: '101',
      cancelId: PENDING.cancel_id,
      decision: 'reject',
      rejectReason: 'order_manage_list_action_respond_popup_reject_reason_delivered',
      deadline: 1767401800,
    });
    const accepted = order('Accept (cancel the order)', 'ignored');
    expect(
      planSalesOrderOutbox({ eventType: 'edit', before: order(null), after: accepted, shop })[0].payload,
    ).toMatchObject({
      decision: 'approve',
      rejectReason: '',
    });
    expect(planSalesOrderOutbox({ eventType: 'edit', before: accepted, after: accepted, shop })).toEqual([]);
    expect(
      planSalesOrderOutbox({ eventType: 'edit', before: order(null), after: order(null), shop }),
    ).toEqual([]);
  });
});
