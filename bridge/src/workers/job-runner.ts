import type { Logger } from 'pino';
import type { Clock, Random } from '../core/clock';
import { BridgeError, describeError } from '../core/errors';
import type { BridgeMetrics } from '../metrics';
import { backoffDelay, type BackoffPolicy } from '../net/backoff';
import { Semaphore } from '../net/semaphore';
import type { BridgeStore, JobRecord } from '../store/types';

/**
 * Runs queued jobs with leases: claim due jobs (or jobs whose lease expired), hand them to the
 * handler of their kind in per-shop batches, then complete or fail each one. A failure is retried
 * with exponential backoff + jitter; after `maxAttempts` (default 8), or at once for a permanent
 * error, the job is dead-lettered with the reason.
 */
export interface BatchResult {
  /** Jobs of the batch that failed, with their error; every other job of the batch is complete. */
  failed: Map<number, unknown>;
}

export interface JobHandler {
  kind: string;
  /** Most jobs of one shop handed over at once. */
  batchSize: number;
  run(jobs: JobRecord[]): Promise<BatchResult | void>;
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
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  /** Jobs claimed per round. */
  claimLimit?: number;
  /** Batches run at the same time. */
  parallelism?: number;
  /** Rounds per `runOnce` at most (a guard against jobs that keep re-enqueueing themselves). */
  maxRounds?: number;
}

export interface RunSummary {
  claimed: number;
  completed: number;
  retried: number;
  dead: number;
}

/** True when retrying cannot help: a BridgeError that says it is not retryable. */
export function isPermanent(error: unknown): boolean {
  return error instanceof BridgeError && !error.retryable;
}

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffPolicy;

  constructor(private readonly options: JobRunnerOptions) {
    for (const handler of options.handlers) this.handlers.set(handler.kind, handler);
    this.leaseMs = options.leaseMs ?? 2 * 60 * 1000;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoff = options.backoff ?? { baseMs: 30_000, capMs: 60 * 60 * 1000 };
  }

  async runOnce(): Promise<RunSummary> {
    const summary: RunSummary = { claimed: 0, completed: 0, retried: 0, dead: 0 };
    for (let round = 0; round < (this.options.maxRounds ?? 50); round += 1) {
      const jobs = await this.options.store.claimJobs({
        owner: this.options.owner,
        now: this.options.clock.now(),
        leaseMs: this.leaseMs,
        limit: this.options.claimLimit ?? 200,
      });
      if (jobs.length === 0) break;
      summary.claimed += jobs.length;
      const semaphore = new Semaphore(this.options.parallelism ?? 2);
      await Promise.all(
        this.batches(jobs).map((batch) => semaphore.run(() => this.runBatch(batch, summary))),
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
    try {
      failed = (await handler.run(batch))?.failed ?? new Map();
    } catch (error) {
      failed = new Map(batch.map((job) => [job.id, error]));
    }
    const outcome = failed.size === 0 ? 'ok' : failed.size === batch.length ? 'failed' : 'partial';
    this.options.metrics?.jobDuration.observe({ kind, outcome }, (this.options.clock.now() - started) / 1000);
    for (const job of batch) {
      if (failed.has(job.id)) {
        await this.fail(job, failed.get(job.id), summary, isPermanent(failed.get(job.id)));
      } else if (await this.options.store.completeJob(job.id, this.options.owner, this.options.clock.now())) {
        summary.completed += 1;
      }
    }
  }

  private async fail(job: JobRecord, error: unknown, summary: RunSummary, permanent: boolean): Promise<void> {
    const message = describeError(error);
    const now = this.options.clock.now();
    if (permanent || job.attempts >= this.maxAttempts) {
      const reason = permanent
        ? `permanent error: ${message}`
        : `gave up after ${job.attempts} attempts; last error: ${message}`;
      if (
        await this.options.store.failJob(
          job.id,
          this.options.owner,
          { kind: 'dead', error: message, reason },
          now,
        )
      ) {
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
      return;
    }
    const runAfter = now + backoffDelay(job.attempts, this.backoff, this.options.random);
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
        { jobId: job.id, kind: job.kind, shopId: job.shopId, attempts: job.attempts, runAfter, err: message },
        'job failed; will retry',
      );
    }
  }
}
