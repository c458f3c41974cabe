/**
 * Group commit of verified webhooks: inserts submitted while the event loop is busy with other
 * requests share one store transaction (one WAL commit instead of one per webhook), and each
 * `submit` resolves only once that transaction has committed, so the route answers 200 only for a
 * row that is durable. A webhook that cannot be stored rejects its own `submit` and no other.
 *
 * Batching adds no timer: the first `submit` of a batch schedules the flush with `setImmediate`,
 * which runs after Node has handled every socket event that was already readable (Node's event
 * loop: https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick). Under light
 * load a batch holds one webhook and costs what a single insert did; under load it holds every
 * request whose body arrived in the same loop turn, up to `maxBatch`. At most `maxInFlight`
 * flushes run at once (an asynchronous store); beyond that the next batch collects and is flushed
 * when one ends. One (the default, SQLite: one writer) means batches never contend for the write
 * lock with each other. PostgreSQL takes two (issue #22): with one, a group collected while another
 * is in flight waits for that whole round trip before its own begins. On a database on the same
 * machine two measured the same as one (README, Benchmarks, webhook ingest); the round trip to a
 * database on another host is where it counts. Its store inserts each group's rows in key order,
 * so two groups in flight that hold the same keys wait on each other in one order and cannot
 * deadlock.
 */
import type { NewJob, WebhookBatchItem, WebhookBatchResult, WebhookNotificationInput } from '../store/types';

export const DEFAULT_GROUP_COMMIT_MAX_BATCH = 256;
/** Flushes in flight at once unless told otherwise: one transaction at a time. */
export const DEFAULT_GROUP_COMMIT_MAX_IN_FLIGHT = 1;

export interface GroupCommitStore {
  insertWebhooks(batch: readonly WebhookBatchItem[]): Promise<WebhookBatchResult[]>;
}

export interface GroupCommitObserver {
  /** One transaction committed (or failed) holding `size` webhooks, taking `seconds`. */
  batchCommitted(size: number, seconds: number): void;
}

interface Pending {
  item: WebhookBatchItem;
  resolve: (result: { inserted: boolean; id: number }) => void;
  reject: (error: unknown) => void;
}

export class WebhookGroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly flushing = new Set<Promise<void>>();
  private readonly maxBatch: number;
  private readonly maxInFlight: number;
  private readonly observer: GroupCommitObserver | undefined;

  constructor(
    private readonly store: GroupCommitStore,
    options: { maxBatch?: number; maxInFlight?: number; observer?: GroupCommitObserver } = {},
  ) {
    this.maxBatch = Math.max(1, options.maxBatch ?? DEFAULT_GROUP_COMMIT_MAX_BATCH);
    this.maxInFlight = Math.max(1, Math.floor(options.maxInFlight ?? DEFAULT_GROUP_COMMIT_MAX_IN_FLIGHT));
    this.observer = options.observer;
  }

  /** Transactions (flushes) running now. */
  get inFlight(): number {
    return this.flushing.size;
  }

  /** Webhooks waiting for their transaction (not yet committed). */
  get pending(): number {
    return this.queue.length;
  }

  /** Stores the webhook and its jobs; resolves after the transaction holding it has committed. */
  submit(
    entry: WebhookNotificationInput,
    jobs: readonly NewJob[],
  ): Promise<{ inserted: boolean; id: number }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item: { entry, jobs }, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once every webhook submitted so far is committed (or failed). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.flushing.size > 0 || this.scheduled) {
      if (this.flushing.size > 0) await Promise.race(this.flushing);
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.flushing.size >= this.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.queue.length === 0) return;
      const flushing: Promise<void> = this.flush().finally(() => {
        this.flushing.delete(flushing);
        if (this.queue.length > 0) this.schedule();
      });
      this.flushing.add(flushing);
      // More waiting than this flush took (over maxBatch) starts the next one now if one is free.
      if (this.queue.length > 0) this.schedule();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    const started = process.hrtime.bigint();
    let results: WebhookBatchResult[];
    try {
      results = await this.store.insertWebhooks(batch.map((p) => p.item));
    } catch (error) {
      // The transaction did not commit: no webhook of the batch is stored, each request fails
      // (TikTok resends what was not answered 200).
      for (const pending of batch) pending.reject(error);
      return;
    } finally {
      this.observer?.batchCommitted(batch.length, Number(process.hrtime.bigint() - started) / 1e9);
    }
    batch.forEach((pending, index) => {
      const result = results[index];
      if (!result)
        pending.reject(new Error(`group commit: no result for webhook ${index} of ${batch.length}`));
      else if (result.ok) pending.resolve({ inserted: result.inserted, id: result.id });
      else pending.reject(result.error);
    });
  }
}
