/**
 * The seller cancel reason chosen in NetSuite (`custbody_tts_cancel_reason`, a list of TikTok's
 * codes: `customlist_tts_cancel_reason`) and whether TikTok takes it for the shop's market and the
 * order's status (the table: tiktok-cancel-reasons.ts). The sales order user event refuses a save
 * whose reason TikTok would refuse (`TTS_INVALID_CANCEL_REASON`, naming the reasons that fit), and the
 * bridge sends the code; with no reason chosen the bridge sends the market's "out of stock" reason
 * for the order's status (`defaultCancelReason`). Pure: runs in NetSuite and in the bridge.
 */
import type { TikTokCancelReason } from './tiktok-cancel-reasons';
import {
  cancelReasonMarket,
  checkSellerCancelReason,
  sellerCancelReasons,
  TIKTOK_CANCEL_REASONS,
} from './tiktok-cancel-reasons';

/** The user event's stable error code for a cancel reason TikTok would refuse (connector-errors.ts). */
export const INVALID_CANCEL_REASON = 'TTS_INVALID_CANCEL_REASON' as const;

/** A list entry's text: the reason's words, then its code in parentheses (the code is what is sent). */
export function cancelReasonListText(reason: TikTokCancelReason): string {
  return `${reason.text} (${reason.code})`;
}

/**
 * Every seller cancel reason code of every market, once (first text wins), in the table's order:
 * the values of the custom list `customlist_tts_cancel_reason`.
 */
export function allSellerCancelReasons(): TikTokCancelReason[] {
  const seen = new Map<string, TikTokCancelReason>();
  for (const market of Object.values(TIKTOK_CANCEL_REASONS)) {
    for (const reason of [...market.unpaid, ...market.paid]) {
      if (!seen.has(reason.code)) seen.set(reason.code, reason);
    }
  }
  return [...seen.values()];
}

/** The code in a list entry's text (`Out of stock (seller_cancel_reason_out_of_stock)`), or the text itself when it is a bare code; '' for none. */
export function cancelReasonCodeOf(value: unknown): string {
  if (typeof value !== 'string') return '';
  const text = value.trim();
  const inParentheses = /\(([a-z0-9_]+)\)\s*$/.exec(text);
  if (inParentheses) return inParentheses[1] ?? '';
  return text;
}

export interface CancelReasonContext {
  /** The shop's TikTok region (`US`, `GB`, ...), null when unknown. */
  region: string | null;
  /** The TikTok order's status, null when the connector has not stored it. */
  status: string | null;
  tiktokOrderId: string;
}

export type CancelReasonCheck = { ok: true } | { ok: false; message: string };

function listed(reasons: readonly TikTokCancelReason[]): string {
  return reasons.map(cancelReasonListText).join('; ');
}

/** The reasons of the market for any status (the status unknown). */
function marketReasons(region: string): TikTokCancelReason[] {
  const market = cancelReasonMarket(region);
  if (market === null) return [];
  return [...TIKTOK_CANCEL_REASONS[market].unpaid, ...TIKTOK_CANCEL_REASONS[market].paid];
}

/**
 * Whether TikTok takes `code` as the seller cancel reason of this order: valid for the shop's market
 * and the order's status (any status of the market when the status is not known); an empty code is
 * fine (the bridge then sends the market's default). The message names what fits and the fix.
 */
export function checkCancelReasonChoice(code: string, context: CancelReasonContext): CancelReasonCheck {
  if (code === '') return { ok: true };
  const region = context.region?.trim() ?? '';
  const fix =
    'Choose one of them in TikTok Cancel Reason (or leave it empty for the default), then save again.';
  if (cancelReasonMarket(region) === null) {
    return {
      ok: false,
      message: `TikTok Cancel Reason ${code} cannot be checked: the TikTok shop's region is ${region === '' ? 'not known' : `${region}, which has no TikTok cancel reasons`}. Reconnect the shop in the bridge so its region is set, or leave TikTok Cancel Reason empty.`,
    };
  }
  const status = context.status?.trim() ?? '';
  if (status === '') {
    const reasons = marketReasons(region);
    if (reasons.some((reason) => reason.code === code)) return { ok: true };
    return {
      ok: false,
      message: `TikTok does not accept cancel reason ${code} for a ${region} shop. Reasons for ${region}: ${listed(reasons)}. ${fix}`,
    };
  }
  if (checkSellerCancelReason(region, status, code) === 'valid') return { ok: true };
  const fitting = sellerCancelReasons(region, status);
  if (fitting.length === 0) {
    return {
      ok: false,
      message: `TikTok order ${context.tiktokOrderId} is ${status}: TikTok lets the seller cancel it for no reason in that status (it has shipped or ended). Leave TikTok Cancel Reason empty and handle it as a return in TikTok Seller Center.`,
    };
  }
  return {
    ok: false,
    message: `TikTok does not accept cancel reason ${code} for TikTok order ${context.tiktokOrderId} (a ${region} shop's order in ${status}). Reasons that fit: ${listed(fitting)}. ${fix}`,
  };
}

/** The reason sent when none was chosen: the market's "out of stock" reason for the status (else its first), or null when TikTok takes none. */
export function defaultCancelReason(region: string, status: string): TikTokCancelReason | null {
  const fitting = sellerCancelReasons(region, status);
  return fitting.find((reason) => reason.code.includes('out_of_stock')) ?? fitting[0] ?? null;
}
