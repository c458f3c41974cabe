/**
 * Claims on inbox records, so that import runs of different deployments that overlap (on demand,
 * continuation, every 15 minutes: NetSuite runs separate deployments at the same time) never
 * import one order twice. Before it works on an order, a run's map() takes a lease on the inbox
 * record: its claim token and a claim-until time, written with `record.load` + `save` — the
 * inbox record type has optimistic locking, so when another run (or the RESTlet) changed the
 * record since the load, the save fails with RCRD_HAS_BEEN_CHANGED and this run leaves the order
 * alone. An outcome written to the record releases the claim; a claim whose run died expires after
 * IMPORT_CLAIM_SECONDS and the next run takes the order over. Pure: the decision on what was loaded.
 */
import { MAX_IMPORT_ATTEMPTS } from '../import/import-failure';

/** How long a claim holds: far longer than one map() invocation (one order), short enough to take over a dead run. */
export const IMPORT_CLAIM_SECONDS = 15 * 60;

/** The inbox record as loaded by the claim. */
export interface InboxClaimState {
  state: string | null;
  retryAt: number | null;
  attempts: number;
  claim: string | null;
  claimUntil: number | null;
  updateTime: number | null;
  /** The linked sales order, if any (the outcome write keeps it: import-outcome.ts). */
  salesOrderId?: string | null;
  /** A newer payload waits for the order updates. */
  updatePending?: boolean;
}

export type ClaimDecision =
  | { take: true; until: number }
  /**
   * `done`: no longer due (another run imported it, or wrote its error with a later retry);
   * `held`: another run holds a live claim; `changed`: a newer payload arrived since this run read it.
   */
  | { take: false; reason: 'done' | 'held' | 'changed' };

/**
 * True while a newer payload of an order that has a sales order waits for the order updates
 * (inbox-upsert.ts): the import leaves it alone until they have brought the sales order in line.
 */
export function awaitsOrderUpdates(record: Pick<InboxClaimState, 'salesOrderId' | 'updatePending'>): boolean {
  return record.updatePending === true && (record.salesOrderId ?? null) !== null;
}

/** The same rule as the import's candidate query (mappers/order-inbox-mapper.ts `due`). */
export function isDueForImport(
  record: Pick<InboxClaimState, 'state' | 'retryAt' | 'attempts' | 'salesOrderId' | 'updatePending'>,
  nowUnix: number,
): boolean {
  if (awaitsOrderUpdates(record)) return false;
  if (record.state === 'pending') return true;
  return (
    record.state === 'error' &&
    record.retryAt !== null &&
    record.retryAt <= nowUnix &&
    record.attempts < MAX_IMPORT_ATTEMPTS
  );
}

/** True while a claim other than `token` holds the record at `nowUnix`. */
export function heldByAnother(
  record: Pick<InboxClaimState, 'claim' | 'claimUntil'>,
  token: string,
  nowUnix: number,
): boolean {
  return (
    record.claim !== null &&
    record.claim !== '' &&
    record.claim !== token &&
    record.claimUntil !== null &&
    record.claimUntil > nowUnix
  );
}

/**
 * Whether the run holding `token` takes the record it read with `updateTime`. Its own claim (a
 * map() restarted within the run) is taken again, extending it.
 */
export function decideClaim(
  record: InboxClaimState,
  token: string,
  updateTime: number | null,
  nowUnix: number,
): ClaimDecision {
  const own = record.claim === token;
  if (!own && !isDueForImport(record, nowUnix)) return { take: false, reason: 'done' };
  if (heldByAnother(record, token, nowUnix)) return { take: false, reason: 'held' };
  if (record.updateTime !== updateTime) return { take: false, reason: 'changed' };
  return { take: true, until: nowUnix + IMPORT_CLAIM_SECONDS };
}

/**
 * A run's claim token: its deployment, start time and a random part (NetSuite gives a map/reduce
 * no run id of its own; two runs of one deployment never start in the same second with the same
 * random part).
 */
export function importClaimToken(deploymentId: string, startUnix: number, random: number): string {
  const part = Math.floor(random * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `${deploymentId}:${startUnix}:${part}`;
}
