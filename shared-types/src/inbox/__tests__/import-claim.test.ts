/// <reference types="jest" />
import type { InboxClaimState } from '../import-claim';
import {
  awaitsOrderUpdates,
  decideClaim,
  heldByAnother,
  IMPORT_CLAIM_SECONDS,
  importClaimToken,
  isDueForImport,
} from '../import-claim';
import { MAX_IMPORT_ATTEMPTS } from '../../import/import-failure';

const NOW = 1_767_230_000;
const MINE = 'customdeploy_tts_mr_import_orders:1767229990:a1b2c3';
const THEIRS = 'customdeploy_tts_mr_import_sched:1767229980:zz9y8x';

function record(overrides: Partial<InboxClaimState> = {}): InboxClaimState {
  return {
    state: 'pending',
    retryAt: null,
    attempts: 0,
    claim: null,
    claimUntil: null,
    updateTime: 1_767_229_000,
    ...overrides,
  };
}

describe('claims on inbox records', () => {
  it('takes an unclaimed pending record for IMPORT_CLAIM_SECONDS', () => {
    expect(decideClaim(record(), MINE, 1_767_229_000, NOW)).toEqual({
      take: true,
      until: NOW + IMPORT_CLAIM_SECONDS,
    });
  });

  it('leaves a record another run holds, and takes it over once that claim has expired (the run died)', () => {
    const held = record({ claim: THEIRS, claimUntil: NOW + 60 });
    expect(decideClaim(held, MINE, 1_767_229_000, NOW)).toEqual({ take: false, reason: 'held' });
    expect(decideClaim({ ...held, claimUntil: NOW }, MINE, 1_767_229_000, NOW)).toEqual({
      take: true,
      until: NOW + IMPORT_CLAIM_SECONDS,
    });
  });

  it('leaves a record another run finished or wrote a later retry time on', () => {
    expect(decideClaim(record({ state: 'imported' }), MINE, 1_767_229_000, NOW)).toEqual({
      take: false,
      reason: 'done',
    });
    expect(
      decideClaim(record({ state: 'error', retryAt: NOW + 300, attempts: 1 }), MINE, 1_767_229_000, NOW),
    ).toEqual({
      take: false,
      reason: 'done',
    });
  });

  it('takes its own claim again (a map restarted within the run), even after an outcome-less attempt', () => {
    const own = record({ claim: MINE, claimUntil: NOW + 100 });
    expect(decideClaim(own, MINE, 1_767_229_000, NOW)).toEqual({
      take: true,
      until: NOW + IMPORT_CLAIM_SECONDS,
    });
  });

  it('leaves a record whose payload changed since the run read it', () => {
    expect(decideClaim(record({ updateTime: 1_767_229_500 }), MINE, 1_767_229_000, NOW)).toEqual({
      take: false,
      reason: 'changed',
    });
  });

  it('reads "due" as the candidate query does', () => {
    expect(isDueForImport({ state: 'pending', retryAt: null, attempts: 3 }, NOW)).toBe(true);
    expect(isDueForImport({ state: 'error', retryAt: NOW, attempts: 1 }, NOW)).toBe(true);
    expect(isDueForImport({ state: 'error', retryAt: null, attempts: 1 }, NOW)).toBe(false);
    expect(isDueForImport({ state: 'error', retryAt: NOW - 1, attempts: MAX_IMPORT_ATTEMPTS }, NOW)).toBe(
      false,
    );
    expect(isDueForImport({ state: 'waiting', retryAt: null, attempts: 0 }, NOW)).toBe(false);
  });

  it('leaves an order with a sales order to the order updates while a newer payload is flagged for them', () => {
    const retryDue = { state: 'error', retryAt: NOW - 1, attempts: 1 };
    expect(awaitsOrderUpdates({ salesOrderId: '500', updatePending: true })).toBe(true);
    expect(isDueForImport({ ...retryDue, salesOrderId: '500', updatePending: true }, NOW)).toBe(false);
    expect(isDueForImport({ ...retryDue, salesOrderId: '500', updatePending: false }, NOW)).toBe(true);
    // Without a sales order the flag means nothing to the import: it reads the newest payload itself.
    expect(isDueForImport({ ...retryDue, salesOrderId: null, updatePending: true }, NOW)).toBe(true);
    expect(
      decideClaim(record({ salesOrderId: '500', updatePending: true }), MINE, 1_767_229_000, NOW),
    ).toEqual({ take: false, reason: 'done' });
  });

  it('a blank or expired claim holds nothing', () => {
    expect(heldByAnother({ claim: '', claimUntil: NOW + 60 }, MINE, NOW)).toBe(false);
    expect(heldByAnother({ claim: THEIRS, claimUntil: null }, MINE, NOW)).toBe(false);
    expect(heldByAnother({ claim: THEIRS, claimUntil: NOW + 1 }, MINE, NOW)).toBe(true);
  });

  it('tokens name the deployment and the run start, with a random part', () => {
    expect(importClaimToken('customdeploy_tts_mr_import_sched', NOW, 0)).toBe(
      `customdeploy_tts_mr_import_sched:${NOW}:000000`,
    );
    expect(importClaimToken('d', NOW, 0.5)).not.toBe(importClaimToken('d', NOW, 0.25));
  });
});
