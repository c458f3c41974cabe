/**
 * Store part: the durable job queue. Jobs are claimed under a lease (owner + expiry); a job whose
 * owner stopped is taken over once its lease expires, and only the owner holding the lease may
 * complete or fail it.
 */

export type JobState = 'pending' | 'running' | 'done' | 'dead';

export interface NewJob {
  kind: string;
  shopId: string | null;
  /** Unique among pending jobs: enqueueing a key that is already pending adds nothing. */
  dedupeKey: string | null;
  payload: unknown;
  runAfter: number;
}

export interface JobRecord {
  id: number;
  kind: string;
  shopId: string | null;
  dedupeKey: string | null;
  payload: unknown;
  state: JobState;
  /** Times the job was claimed (every run counts, including runs whose process stopped). */
  attempts: number;
  /**
   * Claims that took the job over from an owner whose lease had expired (its process stopped or
   * stalled). The runner does not count these runs against `maxAttempts`: a deploy or crash must
   * not dead-letter a healthy job. They have their own, smaller cap (a job that kills its process).
   */
  leaseExpiries: number;
  runAfter: number;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  lastError: string | null;
  deadReason: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface EnqueueResult {
  id: number;
  created: boolean;
}

export interface ClaimOptions {
  owner: string;
  now: number;
  leaseMs: number;
  limit: number;
  /** Only these kinds. */
  kinds?: readonly string[];
  /** Not these kinds (another lane runs them). */
  excludeKinds?: readonly string[];
}

export type JobFailure =
  { kind: 'retry'; error: string; runAfter: number } | { kind: 'dead'; error: string; reason: string };

export interface QueueDepth {
  kind: string;
  state: JobState;
  count: number;
}

export interface JobStore {
  enqueueJob(job: NewJob, now: number): Promise<EnqueueResult>;
  /**
   * Leases up to `limit` due jobs (pending and due, or running with an expired lease) to `owner`,
   * oldest `runAfter` first. Two claimers never get the same job, and a key runs one job at a time:
   * a job is not claimed while another job with its dedupe key runs under a live lease (and a pending
   * one waits for an expired one to be taken over), so of an order's jobs the one that read TikTok
   * later always writes later — TikTok's `update_time` has whole seconds, and two changes in one
   * second could otherwise be written in the wrong order (the soak lost address updates so).
   */
  claimJobs(options: ClaimOptions): Promise<JobRecord[]>;
  /**
   * Heartbeat: moves the lease `owner` holds on these running jobs to `until`, and returns the ids
   * it still held. A job another owner reclaimed, or one no longer running, is left alone and left
   * out of the answer: the caller has lost it and must not complete it.
   */
  extendLease(ids: readonly number[], owner: string, until: number, now: number): Promise<number[]>;
  /** Completes a job leased by `owner`; false when the lease was lost. */
  completeJob(id: number, owner: string, now: number): Promise<boolean>;
  /** Retries or dead-letters a job leased by `owner`; false when the lease was lost. */
  failJob(id: number, owner: string, failure: JobFailure, now: number): Promise<boolean>;
  getJob(id: number): Promise<JobRecord | undefined>;
  listJobs(filter: { state?: JobState; kind?: string; limit?: number }): Promise<JobRecord[]>;
  queueDepths(): Promise<QueueDepth[]>;
  /**
   * Marks the pending job with this dedupe key done without running it, because another job already
   * did its work (a product status webhook's audit check answers the poll queued for later); false
   * when no job with the key is pending. A running job is left alone.
   */
  settlePendingJob(dedupeKey: string, now: number): Promise<boolean>;
  /** Moves dead jobs (optionally of one kind and/or shop) back to pending with a fresh attempt count. */
  requeueDeadJobs(filter: { kind?: string; shopId?: string }, now: number): Promise<number>;
}
