/// <reference types="jest" />
import { fbtNotCommittedOutcome } from '../fbt-failure';
import { MAX_IMPORT_ATTEMPTS, retryDelaySeconds } from '../import-failure';

const FAILURE = {
  orderId: '576461413038600500',
  salesOrderId: '1234',
  location: { id: '7', name: 'East Coast 3PL' },
  lines: [
    { sku: 'TEE-BLK-L', quantity: 1 },
    { sku: 'TEE-BLK-M', quantity: 2 },
    { sku: 'TEE-BLK-L', quantity: 1 },
  ],
  netsuite: {
    name: 'VALID_LINE_ITEM_REQD',
    message: 'You must enter at least one line item for this transaction.',
  },
};

describe('an FBT order with nothing committed at the FBT location', () => {
  it('names the location, the items and both fixes, and is retried with the backoff', () => {
    const outcome = fbtNotCommittedOutcome(FAILURE, 1, 1000);
    expect(outcome.retryAt).toBe(1000 + retryDelaySeconds(1));
    expect(outcome.message).toContain('sales order 1234 is saved');
    expect(outcome.message).toContain('the FBT location "East Coast 3PL" (7)');
    expect(outcome.message).toContain('TEE-BLK-L × 2, TEE-BLK-M × 2');
    expect(outcome.message).toContain('VALID_LINE_ITEM_REQD: You must enter at least one line item');
    expect(outcome.message).toContain('receive or transfer stock of these items to the FBT location');
    expect(outcome.message).toContain('Fulfill Based on Commitment to Ignore Commitment');
    expect(outcome.message).toContain('again by itself in 5 minutes (attempt 1 of 5)');
  });

  it('leaves it to a person after the last attempt', () => {
    const outcome = fbtNotCommittedOutcome(
      { ...FAILURE, location: { id: '7', name: null } },
      MAX_IMPORT_ATTEMPTS,
      1000,
    );
    expect(outcome.retryAt).toBeNull();
    expect(outcome.message).toContain('the FBT location 7');
    expect(outcome.message).toContain('Automatic retries have stopped');
    expect(outcome.message).toContain('the sales order is linked, not created again');
  });
});
