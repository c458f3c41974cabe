/**
 * The one better-sqlite3 connection the SQLite parts share, with its prepared-statement cache.
 * better-sqlite3 is synchronous: each part's async method runs its statements (and transactions)
 * to the end before it yields, so no two transactions of one process interleave.
 */
import type Database from 'better-sqlite3';

export class SqliteConnection {
  /** Prepared statements, compiled once per connection. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  /** The prepared statement for `sql`, compiled on first use. */
  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** True for SQLite's unique-constraint error (a second pending job with the same dedupe key). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}
