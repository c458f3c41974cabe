/**
 * Embedded store: one SQLite file (WAL mode, owner-only: `database-file.ts`), schema versioned in
 * `schema_migrations`. One class per part under `sqlite/` (shops, tokens, OAuth states, admin
 * sessions, webhook notifications, jobs, cursors, errors, outbox acks, dispatch watch, inventory),
 * all on one connection (`sqlite/connection.ts`), composed by `composed-store.ts`. Every free-text
 * column is scrubbed of secrets on the way in (`redactSecretsInText`: known secret values and
 * patterns): error text, shop names, stored webhook bodies, job payloads. Token columns hold
 * ciphertext and are written as given.
 */
import Database from 'better-sqlite3';
import type { SqliteSynchronous } from '../config';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import { ComposedStore } from './composed-store';
import { prepareDatabaseFile } from './database-file';
import { SQLITE_MIGRATIONS, type Migration } from './sqlite-migrations';
import { SqliteAdminSessions } from './sqlite/admin-sessions';
import { SqliteConnection } from './sqlite/connection';
import { MemoryCoordination } from './sqlite/coordination';
import { SqliteCursors } from './sqlite/cursors';
import { SqliteDispatchWatch } from './sqlite/dispatch-watch';
import { SqliteErrors } from './sqlite/errors';
import { SqliteInventory } from './sqlite/inventory';
import { SqliteJobs } from './sqlite/jobs';
import { SqliteOAuthStates } from './sqlite/oauth-states';
import { SqliteOutboxAcks } from './sqlite/outbox-acks';
import { SqliteShops } from './sqlite/shops';
import { SqliteTokens } from './sqlite/tokens';
import { SqliteWebhooks } from './sqlite/webhooks';
import type { StoreParts } from './types';

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

export class SqliteStore extends ComposedStore {
  readonly kind = 'sqlite';
  readonly db: Database.Database;
  protected readonly parts: StoreParts;
  private closed = false;

  /**
   * `path` is a file path or `:memory:`; the parent folder is created (owner-only) when missing.
   * `synchronous` (BRIDGE_SQLITE_SYNCHRONOUS): `normal` (default) makes a commit survive the
   * process being killed, `full` also a power loss or an operating-system crash, at one fsync per
   * transaction (https://www.sqlite.org/pragma.html#pragma_synchronous, WAL mode).
   */
  constructor(path: string, options: { synchronous?: SqliteSynchronous } = {}) {
    super();
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
    const c = new SqliteConnection(this.db);
    const jobs = new SqliteJobs(c);
    this.parts = {
      shops: new SqliteShops(c),
      tokens: new SqliteTokens(c),
      oauthStates: new SqliteOAuthStates(c),
      adminSessions: new SqliteAdminSessions(c),
      webhooks: new SqliteWebhooks(c, jobs),
      jobs,
      cursors: new SqliteCursors(c),
      errors: new SqliteErrors(c),
      outboxAcks: new SqliteOutboxAcks(c),
      dispatchWatch: new SqliteDispatchWatch(c),
      inventory: new SqliteInventory(c),
      coordination: new MemoryCoordination(),
    };
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
}
