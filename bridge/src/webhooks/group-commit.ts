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
 * request whose body arrived in the same loop turn, up to `maxBatch`. While a flush is in flight
 * (an asynchronous store), the next batch collects and is flushed when it ends: at most one
 * transaction at a time, so batches never contend for the write lock with each other.
 */
import type { NewJob, WebhookBatchItem, WebhookBatchResult, WebhookNotificationInput } from '../store/types';

export const DEFAULT_GROUP_COMMIT_MAX_BATCH = 256;

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
  private flushing: Promise<void> | undefined;
  private readonly maxBatch: number;
  private readonly observer: GroupCommitObserver | undefined;

  constructor(
    private readonly store: GroupCommitStore,
    options: { maxBatch?: number; observer?: GroupCommitObserver } = {},
  ) {
    this.maxBatch = Math.max(1, options.maxBatch ?? DEFAULT_GROUP_COMMIT_MAX_BATCH);
    this.observer = options.observer;
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
    while (this.queue.length > 0 || this.flushing || this.scheduled) {
      if (this.flushing) await this.flushing;
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushing = this.flush().finally(() => {
        this.flushing = undefined;
        if (this.queue.length > 0) this.schedule();
      });
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
