import {
  claimStateFromRecord,
  claimWrites,
  importCandidatesQuery,
  importRowsQuery,
  inboxWrites,
  newInboxWrites,
  pendingInboxQuery,
} from '../order-inbox-mapper';
import { placeholders } from '../sql';

/** The order inbox mapper: domain changes → the record's fields. */
describe('inboxWrites', () => {
  it('writes only the fields a change names, clearing those set to null', () => {
    expect(inboxWrites({ state: 'error', message: 'Fix it', attempts: 2, retryAt: null })).toEqual([
      ['custrecord_tts_ord_state', 'error'],
      ['custrecord_tts_ord_error', 'Fix it'],
      ['custrecord_tts_ord_attempts', 2],
      ['custrecord_tts_ord_retry_at', ''],
    ]);
    expect(inboxWrites({ updatePending: false })).toEqual([['custrecord_tts_ord_update_pending', false]]);
  });

  it('a new record starts with its externalid and name', () => {
    expect(newInboxWrites('tts_1_2', 'TikTok order 2', { shopRecordId: '7', state: 'pending' })).toEqual([
      ['externalid', 'tts_1_2'],
      ['name', 'TikTok order 2'],
      ['custrecord_tts_ord_shop', '7'],
      ['custrecord_tts_ord_state', 'pending'],
    ]);
  });
});

describe('claims of import runs', () => {
  it('an outcome releases the claim; a claim writes the token and its expiry', () => {
    expect(inboxWrites({ state: 'imported', claim: null, claimUntil: null })).toEqual([
      ['custrecord_tts_ord_state', 'imported'],
      ['custrecord_tts_ord_claim', ''],
      ['custrecord_tts_ord_claim_until', ''],
    ]);
    expect(claimWrites('customdeploy_tts_mr_import_sched:1767229000:abc123', 1767229900)).toEqual([
      ['custrecord_tts_ord_claim', 'customdeploy_tts_mr_import_sched:1767229000:abc123'],
      ['custrecord_tts_ord_claim_until', 1767229900],
    ]);
  });

  it('reads the claim state of a loaded record, empty fields as null', () => {
    const fields: Record<string, unknown> = {
      custrecord_tts_ord_state: 'pending',
      custrecord_tts_ord_retry_at: '',
      custrecord_tts_ord_attempts: 2,
      custrecord_tts_ord_claim: '',
      custrecord_tts_ord_claim_until: null,
      custrecord_tts_ord_update_time: 1767229000,
      custrecord_tts_ord_sales_order: '4711',
      custrecord_tts_ord_update_pending: 'T',
    };
    const reader = {
      value: (id: string) => fields[id],
      fieldIds: () => Object.keys(fields),
      lineCount: () => 0,
      lineValue: () => null,
      lineText: () => null,
      text: () => null,
      subrecord: () => null,
    } as unknown as Parameters<typeof claimStateFromRecord>[0];
    expect(claimStateFromRecord(reader)).toEqual({
      state: 'pending',
      retryAt: null,
      attempts: 2,
      claim: null,
      claimUntil: null,
      updateTime: 1767229000,
      salesOrderId: '4711',
      updatePending: true,
    });
  });

  it('runs take only records no live claim holds, and leftovers exclude them too', () => {
    const unclaimed =
      'custrecord_tts_ord_claim_until IS NULL OR custrecord_tts_ord_claim_until <= 1767229000';
    expect(importCandidatesQuery(1767229000).text).toContain(unclaimed);
    expect(importRowsQuery(1767229000, placeholders(2)).text).toContain(unclaimed);
    expect(pendingInboxQuery(1767229000).sql.text).toContain(unclaimed);
  });

  it('runs and leftovers leave a flagged order with a sales order to the order updates', () => {
    const notAwaiting =
      "(NVL(custrecord_tts_ord_update_pending, 'F') = 'F' OR custrecord_tts_ord_sales_order IS NULL)";
    expect(importCandidatesQuery(1767229000).text).toContain(notAwaiting);
    expect(importRowsQuery(1767229000, placeholders(2)).text).toContain(notAwaiting);
    expect(pendingInboxQuery(1767229000).sql.text).toContain(notAwaiting);
  });
});
