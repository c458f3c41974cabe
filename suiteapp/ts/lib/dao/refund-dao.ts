/**
 * `customrecord_tts_refund` (custom record: create 2, load 2, save 4; SuiteQL 10 units) and the shop
 * setting `refunds.upsert` reads first. Fields and queries: mappers/refund-mapper.ts.
 */
import { shopExternalId } from '../../../../shared-types/src/ids/external-ids';
import type { StoredRefund } from '../../../../shared-types/src/refunds/refunds-upsert';
import type { BodyWrite } from '../mappers/record-declaration';
import type { OpenRefundRow } from '../mappers/refund-mapper';
import {
  openRefundFromRow,
  openRefundsQuery,
  REFUND_RECORD,
  refundsByExternalIdQuery,
  storedRefundFromRow,
} from '../mappers/refund-mapper';
import type { RefundShop } from '../mappers/shop-mapper';
import {
  REFUND_SHOP_QUERY,
  REFUNDS_OFF_SHOPS_QUERY,
  refundShopFromRow,
  shopNameFromRow,
} from '../mappers/shop-mapper';
import { indexRows } from '../mappers/values';
import { isDuplicateRecord } from '../platform/errors';
import { createRecord, loadRecord, saveRecord, setBodyFields } from './netsuite-record';
import { runInChunks, runQuery } from './suiteql';

/** The shop with its Push eCom order refunds to NetSuite (10 units), or null. */
export function findRefundShop(shopId: string): RefundShop | null {
  const [row] = runQuery(REFUND_SHOP_QUERY, [shopExternalId(shopId)]);
  return row === undefined ? null : refundShopFromRow(row, shopId);
}

/** externalid → the stored refund (one query per 500, 10 units each). */
export function findRefundsByExternalId(externalIds: readonly string[]): Map<string, StoredRefund> {
  return indexRows(
    runInChunks([...new Set(externalIds)], 500, refundsByExternalIdQuery),
    'externalid',
    storedRefundFromRow,
  );
}

/** Writes the refund record: creates it or loads and saves it (6 units); a create that meets DUP_RCRD updates the one stored. */
export function writeRefundRecord(
  existingId: string | null,
  externalId: string,
  writes: readonly BodyWrite[],
): string {
  if (existingId !== null) {
    const rec = loadRecord(REFUND_RECORD.recordType, existingId);
    setBodyFields(rec, writes);
    return saveRecord(rec);
  }
  const rec = createRecord(REFUND_RECORD.recordType);
  setBodyFields(rec, writes);
  try {
    return saveRecord(rec);
  } catch (e) {
    if (!isDuplicateRecord(e)) throw e;
    const stored = findRefundsByExternalId([externalId]).get(externalId);
    if (stored === undefined) throw e;
    return writeRefundRecord(stored.recordId, externalId, writes);
  }
}

/** Refunds that need the admin, newest first (one query, 10 units). */
export function listOpenRefunds(limit: number): OpenRefundRow[] {
  return runQuery(openRefundsQuery(limit)).flatMap((row) => openRefundFromRow(row) ?? []);
}

/** The names of the shops whose refunds flow is off (one query, 10 units). */
export function listShopsWithRefundsOff(): string[] {
  return runQuery(REFUNDS_OFF_SHOPS_QUERY).map(shopNameFromRow);
}
