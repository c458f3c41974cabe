/**
 * SQLite part: the job queue (`parts/jobs.ts`). Claims run in an IMMEDIATE transaction (the write
 * lock first), so two processes on one file never claim the same job. Payloads and error text are
 * scrubbed of secrets on the way in.
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
import { isUniqueViolation, type SqliteConnection } from './connection';

export class SqliteJobs implements JobStore {
  constructor(private readonly c: SqliteConnection) {}

  /** Enqueues inside the caller's transaction (the webhook part enqueues with its insert). */
  enqueueSync(job: NewJob, now: number): EnqueueResult {
    const result = this.c
      .statement(
        `INSERT INTO jobs (kind, shop_id, dedupe_key, payload, state, attempts, run_after, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?)
         ON CONFLICT (dedupe_key) WHERE state = 'pending' AND dedupe_key IS NOT NULL DO NOTHING`,
      )
      .run(
        job.kind,
        job.shopId,
        job.dedupeKey,
        redactSecretsInText(JSON.stringify(job.payload ?? null)),
        job.runAfter,
        now,
        now,
      );
    if (result.changes === 1) return { id: Number(result.lastInsertRowid), created: true };
    const existing = this.c
      .statement("SELECT id FROM jobs WHERE dedupe_key = ? AND state = 'pending'")
      .get(job.dedupeKey) as { id: number };
    return { id: existing.id, created: false };
  }

  async enqueueJob(job: NewJob, now: number): Promise<EnqueueResult> {
    return this.c.db.transaction(() => this.enqueueSync(job, now)).immediate();
  }

  async claimJobs(options: ClaimOptions): Promise<JobRecord[]> {
    const kinds = options.kinds ?? [];
    const excluded = options.excludeKinds ?? [];
    const kindFilter = [
      kinds.length > 0 ? `AND kind IN (${kinds.map(() => '?').join(', ')})` : '',
      excluded.length > 0 ? `AND kind NOT IN (${excluded.map(() => '?').join(', ')})` : '',
    ].join(' ');
    return this.c.db
      .transaction(() => {
        const ids = (
          this.c
            .statement(
              `SELECT id FROM jobs
             WHERE ((state = 'pending' AND run_after <= ?) OR (state = 'running' AND lease_expires_at <= ?)) ${kindFilter}
               AND (dedupe_key IS NULL OR NOT EXISTS (
                 SELECT 1 FROM jobs held WHERE held.dedupe_key = jobs.dedupe_key AND held.state = 'running'
                   AND held.id <> jobs.id AND (held.lease_expires_at > ? OR jobs.state = 'pending')))
             ORDER BY run_after, id LIMIT ?`,
            )
            .all(options.now, options.now, ...kinds, ...excluded, options.now, options.limit) as {
            id: number;
          }[]
        ).map((r) => r.id);
        const update = this.c.statement(
          `UPDATE jobs SET lease_expiries = lease_expiries + (CASE WHEN state = 'running' THEN 1 ELSE 0 END),
           state = 'running', lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1, updated_at = ?
         WHERE id = ?`,
        );
        const read = this.c.statement('SELECT * FROM jobs WHERE id = ?');
        return ids.map((id) => {
          update.run(options.owner, options.now + options.leaseMs, options.now, id);
          return toJob(read.get(id) as JobRow);
        });
      })
      .immediate();
  }

  async extendLease(ids: readonly number[], owner: string, until: number, now: number): Promise<number[]> {
    if (ids.length === 0) return [];
    return this.c.db
      .transaction(() => {
        const extend = this.c.statement(
          `UPDATE jobs SET lease_expires_at = ?, updated_at = ? WHERE id = ? AND state = 'running' AND lease_owner = ?`,
        );
        return ids.filter((id) => extend.run(until, now, id, owner).changes === 1);
      })
      .immediate();
  }

  async completeJob(id: number, owner: string, now: number): Promise<boolean> {
    const result = this.c
      .statement(
        `UPDATE jobs SET state = 'done', lease_owner = NULL, lease_expires_at = NULL, updated_at = ?
         WHERE id = ? AND state = 'running' AND lease_owner = ?`,
      )
      .run(now, id, owner);
    return result.changes === 1;
  }

  async failJob(id: number, owner: string, failure: JobFailure, now: number): Promise<boolean> {
    return this.c.db
      .transaction(() => {
        const owned = this.c
          .statement("SELECT id FROM jobs WHERE id = ? AND state = 'running' AND lease_owner = ?")
          .get(id, owner);
        if (!owned) return false;
        if (failure.kind === 'dead') {
          this.c
            .statement(
              `UPDATE jobs SET state = 'dead', dead_reason = ?, last_error = ?, lease_owner = NULL, lease_expires_at = NULL,
             updated_at = ? WHERE id = ?`,
            )
            .run(redactSecretsInText(failure.reason), redactSecretsInText(failure.error), now, id);
          return true;
        }
        try {
          this.c
            .statement(
              `UPDATE jobs SET state = 'pending', run_after = ?, last_error = ?, lease_owner = NULL, lease_expires_at = NULL,
             updated_at = ? WHERE id = ?`,
            )
            .run(failure.runAfter, redactSecretsInText(failure.error), now, id);
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          // A newer pending job with the same key will do this work.
          this.c
            .statement(
              `UPDATE jobs SET state = 'done', last_error = ?, lease_owner = NULL, lease_expires_at = NULL, updated_at = ?
             WHERE id = ?`,
            )
            .run(
              redactSecretsInText(`superseded by a pending job with the same key after: ${failure.error}`),
              now,
              id,
            );
        }
        return true;
      })
      .immediate();
  }

  async getJob(id: number): Promise<JobRecord | undefined> {
    const row = this.c.statement('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row ? toJob(row) : undefined;
  }

  async listJobs(filter: { state?: JobState; kind?: string; limit?: number }): Promise<JobRecord[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.state) {
      where.push('state = ?');
      params.push(filter.state);
    }
    if (filter.kind) {
      where.push('kind = ?');
      params.push(filter.kind);
    }
    const sql = `SELECT * FROM jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`;
    return (this.c.statement(sql).all(...params, filter.limit ?? 1000) as JobRow[]).map(toJob);
  }

  async queueDepths(): Promise<QueueDepth[]> {
    return (
      this.c
        .statement(
          'SELECT kind, state, COUNT(*) AS count FROM jobs GROUP BY kind, state ORDER BY kind, state',
        )
        .all() as QueueDepth[]
    ).map((r) => ({ kind: r.kind, state: r.state, count: r.count }));
  }

  async settlePendingJob(dedupeKey: string, now: number): Promise<boolean> {
    return (
      this.c
        .statement(
          "UPDATE jobs SET state = 'done', updated_at = ? WHERE dedupe_key = ? AND state = 'pending'",
        )
        .run(now, dedupeKey).changes > 0
    );
  }

  async requeueDeadJobs(filter: { kind?: string; shopId?: string }, now: number): Promise<number> {
    return this.c.db
      .transaction(() => {
        const where = ["state = 'dead'"];
        const params: string[] = [];
        if (filter.kind !== undefined) {
          where.push('kind = ?');
          params.push(filter.kind);
        }
        if (filter.shopId !== undefined) {
          where.push('shop_id = ?');
          params.push(filter.shopId);
        }
        const dead = this.c
          .statement(`SELECT id FROM jobs WHERE ${where.join(' AND ')} ORDER BY id`)
          .all(...params) as { id: number }[];
        let moved = 0;
        for (const { id } of dead) {
          try {
            this.c
              .statement(
                `UPDATE jobs SET state = 'pending', attempts = 0, lease_expiries = 0, run_after = ?, dead_reason = NULL, updated_at = ?
               WHERE id = ?`,
              )
              .run(now, now, id);
            moved += 1;
          } catch (error) {
            if (!isUniqueViolation(error)) throw error;
            this.c
              .statement("UPDATE jobs SET state = 'done', last_error = ?, updated_at = ? WHERE id = ?")
              .run('superseded by a pending job with the same key', now, id);
          }
        }
        return moved;
      })
      .immediate();
  }
}
