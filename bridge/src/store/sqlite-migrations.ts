/** Versioned schema of the SQLite store. Append new migrations; never edit an applied one. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
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
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE shop_tokens (
        shop_id TEXT PRIMARY KEY REFERENCES shops(shop_id) ON DELETE CASCADE,
        grant_id TEXT NOT NULL,
        access_token_enc TEXT NOT NULL,
        refresh_token_enc TEXT NOT NULL,
        access_expires_at INTEGER NOT NULL,
        refresh_expires_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX shop_tokens_grant ON shop_tokens(grant_id);
      CREATE TABLE oauth_states (
        state TEXT PRIMARY KEY,
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE webhook_inbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        dedupe_key TEXT NOT NULL UNIQUE,
        shop_id TEXT,
        event_type INTEGER,
        raw_body TEXT NOT NULL,
        received_at INTEGER NOT NULL
      );
      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        shop_id TEXT,
        dedupe_key TEXT,
        payload TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        run_after INTEGER NOT NULL,
        lease_owner TEXT,
        lease_expires_at INTEGER,
        last_error TEXT,
        dead_reason TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX jobs_pending_dedupe ON jobs(dedupe_key) WHERE state = 'pending' AND dedupe_key IS NOT NULL;
      CREATE INDEX jobs_due ON jobs(state, run_after);
      CREATE TABLE sync_cursors (
        shop_id TEXT NOT NULL,
        name TEXT NOT NULL,
        value INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (shop_id, name)
      );
      CREATE TABLE recent_errors (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        source TEXT NOT NULL,
        shop_id TEXT,
        message TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'jobs.lease_expiries (takeovers after an expired lease); webhook_inbox.ignored_reason (stale events)',
    sql: `
      ALTER TABLE jobs ADD COLUMN lease_expiries INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE webhook_inbox ADD COLUMN ignored_reason TEXT;
    `,
  },
  {
    version: 3,
    name: 'oauth_states.binding (session: the callback must carry the state cookie; bearer: script start)',
    sql: `
      ALTER TABLE oauth_states ADD COLUMN binding TEXT NOT NULL DEFAULT 'session' CHECK (binding IN ('session', 'bearer'));
    `,
  },
  {
    version: 4,
    name: 'admin_sessions (server-side, revocable sign-ins); shop_tokens.authorized_at (when the current grant was made)',
    sql: `
      CREATE TABLE admin_sessions (
        id_hash TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      ALTER TABLE shop_tokens ADD COLUMN authorized_at INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 5,
    name: 'one word per concept (issue #12): job kinds order.sync → order.upsert, shop.push → shop.upsert; webhook_inbox → webhook_notifications',
    sql: `
      UPDATE jobs SET kind = 'order.upsert' WHERE kind = 'order.sync';
      UPDATE jobs SET kind = 'shop.upsert' WHERE kind = 'shop.push';
      ALTER TABLE webhook_inbox RENAME TO webhook_notifications;
    `,
  },
  {
    version: 6,
    name: 'dispatch_watch (issue #15): TikTok orders still to ship and their ship-by deadline, for the status page and metric',
    sql: `
      CREATE TABLE dispatch_watch (
        shop_id TEXT NOT NULL,
        order_id TEXT NOT NULL,
        ship_by INTEGER NOT NULL,
        order_update_time INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (shop_id, order_id)
      );
      CREATE INDEX dispatch_watch_ship_by ON dispatch_watch(ship_by);
    `,
  },
  {
    version: 7,
    name: 'inventory_confirmed (issue #14): the quantity TikTok last confirmed per shop, seller SKU and warehouse, so an unchanged quantity is never sent twice',
    sql: `
      CREATE TABLE inventory_confirmed (
        shop_id TEXT NOT NULL,
        seller_sku TEXT NOT NULL,
        warehouse_id TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        product_id TEXT NOT NULL,
        sku_id TEXT NOT NULL,
        confirmed_at INTEGER NOT NULL,
        PRIMARY KEY (shop_id, seller_sku, warehouse_id)
      );
    `,
  },
  {
    version: 8,
    name: "stock_reservations (issue #16): units of TikTok orders the bridge received that NetSuite's inventory export does not reflect yet, held back from the quantities sent to TikTok",
    sql: `
      CREATE TABLE stock_reservations (
        shop_id TEXT NOT NULL,
        order_id TEXT NOT NULL,
        seller_sku TEXT NOT NULL,
        warehouse_id TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        upserted_at INTEGER,
        PRIMARY KEY (shop_id, order_id, seller_sku, warehouse_id)
      );
    `,
  },
  {
    version: 9,
    name: 'one word per concept (issue #12): sync_cursors → reconcile_cursors (the reconcile pass keeps its progress there)',
    sql: `
      ALTER TABLE sync_cursors RENAME TO reconcile_cursors;
    `,
  },
  {
    version: 11,
    name: 'outbox_acks (issue #13): results of delivered NetSuite outbox rows not yet acknowledged, sent to outbox.ack in batches and kept across a crash',
    sql: `
      CREATE TABLE outbox_acks (
        outbox_id TEXT PRIMARY KEY,
        shop_id TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX outbox_acks_created ON outbox_acks(created_at, outbox_id);
    `,
  },
  {
    version: 14,
    name: "one running job per key (issue #22): an order's jobs run one after another, so a job that read the order earlier never writes after one that read it later; the partial index finds a key's running job",
    sql: `
      CREATE INDEX jobs_running_dedupe ON jobs(dedupe_key) WHERE state = 'running' AND dedupe_key IS NOT NULL;
    `,
  },
];
