/**
 * `refund.upsert` jobs (issue #18): up to 20 completed refunds of one shop, each read again from TikTok
 * (Search Returns by return id, the search the returns flow uses too; Search Cancellations by cancel
 * id: the webhook only says that a status
 * changed, and may come late, twice or out of order), turned into the refund the connector books
 * (shared-types/src/refunds/refund-of.ts) and sent in one `refunds.upsert` (docs/contracts.md).
 * NetSuite makes each refund's document once (externalid `tts_rf_<shop>_<refund>`), so a job that runs
 * twice changes nothing. A refund NetSuite answers `waiting` (the order is not a sales order yet),
 * `error` (its message says what to fix) or `not_done` (TikTok's search does not show it complete
 * yet) fails its job, which the runner retries with backoff; `flow_off` completes it (the shop's Push
 * eCom order refunds to NetSuite is off, and the exceptions page says so).
 */
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import type { NetSuiteClient } from '../netsuite/client';
import type { SendShop } from '../netsuite/connector-reactions';
import { withShopInNetSuite } from '../netsuite/connector-reactions';
import type { TikTokClient } from '../tiktok/client';
import { cancellationForRefundSchema, returnForRefundSchema } from '../tiktok/refund-schemas';
import type { TikTokRefund } from '../../../shared-types/src/refunds/tiktok-refund';
import { refundFromCancellation, refundFromReturn } from '../../../shared-types/src/refunds/refund-of';
import { MAX_REFUNDS_PER_UPSERT } from '../../../shared-types/src/refunds/refunds-upsert';
import type { JobHandler } from './job-runner';
import { JOB_KINDS, type RefundUpsertPayload } from './job-kinds';

export interface RefundUpsertDeps {
  tiktok: Pick<TikTokClient, 'searchReturns' | 'searchCancellations'>;
  netsuite: Pick<NetSuiteClient, 'upsertRefunds'>;
  sendShop: SendShop;
}

function retryLater(message: string): BridgeError {
  return new BridgeError(BRIDGE_ERROR_CODES.NOT_FOUND, message, { retryable: true });
}

/** The refunds of the jobs' ids, read from TikTok (key `source:id`). */
async function readRefunds(
  deps: RefundUpsertDeps,
  shopId: string,
  payloads: RefundUpsertPayload[],
): Promise<Map<string, TikTokRefund>> {
  const found = new Map<string, TikTokRefund>();
  const returnIds = payloads.filter((p) => p.source === 'return').map((p) => p.refundId);
  const cancelIds = payloads.filter((p) => p.source === 'cancellation').map((p) => p.refundId);
  if (returnIds.length > 0) {
    for (const raw of await deps.tiktok.searchReturns(shopId, { returnIds })) {
      const parsed = returnForRefundSchema.safeParse(raw);
      const refund = parsed.success ? refundFromReturn(parsed.data) : null;
      if (refund !== null) found.set(`return:${refund.refund_id}`, refund);
    }
  }
  if (cancelIds.length > 0) {
    for (const raw of await deps.tiktok.searchCancellations(shopId, { cancelIds })) {
      const parsed = cancellationForRefundSchema.safeParse(raw);
      const refund = parsed.success ? refundFromCancellation(parsed.data) : null;
      if (refund !== null) found.set(`cancellation:${refund.refund_id}`, refund);
    }
  }
  return found;
}

export function refundUpsertHandler(deps: RefundUpsertDeps): JobHandler {
  return {
    kind: JOB_KINDS.REFUND_UPSERT,
    batchSize: MAX_REFUNDS_PER_UPSERT,
    async run(jobs, context) {
      const shopId = jobs[0]?.shopId;
      if (!shopId)
        throw new BridgeError(BRIDGE_ERROR_CODES.BAD_REQUEST, 'refund.upsert job without a shop id');
      const payloads = jobs.map((job) => job.payload as RefundUpsertPayload);
      const refunds = await readRefunds(deps, shopId, payloads);
      const held = await context.confirmLeases();
      const failed = new Map<number, unknown>();
      const toSend = new Map<string, TikTokRefund>();
      for (const job of jobs) {
        const { source, refundId } = job.payload as RefundUpsertPayload;
        const refund = refunds.get(`${source}:${refundId}`);
        if (refund === undefined) {
          failed.set(
            job.id,
            retryLater(
              `TikTok returned no refund amount for ${source} ${refundId} of shop ${shopId}; retried in case it is not visible yet.`,
            ),
          );
        } else if (held.has(job.id)) {
          toSend.set(refund.refund_id, refund);
        }
      }
      if (toSend.size === 0) return { failed };
      const answer = await withShopInNetSuite(deps.sendShop, shopId, () =>
        deps.netsuite.upsertRefunds(shopId, [...toSend.values()]),
      );
      const byId = new Map(answer.results.map((r) => [r.refundId, r]));
      for (const job of jobs) {
        const { refundId } = job.payload as RefundUpsertPayload;
        const result = byId.get(refundId);
        if (result === undefined || failed.has(job.id)) continue;
        if (result.outcome === 'waiting' || result.outcome === 'error' || result.outcome === 'not_done') {
          failed.set(
            job.id,
            retryLater(
              `NetSuite answered ${result.outcome} for TikTok refund ${refundId}: ${result.message ?? 'TikTok has not completed it yet'}`,
            ),
          );
        }
      }
      return { failed };
    },
  };
}
