/**
 * Closed accounting periods. A posting transaction (one that writes to the general ledger: item
 * fulfillment, invoice, cash sale, cash refund, credit memo...) cannot be created in, moved into,
 * moved out of, changed in or deleted from a closed base period: NetSuite refuses the save with
 * `CLOSED_TRAN_PRD` (a SuiteTalk status code; the message is the emulator's wording). Sales orders
 * and return authorizations are non-posting and are not affected, as in NetSuite. Without any
 * accounting period defined (the feature unused) nothing is checked. Locks (`arlocked`,
 * `aplocked`) do not stop the administrator role scripts run as, so only `closed` counts.
 */
import { NS, SuiteScriptError } from '../../errors';
import type { RecordStore } from '../store';
import type { FieldValue, RecordTypeInfo, StoredRecord } from '../store-types';

/** Transactions that never post to the general ledger. */
const NON_POSTING_TYPES = new Set(['salesorder', 'returnauthorization', 'estimate', 'purchaseorder', 'opportunity']);

export function postsToLedger(info: RecordTypeInfo): boolean {
  return info.category === 'transaction' && !NON_POSTING_TYPES.has(info.id);
}

/** The base period (not a quarter or year) whose dates contain `day` (`YYYY-MM-DD`), if any. */
export function basePeriodOf(store: RecordStore, day: string): StoredRecord | null {
  for (const period of store.all('accountingperiod')) {
    const f = period.fields;
    if (f.isquarter === true || f.isyear === true || f.isinactive === true) continue;
    if (typeof f.startdate === 'string' && typeof f.enddate === 'string' && f.startdate <= day && day <= f.enddate) {
      return period;
    }
  }
  return null;
}

function closedPeriodError(info: RecordTypeInfo, day: string, period: StoredRecord): SuiteScriptError {
  const f = period.fields;
  return new SuiteScriptError(
    NS.CLOSED_TRAN_PRD,
    `The accounting period ${String(f.periodname)} (${String(f.startdate)} to ${String(f.enddate)}) is closed: a ${
      info.label ?? info.id
    } dated ${day} cannot be posted to it. Reopen the period or use a date in an open period.`,
  );
}

/**
 * Throws CLOSED_TRAN_PRD when any of `dates` (the transaction's trandate before and after the
 * change) falls in a closed base period.
 */
export function checkPostingPeriods(store: RecordStore, info: RecordTypeInfo, dates: readonly FieldValue[]): void {
  if (!postsToLedger(info)) return;
  for (const day of dates) {
    if (typeof day !== 'string' || day === '') continue;
    const period = basePeriodOf(store, day);
    if (period && period.fields.closed === true) throw closedPeriodError(info, day, period);
  }
}
