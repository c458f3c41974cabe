/**
 * Embedded store: one SQLite file (WAL mode, owner-only: `database-file.ts`), schema versioned in
 * `schema_migrations`. Every free-text column is scrubbed of secrets on the way in
 * (`redactSecretsInText`: known secret values and patterns): error text, shop names, stored webhook
 * bodies, job payloads. Token columns hold ciphertext and are written as given.
 */
import type { StockReservation } from '../../../shared-types/src/inventory/oversell';
import Database from 'better-sqlite3';
import type { SqliteSynchronous } from '../config';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import { redactNullable, redactSecretsInText } from '../core/redact';
import { prepareDatabaseFile } from './database-file';
import { SQLITE_MIGRATIONS, type Migration } from './sqlite-migrations';
import type { OutboxAckResult } from '../../../shared-types/src/outbox/outbox-contract';
import type {
  BridgeStore,
  ClaimOptions,
  EnqueueResult,
  JobFailure,
  JobRecord,
  JobState,
  NewJob,
  OAuthStateBinding,
  OAuthStateResult,
  QueueDepth,
  RecentError,
  ShopInput,
  ShopRecord,
  StoredTokens,
  ReconcileCursor,
  ConfirmedInventory,
  DispatchObservation,
  DispatchWatchRecord,
  WebhookBatchItem,
  WebhookBatchResult,
  StoredOutboxAck,
  WebhookNotificationInput,
  WebhookNotificationRecord,
} from './types';

const RECENT_ERRORS_KEPT = 200;

interface ShopRow {
  shop_id: string;
  name: string;
  region: string;
  seller_type: string;
  cipher: string;
  code: string;
  state: ShopRecord['state'];
  state_reason: string | null;
  created_at: number;
  updated_at: number;
}

interface TokenRow {
  shop_id: string;
  grant_id: string;
  access_token_enc: string;
  refresh_token_enc: string;
  access_expires_at: number;
  refresh_expires_at: number;
  updated_at: number;
  authorized_at: number;
}

interface JobRow {
  id: number;
  kind: string;
  shop_id: string | null;
  dedupe_key: string | null;
  payload: string;
  state: JobState;
  attempts: number;
  lease_expiries: number;
  run_after: number;
  lease_owner: string | null;
  lease_expires_at: number | null;
  last_error: string | null;
  dead_reason: string | null;
  created_at: number;
  updated_at: number;
}

function toShop(row: ShopRow): ShopRecord {
  return {
    shopId: row.shop_id,
    name: row.name,
    region: row.region,
    sellerType: row.seller_type,
    cipher: row.cipher,
    code: row.code,
    state: row.state,
    stateReason: row.state_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toJob(row: JobRow): JobRecord {
  return {
    id: row.id,
    kind: row.kind,
    shopId: row.shop_id,
    dedupeKey: row.dedupe_key,
    payload: JSON.parse(row.payload) as unknown,
    state: row.state,
    attempts: row.attempts,
    leaseExpiries: row.lease_expiries,
    runAfter: row.run_after,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
    lastError: row.last_error,
    deadReason: row.dead_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

export function migrateSqlite(
  db: Database.Database,
  migrations: readonly Migration[] = SQLITE_MIGRATIONS,
): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  const ran: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
    })();
    ran.push(migration.version);
  }
  return ran;
}

export class SqliteStore implements BridgeStore {
  readonly kind = 'sqlite';
  readonly db: Database.Database;
  private closed = false;

  /**
   * `path` is a file path or `:memory:`; the parent folder is created (owner-only) when missing.
   * `synchronous` (BRIDGE_SQLITE_SYNCHRONOUS): `normal` (default) makes a commit survive the
   * process being killed, `full` also a power loss or an operating-system crash, at one fsync per
   * transaction (https://www.sqlite.org/pragma.html#pragma_synchronous, WAL mode).
   */
  constructor(path: string, options: { synchronous?: SqliteSynchronous } = {}) {
    if (path !== ':memory:') prepareDatabaseFile(path);
    try {
      this.db = new Database(path);
    } catch (error) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.STORE_ERROR,
        `Cannot open the SQLite database at ${path}. Check DATABASE_URL and that the folder is writable.`,
        { cause: error },
      );
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    migrateSqlite(this.db);
  }

  async ping(): Promise<void> {
    if (this.closed) {
      throw new BridgeError(BRIDGE_ERROR_CODES.STORE_ERROR, 'The store is closed; restart the bridge.');
    }
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  async upsertShop(shop: ShopInput, now: number): Promise<ShopRecord> {
    this.db
      .prepare(
        `INSERT INTO shops (shop_id, name, region, seller_type, cipher, code, state, state_reason, created_at, updated_at)
         VALUES (@shopId, @name, @region, @sellerType, @cipher, @code, @state, NULL, @now, @now)
         ON CONFLICT (shop_id) DO UPDATE SET name = excluded.name, region = excluded.region,
           seller_type = excluded.seller_type, cipher = excluded.cipher, code = excluded.code,
           state = excluded.state, state_reason = NULL, updated_at = excluded.updated_at`,
      )
      .run({
        ...shop,
        name: redactSecretsInText(shop.name),
        region: redactSecretsInText(shop.region),
        sellerType: redactSecretsInText(shop.sellerType),
        now,
      });
    const stored = await this.getShop(shop.shopId);
    if (!stored)
      throw new BridgeError(BRIDGE_ERROR_CODES.STORE_ERROR, `Shop ${shop.shopId} vanished after upsert.`);
    return stored;
  }

  async getShop(shopId: string): Promise<ShopRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM shops WHERE shop_id = ?').get(shopId) as ShopRow | undefined;
    return row ? toShop(row) : undefined;
  }

  async listShops(): Promise<ShopRecord[]> {
    return (this.db.prepare('SELECT * FROM shops ORDER BY shop_id').all() as ShopRow[]).map(toShop);
  }

  async setShopState(
    shopId: string,
    state: ShopRecord['state'],
    reason: string | null,
    now: number,
  ): Promise<void> {
    this.db
      .prepare('UPDATE shops SET state = ?, state_reason = ?, updated_at = ? WHERE shop_id = ?')
      .run(state, redactNullable(reason), now, shopId);
  }

  async saveTokens(tokens: StoredTokens): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO shop_tokens (shop_id, grant_id, access_token_enc, refresh_token_enc, access_expires_at, refresh_expires_at, updated_at, authorized_at)
         VALUES (@shopId, @grantId, @accessTokenEnc, @refreshTokenEnc, @accessExpiresAt, @refreshExpiresAt, @updatedAt, @authorizedAt)
         ON CONFLICT (shop_id) DO UPDATE SET grant_id = excluded.grant_id, access_token_enc = excluded.access_token_enc,
           refresh_token_enc = excluded.refresh_token_enc, access_expires_at = excluded.access_expires_at,
           refresh_expires_at = excluded.refresh_expires_at, updated_at = excluded.updated_at,
           authorized_at = excluded.authorized_at`,
      )
      .run(tokens);
  }

  async getTokens(shopId: string): Promise<StoredTokens | undefined> {
    const row = this.db.prepare('SELECT * FROM shop_tokens WHERE shop_id = ?').get(shopId) as
      TokenRow | undefined;
    if (!row) return undefined;
    return {
      shopId: row.shop_id,
      grantId: row.grant_id,
      accessTokenEnc: row.access_token_enc,
      refreshTokenEnc: row.refresh_token_enc,
      accessExpiresAt: row.access_expires_at,
      refreshExpiresAt: row.refresh_expires_at,
      updatedAt: row.updated_at,
      authorizedAt: row.authorized_at,
    };
  }

  async replaceTokenCiphertexts(
    shopId: string,
    from: Pick<StoredTokens, 'accessTokenEnc' | 'refreshTokenEnc'>,
    to: Pick<StoredTokens, 'accessTokenEnc' | 'refreshTokenEnc'>,
  ): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE shop_tokens SET access_token_enc = @toAccess, refresh_token_enc = @toRefresh
         WHERE shop_id = @shopId AND access_token_enc = @fromAccess AND refresh_token_enc = @fromRefresh`,
      )
      .run({
        shopId,
        fromAccess: from.accessTokenEnc,
        fromRefresh: from.refreshTokenEnc,
        toAccess: to.accessTokenEnc,
        toRefresh: to.refreshTokenEnc,
      });
    return result.changes === 1;
  }

  async listShopIdsByGrant(grantId: string): Promise<string[]> {
    return (
      this.db.prepare('SELECT shop_id FROM shop_tokens WHERE grant_id = ? ORDER BY shop_id').all(grantId) as {
        shop_id: string;
      }[]
    ).map((r) => r.shop_id);
  }

  async createOAuthState(
    state: string,
    expiresAt: number,
    now: number,
    binding: OAuthStateBinding = 'session',
  ): Promise<void> {
    this.db.prepare('DELETE FROM oauth_states WHERE expires_at < ?').run(now - 24 * 3600 * 1000);
    this.db
      .prepare(
        'INSERT INTO oauth_states (state, expires_at, used_at, created_at, binding) VALUES (?, ?, NULL, ?, ?)',
      )
      .run(state, expiresAt, now, binding);
  }

  async getOAuthStateBinding(state: string): Promise<OAuthStateBinding | undefined> {
    const row = this.db.prepare('SELECT binding FROM oauth_states WHERE state = ?').get(state) as
      { binding: OAuthStateBinding } | undefined;
    return row?.binding;
  }

  async consumeOAuthState(state: string, now: number): Promise<OAuthStateResult> {
    return this.db
      .transaction((): OAuthStateResult => {
        const row = this.db
          .prepare('SELECT expires_at, used_at FROM oauth_states WHERE state = ?')
          .get(state) as { expires_at: number; used_at: number | null } | undefined;
        if (!row) return 'unknown';
        if (row.used_at !== null) return 'used';
        this.db.prepare('UPDATE oauth_states SET used_at = ? WHERE state = ?').run(now, state);
        return row.expires_at <= now ? 'expired' : 'ok';
      })
      .immediate();
  }

  async insertWebhook(
    entry: WebhookNotificationInput,
    jobs: readonly NewJob[],
  ): Promise<{ inserted: boolean; id: number }> {
    return this.db.transaction(() => this.insertWebhookSync(entry, jobs)).immediate();
  }

  async insertWebhooks(batch: readonly WebhookBatchItem[]): Promise<WebhookBatchResult[]> {
    // Each webhook in its own savepoint (a nested better-sqlite3 transaction), so one that fails
    // rolls back alone; the outer transaction is the one commit the batch shares.
    const one = this.db.transaction((item: WebhookBatchItem) =>
      this.insertWebhookSync(item.entry, item.jobs),
    );
    return this.db
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

  private insertWebhookSync(
    entry: WebhookNotificationInput,
    jobs: readonly NewJob[],
  ): { inserted: boolean; id: number } {
    const result = this.cached(
      `INSERT INTO webhook_notifications (dedupe_key, shop_id, event_type, raw_body, received_at, ignored_reason)
       VALUES (@dedupeKey, @shopId, @eventType, @rawBody, @receivedAt, @ignoredReason) ON CONFLICT (dedupe_key) DO NOTHING`,
    ).run({
      dedupeKey: entry.dedupeKey,
      shopId: entry.shopId,
      eventType: entry.eventType,
      rawBody: redactSecretsInText(entry.rawBody),
      receivedAt: entry.receivedAt,
      ignoredReason: redactNullable(entry.ignoredReason ?? null),
    });
    if (result.changes === 0) {
      const existing = this.cached('SELECT id FROM webhook_notifications WHERE dedupe_key = ?').get(
        entry.dedupeKey,
      ) as { id: number };
      return { inserted: false, id: existing.id };
    }
    for (const job of jobs) this.enqueueSync(job, entry.receivedAt);
    return { inserted: true, id: Number(result.lastInsertRowid) };
  }

  /** Prepared statements of the webhook hot path, compiled once per connection. */
  private readonly statements = new Map<string, Database.Statement>();
  private cached(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async getWebhook(id: number): Promise<WebhookNotificationRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM webhook_notifications WHERE id = ?').get(id) as
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
    return (this.db.prepare('SELECT COUNT(*) AS n FROM webhook_notifications').get() as { n: number }).n;
  }

  private enqueueSync(job: NewJob, now: number): EnqueueResult {
    const result = this.cached(
      `INSERT INTO jobs (kind, shop_id, dedupe_key, payload, state, attempts, run_after, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?)
         ON CONFLICT (dedupe_key) WHERE state = 'pending' AND dedupe_key IS NOT NULL DO NOTHING`,
    ).run(
      job.kind,
      job.shopId,
      job.dedupeKey,
      redactSecretsInText(JSON.stringify(job.payload ?? null)),
      job.runAfter,
      now,
      now,
    );
    if (result.changes === 1) return { id: Number(result.lastInsertRowid), created: true };
    const existing = this.cached("SELECT id FROM jobs WHERE dedupe_key = ? AND state = 'pending'").get(
      job.dedupeKey,
    ) as { id: number };
    return { id: existing.id, created: false };
  }

  async enqueueJob(job: NewJob, now: number): Promise<EnqueueResult> {
    return this.db.transaction(() => this.enqueueSync(job, now)).immediate();
  }

  async claimJobs(options: ClaimOptions): Promise<JobRecord[]> {
    const kinds = options.kinds ?? [];
    const excluded = options.excludeKinds ?? [];
    const kindFilter = [
      kinds.length > 0 ? `AND kind IN (${kinds.map(() => '?').join(', ')})` : '',
      excluded.length > 0 ? `AND kind NOT IN (${excluded.map(() => '?').join(', ')})` : '',
    ].join(' ');
    return this.db
      .transaction(() => {
        const ids = (
          this.db
            .prepare(
              `SELECT id FROM jobs
             WHERE ((state = 'pending' AND run_after <= ?) OR (state = 'running' AND lease_expires_at <= ?)) ${kindFilter}
             ORDER BY run_after, id LIMIT ?`,
            )
            .all(options.now, options.now, ...kinds, ...excluded, options.limit) as { id: number }[]
        ).map((r) => r.id);
        const update = this.db.prepare(
          `UPDATE jobs SET lease_expiries = lease_expiries + (CASE WHEN state = 'running' THEN 1 ELSE 0 END),
           state = 'running', lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1, updated_at = ?
         WHERE id = ?`,
        );
        const read = this.db.prepare('SELECT * FROM jobs WHERE id = ?');
        return ids.map((id) => {
          update.run(options.owner, options.now + options.leaseMs, options.now, id);
          return toJob(read.get(id) as JobRow);
        });
      })
      .immediate();
  }

  async extendLease(ids: readonly number[], owner: string, until: number, now: number): Promise<number[]> {
    if (ids.length === 0) return [];
    return this.db
      .transaction(() => {
        const extend = this.db.prepare(
          `UPDATE jobs SET lease_expires_at = ?, updated_at = ? WHERE id = ? AND state = 'running' AND lease_owner = ?`,
        );
        return ids.filter((id) => extend.run(until, now, id, owner).changes === 1);
      })
      .immediate();
  }

  async completeJob(id: number, owner: string, now: number): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE jobs SET state = 'done', lease_owner = NULL, lease_expires_at = NULL, updated_at = ?
         WHERE id = ? AND state = 'running' AND lease_owner = ?`,
      )
      .run(now, id, owner);
    return result.changes === 1;
  }

  async failJob(id: number, owner: string, failure: JobFailure, now: number): Promise<boolean> {
    return this.db
      .transaction(() => {
        const owned = this.db
          .prepare("SELECT id FROM jobs WHERE id = ? AND state = 'running' AND lease_owner = ?")
          .get(id, owner);
        if (!owned) return false;
        if (failure.kind === 'dead') {
          this.db
            .prepare(
              `UPDATE jobs SET state = 'dead', dead_reason = ?, last_error = ?, lease_owner = NULL, lease_expires_at = NULL,
             updated_at = ? WHERE id = ?`,
            )
            .run(redactSecretsInText(failure.reason), redactSecretsInText(failure.error), now, id);
          return true;
        }
        try {
          this.db
            .prepare(
              `UPDATE jobs SET state = 'pending', run_after = ?, last_error = ?, lease_owner = NULL, lease_expires_at = NULL,
             updated_at = ? WHERE id = ?`,
            )
            .run(failure.runAfter, redactSecretsInText(failure.error), now, id);
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          // A newer pending job with the same key will do this work.
          this.db
            .prepare(
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
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
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
    return (this.db.prepare(sql).all(...params, filter.limit ?? 1000) as JobRow[]).map(toJob);
  }

  async queueDepths(): Promise<QueueDepth[]> {
    return (
      this.db
        .prepare('SELECT kind, state, COUNT(*) AS count FROM jobs GROUP BY kind, state ORDER BY kind, state')
        .all() as QueueDepth[]
    ).map((r) => ({ kind: r.kind, state: r.state, count: r.count }));
  }

  async requeueDeadJobs(filter: { kind?: string; shopId?: string }, now: number): Promise<number> {
    return this.db
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
        const dead = this.db
          .prepare(`SELECT id FROM jobs WHERE ${where.join(' AND ')} ORDER BY id`)
          .all(...params) as {
          id: number;
        }[];
        let moved = 0;
        for (const { id } of dead) {
          try {
            this.db
              .prepare(
                `UPDATE jobs SET state = 'pending', attempts = 0, lease_expiries = 0, run_after = ?, dead_reason = NULL, updated_at = ?
               WHERE id = ?`,
              )
              .run(now, now, id);
            moved += 1;
          } catch (error) {
            if (!isUniqueViolation(error)) throw error;
            this.db
              .prepare("UPDATE jobs SET state = 'done', last_error = ?, updated_at = ? WHERE id = ?")
              .run('superseded by a pending job with the same key', now, id);
          }
        }
        return moved;
      })
      .immediate();
  }

  async getCursor(shopId: string, name: string): Promise<ReconcileCursor | undefined> {
    const row = this.db
      .prepare(
        'SELECT shop_id, name, value, updated_at FROM reconcile_cursors WHERE shop_id = ? AND name = ?',
      )
      .get(shopId, name) as { shop_id: string; name: string; value: number; updated_at: number } | undefined;
    return row
      ? { shopId: row.shop_id, name: row.name, value: row.value, updatedAt: row.updated_at }
      : undefined;
  }

  async setCursor(shopId: string, name: string, value: number, now: number): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO reconcile_cursors (shop_id, name, value, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (shop_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(shopId, name, value, now);
  }

  async listCursors(): Promise<ReconcileCursor[]> {
    return (
      this.db
        .prepare('SELECT shop_id, name, value, updated_at FROM reconcile_cursors ORDER BY shop_id, name')
        .all() as {
        shop_id: string;
        name: string;
        value: number;
        updated_at: number;
      }[]
    ).map((r) => ({ shopId: r.shop_id, name: r.name, value: r.value, updatedAt: r.updated_at }));
  }

  async saveOutboxAcks(acks: readonly StoredOutboxAck[], now: number): Promise<void> {
    const upsert = this.db.prepare(
      `INSERT INTO outbox_acks (outbox_id, shop_id, result, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (outbox_id) DO UPDATE SET shop_id = excluded.shop_id, result = excluded.result`,
    );
    this.db.transaction(() => {
      for (const ack of acks) upsert.run(ack.result.outboxId, ack.shopId, JSON.stringify(ack.result), now);
    })();
  }

  async listOutboxAcks(limit: number): Promise<StoredOutboxAck[]> {
    return (
      this.db
        .prepare('SELECT shop_id, result FROM outbox_acks ORDER BY created_at, outbox_id LIMIT ?')
        .all(limit) as { shop_id: string; result: string }[]
    ).map((r) => ({ shopId: r.shop_id, result: JSON.parse(r.result) as OutboxAckResult }));
  }

  async deleteOutboxAcks(outboxIds: readonly string[]): Promise<void> {
    const remove = this.db.prepare('DELETE FROM outbox_acks WHERE outbox_id = ?');
    this.db.transaction(() => {
      for (const id of outboxIds) remove.run(id);
    })();
  }

  async observeDispatch(observations: readonly DispatchObservation[], now: number): Promise<void> {
    const upsert = this.db.prepare(
      `INSERT INTO dispatch_watch (shop_id, order_id, ship_by, order_update_time, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (shop_id, order_id) DO UPDATE SET ship_by = excluded.ship_by,
         order_update_time = excluded.order_update_time, updated_at = excluded.updated_at
       WHERE excluded.order_update_time >= dispatch_watch.order_update_time`,
    );
    const remove = this.db.prepare(
      'DELETE FROM dispatch_watch WHERE shop_id = ? AND order_id = ? AND order_update_time <= ?',
    );
    this.db.transaction(() => {
      for (const o of observations) {
        if (o.shipBy === null) remove.run(o.shopId, o.orderId, o.orderUpdateTime);
        else upsert.run(o.shopId, o.orderId, o.shipBy, o.orderUpdateTime, now);
      }
    })();
  }

  async listDispatchWatch(limit: number): Promise<DispatchWatchRecord[]> {
    return (
      this.db
        .prepare(
          'SELECT shop_id, order_id, ship_by FROM dispatch_watch ORDER BY ship_by, shop_id, order_id LIMIT ?',
        )
        .all(limit) as { shop_id: string; order_id: string; ship_by: number }[]
    ).map((r) => ({ shopId: r.shop_id, orderId: r.order_id, shipBy: r.ship_by }));
  }

  async countDispatchWatch(nowSeconds: number): Promise<{ toShip: number; late: number }> {
    const row = this.db
      .prepare(
        'SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN ship_by < ? THEN 1 ELSE 0 END), 0) AS late FROM dispatch_watch',
      )
      .get(nowSeconds) as { n: number; late: number };
    return { toShip: row.n, late: row.late };
  }

  async getConfirmedInventory(shopId: string, sellerSkus: readonly string[]): Promise<ConfirmedInventory[]> {
    const out: ConfirmedInventory[] = [];
    const unique = [...new Set(sellerSkus)];
    for (let i = 0; i < unique.length; i += 500) {
      const part = unique.slice(i, i + 500);
      const rows = this.db
        .prepare(
          `SELECT seller_sku, warehouse_id, quantity, product_id, sku_id, confirmed_at FROM inventory_confirmed
           WHERE shop_id = ? AND seller_sku IN (${part.map(() => '?').join(', ')})`,
        )
        .all(shopId, ...part) as {
        seller_sku: string;
        warehouse_id: string;
        quantity: number;
        product_id: string;
        sku_id: string;
        confirmed_at: number;
      }[];
      for (const r of rows) {
        out.push({
          shopId,
          sellerSku: r.seller_sku,
          warehouseId: r.warehouse_id,
          quantity: r.quantity,
          productId: r.product_id,
          skuId: r.sku_id,
          confirmedAt: r.confirmed_at,
        });
      }
    }
    return out;
  }

  async confirmInventory(rows: readonly ConfirmedInventory[], now: number): Promise<void> {
    const upsert = this.db.prepare(
      `INSERT INTO inventory_confirmed (shop_id, seller_sku, warehouse_id, quantity, product_id, sku_id, confirmed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (shop_id, seller_sku, warehouse_id) DO UPDATE SET quantity = excluded.quantity,
         product_id = excluded.product_id, sku_id = excluded.sku_id, confirmed_at = excluded.confirmed_at`,
    );
    this.db.transaction(() => {
      for (const r of rows)
        upsert.run(r.shopId, r.sellerSku, r.warehouseId, r.quantity, r.productId, r.skuId, now);
    })();
  }

  async forgetInventory(
    shopId: string,
    pairs: readonly { sellerSku: string; warehouseId: string }[],
  ): Promise<void> {
    const remove = this.db.prepare(
      'DELETE FROM inventory_confirmed WHERE shop_id = ? AND seller_sku = ? AND warehouse_id = ?',
    );
    this.db.transaction(() => {
      for (const p of pairs) remove.run(shopId, p.sellerSku, p.warehouseId);
    })();
  }

  async reserveStock(
    shopId: string,
    orderId: string,
    units: readonly Omit<StockReservation, 'orderId' | 'upsertedAt'>[],
    now: number,
  ): Promise<void> {
    this.db.transaction(() => {
      const before = this.db
        .prepare('SELECT MIN(upserted_at) AS at FROM stock_reservations WHERE shop_id = ? AND order_id = ?')
        .get(shopId, orderId) as { at: number | null } | undefined;
      this.db
        .prepare('DELETE FROM stock_reservations WHERE shop_id = ? AND order_id = ?')
        .run(shopId, orderId);
      const insert = this.db.prepare(
        `INSERT INTO stock_reservations (shop_id, order_id, seller_sku, warehouse_id, quantity, received_at, upserted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const u of units)
        insert.run(shopId, orderId, u.sellerSku, u.warehouseId ?? '', u.quantity, now, before?.at ?? null);
    })();
  }

  async markStockUpserted(shopId: string, orderIds: readonly string[], at: number): Promise<void> {
    const mark = this.db.prepare(
      'UPDATE stock_reservations SET upserted_at = ? WHERE shop_id = ? AND order_id = ? AND upserted_at IS NULL',
    );
    this.db.transaction(() => {
      for (const id of orderIds) mark.run(at, shopId, id);
    })();
  }

  async listStockReservations(shopId: string): Promise<StockReservation[]> {
    const rows = this.db
      .prepare(
        'SELECT order_id, seller_sku, warehouse_id, quantity, upserted_at FROM stock_reservations WHERE shop_id = ?',
      )
      .all(shopId) as {
      order_id: string;
      seller_sku: string;
      warehouse_id: string;
      quantity: number;
      upserted_at: number | null;
    }[];
    return rows.map((r) => ({
      orderId: r.order_id,
      sellerSku: r.seller_sku,
      warehouseId: r.warehouse_id === '' ? null : r.warehouse_id,
      quantity: r.quantity,
      upsertedAt: r.upserted_at,
    }));
  }

  async releaseStock(shopId: string, orderIds: readonly string[]): Promise<void> {
    const remove = this.db.prepare('DELETE FROM stock_reservations WHERE shop_id = ? AND order_id = ?');
    this.db.transaction(() => {
      for (const id of orderIds) remove.run(shopId, id);
    })();
  }

  async recordError(error: Omit<RecentError, 'id'>): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO recent_errors (at, source, shop_id, message) VALUES (?, ?, ?, ?)')
        .run(error.at, redactSecretsInText(error.source), error.shopId, redactSecretsInText(error.message));
      this.db
        .prepare('DELETE FROM recent_errors WHERE id <= (SELECT MAX(id) FROM recent_errors) - ?')
        .run(RECENT_ERRORS_KEPT);
    })();
  }

  async listRecentErrors(limit: number): Promise<RecentError[]> {
    return (
      this.db
        .prepare('SELECT id, at, source, shop_id, message FROM recent_errors ORDER BY id DESC LIMIT ?')
        .all(limit) as { id: number; at: number; source: string; shop_id: string | null; message: string }[]
    ).map((r) => ({ id: r.id, at: r.at, source: r.source, shopId: r.shop_id, message: r.message }));
  }

  async createAdminSession(idHash: string, expiresAt: number, now: number): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM admin_sessions WHERE expires_at < ?').run(now - 24 * 3600 * 1000);
      this.db
        .prepare(
          'INSERT INTO admin_sessions (id_hash, created_at, expires_at, revoked_at) VALUES (?, ?, ?, NULL)',
        )
        .run(idHash, now, expiresAt);
    })();
  }

  async isAdminSessionActive(idHash: string, now: number): Promise<boolean> {
    const row = this.db
      .prepare(
        'SELECT 1 AS ok FROM admin_sessions WHERE id_hash = ? AND revoked_at IS NULL AND expires_at > ?',
      )
      .get(idHash, now);
    return row !== undefined;
  }

  async revokeAdminSession(idHash: string, now: number): Promise<boolean> {
    return (
      this.db
        .prepare(
          'UPDATE admin_sessions SET revoked_at = ? WHERE id_hash = ? AND revoked_at IS NULL AND expires_at > ?',
        )
        .run(now, idHash, now).changes === 1
    );
  }

  async revokeAllAdminSessions(now: number): Promise<number> {
    return this.db.prepare('UPDATE admin_sessions SET revoked_at = ? WHERE revoked_at IS NULL').run(now)
      .changes;
  }
}
