/**
 * Buyer cancellation requests (issue #11): a buyer asks to cancel an AWAITING_SHIPMENT order and
 * TikTok leaves the order as it is (`is_buyer_request_cancel` true) until the seller approves or
 * rejects the request, the answer deadline passes (TikTok then approves it and cancels the order),
 * the buyer withdraws it, or the package ships (in the US shipping rejects it). Sources:
 * TikTok's Search Cancellations; the simulator's sandbox/tiktok/src/domain/cancellations.ts.
 *
 * The flow:
 * - The bridge reads the pending request of an order with `is_buyer_request_cancel` from Search
 *   Cancellations (TikTok's order detail has no cancel id nor deadline) and adds it to the order it
 *   sends NetSuite as `pending_buyer_cancellation` (docs/contracts.md).
 * - The import and the order updates show it on the sales order (`custbody_tts_cancel_req_*`: the
 *   TikTok cancel id, when it was requested, the answer deadline, the buyer's reason) and clear it once
 *   TikTok no longer has it pending; the exceptions page lists the orders with a request awaiting an
 *   answer. An approved request (by the seller, or by TikTok at the deadline) cancels the TikTok
 *   order, and the order updates close the sales order as for any TikTok cancellation.
 * - A person answers on the sales order: Buyer Cancellation Answer Accept or Reject, with a Reject
 *   Reason from TikTok's list for the shop's market. The user event refuses an answer TikTok would
 *   refuse (`checkCancelAnswer`), then writes an `order.cancel_answer` outbox row the bridge sends as
 *   Approve / Reject Cancellation.
 * Pure: runs in NetSuite and in the bridge.
 */
import type { TikTokCancelReason } from './tiktok-cancel-reasons';
import {
  cancelReasonMarket,
  sellerRejectCancelReasons,
  TIKTOK_CANCEL_REASONS,
} from './tiktok-cancel-reasons';

/** The request as the bridge adds it to the order (`pending_buyer_cancellation`). */
export interface PendingBuyerCancellation {
  /** TikTok's cancellation id (Search Cancellations `cancel_id`), what Approve / Reject Cancellation take. */
  cancel_id: string;
  /** The buyer's reason code and its text, as TikTok gives them. */
  cancel_reason?: string;
  cancel_reason_text?: string;
  /** When the buyer asked (Unix seconds, the cancellation's `create_time`). */
  create_time: number;
  /** The seller's answer deadline (Unix seconds, `seller_next_action_response` SELLER_RESPOND_CANCEL), null when TikTok gives none. */
  deadline: number | null;
}

/** One cancellation of TikTok's Search Cancellations answer (the fields read here). */
export interface TikTokCancellationRecord {
  cancel_id: string;
  order_id: string;
  cancel_type?: string;
  cancel_status?: string;
  cancel_reason?: string;
  cancel_reason_text?: string;
  create_time?: number;
  seller_next_action_response?: { action?: string; deadline?: number }[];
}

export const CANCELLATION_PENDING = 'CANCELLATION_REQUEST_PENDING';

/** The pending buyer request in a Search Cancellations record, or null when it is not one. */
export function pendingFromSearch(record: TikTokCancellationRecord): PendingBuyerCancellation | null {
  if (record.cancel_status !== CANCELLATION_PENDING || record.cancel_type !== 'BUYER_CANCEL') return null;
  const respond = (record.seller_next_action_response ?? []).find(
    (next) => next.action === 'SELLER_RESPOND_CANCEL' && typeof next.deadline === 'number',
  );
  return {
    cancel_id: record.cancel_id,
    ...(record.cancel_reason === undefined ? {} : { cancel_reason: record.cancel_reason }),
    ...(record.cancel_reason_text === undefined ? {} : { cancel_reason_text: record.cancel_reason_text }),
    create_time: record.create_time ?? 0,
    deadline: respond?.deadline ?? null,
  };
}

/** The order's pending buyer request as the bridge sent it: only while TikTok still flags the order. */
export function pendingCancellationOf(order: {
  status?: string;
  is_buyer_request_cancel?: boolean;
  pending_buyer_cancellation?: PendingBuyerCancellation;
}): PendingBuyerCancellation | null {
  if (order.is_buyer_request_cancel !== true || order.status === 'CANCELLED') return null;
  return order.pending_buyer_cancellation ?? null;
}

/** The request as the sales order shows it (`custbody_tts_cancel_req_*`). */
export interface CancelRequestFields {
  /** `custbody_tts_cancel_req_id`: TikTok's cancel id; null when no request is pending. */
  cancelId: string | null;
  /** `custbody_tts_cancel_req_time`: when the buyer asked (Unix seconds). */
  requestedUnix: number | null;
  /** `custbody_tts_cancel_req_due`: the answer deadline (Unix seconds). */
  deadlineUnix: number | null;
  /** `custbody_tts_cancel_req_reason`: the buyer's reason text. */
  reason: string | null;
}

export const NO_CANCEL_REQUEST: CancelRequestFields = {
  cancelId: null,
  requestedUnix: null,
  deadlineUnix: null,
  reason: null,
};

/** The fields showing a pending request (the buyer's reason text, else its code). */
export function cancelRequestFieldsOf(pending: PendingBuyerCancellation | null): CancelRequestFields {
  if (pending === null) return NO_CANCEL_REQUEST;
  const reason = pending.cancel_reason_text?.trim() || pending.cancel_reason?.trim() || null;
  return {
    cancelId: pending.cancel_id,
    requestedUnix: pending.create_time > 0 ? pending.create_time : null,
    deadlineUnix: pending.deadline,
    reason,
  };
}

/** "2026-01-02 15:04 UTC": a deadline as messages show it (NetSuite shows the field in the user's zone). */
export function formatDeadline(unix: number): string {
  return `${new Date(unix * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export interface CancelRequestChange {
  /** The fields to write (all four; the answer fields are cleared with them). */
  fields: CancelRequestFields;
  /** For the log. */
  applied: string;
}

/**
 * What the sales order's request fields must become for the TikTok payload: a new request shown
 * (its answer fields cleared), a moved deadline, or a request TikTok no longer has pending cleared;
 * null when the sales order shows it already (a re-run changes nothing).
 */
export function planCancelRequestChange(
  order: Parameters<typeof pendingCancellationOf>[0],
  current: CancelRequestFields,
): CancelRequestChange | null {
  const pending = pendingCancellationOf(order);
  const wanted = cancelRequestFieldsOf(pending);
  if (pending === null) {
    if (current.cancelId === null) return null;
    const outcome =
      order.status === 'CANCELLED'
        ? 'approved: TikTok cancelled the order'
        : 'closed without cancelling the order (rejected, withdrawn by the buyer, or the package shipped)';
    return {
      fields: NO_CANCEL_REQUEST,
      applied: `buyer cancellation request ${current.cancelId} ${outcome}`,
    };
  }
  if (
    current.cancelId === wanted.cancelId &&
    current.deadlineUnix === wanted.deadlineUnix &&
    current.requestedUnix === wanted.requestedUnix &&
    current.reason === wanted.reason
  ) {
    return null;
  }
  const due =
    wanted.deadlineUnix === null ? 'no deadline given' : `answer by ${formatDeadline(wanted.deadlineUnix)}`;
  return {
    fields: wanted,
    applied: `buyer cancellation request ${pending.cancel_id} (${wanted.reason ?? 'no reason given'}) awaits the seller's answer, ${due}`,
  };
}

export type CancelAnswer = 'accept' | 'reject';

/** The user event's stable error code for an answer TikTok would refuse (connector-errors.ts). */
export const INVALID_CANCEL_ANSWER = 'TTS_INVALID_CANCEL_ANSWER' as const;

/** `customlist_tts_cancel_answer` entries: their text → the answer. */
export const CANCEL_ANSWER_TEXTS: Readonly<Record<CancelAnswer, string>> = {
  accept: 'Accept (cancel the order)',
  reject: 'Reject (keep the order)',
};

/** The answer a list text stands for, or null. */
export function cancelAnswerOf(text: unknown): CancelAnswer | null {
  if (typeof text !== 'string') return null;
  const word = text.trim().toLowerCase();
  if (word.startsWith('accept')) return 'accept';
  if (word.startsWith('reject')) return 'reject';
  return null;
}

/**
 * Every reject reason of every market, once (first text wins), in the table's order: the values of
 * the custom list `customlist_tts_cancel_rej_reason` (`<text> (<code>)`, like the cancel reasons).
 */
export function allRejectReasons(): TikTokCancelReason[] {
  const seen = new Map<string, TikTokCancelReason>();
  for (const market of Object.values(TIKTOK_CANCEL_REASONS)) {
    for (const reason of market.reject) {
      if (!seen.has(reason.code)) seen.set(reason.code, reason);
    }
  }
  return [...seen.values()];
}

/** The request and its answer as the sales order holds them, for the user event. */
export interface CancelAnswerState {
  cancelId: string | null;
  deadlineUnix: number | null;
  /** The Buyer Cancellation Answer list entry's text, null for none. */
  answer: string | null;
  /** The code of the Reject Reason chosen ('' for none). */
  rejectReason: string;
}

export interface CancelAnswerContext {
  tiktokOrderId: string;
  /** The shop's TikTok region, null when unknown. */
  region: string | null;
  nowUnix: number;
}

export type CancelAnswerCheck = { ok: true } | { ok: false; message: string };

/** True when the save changes the answer (so the user event checks it and may write the outbox row). */
export function cancelAnswerChanged(before: CancelAnswerState | null, after: CancelAnswerState): boolean {
  return (
    cancelAnswerOf(after.answer) !== cancelAnswerOf(before?.answer ?? null) ||
    after.rejectReason !== (before?.rejectReason ?? '') ||
    (after.answer !== null && after.cancelId !== (before?.cancelId ?? null))
  );
}

/**
 * Whether TikTok takes the answer: a pending request to answer, before its deadline, not answered
 * before; a reject with one of the market's reject reasons. The connector clearing a closed request
 * (cancel id and answer together) is always fine.
 */
export function checkCancelAnswer(
  before: CancelAnswerState | null,
  after: CancelAnswerState,
  context: CancelAnswerContext,
): CancelAnswerCheck {
  const answer = cancelAnswerOf(after.answer);
  const previous = before === null ? null : cancelAnswerOf(before.answer);
  const order = `TikTok order ${context.tiktokOrderId}`;
  if (answer === null) {
    if (previous !== null && after.cancelId !== null && after.cancelId === before?.cancelId) {
      return {
        ok: false,
        message: `The answer ${CANCEL_ANSWER_TEXTS[previous]} to the buyer's cancellation request ${after.cancelId} of ${order} was recorded for TikTok and cannot be taken back. Fix: set Buyer Cancellation Answer back to ${CANCEL_ANSWER_TEXTS[previous]}, then save again.`,
      };
    }
    return { ok: true };
  }
  if (after.cancelId === null) {
    return {
      ok: false,
      message: `${order} has no buyer cancellation request awaiting an answer, so there is nothing to ${answer}. Fix: clear Buyer Cancellation Answer, then save again; to cancel the order yourself, close it with a TikTok Cancel Reason.`,
    };
  }
  // Called only when the save changes the answer or its reason (cancelAnswerChanged).
  if (previous !== null && before?.cancelId === after.cancelId) {
    return {
      ok: false,
      message: `The buyer's cancellation request ${after.cancelId} of ${order} was already answered ${CANCEL_ANSWER_TEXTS[previous]}, and that answer was recorded for TikTok; it cannot be changed. Fix: set Buyer Cancellation Answer back to ${CANCEL_ANSWER_TEXTS[previous]}, then save again.`,
    };
  }
  if (after.deadlineUnix !== null && context.nowUnix >= after.deadlineUnix) {
    return {
      ok: false,
      message: `The answer deadline of the buyer's cancellation request ${after.cancelId} of ${order} passed at ${formatDeadline(after.deadlineUnix)}: TikTok approves a request not answered in time and cancels the order, and the connector then closes this sales order. Fix: clear Buyer Cancellation Answer, then save again.`,
    };
  }
  if (answer === 'accept') return { ok: true };
  const region = context.region?.trim() ?? '';
  const reasons = sellerRejectCancelReasons(region);
  if (reasons.some((reason) => reason.code === after.rejectReason)) return { ok: true };
  if (cancelReasonMarket(region) === null || reasons.length === 0) {
    return {
      ok: false,
      message: `TikTok lists no reasons to reject a buyer's cancellation request in the market of this shop (region ${region === '' ? 'unknown' : region}), so ${order}'s request ${after.cancelId} cannot be rejected from NetSuite. Fix: answer Accept, or answer the request in TikTok Seller Center, and clear Buyer Cancellation Answer here.`,
    };
  }
  const listed = reasons.map((reason) => `${reason.text} (${reason.code})`).join('; ');
  const chosen =
    after.rejectReason === ''
      ? 'no Reject Reason'
      : `the Reject Reason ${JSON.stringify(after.rejectReason)}`;
  return {
    ok: false,
    message: `Rejecting the buyer's cancellation request ${after.cancelId} of ${order} needs one of TikTok's reject reasons for region ${region}, but the sales order has ${chosen}. The reasons that fit: ${listed}. Fix: choose one of them in Buyer Cancellation Reject Reason, then save again.`,
  };
}
