/// <reference types="jest" />
import { planOutcomeWrite, RELEASE_CLAIM } from '../import-outcome';

const PLANNED = 1_767_229_000;
const NEWER = 1_767_229_060;

describe("the import's outcome write never overwrites a newer payload", () => {
  it('writes the outcome and releases the claim when the payload is the one the run planned from', () => {
    const outcome = {
      state: 'imported' as const,
      salesOrderId: '88',
      message: null,
      attempts: 1,
      retryAt: null,
    };
    expect(planOutcomeWrite({ updateTime: PLANNED, salesOrderId: null }, PLANNED, outcome)).toEqual({
      superseded: false,
      changes: { ...outcome, ...RELEASE_CLAIM },
    });
  });

  it('only releases the claim when a newer payload arrived and there is no sales order: the record stays pending', () => {
    const waiting = { state: 'waiting' as const, message: 'UNPAID', retryAt: null };
    expect(planOutcomeWrite({ updateTime: NEWER, salesOrderId: null }, PLANNED, waiting)).toEqual({
      superseded: true,
      changes: { claim: null, claimUntil: null },
      updatePending: false,
    });
    const failed = { state: 'error' as const, message: 'no item', attempts: 1, retryAt: null };
    expect(planOutcomeWrite({ updateTime: NEWER, salesOrderId: null }, PLANNED, failed).changes).toEqual(
      RELEASE_CLAIM,
    );
  });

  it('links the sales order the run made and flags the order updates when a newer payload arrived', () => {
    const imported = {
      state: 'imported' as const,
      salesOrderId: '88',
      message: null,
      attempts: 1,
      retryAt: null,
    };
    expect(planOutcomeWrite({ updateTime: NEWER, salesOrderId: null }, PLANNED, imported)).toEqual({
      superseded: true,
      changes: { ...imported, updatePending: true, ...RELEASE_CLAIM },
      updatePending: true,
    });
    // An error after the save (read-back, FBT fulfillment) keeps its retry and is flagged too.
    const failedAfterSave = {
      state: 'error' as const,
      message: 'read-back',
      attempts: 1,
      retryAt: PLANNED + 300,
      salesOrderId: '88',
    };
    expect(
      planOutcomeWrite({ updateTime: NEWER, salesOrderId: null }, PLANNED, failedAfterSave).changes,
    ).toEqual({
      ...failedAfterSave,
      updatePending: true,
      ...RELEASE_CLAIM,
    });
  });

  it('keeps the sales order the record was already linked to when the outcome names none', () => {
    const cancelled = { state: 'cancelled' as const, message: 'cancelled', retryAt: null };
    expect(planOutcomeWrite({ updateTime: NEWER, salesOrderId: '77' }, PLANNED, cancelled)).toEqual({
      superseded: true,
      changes: { ...cancelled, salesOrderId: '77', updatePending: true, ...RELEASE_CLAIM },
      updatePending: true,
    });
  });

  it('treats a record without update_time like one the run planned without one', () => {
    expect(
      planOutcomeWrite({ updateTime: null, salesOrderId: null }, null, { state: 'skipped' }).superseded,
    ).toBe(false);
    expect(
      planOutcomeWrite({ updateTime: PLANNED, salesOrderId: null }, null, { state: 'skipped' }).superseded,
    ).toBe(true);
  });
});
