/**
 * The PostgreSQL pool the parts share, with transactions and savepoints. BIGINT (times, ids,
 * counts) is read back as a JavaScript number: the bridge's values (ms since the epoch, row ids)
 * stay far below 2^53. Schema migrations run once across instances: every instance that starts
 * takes the same transaction-scoped advisory lock before reading `schema_migrations`, so the first
 * applies them and the others find them applied.
 */
import pg from 'pg';
import { BridgeError, BRIDGE_ERROR_CODES } from '../../core/errors';
import type { Migration } from '../sqlite-migrations';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** pg's type parsers, with BIGINT and NUMERIC read as numbers. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/** Advisory lock key of schema migrations (any constant the bridge uses for nothing else). */
export const MIGRATION_LOCK_KEY = 7_494_022;

export type Row = Record<string, unknown>;

/** Something that runs SQL: the pool (its own transaction per statement) or a transaction's client. */
export interface Sql {
  query<R extends object = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
}

/** True for PostgreSQL's unique-violation error (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** Deadlock detected (40P01) or serialization failure (40001): the whole transaction may run again. */
function isRetryableAbort(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === '40P01' || code === '40001';
}

/** One transaction on one client; `savepoint` runs a part of it that may roll back alone. */
export class PgTransaction implements Sql {
  private savepoints = 0;
  constructor(private readonly client: pg.PoolClient) {}

  async query<R extends object = Row>(text: string, params: readonly unknown[] = []): Promise<R[]> {
    return (await this.client.query(text, params as unknown[])).rows as R[];
  }

  async savepoint<T>(fn: () => Promise<T>): Promise<T> {
    const name = `sp${++this.savepoints}`;
    await this.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await fn();
      await this.client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await this.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  }
}

export class PgConnection implements Sql {
  /** Settles once the schema is ready (`migrate`); every query waits for it. */
  private ready: Promise<unknown> = Promise.resolve();

  /**
   * `pool` runs the queries; `locks` holds advisory locks (`coordination.ts`), one connection per
   * lock held, apart so a holder's own queries never wait for a connection a lock keeps.
   */
  constructor(
    readonly pool: pg.Pool,
    private readonly locks: pg.Pool,
  ) {}

  static open(url: string, options: { max?: number } = {}): PgConnection {
    const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
    // More than the bridge's periodic passes (5), each holding one lock while it may wait for a
    // token refresh's: a refresh always finds a connection, so lock holders never wait in a circle.
    const locks = new pg.Pool({ connectionString: url, max: 16, types, idleTimeoutMillis: 5_000 });
    // An idle client whose server went away: the pool drops it; the next query reconnects.
    pool.on('error', () => undefined);
    locks.on('error', () => undefined);
    return new PgConnection(pool, locks);
  }

  /** A connection for holding an advisory lock (release it when done). */
  async lockClient(): Promise<pg.PoolClient> {
    await this.ready;
    return this.locks.connect();
  }

  /** Closes both pools. */
  async end(): Promise<void> {
    await Promise.all([this.pool.end(), this.locks.end()]);
  }

  async query<R extends object = Row>(text: string, params: readonly unknown[] = []): Promise<R[]> {
    await this.ready;
    return (await this.pool.query(text, params as unknown[])).rows as R[];
  }

  /**
   * A statement PostgreSQL parses and plans once per connection (a named prepared statement), then
   * only binds and runs: for the hot statements (the webhook group commit) whose text never changes.
   * `name` must name this text only.
   */
  async prepared<R extends object = Row>(
    name: string,
    text: string,
    params: readonly unknown[],
  ): Promise<R[]> {
    await this.ready;
    return (await this.pool.query({ name, text, values: params as unknown[] })).rows as R[];
  }

  /**
   * Runs `fn` in one transaction (READ COMMITTED), committed when it resolves, rolled back when it
   * throws. A transaction PostgreSQL aborted to break a deadlock (two instances enqueueing the same
   * job keys in opposite orders) is run again from the start, up to three times: `fn` only touches
   * the database, so nothing of the aborted run remains.
   */
  async tx<T>(fn: (t: PgTransaction) => Promise<T>): Promise<T> {
    await this.ready;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.txOnce(fn);
      } catch (error) {
        if (attempt >= 3 || !isRetryableAbort(error)) throw error;
      }
    }
  }

  private async txOnce<T>(fn: (t: PgTransaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PgTransaction(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Applies the migrations not applied yet, under an advisory lock so that instances starting
   * together apply each once; returns the versions this call applied.
   */
  migrate(migrations: readonly Migration[]): Promise<number[]> {
    const ran = this.migrateNow(migrations);
    this.ready = ran.catch(() => undefined).then(() => ran);
    // Whoever queries next sees a failure; this copy only keeps it from being unhandled.
    this.ready.catch(() => undefined);
    return ran;
  }

  private async migrateNow(migrations: readonly Migration[]): Promise<number[]> {
    await this.ready.catch(() => undefined);
    try {
      return await this.txOnce(async (t) => {
        await t.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
        await t.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
        );
        const applied = new Set(
          (await t.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
        );
        const ran: number[] = [];
        for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
          if (applied.has(migration.version)) continue;
          await t.query(migration.sql);
          await t.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            Date.now(),
          ]);
          ran.push(migration.version);
        }
        return ran;
      });
    } catch (error) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.STORE_ERROR,
        `Cannot prepare the PostgreSQL database (${error instanceof Error ? error.message : String(error)}). Check DATABASE_URL, that the server is running and that its user may create tables.`,
        { cause: error },
      );
    }
  }
}
