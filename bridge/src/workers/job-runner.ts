/**
 * Runs queued jobs with leases: claim due jobs (or jobs whose lease expired), hand them to the
 * handler of their kind in per-shop batches, then complete or fail each one. A failure is retried
 * with exponential backoff + jitter; after `maxAttempts` (default 8), or at once for a permanent
 * error, the job is dead-lettered with the reason.
 *
 * Leases: a batch can outlast its lease (TikTok retries and Retry-After waits, NetSuite timeouts),
 * so while it runs a heartbeat renews the lease every `heartbeatMs` (default a third of the lease)
 * through `store.extendLease`. A job whose lease another process took over is "lost": the handler
 * sees it through `BatchContext` (order upsert re-confirms its leases right before writing to
 * NetSuite and drops lost jobs), and the runner never completes or fails a lost job.
 *
 * Attempts: a claim that takes a job over from an expired lease (the previous process crashed or
 * stalled) still counts in `attempts`, but not against `maxAttempts` or the backoff: a restart must
 * not dead-letter a healthy job. A job whose process stopped more than `maxLeaseExpiries` times
 * (default 3) while running it is dead-lettered without running it again (it may be what kills
 * the process).
 */
import type { Logger } from 'pino';
import type { Random } from '../core/sleep';
import type { Clock } from '../../../shared-types/src/time/clock';
import { BridgeError, describeError } from '../core/errors';
import type { BridgeMetrics } from '../metrics';
import { backoffDelay, type BackoffPolicy } from '../net/backoff';
import { Semaphore } from '../net/semaphore';
import type { BridgeStore, JobRecord } from '../store/types';

export interface BatchContext {
  /** True once another process took this job's lease over: do not act on it any more. */
  isLeaseLost(jobId: number): boolean;
  /**
   * Renews the batch's leases now and returns the ids still held. Call it right before an effect
   * that must not happen twice, and leave out every job not in the answer.
   */
  confirmLeases(): Promise<ReadonlySet<number>>;
}

/** Runs `tick` every `ms` until the returned function is called. */
export type Every = (ms: number, tick: () => void) => () => void;

export const realEvery: Every = (ms, tick) => {
  const timer = setInterval(tick, ms);
  timer.unref();
  return () => clearInterval(timer);
};

export interface BatchResult {
  /** Jobs of the batch that failed, with their error; every other job of the batch is complete. */
  failed: Map<number, unknown>;
}

export interface JobHandler {
  kind: string;
  /** Most jobs of one shop handed over at once. */
  batchSize: number;
  run(jobs: JobRecord[], context: BatchContext): Promise<BatchResult | void>;
}

export interface JobRunnerOptions {
  store: BridgeStore;
  handlers: readonly JobHandler[];
  clock: Clock;
  random: Random;
  owner: string;
  logger: Logger;
  metrics?: BridgeMetrics;
  leaseMs?: number;
  /** How often a running batch renews its leases (default a third of `leaseMs`). */
  heartbeatMs?: number;
  /** Timer for the heartbeat (tests inject a manual one). */
  every?: Every;
  maxAttempts?: number;
  /** Takeovers after an expired lease before the job is dead-lettered (default 3). */
  maxLeaseExpiries?: number;
  backoff?: BackoffPolicy;
  /** Jobs claimed per round. */
  claimLimit?: number;
  /** Batches run at the same time. */
  parallelism?: number;
  /** Rounds per `runOnce` at most (a guard against jobs that keep re-enqueueing themselves). */
  maxRounds?: number;
  /** This runner's lane: only these kinds. */
  kinds?: readonly string[];
  /** Kinds another lane runs. */
  excludeKinds?: readonly string[];
}

export interface RunSummary {
  claimed: number;
  completed: number;
  retried: number;
  dead: number;
  /** Jobs whose lease another process took over while this one ran them (left to that process). */
  leaseLost: number;
}

/** True when retrying cannot help: a BridgeError that says it is not retryable. */
export function isPermanent(error: unknown): boolean {
  return error instanceof BridgeError && !error.retryable;
}

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly maxLeaseExpiries: number;
  private readonly heartbeatMs: number;
  private readonly backoff: BackoffPolicy;

  constructor(private readonly options: JobRunnerOptions) {
    for (const handler of options.handlers) this.handlers.set(handler.kind, handler);
    this.leaseMs = options.leaseMs ?? 2 * 60 * 1000;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.maxLeaseExpiries = options.maxLeaseExpiries ?? 3;
    this.heartbeatMs = options.heartbeatMs ?? Math.max(1, Math.floor(this.leaseMs / 3));
    this.backoff = options.backoff ?? { baseMs: 30_000, capMs: 60 * 60 * 1000 };
  }

  async runOnce(): Promise<RunSummary> {
    const summary: RunSummary = { claimed: 0, completed: 0, retried: 0, dead: 0, leaseLost: 0 };
    for (let round = 0; round < (this.options.maxRounds ?? 50); round += 1) {
      const jobs = await this.options.store.claimJobs({
        owner: this.options.owner,
        now: this.options.clock.now(),
        leaseMs: this.leaseMs,
        limit: this.options.claimLimit ?? 200,
        ...(this.options.kinds ? { kinds: this.options.kinds } : {}),
        ...(this.options.excludeKinds ? { excludeKinds: this.options.excludeKinds } : {}),
      });
      if (jobs.length === 0) break;
      summary.claimed += jobs.length;
      const runnable: JobRecord[] = [];
      for (const job of jobs) {
        if (job.leaseExpiries > this.maxLeaseExpiries) await this.deadAfterCrashes(job, summary);
        else runnable.push(job);
      }
      const semaphore = new Semaphore(this.options.parallelism ?? 2);
      await Promise.all(
        this.batches(runnable).map((batch) => semaphore.run(() => this.runBatch(batch, summary))),
      );
    }
    return summary;
  }

  private batches(jobs: JobRecord[]): JobRecord[][] {
    const groups = new Map<string, JobRecord[]>();
    for (const job of jobs) {
      const key = `${job.kind}\u0000${job.shopId ?? ''}`;
      const group = groups.get(key) ?? [];
      group.push(job);
      groups.set(key, group);
    }
    const batches: JobRecord[][] = [];
    for (const group of groups.values()) {
      const size = Math.max(1, this.handlers.get(group[0]?.kind ?? '')?.batchSize ?? 1);
      for (let i = 0; i < group.length; i += size) batches.push(group.slice(i, i + size));
    }
    return batches;
  }

  private async runBatch(batch: JobRecord[], summary: RunSummary): Promise<void> {
    const kind = batch[0]?.kind ?? '';
    const handler = this.handlers.get(kind);
    const started = this.options.clock.now();
    let failed: Map<number, unknown>;
    if (!handler) {
      failed = new Map(batch.map((job) => [job.id, new Error(`no handler for job kind "${kind}"`)]));
      for (const job of batch) await this.fail(job, failed.get(job.id), summary, true);
      return;
    }
    const lease = this.leaseKeeper(batch);
    try {
      failed = (await handler.run(batch, lease.context))?.failed ?? new Map();
    } catch (error) {
      failed = new Map(batch.map((job) => [job.id, error]));
    } finally {
      await lease.stop();
    }
    const outcome = failed.size === 0 ? 'ok' : failed.size === batch.length ? 'failed' : 'partial';
    this.options.metrics?.jobDuration.observe({ kind, outcome }, (this.options.clock.now() - started) / 1000);
    for (const job of batch) {
      if (lease.context.isLeaseLost(job.id)) {
        summary.leaseLost += 1;
      } else if (failed.has(job.id)) {
        await this.fail(job, failed.get(job.id), summary, isPermanent(failed.get(job.id)));
      } else if (await this.options.store.completeJob(job.id, this.options.owner, this.options.clock.now())) {
        summary.completed += 1;
      } else {
        summary.leaseLost += 1;
      }
    }
  }

  /** Heartbeat for one batch: renews its leases until stopped, and tracks the ones it lost. */
  private leaseKeeper(batch: JobRecord[]): { context: BatchContext; stop(): Promise<void> } {
    const held = new Set(batch.map((job) => job.id));
    const lost = new Set<number>();
    const renew = async (): Promise<ReadonlySet<number>> => {
      const ids = [...held];
      if (ids.length === 0) return held;
      const now = this.options.clock.now();
      const still = new Set(
        await this.options.store.extendLease(ids, this.options.owner, now + this.leaseMs, now),
      );
      for (const id of ids) {
        if (still.has(id)) continue;
        held.delete(id);
        lost.add(id);
        const job = batch.find((j) => j.id === id);
        this.options.logger.warn(
          { jobId: id, kind: job?.kind, shopId: job?.shopId },
          'job lease lost to another process; this process leaves the job to it',
        );
      }
      return held;
    };
    let beating: Promise<unknown> | undefined;
    const beat = (): void => {
      if (beating) return;
      beating = renew()
        .catch((error: unknown) =>
          this.options.logger.warn({ err: describeError(error) }, 'job lease renewal failed; retried'),
        )
        .finally(() => {
          beating = undefined;
        });
    };
    const cancel = (this.options.every ?? realEvery)(this.heartbeatMs, beat);
    return {
      context: { isLeaseLost: (id) => lost.has(id), confirmLeases: renew },
      stop: async () => {
        cancel();
        await beating;
      },
    };
  }

  private async deadAfterCrashes(job: JobRecord, summary: RunSummary): Promise<void> {
    const reason = `the process running it stopped before finishing ${job.leaseExpiries} times (its lease expired each time); check the bridge logs for a crash around its runs, then use retry-dead`;
    await this.deadLetter(job, job.lastError ?? 'lease expired', reason, summary);
  }

  /** Moves a job this process still holds to the dead letters, logs it and shows it on the status page. */
  private async deadLetter(
    job: JobRecord,
    error: string,
    reason: string,
    summary: RunSummary,
  ): Promise<void> {
    const now = this.options.clock.now();
    if (
      !(await this.options.store.failJob(job.id, this.options.owner, { kind: 'dead', error, reason }, now))
    ) {
      return;
    }
    summary.dead += 1;
    this.options.logger.error(
      { jobId: job.id, kind: job.kind, shopId: job.shopId, reason },
      'job dead-lettered',
    );
    await this.options.store.recordError({
      at: now,
      source: `job:${job.kind}`,
      shopId: job.shopId,
      message: reason,
    });
  }

  private async fail(job: JobRecord, error: unknown, summary: RunSummary, permanent: boolean): Promise<void> {
    const message = describeError(error);
    const now = this.options.clock.now();
    // Runs cut short by an expired lease (crash, restart) are not held against the job.
    const attempts = Math.max(1, job.attempts - job.leaseExpiries);
    if (permanent || attempts >= this.maxAttempts) {
      const reason = permanent
        ? `permanent error: ${message}`
        : `gave up after ${attempts} attempts; last error: ${message}`;
      await this.deadLetter(job, message, reason, summary);
      return;
    }
    const runAfter = now + backoffDelay(attempts, this.backoff, this.options.random);
    if (
      await this.options.store.failJob(
        job.id,
        this.options.owner,
        { kind: 'retry', error: message, runAfter },
        now,
      )
    ) {
      summary.retried += 1;
      this.options.logger.warn(
        { jobId: job.id, kind: job.kind, shopId: job.shopId, attempts, runAfter, err: message },
        'job failed; will retry',
      );
    }
  }
}
