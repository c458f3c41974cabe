import type { RecordTypeInfo } from '../store-types';
import { byId, checkbox, date, select, text } from './fields';

/**
 * The standard `accountingperiod` record (Setup > Accounting > Manage Accounting Periods): base
 * periods (months) with their start and end dates, and whether they are closed or locked. Quarters
 * and years are periods too (`isquarter`, `isyear`) but only base periods take postings.
 */
export const ACCOUNTING_PERIOD: RecordTypeInfo = {
  id: 'accountingperiod',
  label: 'Accounting Period',
  category: 'other',
  family: 'other',
  externalIdGroup: 'accountingperiod',
  optimisticLocking: true,
  custom: false,
  displayField: 'periodname',
  fields: byId([
    text('periodname', 'Period Name', { mandatory: true, maxLength: 60 }),
    date('startdate', 'Start Date', { mandatory: true }),
    date('enddate', 'End Date', { mandatory: true }),
    checkbox('closed', 'Closed'),
    checkbox('isquarter', 'Quarter'),
    checkbox('isyear', 'Year'),
    checkbox('isadjust', 'Adjustment'),
    checkbox('isinactive', 'Inactive'),
    checkbox('aplocked', 'A/P Locked'),
    checkbox('arlocked', 'A/R Locked'),
    checkbox('alllocked', 'All Locked'),
    checkbox('allownonglchanges', 'Allow Non-G/L Changes'),
    select('parent', 'Subperiod Of', 'accountingperiod'),
    text('externalid', 'External ID', { maxLength: 255 }),
  ]),
  sublists: {},
  subrecords: {},
};
