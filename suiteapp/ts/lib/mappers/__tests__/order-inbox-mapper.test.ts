import { inboxWrites, newInboxWrites } from '../order-inbox-mapper';

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
