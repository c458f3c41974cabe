/**
 * `outbox.pull` and `outbox.ack` (docs/contracts.md).
 *
 * Governance (RESTlet budget 5,000): pull = shop lookup 10 + one query 10 + 2 per row skipped or
 * failed (≤ 100 rows: ≤ 220 units); ack = one query per 500 ids 10 + 2 per row changed, + 10 per
 * TikTok package id written to its item fulfillment, + 6 per fulfillment row or return answer TikTok
 * refused (a sync-log entry, so the exceptions page shows it with the fix) (≤ 1,210).
 */
import { ackTransition } from '../../../../shared-types/src/outbox/outbox-ack';
import type {
  OutboxAckOutcome,
  OutboxAckRequest,
  OutboxAckResponse,
  OutboxPullRequest,
  OutboxPullResponse,
  OutboxRow,
} from '../../../../shared-types/src/outbox/outbox-contract';
import { DEFAULT_OUTBOX_PULL } from '../../../../shared-types/src/outbox/outbox';
import { pullDisposition } from '../../../../shared-types/src/outbox/outbox-pull';
import { RESTLET_ERROR_CODES } from '../../../../shared-types/src/contract/restlet-contract';
import { listPendingOutbox, loadOutboxStatus, updateOutboxRow } from '../dao/outbox-dao';
import { findShop } from '../dao/shop-dao';
import { writePackageId } from '../dao/item-fulfillment-dao';
import { writeLogEntry } from '../dao/log-dao';
import { connectorError } from '../platform/errors';

export function pullOutbox(request: OutboxPullRequest): OutboxPullResponse {
  let shopRecordId: string | null = null;
  if (request.shopId !== undefined) {
    const shop = findShop(request.shopId);
    if (shop === null) {
      throw connectorError(
        RESTLET_ERROR_CODES.SHOP_NOT_FOUND,
        `shopId: no TikTok Shop record for shop ${request.shopId} (externalid tts_shop_${request.shopId}). Fix: connect the shop (shop.upsert) or leave shopId out to pull every shop's rows.`,
      );
    }
    shopRecordId = shop.id;
  }
  const rows: OutboxRow[] = [];
  let skipped = 0;
  for (const pending of listPendingOutbox(shopRecordId, request.limit ?? DEFAULT_OUTBOX_PULL)) {
    const disposition = pullDisposition(pending);
    if (disposition.action === 'deliver') {
      rows.push(disposition.row);
    } else {
      updateOutboxRow(
        pending.id,
        disposition.action === 'skip' ? 'skipped' : 'failed',
        pending.attempts,
        disposition.message,
      );
      skipped += 1;
    }
  }
  return { ok: true, rows, skipped };
}

export function ackOutbox(request: OutboxAckRequest): OutboxAckResponse {
  const current = loadOutboxStatus(request.results.map((result) => result.outboxId));
  const results: OutboxAckOutcome[] = request.results.map((result) => {
    const row = current.get(result.outboxId);
    if (row === undefined) {
      return { outboxId: result.outboxId, state: 'unknown', attempts: 0 };
    }
    const next = ackTransition(row, result);
    if (!next.change) {
      return { outboxId: row.id, state: row.state ?? 'unknown', attempts: row.attempts };
    }
    updateOutboxRow(row.id, next.state, next.attempts, next.message);
    if (next.state === 'sent' && result.packageId && row.fulfillmentId) {
      writePackageId(row.fulfillmentId, result.packageId);
    }
    if (next.state === 'failed' && row.fulfillmentId) {
      // A fulfillment TikTok refused (or that could not be sent) is an exception of its fulfillment.
      writeLogEntry({
        shopRecordId: row.shopRecordId ?? null,
        level: 'error',
        flow: 'fulfillments',
        message: `Item fulfillment ${row.fulfillmentId} was not sent to TikTok: ${next.message}`,
        recordType: 'itemfulfillment',
        recordId: row.fulfillmentId,
        tiktokId: row.orderId ?? null,
      });
    }
    if (next.state === 'failed' && (row.kind === 'return.answer' || row.kind === 'return.receive')) {
      // A return answer TikTok did not take (late, or the return moved on) is an exception to see.
      writeLogEntry({
        shopRecordId: row.shopRecordId ?? null,
        level: 'error',
        flow: 'returns',
        message: `TikTok did not take the answer on return authorization ${row.transactionId ?? '(unknown)'}: ${next.message}`,
        recordType: 'returnauthorization',
        recordId: row.transactionId ?? null,
        tiktokId: row.orderId ?? null,
      });
    }
    return { outboxId: row.id, state: next.state, attempts: next.attempts };
  });
  return { ok: true, results };
}
