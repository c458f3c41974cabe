/**
 * The seller answers a TikTok return from NetSuite (issue #17 item 3; the shop's "Answer TikTok returns
 * from NetSuite", `custrecord_tts_shop_answer_returns`, off by default). On the return authorization of
 * a TikTok return still awaiting the seller (RETURN_OR_REFUND_REQUEST_PENDING, REPLACEMENT_REQUEST_PENDING):
 * - approving the RMA (Pending Approval → Pending Receipt) approves the request in TikTok (Approve Return,
 *   `APPROVE_RETURN` or `APPROVE_REPLACEMENT`);
 * - choosing a TikTok Return Reject Reason (`custbody_tts_return_reject`, one of TikTok's reasons to reject
 *   a request of the shop's market: Get Reject Reasons, shared-types/src/returns/tiktok-return-reasons.ts)
 *   rejects it (Reject Return, `REJECT_RETURN` or `REJECT_REPLACEMENT`).
 * The user event refuses at save, with `TTS_INVALID_RETURN_ANSWER` and the fix, an answer TikTok would
 * refuse (no request pending, its deadline passed, a reason not of the market, a reject already given,
 * approve and reject at once, a reject while the setting is off); then writes a `return.answer` outbox
 * row (one per return: its key is the return id) that the bridge sends with the row's key as TikTok's
 * idempotency key (bridge/src/outbox/return-answer-plan.ts). The connector's own approval (TikTok
 * approved: the status written in the same save is no longer pending) is never sent back.
 * Pure: runs in NetSuite and in the bridge.
 */
import { formatDeadline } from '../cancellations/buyer-cancel-request';
import { cancelReasonMarket } from '../cancellations/tiktok-cancel-reasons';
import type { TikTokReturnReason } from './tiktok-return-reasons';
import {
  checkSellerRejectReturnReason,
  sellerRejectReturnReasons,
  TIKTOK_RETURN_REASONS,
} from './tiktok-return-reasons';

/** The user event's stable error code for an answer TikTok would refuse (connector-errors.ts). */
export const INVALID_RETURN_ANSWER = 'TTS_INVALID_RETURN_ANSWER' as const;

/** The TikTok statuses in which a return awaits the seller's answer to the request. */
export const PENDING_RETURN_STATUSES: readonly string[] = [
  'RETURN_OR_REFUND_REQUEST_PENDING',
  'REPLACEMENT_REQUEST_PENDING',
];

/** The TikTok statuses that mean the request was approved (by the seller, or by TikTok at the deadline). */
const APPROVED_RETURN_STATUSES: readonly string[] = [
  'AWAITING_BUYER_SHIP',
  'BUYER_SHIPPED_ITEM',
  'REJECT_RECEIVE_PACKAGE',
  'RETURN_OR_REFUND_REQUEST_SUCCESS',
  'RETURN_OR_REFUND_REQUEST_COMPLETE',
  'REPLACEMENT_REQUEST_COMPLETE',
  'REPLACEMENT_REQUEST_REFUND_SUCCESS',
];
const REJECTED_RETURN_STATUSES: readonly string[] = [
  'REFUND_OR_RETURN_REQUEST_REJECT',
  'REPLACEMENT_REQUEST_REJECT',
];
const CANCELLED_RETURN_STATUSES: readonly string[] = [
  'RETURN_OR_REFUND_REQUEST_CANCEL',
  'REPLACEMENT_REQUEST_CANCEL',
];

export function isPendingReturnStatus(status: string | null | undefined): boolean {
  return PENDING_RETURN_STATUSES.includes(status ?? '');
}

/** The return type of an RMA's TikTok return, from its pending status (RMAs are only these two types). */
export function rmaReturnType(status: string | null): 'RETURN_AND_REFUND' | 'REPLACEMENT' {
  return (status ?? '').startsWith('REPLACEMENT') ? 'REPLACEMENT' : 'RETURN_AND_REFUND';
}

/**
 * Every reason to reject a return request of every market, once (first text wins): the values of the
 * custom list `customlist_tts_return_rej_reason` (`<text> (<code>)`, like the cancel reject reasons).
 * Reasons a market retired stay listed (another market may take them); the save checks the market.
 */
export function allReturnRejectReasons(): TikTokReturnReason[] {
  const seen = new Map<string, TikTokReturnReason>();
  for (const market of Object.values(TIKTOK_RETURN_REASONS)) {
    for (const reason of market.returns.rejectRequest) {
      if (!seen.has(reason.code)) seen.set(reason.code, reason);
    }
  }
  return [...seen.values()];
}

/** The RMA as the user event reads it, before or after the save. */
export interface RmaAnswerState {
  /** `custbody_tts_return_id`: TikTok's return id; null on RMAs that are not TikTok's. */
  returnId: string | null;
  /** `custbody_tts_return_status`. */
  returnStatus: string | null;
  /** `custbody_tts_return_due`: the response deadline (Unix seconds). */
  deadlineUnix: number | null;
  /** `orderstatus`: 'A' Pending Approval, 'B' Pending Receipt, ... */
  orderStatus: string | null;
  /** The code of the TikTok Return Reject Reason chosen ('' for none); a list text is read with cancelReasonCodeOf. */
  rejectReason: string;
}

export interface ReturnAnswerContext {
  tiktokOrderId: string;
  /** The shop's "Answer TikTok returns from NetSuite". */
  answerReturns: boolean;
  /** The shop's TikTok region, null when unknown. */
  region: string | null;
  nowUnix: number;
}

export type ReturnAnswer = { decision: 'approve' } | { decision: 'reject'; reason: string };

/**
 * The reject reason code of a list text `<text> (<code>)`, or the text itself, or ''. Return reject codes
 * may hold `/` and `&` (`seller_reject_apply_need_to_apply_for_refund&return`), so the last parenthesised
 * group without spaces is the code.
 */
export function returnRejectCodeOf(value: unknown): string {
  if (typeof value !== 'string') return '';
  const text = value.trim();
  const inParentheses = /\(([^()\s]+)\)\s*$/.exec(text);
  return inParentheses?.[1] ?? text;
}

/**
 * The answer the save gives, or null: a reject reason newly chosen; an approval (A → B) of a return TikTok
 * still has pending. An approval the connector makes because TikTok approved writes the new status in the
 * same save, so it is not an answer.
 */
export function plannedReturnAnswer(
  before: RmaAnswerState | null,
  after: RmaAnswerState,
): ReturnAnswer | null {
  if (after.returnId === null) return null;
  if (after.rejectReason !== '' && after.rejectReason !== (before?.rejectReason ?? '')) {
    return { decision: 'reject', reason: after.rejectReason };
  }
  if (
    before !== null &&
    before.orderStatus === 'A' &&
    after.orderStatus !== null &&
    after.orderStatus !== 'A' &&
    isPendingReturnStatus(after.returnStatus)
  ) {
    return { decision: 'approve' };
  }
  return null;
}

export type ReturnAnswerCheck = { ok: true; answer: ReturnAnswer | null } | { ok: false; message: string };

function listed(reasons: readonly TikTokReturnReason[]): string {
  return reasons.map((reason) => `${reason.text} (${reason.code})`).join('; ');
}

/**
 * Whether TikTok takes the save's answer; `answer` is what the user event queues (null: nothing to send,
 * e.g. an approval while the setting is off, which only approves the RMA in NetSuite).
 */
export function checkReturnAnswer(
  before: RmaAnswerState | null,
  after: RmaAnswerState,
  context: ReturnAnswerContext,
): ReturnAnswerCheck {
  const returnText = `TikTok return ${after.returnId ?? ''} of order ${context.tiktokOrderId}`;
  const previous = before?.rejectReason ?? '';
  if (previous !== '' && after.rejectReason !== previous) {
    return {
      ok: false,
      message: `The TikTok Return Reject Reason ${previous} of ${returnText} was recorded for TikTok and cannot be changed or cleared. Fix: set TikTok Return Reject Reason back to ${previous}, then save again.`,
    };
  }
  const answer = plannedReturnAnswer(before, after);
  if (answer === null) return { ok: true, answer: null };
  if (answer.decision === 'reject' && after.orderStatus !== null && after.orderStatus !== 'A') {
    return {
      ok: false,
      message: `${returnText} cannot be approved and rejected at once: the return authorization is approved (status ${after.orderStatus}) and a TikTok Return Reject Reason is chosen. Fix: to reject, keep the return authorization Pending Approval and choose the reason; to approve, clear TikTok Return Reject Reason.`,
    };
  }
  if (!context.answerReturns) {
    if (answer.decision === 'approve') return { ok: true, answer: null };
    return {
      ok: false,
      message: `Answer TikTok returns from NetSuite is off for this shop, so rejecting ${returnText} here would not reach TikTok. Fix: clear TikTok Return Reject Reason and answer the return in TikTok Seller Center, or turn Answer TikTok returns from NetSuite on (Customization > TikTok Shops) and save again.`,
    };
  }
  if (!isPendingReturnStatus(after.returnStatus)) {
    return {
      ok: false,
      message: `${returnText} is ${after.returnStatus ?? 'of unknown status'} in TikTok, so it no longer awaits the seller's answer and TikTok would refuse a reject. Fix: clear TikTok Return Reject Reason, then save again.`,
    };
  }
  if (after.deadlineUnix !== null && context.nowUnix >= after.deadlineUnix) {
    const what = answer.decision === 'approve' ? 'approve' : 'reject';
    return {
      ok: false,
      message: `The response deadline of ${returnText} passed at ${formatDeadline(after.deadlineUnix)}: TikTok approves a request not answered in time, so a late ${what} is refused. Fix: ${answer.decision === 'approve' ? 'save the return authorization Pending Approval; the connector approves it when TikTok says so' : 'clear TikTok Return Reject Reason, then save again; if the request should not stand, answer it in TikTok Seller Center (arbitration)'}.`,
    };
  }
  if (answer.decision === 'approve') return { ok: true, answer };
  const region = context.region?.trim() ?? '';
  const returnType = rmaReturnType(after.returnStatus);
  const reasons = sellerRejectReturnReasons(region, returnType, 'REQUEST');
  const check = checkSellerRejectReturnReason(region, returnType, 'REQUEST', answer.reason);
  if (check === 'valid') return { ok: true, answer };
  if (cancelReasonMarket(region) === null || reasons.length === 0) {
    return {
      ok: false,
      message: `TikTok lists no reasons to reject a return request in the market of this shop (region ${region === '' ? 'unknown' : region}), so ${returnText} cannot be rejected from NetSuite. Fix: clear TikTok Return Reject Reason and answer the return in TikTok Seller Center.`,
    };
  }
  const why =
    check === 'retired'
      ? `TikTok no longer takes ${answer.reason} to reject a return in region ${region}`
      : `${answer.reason} is not one of TikTok's reasons to reject a ${returnType === 'REPLACEMENT' ? 'replacement' : 'return'} request in region ${region}`;
  return {
    ok: false,
    message: `${why} (${returnText}). The reasons that fit: ${listed(reasons)}. Fix: choose one of them in TikTok Return Reject Reason, then save again.`,
  };
}

/** TikTok's Approve Return / Reject Return `decision` for an answer to a request of `returnType`. */
export function tiktokDecision(answer: ReturnAnswer['decision'], returnType: string): string {
  const replacement = returnType === 'REPLACEMENT';
  if (answer === 'approve') return replacement ? 'APPROVE_REPLACEMENT' : 'APPROVE_RETURN';
  return replacement ? 'REJECT_REPLACEMENT' : 'REJECT_RETURN';
}

/** What TikTok's current status means for an answer queued in NetSuite (the bridge reads it first). */
export type ReturnAnswerStand = 'pending' | 'approved' | 'rejected' | 'cancelled' | 'other';

export function returnAnswerStand(status: string): ReturnAnswerStand {
  if (isPendingReturnStatus(status)) return 'pending';
  if (APPROVED_RETURN_STATUSES.includes(status)) return 'approved';
  if (REJECTED_RETURN_STATUSES.includes(status)) return 'rejected';
  if (CANCELLED_RETURN_STATUSES.includes(status)) return 'cancelled';
  return 'other';
}
