/**
 * The import run's claim on one order inbox record, taken in map() before the order is worked on, so
 * overlapping runs never import an order twice.
 */
import { decideClaim } from '../../../../shared-types/src/inbox/import-claim';
import type { ImportWorkItem } from '../../../../shared-types/src/import/import-work';
import { loadInboxClaim, saveInboxClaim } from '../dao/order-inbox-dao';
import type { NotClaimed } from './order-import-inbox';

/**
 * map()'s claim on the inbox record before it works on the order (shared-types/src/inbox/import-claim.ts):
 * load the record (2 units), decide, and save the run's claim token and claim-until time (4 units).
 * The save fails with RCRD_HAS_BEEN_CHANGED when anything changed the record since the load
 * (optimistic locking): another run claimed it first, or the RESTlet stored a newer payload; the
 * order is then left to that run or to the run the RESTlet queued. Left alone (2 units): a record
 * another run finished or holds.
 */
export type ClaimResult = { taken: true } | { taken: false; reason: NotClaimed };

export function claimForImport(item: ImportWorkItem, nowUnix: number): ClaimResult {
  const token = item.claimToken ?? '';
  const loaded = loadInboxClaim(item.inboxId);
  const decision = decideClaim(loaded.state, token, item.updateTime ?? null, nowUnix);
  if (!decision.take) {
    return { taken: false, reason: decision.reason };
  }
  return saveInboxClaim(loaded, token, decision.until) ? { taken: true } : { taken: false, reason: 'raced' };
}
