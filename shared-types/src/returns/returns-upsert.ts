/**
 * RESTlet action `returns.upsert` (docs/contracts.md): the bridge sends a shop's TikTok returns as
 * Search Returns gives them (tiktok-return.ts). With the shop's "Push returns to NetSuite as Return
 * Authorizations" on, each return that sends goods back (RETURN_AND_REFUND, REPLACEMENT) is stored
 * as a `customrecord_tts_return` (externalid `tts_ret_<shopId>_<returnId>`) and its return
 * authorization is created or brought to TikTok's status at once (rma-plan.ts, return-status.ts).
 * With the setting off nothing is stored or created, and every return answers `flow_off`.
 */
import { describeValue, isPlainObject, Problems } from '../contract/validation-problems';
import { isTikTokId } from '../ids/tiktok-id';
import type { TikTokReturn } from './tiktok-return';
import { checkTikTokReturn } from './tiktok-return';

export const RETURNS_UPSERT_ACTION = 'returns.upsert';
/** At most this many returns per call (Search Returns' largest page is 50; an RMA costs ~60 units). */
export const MAX_RETURNS_PER_UPSERT = 20;

export interface ReturnsUpsertRequest {
  action: typeof RETURNS_UPSERT_ACTION;
  shopId: string;
  returns: TikTokReturn[];
}

/**
 * - `created`: the return authorization was made now; `updated`: it was brought to TikTok's status;
 *   `unchanged`: the payload is not newer than the one stored and the RMA is made;
 * - `waiting`: the order is not a sales order yet (the bridge sends the return again later);
 * - `error`: the RMA could not be made; `message` (also on the return record) says what to fix;
 * - `not_rma`: a refund-only return (no goods come back): the refunds flow's, nothing stored;
 * - `flow_off`: the shop's Push returns to NetSuite as Return Authorizations is off: nothing stored.
 */
export type ReturnUpsertOutcome =
  'created' | 'updated' | 'unchanged' | 'waiting' | 'error' | 'not_rma' | 'flow_off';

export interface ReturnUpsertResult {
  returnId: string;
  outcome: ReturnUpsertOutcome;
  /** The return authorization's internal id, when there is one. */
  rmaId: string | null;
  /** What needs attention or stopped the return (null: nothing). */
  message: string | null;
}

export interface ReturnsUpsertResponse {
  ok: true;
  results: ReturnUpsertResult[];
}

export type ReturnsValidation = { ok: true; value: ReturnsUpsertRequest } | { ok: false; problems: string[] };

export function validateReturnsUpsert(body: Record<string, unknown>): ReturnsValidation {
  const problems = new Problems();
  if (!isTikTokId(body.shopId)) {
    problems.add(
      'shopId',
      `${describeValue(body.shopId)} is not a TikTok shop id; send its digits as a string`,
    );
  }
  const list = body.returns;
  if (!Array.isArray(list) || list.length === 0) {
    problems.add(
      'returns',
      `${describeValue(list)} is not a non-empty array; send 1 to ${MAX_RETURNS_PER_UPSERT} returns`,
    );
  } else if (list.length > MAX_RETURNS_PER_UPSERT) {
    problems.add('returns', `${list.length} returns sent; send at most ${MAX_RETURNS_PER_UPSERT} per call`);
  } else {
    const seen = new Set<unknown>();
    list.forEach((ret: unknown, i) => {
      checkTikTokReturn(problems, `returns[${i}]`, ret);
      const id = isPlainObject(ret) ? ret.return_id : undefined;
      if (isTikTokId(id)) {
        if (seen.has(id))
          problems.add(`returns[${i}].return_id`, `return ${id} is sent twice; send each return once`);
        seen.add(id);
      }
    });
  }
  return problems.count === 0
    ? { ok: true, value: body as unknown as ReturnsUpsertRequest }
    : { ok: false, problems: problems.toList() };
}

/** The stored return record, as far as the upsert decides on it. */
export interface StoredReturn {
  recordId: string;
  updateTime: number | null;
  state: string | null;
  rmaId: string | null;
}

/**
 * Whether a return needs work: a new return, a newer payload, or one whose RMA is not made yet
 * (`waiting` or `error`: retried with every send). A payload older than the one stored never
 * replaces it; the same payload with its RMA made changes nothing.
 */
export function returnNeedsWork(
  stored: StoredReturn | null,
  ret: Pick<TikTokReturn, 'update_time'>,
): 'new' | 'newer' | 'retry' | 'none' {
  if (stored === null) return 'new';
  if (stored.updateTime === null || ret.update_time > stored.updateTime) return 'newer';
  if (ret.update_time < stored.updateTime) return 'none';
  return stored.state === 'created' && stored.rmaId !== null ? 'none' : 'retry';
}

/** The exceptions view's and the answer's note when the shop's returns flow is off. */
export function pushReturnsOffNote(shopName: string): string {
  return `Push returns to NetSuite as Return Authorizations is off for shop ${shopName}: TikTok returns are not brought into NetSuite. Turn it on (Customization > TikTok Shops > ${shopName}) to create return authorizations; returns change again or are resent by the bridge's reconciliation.`;
}

/**
 * A return as Search Returns gave it, made ready for `returns.upsert`: TikTok may list a seller next
 * action without a deadline (one that is not running yet, e.g. receiving a parcel still in transit),
 * which the RESTlet's contract does not take (a deadline is what NetSuite shows), so such actions are
 * left out. Everything else is sent as TikTok gave it.
 */
export function returnForUpsert(ret: TikTokReturn): TikTokReturn {
  const actions = ret.seller_next_action_response;
  if (actions === undefined || actions === null) return ret;
  const timed = (actions as unknown[]).filter(
    (a): a is { action: string; deadline: number } =>
      isPlainObject(a) &&
      typeof a.action === 'string' &&
      a.action !== '' &&
      typeof a.deadline === 'number' &&
      Number.isInteger(a.deadline) &&
      a.deadline >= 0,
  );
  return timed.length === actions.length ? ret : { ...ret, seller_next_action_response: timed };
}

/** The return types `returns.upsert` acts on today: those that send goods back (RMAs). */
export function sentToNetSuite(ret: Pick<TikTokReturn, 'return_type'>): boolean {
  return ret.return_type === 'RETURN_AND_REFUND' || ret.return_type === 'REPLACEMENT';
}
