/**
 * `customrecord_tts_return` (custom record: create 2, load 2, save 4; SuiteQL 10 units) and the
 * shop settings `returns.upsert` reads. Fields and queries: mappers/return-mapper.ts.
 */
import { shopExternalId } from '../../../../shared-types/src/ids/external-ids';
import type { StoredReturn } from '../../../../shared-types/src/returns/returns-upsert';
import type { BodyWrite } from '../mappers/record-declaration';
import type { OpenReturnRow } from '../mappers/return-mapper';
import {
  openReturnFromRow,
  openReturnsQuery,
  RETURN_RECORD,
  returnsByExternalIdQuery,
  storedReturnFromRow,
} from '../mappers/return-mapper';
import type { ReturnShop } from '../mappers/shop-mapper';
import {
  RETURN_SHOP_QUERY,
  RETURNS_OFF_SHOPS_QUERY,
  returnShopFromRow,
  shopNameFromRow,
} from '../mappers/shop-mapper';
import { indexRows } from '../mappers/values';
import { isDuplicateRecord } from '../platform/errors';
import { createRecord, loadRecord, saveRecord, setBodyFields } from './netsuite-record';
import { runInChunks, runQuery } from './suiteql';

/** The shop with its returns settings (10 units), or null. */
export function findReturnShop(shopId: string): ReturnShop | null {
  const [row] = runQuery(RETURN_SHOP_QUERY, [shopExternalId(shopId)]);
  return row === undefined ? null : returnShopFromRow(row, shopId);
}

/** externalid → the stored return (one query per 500, 10 units each). */
export function findReturnsByExternalId(externalIds: readonly string[]): Map<string, StoredReturn> {
  return indexRows(
    runInChunks([...new Set(externalIds)], 500, returnsByExternalIdQuery),
    'externalid',
    storedReturnFromRow,
  );
}

/**
 * Writes the return record: creates it (6 units) or loads and saves it (6 units). A create that
 * meets DUP_RCRD (a parallel call stored it first) updates the one stored.
 */
export function writeReturnRecord(
  existingId: string | null,
  externalId: string,
  writes: readonly BodyWrite[],
): string {
  if (existingId !== null) {
    const rec = loadRecord(RETURN_RECORD.recordType, existingId);
    setBodyFields(rec, writes);
    return saveRecord(rec);
  }
  const rec = createRecord(RETURN_RECORD.recordType);
  setBodyFields(rec, writes);
  try {
    return saveRecord(rec);
  } catch (e) {
    if (!isDuplicateRecord(e)) throw e;
    const stored = findReturnsByExternalId([externalId]).get(externalId);
    if (stored === undefined) throw e;
    return writeReturnRecord(stored.recordId, externalId, writes);
  }
}

/** Returns that need the admin, by response deadline (one query, 10 units). */
export function listOpenReturns(limit: number): OpenReturnRow[] {
  return runQuery(openReturnsQuery(limit)).flatMap((row) => openReturnFromRow(row) ?? []);
}

/** The names of the shops whose returns flow is off (one query, 10 units). */
export function listShopsWithReturnsOff(): string[] {
  return runQuery(RETURNS_OFF_SHOPS_QUERY).map(shopNameFromRow);
}
