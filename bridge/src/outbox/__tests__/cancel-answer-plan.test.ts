import type { TikTokCancellationRecord } from '../../../../shared-types/src/cancellations/buyer-cancel-request';
import type { CancelAnswerPayload } from '../../../../shared-types/src/outbox/outbox';
import { planCancelAnswer } from '../cancel-answer-plan';

const ORDER = '576461413038785752';
const request = (status: string): TikTokCancellationRecord => ({
  cancel_id: '4035318504086098241',
  order_id: ORDER,
  cancel_type: 'BUYER_CANCEL',
  cancel_status: status,
});
const approve: CancelAnswerPayload = {
  salesOrderId: '9',
  cancelId: '4035318504086098241',
  decision: 'approve',
  rejectReason: '',
  deadline: 1767401800,
};
const reject: CancelAnswerPayload = {
  ...approve,
  decision: 'reject',
  rejectReason: 'order_manage_list_action_respond_popup_reject_reason_buyer_agree',
};

describe('planCancelAnswer', () => {
  it('answers a pending request; a reject only with a reason of the market', () => {
    expect(planCancelAnswer(request('CANCELLATION_REQUEST_PENDING'), approve, 'US', ORDER).action).toBe(
      'approve',
    );
    expect(planCancelAnswer(request('CANCELLATION_REQUEST_PENDING'), reject, 'US', ORDER)).toMatchObject({
      action: 'reject',
      reason: 'order_manage_list_action_respond_popup_reject_reason_buyer_agree',
    });
    const uk = planCancelAnswer(request('CANCELLATION_REQUEST_PENDING'), reject, 'GB', ORDER);
    expect(uk.action).toBe('refuse');
    expect(uk.message).toContain('order_manage_list_action_respond_popup_reject_reason_buyer_agree_uk');
  });

  it('is done when the request already ended as answered, and refuses when it ended the other way', () => {
    expect(planCancelAnswer(request('CANCELLATION_REQUEST_COMPLETE'), approve, 'US', ORDER).action).toBe(
      'done',
    );
    expect(planCancelAnswer(request('CANCELLATION_REQUEST_CANCELLED'), reject, 'US', ORDER).action).toBe(
      'done',
    );
    const late = planCancelAnswer(request('CANCELLATION_REQUEST_SUCCESS'), reject, 'US', ORDER);
    expect(late).toMatchObject({ action: 'refuse' });
    expect(late.message).toContain(
      'approved the buyer cancellation request 4035318504086098241 of TikTok order 576461413038785752 before the reject arrived (its answer deadline was 2026-01-03 00:56 UTC)',
    );
    const closed = planCancelAnswer(request('CANCELLATION_REQUEST_CANCELLED'), approve, 'US', ORDER);
    expect(closed.message).toContain('closed before the approval arrived');
    expect(planCancelAnswer(undefined, approve, 'US', ORDER).message).toContain(
      'TikTok has no buyer cancellation request',
    );
  });
});
