/**
 * Store part: the webhook notifications TikTok pushed, each stored once per dedupe key together
 * with the jobs it starts (one transaction, so an acknowledged webhook always has its jobs).
 */
import type { NewJob } from './jobs';

export interface WebhookNotificationInput {
  /** `tts_notification_id`, or `sha256:<hex of the raw body>` when the event has none. */
  dedupeKey: string;
  shopId: string | null;
  eventType: number | null;
  rawBody: string;
  receivedAt: number;
  /** Set when the event is kept but not acted on (e.g. older than the staleness window), and why. */
  ignoredReason?: string | null;
}

export interface WebhookNotificationRecord extends WebhookNotificationInput {
  id: number;
}

/** One webhook of a group commit (`insertWebhooks`): the event and the jobs it starts. */
export interface WebhookBatchItem {
  entry: WebhookNotificationInput;
  jobs: readonly NewJob[];
}

/** What became of one webhook of a committed batch; `ok: false` when that webhook alone failed. */
export type WebhookBatchResult = { ok: true; inserted: boolean; id: number } | { ok: false; error: unknown };

export interface WebhookStore {
  /**
   * Inserts the event and enqueues its jobs in one transaction. A duplicate dedupe key inserts
   * nothing and enqueues nothing.
   */
  insertWebhook(
    entry: WebhookNotificationInput,
    jobs: readonly NewJob[],
  ): Promise<{ inserted: boolean; id: number }>;
  /**
   * Group commit (`bridge/src/webhooks/group-commit.ts`): every webhook as `insertWebhook` would, all
   * in one transaction, results in order. One webhook that fails is rolled back alone (`ok: false`);
   * the promise rejects only when the transaction itself does not commit (nothing stored).
   */
  insertWebhooks(batch: readonly WebhookBatchItem[]): Promise<WebhookBatchResult[]>;
  getWebhook(id: number): Promise<WebhookNotificationRecord | undefined>;
  countWebhooks(): Promise<number>;
}
