/**
 * PostgreSQL part: webhook notifications (`bridge/src/store/parts/webhooks.ts`). The insert and its
 * jobs share one transaction; a group commit runs each webhook in its own savepoint inside one
 * transaction, so one failure rolls back alone and the group pays one commit. Two instances that
 * receive the same notification at once store it once: the second insert waits on the first's
 * unique key and then does nothing.
 *
 * Lock order (issue #22): the group commit runs two groups at once on PostgreSQL, and two instances
 * each run their own. A group inserts all its notifications, in dedupe key order, before any of its
 * jobs, in job key order; so of two transactions that insert some of the same keys, each waits for
 * the other only on a key after every key it holds, and they cannot wait on each other in a cycle
 * (a deadlock PostgreSQL would break by failing one group). Keys compare as JavaScript strings
 * (code units), the same order in every process.
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

/** Key order of the inserts (module comment); a job without a key takes no key lock: last. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

interface PreparedWebhook {
  index: number;
  entry: WebhookNotificationInput;
  rawBody: string;
  ignoredReason: string | null;
  jobs: { job: NewJob; payload: string }[];
}

/**
 * The group commit in one statement whatever the batch's size (one round trip, not four per
 * webhook): the notifications and the jobs of the new ones in multi-row inserts of one statement
 * (so one transaction), then, only when some were stored before, one read of their ids. The outcome
 * is that of inserting each in turn (the first of two equal dedupe keys wins; a job key already
 * pending adds nothing). A webhook whose job payload is not JSON fails alone, before the statement.
 */
async function insertBatchInBulk(
  sql: PgConnection,
  batch: readonly WebhookBatchItem[],
): Promise<WebhookBatchResult[]> {
  const results: WebhookBatchResult[] = new Array<WebhookBatchResult>(batch.length);
  const prepared: PreparedWebhook[] = [];
  batch.forEach((item, index) => {
    try {
      prepared.push({
        index,
        entry: item.entry,
        rawBody: redactSecretsInText(item.entry.rawBody),
        ignoredReason: redactNullable(item.entry.ignoredReason ?? null),
        jobs: item.jobs.map((job) => ({
          job,
          payload: redactSecretsInText(JSON.stringify(job.payload ?? null)),
        })),
      });
    } catch (error) {
      results[index] = { ok: false, error };
    }
  });
  const firstOfKey = new Map<string, PreparedWebhook>();
  for (const p of prepared) if (!firstOfKey.has(p.entry.dedupeKey)) firstOfKey.set(p.entry.dedupeKey, p);
  // The jobs in the batch's order (of two with one key, the first is enqueued), then in key order
  // (a stable sort keeps the batch's order among equal keys); the notifications in key order.
  const jobs = [...firstOfKey.values()]
    .flatMap((p) => p.jobs.map((j) => ({ ...j, now: p.entry.receivedAt, webhook: p.entry.dedupeKey })))
    .sort((a, b) => compareKeys(a.job.dedupeKey ?? null, b.job.dedupeKey ?? null));
  const unique = [...firstOfKey.values()].sort((a, b) => compareKeys(a.entry.dedupeKey, b.entry.dedupeKey));
  const created = new Map<string, number>();
  if (unique.length > 0) {
    // One statement, so one round trip and its own transaction: the jobs are inserted for the
    // notifications this statement inserted (`w`), in the order of the rows (key order, above).
    // `ARRAY(SELECT … FROM w)` is computed once, before the first job row, so every notification
    // is inserted before any job (the lock order). The rows go as two JSON parameters: V8's
    // JSON.stringify writes them in far less of the bridge's CPU than `pg` spends quoting 13 text
    // arrays element by element (the event loop, not the database, limits ingest: README,
    // Benchmarks). Prepared once per connection: each group only binds its two parameters.
    const rows = await sql.prepared<{ id: number; dedupe_key: string }>(
      'tts_webhook_group_commit',
      `WITH w AS (
         INSERT INTO webhook_notifications (dedupe_key, shop_id, event_type, raw_body, received_at, ignored_reason)
         SELECT k, s, e, b, r, i
         FROM ROWS FROM (json_to_recordset($1::json) AS (k text, s text, e int, b text, r bigint, i text))
           WITH ORDINALITY AS x(k, s, e, b, r, i, n)
         ORDER BY n
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, dedupe_key
       ), j AS (
         INSERT INTO jobs (kind, shop_id, dedupe_key, payload, state, attempts, run_after, created_at, updated_at)
         SELECT k, s, d, p, 'pending', 0, r, n, n
         FROM ROWS FROM (
             json_to_recordset($2::json) AS (k text, s text, d text, p text, r bigint, n bigint, w text)
           ) WITH ORDINALITY AS y(k, s, d, p, r, n, wk, o)
         WHERE wk = ANY (ARRAY(SELECT dedupe_key FROM w))
         ORDER BY o
         ON CONFLICT (dedupe_key) WHERE state = 'pending' AND dedupe_key IS NOT NULL DO NOTHING
       )
       SELECT id, dedupe_key FROM w`,
      [
        JSON.stringify(
          unique.map((p) => ({
            k: p.entry.dedupeKey,
            s: p.entry.shopId,
            e: p.entry.eventType,
            b: p.rawBody,
            r: p.entry.receivedAt,
            i: p.ignoredReason,
          })),
        ),
        JSON.stringify(
          jobs.map((j) => ({
            k: j.job.kind,
            s: j.job.shopId,
            d: j.job.dedupeKey,
            p: j.payload,
            r: j.job.runAfter,
            n: j.now,
            w: j.webhook,
          })),
        ),
      ],
    );
    for (const row of rows) created.set(row.dedupe_key, row.id);
  }
  const existing = new Map<string, number>();
  const old = unique.filter((p) => !created.has(p.entry.dedupeKey)).map((p) => p.entry.dedupeKey);
  if (old.length > 0) {
    const rows = await sql.prepared<{ id: number; dedupe_key: string }>(
      'tts_webhook_ids_of_keys',
      'SELECT id, dedupe_key FROM webhook_notifications WHERE dedupe_key = ANY($1::text[])',
      [old],
    );
    for (const row of rows) existing.set(row.dedupe_key, row.id);
  }
  for (const p of prepared) {
    const key = p.entry.dedupeKey;
    const id = created.get(key);
    const first = firstOfKey.get(key) === p;
    if (id !== undefined && first) results[p.index] = { ok: true, inserted: true, id };
    else {
      const stored = id ?? existing.get(key);
      // Not found: the bulk transaction rolls back and the batch is inserted one by one.
      if (stored === undefined) throw new Error(`webhook ${key} neither inserted nor found`);
      results[p.index] = { ok: true, inserted: false, id: stored };
    }
  }
  return results;
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
    try {
      return await insertBatchInBulk(this.c, batch);
    } catch {
      // One webhook the database refused fails the bulk statements: again, each in its savepoint.
      return this.insertEachInSavepoint(batch);
    }
  }

  /**
   * The webhooks in dedupe key order (the first of equal keys first), each with its jobs: a rare
   * path, where a group that shares a job key with another in flight can still meet it in a
   * deadlock (notification and job keys interleave); PostgreSQL aborts one of the two and `tx`
   * runs it again (up to three times, then its webhooks are answered 5xx and TikTok resends them).
   */
  private async insertEachInSavepoint(batch: readonly WebhookBatchItem[]): Promise<WebhookBatchResult[]> {
    const order = batch
      .map((item, index) => ({ item, index }))
      .sort((a, b) => compareKeys(a.item.entry.dedupeKey, b.item.entry.dedupeKey));
    return this.c.tx(async (t) => {
      const results: WebhookBatchResult[] = new Array<WebhookBatchResult>(batch.length);
      for (const { item, index } of order) {
        try {
          results[index] = { ok: true, ...(await t.savepoint(() => insertWith(t, item.entry, item.jobs))) };
        } catch (error) {
          results[index] = { ok: false, error };
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
