/**
 * A TikTok sales order being saved, as the sales order user event's checks read it: the record after
 * the save as a snapshot (on an inline edit, `xedit`, the old record fills the fields the edit left
 * out), the record before it, and the TikTok order and shop it belongs to. Shared by the beforeSubmit
 * checks (cancel-reason-service.ts, cancel-answer-service.ts) so each reads a save the same way.
 * Reading records already loaded costs no units.
 */
import type * as record from 'N/record';
import { isTikTokId } from '../../../../shared-types/src/ids/tiktok-id';
import type { SalesOrderSnapshot } from '../../../../shared-types/src/outbox/sales-order-outbox-plan';
import { readerOf } from '../dao/netsuite-record';
import { salesOrderSnapshot } from '../mappers/sales-order-mapper';

export interface TikTokSalesOrderSave {
  /** The user event's type, lower case (`create`, `edit`, `xedit`, ...). */
  eventType: string;
  /** The TikTok order id the sales order carries. */
  orderId: string;
  /** The internal id of its shop record. */
  shopRecordId: string;
  after: SalesOrderSnapshot;
  /** The sales order before the save; null on create. */
  before(): SalesOrderSnapshot | null;
}

/** The save of a TikTok sales order; null for a delete or a sales order of no TikTok order and shop. */
export function tiktokSalesOrderSave(
  type: string,
  newRecord: record.Record,
  oldRecord: record.Record | null,
): TikTokSalesOrderSave | null {
  const eventType = type.toLowerCase();
  if (eventType === 'delete') return null;
  const fallback = eventType === 'xedit' && oldRecord !== null ? readerOf(oldRecord) : null;
  const id = String(newRecord.id ?? '');
  const after = salesOrderSnapshot(readerOf(newRecord), id, fallback);
  const orderId = after.tiktokOrderId;
  if (!isTikTokId(orderId) || after.shopRecordId === null) return null;
  return {
    eventType,
    orderId,
    shopRecordId: after.shopRecordId,
    after,
    before: () => (oldRecord === null ? null : salesOrderSnapshot(readerOf(oldRecord), id, null)),
  };
}
