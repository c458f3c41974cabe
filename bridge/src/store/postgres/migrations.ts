/**
 * Versioned schema of the PostgreSQL store. Version 11 is the whole SQLite schema as of SQLite
 * migration 11 (`bridge/src/store/sqlite-migrations.ts`) in one step; a later SQLite migration gets
 * its PostgreSQL counterpart here under the same number. Append; never edit an applied one.
 * Times are BIGINT milliseconds (read back as numbers: `connection.ts`).
 */
import type { Migration } from '../sqlite-migrations';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 8,
    name: "stock_reservations (issue #16): units of TikTok orders the bridge received that NetSuite's inventory export does not reflect yet, held back from the quantities sent to TikTok (SQLite migration 8)",
    sql: `
      CREATE TABLE stock_reservations (
        shop_id TEXT NOT NULL,
        order_id TEXT NOT NULL,
        seller_sku TEXT NOT NULL,
        warehouse_id TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        received_at BIGINT NOT NULL,
        upserted_at BIGINT,
        PRIMARY KEY (shop_id, order_id, seller_sku, warehouse_id)
      );
    `,
  },
  {
    version: 11,
    name: 'the SQLite schema as of its migration 11: shops, tokens, OAuth states, admin sessions, webhook notifications, jobs, reconcile cursors, recent errors, dispatch watch, confirmed inventory, outbox acks',
    sql: `
      CREATE TABLE shops (
        shop_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        region TEXT NOT NULL,
        seller_type TEXT NOT NULL,
        cipher TEXT NOT NULL,
        code TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL CHECK (state IN ('connected', 'needs_reauth', 'disconnected')),
        state_reason TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE shop_tokens (
        shop_id TEXT PRIMARY KEY REFERENCES shops(shop_id) ON DELETE CASCADE,
        grant_id TEXT NOT NULL,
        access_token_enc TEXT NOT NULL,
        refresh_token_enc TEXT NOT NULL,
        access_expires_at BIGINT NOT NULL,
        refresh_expires_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        authorized_at BIGINT NOT NULL DEFAULT 0
      );
      CREATE INDEX shop_tokens_grant ON shop_tokens(grant_id);
      CREATE TABLE oauth_states (
        state TEXT PRIMARY KEY,
        expires_at BIGINT NOT NULL,
        used_at BIGINT,
        created_at BIGINT NOT NULL,
        binding TEXT NOT NULL DEFAULT 'session' CHECK (binding IN ('session', 'bearer'))
      );
      CREATE TABLE admin_sessions (
        id_hash TEXT PRIMARY KEY,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        revoked_at BIGINT
      );
      CREATE TABLE webhook_notifications (
        id BIGSERIAL PRIMARY KEY,
        dedupe_key TEXT NOT NULL UNIQUE,
        shop_id TEXT,
        event_type INTEGER,
        raw_body TEXT NOT NULL,
        received_at BIGINT NOT NULL,
        ignored_reason TEXT
      );
      CREATE TABLE jobs (
        id BIGSERIAL PRIMARY KEY,
        kind TEXT NOT NULL,
        shop_id TEXT,
        dedupe_key TEXT,
        payload TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        lease_expiries INTEGER NOT NULL DEFAULT 0,
        run_after BIGINT NOT NULL,
        lease_owner TEXT,
        lease_expires_at BIGINT,
        last_error TEXT,
        dead_reason TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE UNIQUE INDEX jobs_pending_dedupe ON jobs(dedupe_key) WHERE state = 'pending' AND dedupe_key IS NOT NULL;
      CREATE INDEX jobs_due ON jobs(state, run_after);
      CREATE TABLE reconcile_cursors (
        shop_id TEXT NOT NULL,
        name TEXT NOT NULL,
        value BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (shop_id, name)
      );
      CREATE TABLE recent_errors (
        id BIGSERIAL PRIMARY KEY,
        at BIGINT NOT NULL,
        source TEXT NOT NULL,
        shop_id TEXT,
        message TEXT NOT NULL
      );
      CREATE TABLE dispatch_watch (
        shop_id TEXT NOT NULL,
        order_id TEXT NOT NULL,
        ship_by BIGINT NOT NULL,
        order_update_time BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (shop_id, order_id)
      );
      CREATE INDEX dispatch_watch_ship_by ON dispatch_watch(ship_by);
      CREATE TABLE inventory_confirmed (
        shop_id TEXT NOT NULL,
        seller_sku TEXT NOT NULL,
        warehouse_id TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        product_id TEXT NOT NULL,
        sku_id TEXT NOT NULL,
        confirmed_at BIGINT NOT NULL,
        PRIMARY KEY (shop_id, seller_sku, warehouse_id)
      );
      CREATE TABLE outbox_acks (
        outbox_id TEXT PRIMARY KEY,
        shop_id TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX outbox_acks_created ON outbox_acks(created_at, outbox_id);
    `,
  },
  {
    version: 13,
    name: 'rate_buckets (issue #22): TikTok API token buckets shared by every bridge instance on this database',
    sql: `
      CREATE TABLE rate_buckets (
        key TEXT PRIMARY KEY,
        tokens DOUBLE PRECISION NOT NULL,
        updated_at BIGINT NOT NULL
      );
    `,
  },
  {
    version: 16,
    name: "one running job per key (issue #22): an order's jobs run one after another, so a job that read the order earlier never writes after one that read it later; the partial index finds a key's running job",
    sql: `
      CREATE INDEX jobs_running_dedupe ON jobs(dedupe_key) WHERE state = 'running' AND dedupe_key IS NOT NULL;
    `,
  },
];
