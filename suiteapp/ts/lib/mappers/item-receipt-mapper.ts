/**
 * Item receipts (records.json itemreceipt: created only by transforming a return authorization or a
 * purchase order): what the return receipt user event reads, the return authorization a receipt was
 * created from (`createdfrom`). The connector never creates one (README "Returns").
 */
import type { RecordReader } from './record-declaration';
import { declareRecord } from './record-declaration';
import { idOf } from './values';

export const ITEM_RECEIPT = declareRecord({
  recordType: 'itemreceipt',
  body: { createdFrom: 'createdfrom' },
});

/** The record a receipt was created from (a return authorization's id for a return), or null. */
export function receiptRmaId(rec: RecordReader): string | null {
  return idOf(rec.value(ITEM_RECEIPT.body.createdFrom));
}
