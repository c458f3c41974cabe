/**
 * PostgreSQL part: webhook notifications (`bridge/src/store/parts/webhooks.ts`). The insert and its
 * jobs share one transaction; a group commit runs each webhook in its own savepoint inside one
 * transaction, so one failure rolls back alone and the group pays one commit. Two instances that
 * receive the same notification at once store it once: the second insert waits on the first's
 * unique key and then does nothing.
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
import type { PgConnection, Sql } from './connection';
import { enqueueWith } from './jobs';

async function insertWith(
  sql: Sql,
  entry: WebhookNotificationInput,
  jobs: readonly NewJob[],
): Promise<{ inserted: boolean; id: number }> {
  const [created] = await sql.query<{ id: number }>(
    `INSERT INTO webhook_notifications (dedupe_key, shop_id, event_type, raw_body, received_at, ignored_reason)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      entry.dedupeKey,
      entry.shopId,
      entry.eventType,
      redactSecretsInText(entry.rawBody),
      entry.receivedAt,
      redactNullable(entry.ignoredReason ?? null),
    ],
  );
  if (!created) {
    const [existing] = await sql.query<{ id: number }>(
      'SELECT id FROM webhook_notifications WHERE dedupe_key = $1',
      [entry.dedupeKey],
    );
    return { inserted: false, id: (existing as { id: number }).id };
  }
  for (const job of jobs) await enqueueWith(sql, job, entry.receivedAt);
  return { inserted: true, id: created.id };
}

export class PgWebhooks implements WebhookStore {
  constructor(private readonly c: PgConnection) {}

  async insertWebhook(
    entry: WebhookNotificationInput,
    jobs: readonly NewJob[],
  ): Promise<{ inserted: boolean; id: number }> {
    return this.c.tx((t) => insertWith(t, entry, jobs));
  }

  async insertWebhooks(batch: readonly WebhookBatchItem[]): Promise<WebhookBatchResult[]> {
    if (batch.length === 0) return [];
    return this.c.tx(async (t) => {
      const results: WebhookBatchResult[] = [];
      for (const item of batch) {
        try {
          results.push({ ok: true, ...(await t.savepoint(() => insertWith(t, item.entry, item.jobs))) });
        } catch (error) {
          results.push({ ok: false, error });
        }
      }
      return results;
    });
  }

  async getWebhook(id: number): Promise<WebhookNotificationRecord | undefined> {
    const [row] = await this.c.query<{
      id: number;
      dedupe_key: string;
      shop_id: string | null;
      event_type: number | null;
      raw_body: string;
      received_at: number;
      ignored_reason: string | null;
    }>('SELECT * FROM webhook_notifications WHERE id = $1', [id]);
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
    const [row] = await this.c.query<{ n: number }>('SELECT COUNT(*) AS n FROM webhook_notifications');
    return (row as { n: number }).n;
  }
}
