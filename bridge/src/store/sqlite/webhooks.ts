/**
 * SQLite part: webhook notifications (`parts/webhooks.ts`). The insert and its jobs share one
 * IMMEDIATE transaction; a group commit puts each webhook in its own savepoint inside one
 * transaction, so one failure rolls back alone and the group pays one commit.
 */
import { redactNullable, redactSecretsInText } from '../../core/redact';
import type { NewJob } from '../parts/jobs';
import type {
  WebhookBatchItem,
  WebhookBatchResult,
  WebhookNotificationInput,
  WebhookNotificationRecord,
  WebhookStore,
} from '../parts/webhooks';
import type { SqliteConnection } from './connection';
import type { SqliteJobs } from './jobs';

export class SqliteWebhooks implements WebhookStore {
  constructor(
    private readonly c: SqliteConnection,
    private readonly jobs: SqliteJobs,
  ) {}

  async insertWebhook(
    entry: WebhookNotificationInput,
    jobs: readonly NewJob[],
  ): Promise<{ inserted: boolean; id: number }> {
    return this.c.db.transaction(() => this.insertSync(entry, jobs)).immediate();
  }

  async insertWebhooks(batch: readonly WebhookBatchItem[]): Promise<WebhookBatchResult[]> {
    // Each webhook in its own savepoint (a nested better-sqlite3 transaction), so one that fails
    // rolls back alone; the outer transaction is the one commit the batch shares.
    const one = this.c.db.transaction((item: WebhookBatchItem) => this.insertSync(item.entry, item.jobs));
    return this.c.db
      .transaction(() =>
        batch.map((item): WebhookBatchResult => {
          try {
            return { ok: true, ...one(item) };
          } catch (error) {
            return { ok: false, error };
          }
        }),
      )
      .immediate();
  }

  private insertSync(
    entry: WebhookNotificationInput,
    jobs: readonly NewJob[],
  ): { inserted: boolean; id: number } {
    const result = this.c
      .statement(
        `INSERT INTO webhook_notifications (dedupe_key, shop_id, event_type, raw_body, received_at, ignored_reason)
       VALUES (@dedupeKey, @shopId, @eventType, @rawBody, @receivedAt, @ignoredReason) ON CONFLICT (dedupe_key) DO NOTHING`,
      )
      .run({
        dedupeKey: entry.dedupeKey,
        shopId: entry.shopId,
        eventType: entry.eventType,
        rawBody: redactSecretsInText(entry.rawBody),
        receivedAt: entry.receivedAt,
        ignoredReason: redactNullable(entry.ignoredReason ?? null),
      });
    if (result.changes === 0) {
      const existing = this.c
        .statement('SELECT id FROM webhook_notifications WHERE dedupe_key = ?')
        .get(entry.dedupeKey) as { id: number };
      return { inserted: false, id: existing.id };
    }
    for (const job of jobs) this.jobs.enqueueSync(job, entry.receivedAt);
    return { inserted: true, id: Number(result.lastInsertRowid) };
  }

  async getWebhook(id: number): Promise<WebhookNotificationRecord | undefined> {
    const row = this.c.statement('SELECT * FROM webhook_notifications WHERE id = ?').get(id) as
      | {
          id: number;
          dedupe_key: string;
          shop_id: string | null;
          event_type: number | null;
          raw_body: string;
          received_at: number;
          ignored_reason: string | null;
        }
      | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      dedupeKey: row.dedupe_key,
      shopId: row.shop_id,
      eventType: row.event_type,
      rawBody: row.raw_body,
      receivedAt: row.received_at,
      ignoredReason: row.ignored_reason,
    };
  }

  async countWebhooks(): Promise<number> {
    return (this.c.statement('SELECT COUNT(*) AS n FROM webhook_notifications').get() as { n: number }).n;
  }
}
