/// <reference types="jest" />
import {
  describeRetrySummary,
  parseRetrySummary,
  retrySummaryParams,
  summarizeRetry,
} from '../retry-summary';

describe('retry summary across the redirect', () => {
  const summary = summarizeRetry(
    {
      ok: true,
      results: [
        { inboxId: '1', outcome: 'retried', state: 'pending' },
        { inboxId: '2', outcome: 'retried', state: 'imported' },
        { inboxId: '3', outcome: 'not_retryable', state: 'imported' },
        { inboxId: '4', outcome: 'not_found', state: null },
      ],
      importQueued: true,
      updatesQueued: true,
    },
    1,
  );

  it('counts outcomes and survives the URL parameters', () => {
    expect(summary).toEqual({ retried: 2, notRetryable: 1, notFound: 1, ignored: 1 });
    expect(parseRetrySummary(retrySummaryParams(summary))).toEqual(summary);
  });

  it('is absent on a plain page view and ignores junk counts', () => {
    expect(parseRetrySummary({})).toBeNull();
    expect(parseRetrySummary({ retried: 'x' })).toBeNull();
    expect(parseRetrySummary({ retried: '2', notfound: '-1' })).toEqual({
      retried: 2,
      notRetryable: 0,
      notFound: 0,
      ignored: 0,
    });
  });

  it('describes what happened', () => {
    expect(describeRetrySummary(summary)).toBe(
      '2 orders queued for another try. 1 order skipped: no longer in error or exception. 1 order not found (deleted meanwhile). 1 order ignored (not an inbox record id, or more than one page at once).',
    );
    expect(describeRetrySummary({ retried: 0, notRetryable: 0, notFound: 0, ignored: 0 })).toContain(
      'Nothing was selected',
    );
  });
});
