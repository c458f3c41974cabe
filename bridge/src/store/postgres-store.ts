/**
 * Shared store for several bridge instances: PostgreSQL (`DATABASE_URL=postgres://…`), one class
 * per part under `postgres/`, composed by `composed-store.ts`, passing the same contract suites as
 * SQLite (`__tests__/contract/`). Instances share everything durable through it: shops and tokens,
 * webhook notifications (stored once per dedupe key whichever instance received them), the job
 * queue (claimed with `FOR UPDATE SKIP LOCKED` under leases), cursors, errors and outbox acks.
 * The schema is migrated when the store opens, once across instances (an advisory lock:
 * `postgres/connection.ts`); queries wait for it. Free text is scrubbed of secrets on the way in,
 * as in SQLite; token columns hold ciphertext.
 */
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import { ComposedStore } from './composed-store';
import { PgAdminSessions } from './postgres/admin-sessions';
import { PgCoordination } from './postgres/coordination';
import { PgConnection } from './postgres/connection';
import { PgCursors } from './postgres/cursors';
import { PgDispatchWatch } from './postgres/dispatch-watch';
import { PgErrors } from './postgres/errors';
import { PgInventory } from './postgres/inventory';
import { PgJobs } from './postgres/jobs';
import { POSTGRES_MIGRATIONS } from './postgres/migrations';
import { PgOAuthStates } from './postgres/oauth-states';
import { PgOutboxAcks } from './postgres/outbox-acks';
import { PgShops } from './postgres/shops';
import { PgTokens } from './postgres/tokens';
import { PgWebhooks } from './postgres/webhooks';
import type { StoreParts } from './types';

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

export class PostgresStore extends ComposedStore {
  readonly kind = 'postgres';
  readonly connection: PgConnection;
  protected readonly parts: StoreParts;
  /** Settles when the schema is ready: the versions this instance applied (none when another did). */
  readonly migrated: Promise<number[]>;
  private closed = false;

  constructor(url: string, options: PostgresStoreOptions = {}) {
    super();
    this.connection = PgConnection.open(url, { max: options.poolSize });
    this.migrated = this.connection.migrate(POSTGRES_MIGRATIONS);
    this.migrated.catch(() => undefined);
    const c = this.connection;
    this.parts = {
      shops: new PgShops(c),
      tokens: new PgTokens(c),
      oauthStates: new PgOAuthStates(c),
      adminSessions: new PgAdminSessions(c),
      webhooks: new PgWebhooks(c),
      jobs: new PgJobs(c),
      cursors: new PgCursors(c),
      errors: new PgErrors(c),
      outboxAcks: new PgOutboxAcks(c),
      dispatchWatch: new PgDispatchWatch(c),
      inventory: new PgInventory(c),
      coordination: new PgCoordination(c),
    };
  }

  async ping(): Promise<void> {
    if (this.closed) {
      throw new BridgeError(BRIDGE_ERROR_CODES.STORE_ERROR, 'The store is closed; restart the bridge.');
    }
    await this.connection.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.migrated.catch(() => undefined);
    await this.connection.end();
  }
}
