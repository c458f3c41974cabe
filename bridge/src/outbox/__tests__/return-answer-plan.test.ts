import type { ReturnAnswerPayload } from '../../../../shared-types/src/outbox/outbox';
import type { TikTokReturn } from '../../../../shared-types/src/returns/tiktok-return';
import { planReturnAnswer, planReturnReceive } from '../return-answer-plan';

const ORDER = '576461413038785752';
const ret = (status: string, extra: Partial<TikTokReturn> = {}): TikTokReturn =>
  ({
    return_id: '4035318504086604100',
    order_id: ORDER,
    return_type: 'RETURN_AND_REFUND',
    return_status: status,
    create_time: 1_900_000_000,
    update_time: 1_900_000_000,
    return_line_items: [{ return_line_item_id: '1', order_line_item_id: '2' }],
    ...extra,
  }) as TikTokReturn;
const approve: ReturnAnswerPayload = {
  rmaId: '9',
  returnId: '4035318504086604100',
  returnType: 'RETURN_AND_REFUND',
  decision: 'approve',
  rejectReason: '',
  deadline: 1_900_172_800,
};
const reject: ReturnAnswerPayload = {
  ...approve,
  decision: 'reject',
  rejectReason: 'seller_reject_apply_item_is_correct',
};

describe('planReturnAnswer', () => {
  it("answers a pending request with TikTok's decision for its type", () => {
    expect(planReturnAnswer(ret('RETURN_OR_REFUND_REQUEST_PENDING'), approve, 'US', ORDER)).toMatchObject({
      action: 'approve',
      decision: 'APPROVE_RETURN',
    });
    expect(
      planReturnAnswer(
        ret('REPLACEMENT_REQUEST_PENDING', { return_type: 'REPLACEMENT' }),
        reject,
        'US',
        ORDER,
      ),
    ).toMatchObject({ action: 'reject', decision: 'REJECT_REPLACEMENT', reason: reject.rejectReason });
  });

  it('is done when TikTok already ended as answered; a reject after TikTok approved is a late answer', () => {
    expect(planReturnAnswer(ret('AWAITING_BUYER_SHIP'), approve, 'US', ORDER).action).toBe('done');
    expect(planReturnAnswer(ret('REFUND_OR_RETURN_REQUEST_REJECT'), reject, 'US', ORDER).action).toBe('done');
    const late = planReturnAnswer(ret('AWAITING_BUYER_SHIP'), reject, 'US', ORDER);
    expect(late.action).toBe('refuse');
    expect(late.message).toContain('Late answer: TikTok approved');
    expect(late.message).toContain('2030-03-19');
  });

  it('refuses when the return is gone, cancelled, in arbitration, or the reason does not fit the market', () => {
    expect(planReturnAnswer(undefined, approve, 'US', ORDER).action).toBe('refuse');
    expect(planReturnAnswer(ret('RETURN_OR_REFUND_REQUEST_CANCEL'), approve, 'US', ORDER).action).toBe(
      'refuse',
    );
    expect(
      planReturnAnswer(
        ret('RETURN_OR_REFUND_REQUEST_PENDING', { arbitration_status: 'IN_PROGRESS' }),
        approve,
        'US',
        ORDER,
      ).action,
    ).toBe('refuse');
    const retired = planReturnAnswer(
      ret('RETURN_OR_REFUND_REQUEST_PENDING'),
      { ...reject, rejectReason: 'reverse_reject_request_reason_1' },
      'US',
      ORDER,
    );
    expect(retired).toMatchObject({ action: 'refuse', message: expect.stringContaining('retired') });
  });
});

describe('planReturnReceive', () => {
  const receive = { rmaId: '9', receiptId: '12', returnId: '4035318504086604100' };

  it('confirms a shipped parcel, is done once refunded, retries before TikTok shows it shipped', () => {
    expect(planReturnReceive(ret('BUYER_SHIPPED_ITEM'), receive, ORDER)).toMatchObject({
      action: 'approve',
      decision: 'APPROVE_RECEIVED_PACKAGE',
    });
    expect(planReturnReceive(ret('RETURN_OR_REFUND_REQUEST_COMPLETE'), receive, ORDER).action).toBe('done');
    expect(planReturnReceive(ret('AWAITING_BUYER_SHIP'), receive, ORDER).action).toBe('retry');
  });

  it('refuses a return gone, in arbitration, or rejected', () => {
    expect(planReturnReceive(undefined, receive, ORDER).action).toBe('refuse');
    expect(
      planReturnReceive(ret('BUYER_SHIPPED_ITEM', { arbitration_status: 'IN_PROGRESS' }), receive, ORDER)
        .action,
    ).toBe('refuse');
    expect(planReturnReceive(ret('REFUND_OR_RETURN_REQUEST_REJECT'), receive, ORDER).action).toBe('refuse');
  });
});
