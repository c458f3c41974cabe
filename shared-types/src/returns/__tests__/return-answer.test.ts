import {
  allReturnRejectReasons,
  checkReturnAnswer,
  plannedReturnAnswer,
  returnAnswerStand,
  returnRejectCodeOf,
  tiktokDecision,
  type RmaAnswerState,
} from '../return-answer';

const pending: RmaAnswerState = {
  returnId: '4035318504086604100',
  returnStatus: 'RETURN_OR_REFUND_REQUEST_PENDING',
  deadlineUnix: 2_000_000_000,
  orderStatus: 'A',
  rejectReason: '',
};
const context = {
  tiktokOrderId: '576461413038785752',
  answerReturns: true,
  region: 'US',
  nowUnix: 1_900_000_000,
};

describe('plannedReturnAnswer', () => {
  it('approves when a pending return is approved in NetSuite, rejects when a reason is chosen', () => {
    expect(plannedReturnAnswer(pending, { ...pending, orderStatus: 'B' })).toEqual({ decision: 'approve' });
    expect(
      plannedReturnAnswer(pending, { ...pending, rejectReason: 'seller_reject_apply_item_is_correct' }),
    ).toEqual({ decision: 'reject', reason: 'seller_reject_apply_item_is_correct' });
  });

  it('sends nothing back for the connector approving because TikTok did, nor for a create or other RMAs', () => {
    expect(
      plannedReturnAnswer(pending, { ...pending, orderStatus: 'B', returnStatus: 'AWAITING_BUYER_SHIP' }),
    ).toBeNull();
    expect(plannedReturnAnswer(null, { ...pending, orderStatus: 'B' })).toBeNull();
    expect(plannedReturnAnswer(pending, { ...pending, returnId: null, orderStatus: 'B' })).toBeNull();
    expect(plannedReturnAnswer(pending, pending)).toBeNull();
  });
});

describe('checkReturnAnswer', () => {
  const reject = (reason: string): RmaAnswerState => ({ ...pending, rejectReason: reason });

  it('takes an approval and a reject with a reason of the market', () => {
    expect(checkReturnAnswer(pending, { ...pending, orderStatus: 'B' }, context)).toEqual({
      ok: true,
      answer: { decision: 'approve' },
    });
    expect(checkReturnAnswer(pending, reject('seller_reject_apply_item_is_correct'), context)).toMatchObject({
      ok: true,
    });
  });

  it('refuses a reason TikTok retired or of another market, listing those that fit', () => {
    const retired = checkReturnAnswer(pending, reject('reverse_reject_request_reason_1'), context);
    expect(retired.ok).toBe(false);
    if (retired.ok) return;
    expect(retired.message).toContain('no longer takes reverse_reject_request_reason_1');
    expect(retired.message).toContain('Item is correct (seller_reject_apply_item_is_correct)');
    expect(retired.message).toContain('Fix: choose one of them in TikTok Return Reject Reason');
    const unknown = checkReturnAnswer(pending, reject('seller_reject_apply_nonexistent'), context);
    expect(unknown).toMatchObject({ ok: false, message: expect.stringContaining('is not one of TikTok') });
    const noMarket = checkReturnAnswer(pending, reject('seller_reject_apply_item_is_correct'), {
      ...context,
      region: 'ZZ',
    });
    expect(noMarket).toMatchObject({ ok: false, message: expect.stringContaining('lists no reasons') });
  });

  it('refuses a late answer, a reject of a return no longer pending, and changing a recorded reject', () => {
    const late = checkReturnAnswer(pending, reject('seller_reject_apply_item_is_correct'), {
      ...context,
      nowUnix: 2_000_000_001,
    });
    expect(late).toMatchObject({ ok: false, message: expect.stringContaining('response deadline') });
    const lateApprove = checkReturnAnswer(
      pending,
      { ...pending, orderStatus: 'B' },
      {
        ...context,
        nowUnix: 2_000_000_001,
      },
    );
    expect(lateApprove.ok).toBe(false);
    const moved = checkReturnAnswer(
      { ...pending, returnStatus: 'AWAITING_BUYER_SHIP', orderStatus: 'B' },
      {
        ...reject('seller_reject_apply_item_is_correct'),
        returnStatus: 'AWAITING_BUYER_SHIP',
        orderStatus: 'A',
      },
      context,
    );
    expect(moved).toMatchObject({ ok: false, message: expect.stringContaining('AWAITING_BUYER_SHIP') });
    const recorded = reject('seller_reject_apply_item_is_correct');
    expect(checkReturnAnswer(recorded, { ...recorded, rejectReason: '' }, context)).toMatchObject({
      ok: false,
      message: expect.stringContaining('cannot be changed or cleared'),
    });
  });

  it('refuses approve and reject at once, and a reject while Answer TikTok returns from NetSuite is off', () => {
    expect(
      checkReturnAnswer(
        pending,
        { ...reject('seller_reject_apply_item_is_correct'), orderStatus: 'B' },
        context,
      ),
    ).toMatchObject({ ok: false, message: expect.stringContaining('approved and rejected at once') });
    const off = { ...context, answerReturns: false };
    expect(checkReturnAnswer(pending, reject('seller_reject_apply_item_is_correct'), off)).toMatchObject({
      ok: false,
      message: expect.stringContaining('Answer TikTok returns from NetSuite is off'),
    });
    // Off: approving the RMA is NetSuite's own business; nothing is sent.
    expect(checkReturnAnswer(pending, { ...pending, orderStatus: 'B' }, off)).toEqual({
      ok: true,
      answer: null,
    });
  });
});

describe('reasons, decisions and TikTok statuses', () => {
  it('reads codes holding / and & from the list text', () => {
    expect(
      returnRejectCodeOf(
        'Need to apply for refund&return (seller_reject_apply_need_to_apply_for_refund&return)',
      ),
    ).toBe('seller_reject_apply_need_to_apply_for_refund&return');
    expect(
      returnRejectCodeOf('Not eligible for return (e.g. used or broken) (reverse_reject_request_reason_3)'),
    ).toBe('reverse_reject_request_reason_3');
    expect(returnRejectCodeOf(null)).toBe('');
  });

  it('lists every market reason once, and maps answers to TikTok decisions', () => {
    const codes = allReturnRejectReasons().map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('seller_reject_apply_item_is_correct');
    expect(tiktokDecision('approve', 'RETURN_AND_REFUND')).toBe('APPROVE_RETURN');
    expect(tiktokDecision('reject', 'REPLACEMENT')).toBe('REJECT_REPLACEMENT');
    expect(returnAnswerStand('AWAITING_BUYER_SHIP')).toBe('approved');
    expect(returnAnswerStand('REPLACEMENT_REQUEST_PENDING')).toBe('pending');
    expect(returnAnswerStand('RETURN_OR_REFUND_REQUEST_CANCEL')).toBe('cancelled');
  });
});
