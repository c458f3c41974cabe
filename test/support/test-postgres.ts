/**
 * The PostgreSQL the tests use (issue #22): `TEST_DATABASE_URL`, started by `.ci/start-postgres.sh`
 * (CI runs it before `npm test`; the README's "Tests" section shows a developer how). A test that
 * needs it and finds no URL fails with the fix; it never skips. Each caller gets its own schema
 * (jest runs test files in parallel on one database), dropped by `drop()`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set: the PostgreSQL tests need a server. Start one with ' +
        '`eval "$(bash .ci/start-postgres.sh)"` (installs PostgreSQL from Debian packages if missing) and run the tests again.',
    );
  }
  return url;
}

export interface TestSchema {
  /** DATABASE_URL whose connections use only this schema. */
  url: string;
  schema: string;
  /** Empties every table of the schema (ids restart), keeping the migrated schema. */
  truncate(): Promise<void>;
  drop(): Promise<void>;
}

/** A fresh schema on the test server; the bridge's tables are created in it by the store's migrations. */
export async function createTestSchema(prefix = 't'): Promise<TestSchema> {
  const base = testDatabaseUrl();
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const run = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    url: url.toString(),
    schema,
    truncate: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        const tables = (
          await client.query<{ tablename: string }>(
            "SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename <> 'schema_migrations'",
            [schema],
          )
        ).rows.map((r) => `${schema}.${r.tablename}`);
        if (tables.length > 0) await client.query(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`);
      } finally {
        await client.end();
      }
    },
    drop: () => run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}
