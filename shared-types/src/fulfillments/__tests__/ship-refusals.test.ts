/// <reference types="jest" />
import { refusalOutcome, SHIP_CODES } from '../ship-refusals';

describe('refusal outcomes', () => {
  it('gives every code of the issue its outcome', () => {
    expect(refusalOutcome(21011025, 'ship')).toMatchObject({ action: 'recheck' });
    expect(refusalOutcome(21004015, 'ship')).toMatchObject({ action: 'exception' });
    expect(refusalOutcome(21011006, 'ship')).toEqual({ action: 'done' });
    expect(refusalOutcome(21008099, 'ship')).toEqual({ action: 'done' });
    expect(refusalOutcome(21008106, 'ship')).toEqual({ action: 'package_model' });
    expect(refusalOutcome(21011041, 'ship')).toMatchObject({ action: 'exception' });
    expect(refusalOutcome(SHIP_CODES.PACKAGE_ORDER_CANCELLED, 'update')).toMatchObject({
      action: 'exception',
    });
  });

  it('says what to fix', () => {
    const mismatch = refusalOutcome(21004015, 'ship');
    expect(mismatch.action === 'exception' && mismatch.fix).toContain('correct the tracking number');
    const cancelled = refusalOutcome(21011041, 'ship');
    expect(cancelled.action === 'exception' && cancelled.fix).toContain('cancelled meanwhile');
    const window = refusalOutcome(21011049, 'update');
    expect(window.action === 'exception' && window.fix).toContain('72 hours');
  });

  it('retries what passes by itself', () => {
    expect(refusalOutcome(21011044, 'ship')).toMatchObject({ action: 'retry' });
    expect(refusalOutcome(21011043, 'update')).toMatchObject({ action: 'retry' });
    expect(refusalOutcome(21011043, 'ship')).toMatchObject({ action: 'exception' });
    expect(refusalOutcome(99999, 'ship')).toMatchObject({ action: 'exception' });
  });
});
