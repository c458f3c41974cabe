/**
 * A `jobs` table row as both databases return it (snake_case columns, epoch milliseconds, the payload
 * as JSON text) and its JobRecord (`parts/jobs.ts`): shared by sqlite/jobs.ts and postgres/jobs.ts.
 */
import type { JobRecord, JobState } from './jobs';

export interface JobRow {
  id: number;
  kind: string;
  shop_id: string | null;
  dedupe_key: string | null;
  payload: string;
  state: JobState;
  attempts: number;
  lease_expiries: number;
  run_after: number;
  lease_owner: string | null;
  lease_expires_at: number | null;
  last_error: string | null;
  dead_reason: string | null;
  created_at: number;
  updated_at: number;
}

export function toJob(row: JobRow): JobRecord {
  return {
    id: row.id,
    kind: row.kind,
    shopId: row.shop_id,
    dedupeKey: row.dedupe_key,
    payload: JSON.parse(row.payload) as unknown,
    state: row.state,
    attempts: row.attempts,
    leaseExpiries: row.lease_expiries,
    runAfter: row.run_after,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
    lastError: row.last_error,
    deadReason: row.dead_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
