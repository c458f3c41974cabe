/**
 * PostgreSQL part: the job queue (`bridge/src/store/parts/jobs.ts`) shared by every instance.
 * A claim takes due rows with `FOR UPDATE SKIP LOCKED` and leases them in the same statement, so
 * instances claiming at once never get the same job and never wait on each other; a job whose
 * owner died is taken over when its lease expires. Payloads and error text are scrubbed of secrets.
 */
import { redactSecretsInText } from '../../core/redact';
import type {
  ClaimOptions,
  EnqueueResult,
  JobFailure,
  JobRecord,
  JobState,
  JobStore,
  NewJob,
  QueueDepth,
} from '../parts/jobs';
import type { JobRow } from '../parts/job-row';
import { toJob } from '../parts/job-row';
import { isUniqueViolation, type PgConnection, type Sql } from './connection';

/** Enqueues with `sql` (the pool, or the caller's transaction: a webhook enqueues with its insert). */
export async function enqueueWith(sql: Sql, job: NewJob, now: number): Promise<EnqueueResult> {
  const payload = redactSecretsInText(JSON.stringify(job.payload ?? null));
  // The pending job holding the key may be claimed between the insert and the read: try again.
  for (;;) {
    const [created] = await sql.query<{ id: number }>(
      `INSERT INTO jobs (kind, shop_id, dedupe_key, payload, state, attempts, run_after, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'pending', 0, $5, $6, $6)
       ON CONFLICT (dedupe_key) WHERE state = 'pending' AND dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
      [job.kind, job.shopId, job.dedupeKey, payload, job.runAfter, now],
    );
    if (created) return { id: created.id, created: true };
    const [existing] = await sql.query<{ id: number }>(
      "SELECT id FROM jobs WHERE dedupe_key = $1 AND state = 'pending'",
      [job.dedupeKey],
    );
    if (existing) return { id: existing.id, created: false };
  }
}

export class PgJobs implements JobStore {
  constructor(private readonly c: PgConnection) {}

  async enqueueJob(job: NewJob, now: number): Promise<EnqueueResult> {
    return enqueueWith(this.c, job, now);
  }

  async claimJobs(options: ClaimOptions): Promise<JobRecord[]> {
    const params: unknown[] = [options.now, options.limit, options.owner, options.now + options.leaseMs];
    let kindFilter = '';
    if (options.kinds && options.kinds.length > 0) {
      params.push([...options.kinds]);
      kindFilter += ` AND kind = ANY($${params.length}::text[])`;
    }
    if (options.excludeKinds && options.excludeKinds.length > 0) {
      params.push([...options.excludeKinds]);
      kindFilter += ` AND NOT (kind = ANY($${params.length}::text[]))`;
    }
    const rows = await this.c.query<JobRow>(
      `WITH due AS (
         SELECT id FROM jobs
         WHERE ((state = 'pending' AND run_after <= $1) OR (state = 'running' AND lease_expires_at <= $1))${kindFilter}
           AND (dedupe_key IS NULL OR NOT EXISTS (
             SELECT 1 FROM jobs held WHERE held.dedupe_key = jobs.dedupe_key AND held.state = 'running'
               AND held.id <> jobs.id AND (held.lease_expires_at > $1 OR jobs.state = 'pending')))
         ORDER BY run_after, id LIMIT $2
         FOR UPDATE SKIP LOCKED
       )
       UPDATE jobs SET lease_expiries = jobs.lease_expiries + (CASE WHEN jobs.state = 'running' THEN 1 ELSE 0 END),
         state = 'running', lease_owner = $3, lease_expires_at = $4, attempts = jobs.attempts + 1, updated_at = $1
       FROM due WHERE jobs.id = due.id
       RETURNING jobs.*`,
      params,
    );
    // RETURNING has no order; the claim's order is due time, then id.
    return rows.map(toJob).sort((a, b) => a.runAfter - b.runAfter || a.id - b.id);
  }

  async extendLease(ids: readonly number[], owner: string, until: number, now: number): Promise<number[]> {
    if (ids.length === 0) return [];
    const held = new Set(
      (
        await this.c.query<{ id: number }>(
          `UPDATE jobs SET lease_expires_at = $1, updated_at = $2
           WHERE id = ANY($3::bigint[]) AND state = 'running' AND lease_owner = $4 RETURNING id`,
          [until, now, [...ids], owner],
        )
      ).map((r) => r.id),
    );
    return ids.filter((id) => held.has(id));
  }

  async completeJob(id: number, owner: string, now: number): Promise<boolean> {
    const rows = await this.c.query(
      `UPDATE jobs SET state = 'done', lease_owner = NULL, lease_expires_at = NULL, updated_at = $1
       WHERE id = $2 AND state = 'running' AND lease_owner = $3 RETURNING id`,
      [now, id, owner],
    );
    return rows.length === 1;
  }

  async failJob(id: number, owner: string, failure: JobFailure, now: number): Promise<boolean> {
    return this.c.tx(async (t) => {
      const owned = await t.query(
        "SELECT id FROM jobs WHERE id = $1 AND state = 'running' AND lease_owner = $2 FOR UPDATE",
        [id, owner],
      );
      if (owned.length === 0) return false;
      if (failure.kind === 'dead') {
        await t.query(
          `UPDATE jobs SET state = 'dead', dead_reason = $1, last_error = $2, lease_owner = NULL, lease_expires_at = NULL,
           updated_at = $3 WHERE id = $4`,
          [redactSecretsInText(failure.reason), redactSecretsInText(failure.error), now, id],
        );
        return true;
      }
      try {
        await t.savepoint(() =>
          t.query(
            `UPDATE jobs SET state = 'pending', run_after = $1, last_error = $2, lease_owner = NULL, lease_expires_at = NULL,
             updated_at = $3 WHERE id = $4`,
            [failure.runAfter, redactSecretsInText(failure.error), now, id],
          ),
        );
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // A newer pending job with the same key will do this work.
        await t.query(
          `UPDATE jobs SET state = 'done', last_error = $1, lease_owner = NULL, lease_expires_at = NULL, updated_at = $2
           WHERE id = $3`,
          [
            redactSecretsInText(`superseded by a pending job with the same key after: ${failure.error}`),
            now,
            id,
          ],
        );
      }
      return true;
    });
  }

  async getJob(id: number): Promise<JobRecord | undefined> {
    const [row] = await this.c.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
    return row ? toJob(row) : undefined;
  }

  async listJobs(filter: { state?: JobState; kind?: string; limit?: number }): Promise<JobRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.state) {
      params.push(filter.state);
      where.push(`state = $${params.length}`);
    }
    if (filter.kind) {
      params.push(filter.kind);
      where.push(`kind = $${params.length}`);
    }
    params.push(filter.limit ?? 1000);
    const sql = `SELECT * FROM jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.length}`;
    return (await this.c.query<JobRow>(sql, params)).map(toJob);
  }

  async queueDepths(): Promise<QueueDepth[]> {
    return (
      await this.c.query<QueueDepth>(
        'SELECT kind, state, COUNT(*) AS count FROM jobs GROUP BY kind, state ORDER BY kind, state',
      )
    ).map((r) => ({ kind: r.kind, state: r.state, count: r.count }));
  }

  async settlePendingJob(dedupeKey: string, now: number): Promise<boolean> {
    const rows = await this.c.query(
      "UPDATE jobs SET state = 'done', updated_at = $1 WHERE dedupe_key = $2 AND state = 'pending' RETURNING id",
      [now, dedupeKey],
    );
    return rows.length > 0;
  }

  async requeueDeadJobs(filter: { kind?: string; shopId?: string }, now: number): Promise<number> {
    return this.c.tx(async (t) => {
      const where = ["state = 'dead'"];
      const params: unknown[] = [];
      if (filter.kind !== undefined) {
        params.push(filter.kind);
        where.push(`kind = $${params.length}`);
      }
      if (filter.shopId !== undefined) {
        params.push(filter.shopId);
        where.push(`shop_id = $${params.length}`);
      }
      const dead = await t.query<{ id: number }>(
        `SELECT id FROM jobs WHERE ${where.join(' AND ')} ORDER BY id FOR UPDATE`,
        params,
      );
      let moved = 0;
      for (const { id } of dead) {
        try {
          await t.savepoint(() =>
            t.query(
              `UPDATE jobs SET state = 'pending', attempts = 0, lease_expiries = 0, run_after = $1, dead_reason = NULL, updated_at = $1
               WHERE id = $2`,
              [now, id],
            ),
          );
          moved += 1;
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          await t.query("UPDATE jobs SET state = 'done', last_error = $1, updated_at = $2 WHERE id = $3", [
            'superseded by a pending job with the same key',
            now,
            id,
          ]);
        }
      }
      return moved;
    });
  }
}
