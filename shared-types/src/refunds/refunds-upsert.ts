/**
 * RESTlet action `refunds.upsert` (docs/contracts.md): the bridge sends a shop's completed TikTok
 * refunds (tiktok-refund.ts). With the shop's "Push eCom order refunds to NetSuite" on, each refund
 * becomes its TikTok Refund record (`customrecord_tts_refund`, externalid `tts_rf_<shopId>_<refundId>`)
 * and the one NetSuite document its order's billing state calls for (refund-plan.ts), made once: the
 * document carries the same externalid, so NetSuite refuses a second one. With the setting off nothing
 * is stored or created, every refund answers `flow_off`, and the exceptions page says so per shop.
 */
import { describeValue, isPlainObject, Problems } from '../contract/validation-problems';
import { isTikTokId } from '../ids/tiktok-id';
import type { TikTokRefund } from './tiktok-refund';
import { checkTikTokRefund } from './tiktok-refund';

export const REFUNDS_UPSERT_ACTION = 'refunds.upsert';
/** At most this many refunds per call (a refund costs at most ~210 units: suiteapp/ts/lib/services/refund-service.ts). */
export const MAX_REFUNDS_PER_UPSERT = 20;

export interface RefundsUpsertRequest {
  action: typeof REFUNDS_UPSERT_ACTION;
  shopId: string;
  refunds: TikTokRefund[];
}

/**
 * - `created`: the refund document was made now (`documentType`, `documentId`);
 * - `unchanged`: the refund's document exists already (a resend, a duplicate webhook);
 * - `not_done`: TikTok has not paid the buyer yet (status): nothing stored, the bridge sends it again;
 * - `waiting`: the order is not a sales order yet: stored, sent again later;
 * - `error`: the document could not be made; `message` (also on the refund record) says what to fix;
 * - `flow_off`: the shop's Push eCom order refunds to NetSuite is off: nothing stored.
 */
export type RefundUpsertOutcome = 'created' | 'unchanged' | 'not_done' | 'waiting' | 'error' | 'flow_off';

export type RefundDocumentType = 'creditmemo' | 'cashrefund' | 'salesorder';

export interface RefundUpsertResult {
  refundId: string;
  outcome: RefundUpsertOutcome;
  documentType: RefundDocumentType | null;
  documentId: string | null;
  /** Whether the document's total is TikTok's refund_total to the cent (null: no document). */
  tiesOut: boolean | null;
  /** What needs attention or stopped the refund (null: nothing). */
  message: string | null;
}

export interface RefundsUpsertResponse {
  ok: true;
  results: RefundUpsertResult[];
}

export type RefundsValidation = { ok: true; value: RefundsUpsertRequest } | { ok: false; problems: string[] };

export function validateRefundsUpsert(body: Record<string, unknown>): RefundsValidation {
  const problems = new Problems();
  if (!isTikTokId(body.shopId)) {
    problems.add(
      'shopId',
      `${describeValue(body.shopId)} is not a TikTok shop id; send its digits as a string`,
    );
  }
  const list = body.refunds;
  if (!Array.isArray(list) || list.length === 0) {
    problems.add(
      'refunds',
      `${describeValue(list)} is not a non-empty array; send 1 to ${MAX_REFUNDS_PER_UPSERT} refunds`,
    );
  } else if (list.length > MAX_REFUNDS_PER_UPSERT) {
    problems.add('refunds', `${list.length} refunds sent; send at most ${MAX_REFUNDS_PER_UPSERT} per call`);
  } else {
    const seen = new Set<unknown>();
    list.forEach((refund: unknown, i) => {
      checkTikTokRefund(problems, `refunds[${i}]`, refund);
      const id = isPlainObject(refund) ? refund.refund_id : undefined;
      if (isTikTokId(id)) {
        if (seen.has(id))
          problems.add(`refunds[${i}].refund_id`, `refund ${id} is sent twice; send each refund once`);
        seen.add(id);
      }
    });
  }
  return problems.count === 0
    ? { ok: true, value: body as unknown as RefundsUpsertRequest }
    : { ok: false, problems: problems.toList() };
}

/** The stored refund record, as far as the upsert decides on it. */
export interface StoredRefund {
  recordId: string;
  state: string | null;
  documentId: string | null;
}

/** Whether a refund needs work: new, or stored without its document (`waiting`, `error`: retried with every send). */
export function refundNeedsWork(stored: StoredRefund | null): 'new' | 'retry' | 'none' {
  if (stored === null) return 'new';
  return stored.state === 'created' && stored.documentId !== null ? 'none' : 'retry';
}

/** The exceptions view's and the answer's note when the shop's refunds flow is off. */
export function pushRefundsOffNote(shopName: string): string {
  return `Push eCom order refunds to NetSuite is off for shop ${shopName}: TikTok refunds make no credit memo, cash refund or sales order change in NetSuite. Turn it on (Customization > TikTok Shops > ${shopName}) to book them; refunds are resent by the bridge's reconciliation.`;
}
