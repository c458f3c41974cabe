import {
  CATCH_UP_RUN_CAP,
  CATCH_UP_UNITS_PER_FULFILLMENT,
  catchUpStep,
  planCatchUpFinish,
} from '../catch-up';

describe('fulfillment catch-up governance', () => {
  it('captures only with the worst case of one fulfillment left, else defers it to the next run', () => {
    expect(catchUpStep(1000)).toBe('capture');
    expect(catchUpStep(CATCH_UP_UNITS_PER_FULFILLMENT)).toBe('capture');
    expect(catchUpStep(CATCH_UP_UNITS_PER_FULFILLMENT - 1)).toBe('defer');
  });

  it('re-submits a run that took the cap or deferred fulfillments, not one that finished its list', () => {
    const base = { cap: CATCH_UP_RUN_CAP, deferred: 0, failures: 0, remainingUnits: 10_000 };
    expect(planCatchUpFinish({ ...base, taken: CATCH_UP_RUN_CAP }).resubmit).toBe(true);
    expect(planCatchUpFinish({ ...base, taken: 12, deferred: 1 }).resubmit).toBe(true);
    expect(planCatchUpFinish({ ...base, taken: 12 }).resubmit).toBe(false);
  });

  it('logs failures one by one while the units last, keeping the re-submit in reserve, and sums up the rest', () => {
    const facts = { taken: 1000, cap: 1000, deferred: 0 };
    expect(planCatchUpFinish({ ...facts, failures: 40, remainingUnits: 10_000 })).toEqual({
      logged: 40,
      summarized: 0,
      resubmit: true,
    });
    // 100 units: 20 for the re-submit, 6 for the summary entry, 74 → 12 entries.
    expect(planCatchUpFinish({ ...facts, failures: 40, remainingUnits: 100 })).toEqual({
      logged: 12,
      summarized: 28,
      resubmit: true,
    });
    expect(planCatchUpFinish({ ...facts, failures: 3, remainingUnits: 10 })).toEqual({
      logged: 0,
      summarized: 3,
      resubmit: true,
    });
  });
});
