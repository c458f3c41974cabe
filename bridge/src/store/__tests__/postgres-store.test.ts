import pg from 'pg';
import { createTestSchema, type TestSchema } from '../../../../test/support/test-postgres';
import { openStore } from '../open-store';
import { PostgresStore } from '../postgres-store';
import { POSTGRES_MIGRATIONS } from '../postgres/migrations';
import { runStoreContract } from './store-contract';

// Every part's contract against PostgreSQL (the same suites SQLite passes: sqlite-store.test.ts).
// One schema for the file, emptied before each test; the store is opened once per test.
let schema: TestSchema;
beforeAll(async () => {
  schema = await createTestSchema('contract');
  const first = new PostgresStore(schema.url);
  await first.migrated;
  await first.close();
});
afterAll(async () => {
  await schema.drop();
});

runStoreContract('postgres', async () => {
  await schema.truncate();
  const store = new PostgresStore(schema.url, { poolSize: 4 });
  await store.migrated;
  return store;
});

describe('PostgresStore', () => {
  it('is what openStore gives for a postgres:// DATABASE_URL', async () => {
    const store = openStore(schema.url);
    expect(store).toBeInstanceOf(PostgresStore);
    await store.ping();
    await store.close();
    await expect(store.ping()).rejects.toThrow(/closed/);
  });

  it('runs each migration once when several instances start at the same time (advisory lock)', async () => {
    const fresh = await createTestSchema('migrate');
    try {
      const stores = [1, 2, 3].map(() => new PostgresStore(fresh.url, { poolSize: 2 }));
      const applied = await Promise.all(stores.map((s) => s.migrated));
      expect(applied.flat().sort((a, b) => a - b)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
      await Promise.all(stores.map((s) => s.close()));
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      const rows = (await client.query('SELECT version FROM schema_migrations ORDER BY version')).rows;
      await client.end();
      expect(rows).toEqual(POSTGRES_MIGRATIONS.map((m) => ({ version: m.version })));
    } finally {
      await fresh.drop();
    }
  });

  it('never leases one job to two instances claiming at once (FOR UPDATE SKIP LOCKED)', async () => {
    await schema.truncate();
    const stores = [1, 2, 3].map(() => new PostgresStore(schema.url, { poolSize: 3 }));
    try {
      await Promise.all(stores.map((s) => s.migrated));
      const [first] = stores as [PostgresStore];
      for (let i = 0; i < 60; i++) {
        await first.enqueueJob(
          { kind: 'order.upsert', shopId: '1', dedupeKey: `order:1:${i}`, payload: { i }, runAfter: 0 },
          0,
        );
      }
      const claimed = await Promise.all(
        stores.flatMap((s, n) =>
          [0, 1, 2, 3].map((k) => s.claimJobs({ owner: `w${n}-${k}`, now: 1, leaseMs: 60_000, limit: 7 })),
        ),
      );
      const ids = claimed.flat().map((j) => j.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(60);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('holds a named lock across instances: a second instance waits for the first holder', async () => {
    const [a, b] = [
      new PostgresStore(schema.url, { poolSize: 2 }),
      new PostgresStore(schema.url, { poolSize: 2 }),
    ];
    try {
      const events: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const first = a.withLock('token-refresh:grant-1', async () => {
        events.push('a in');
        entered();
        await held;
        // The holder may use the store while it holds the lock.
        await a.recordError({ at: 1, source: 'test', shopId: null, message: 'inside the lock' });
        events.push('a out');
      });
      await inside;
      const second = b.withLock('token-refresh:grant-1', async () => {
        events.push('b in');
      });
      await new Promise((resolve) => setImmediate(resolve));
      release();
      await Promise.all([first, second]);
      expect(events).toEqual(['a in', 'a out', 'b in']);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('shares rate buckets across instances: together they never take more than the burst at once', async () => {
    await schema.truncate();
    const stores = [1, 2, 3].map(() => new PostgresStore(schema.url, { poolSize: 3 }));
    try {
      const limit = { ratePerSecond: 1, burst: 5 };
      const waits = await Promise.all(
        stores.flatMap((s) => [1, 2, 3, 4].map(() => s.takeRateToken('shop:1:/api/orders', limit, 1_000))),
      );
      expect(waits.filter((w) => w === 0)).toHaveLength(5);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('names DATABASE_URL and the server when it cannot prepare the database', async () => {
    const store = new PostgresStore('postgres://nobody@127.0.0.1:1/none', { poolSize: 1 });
    await expect(store.migrated).rejects.toThrow(/PostgreSQL database.*DATABASE_URL.*server is running/);
    await expect(store.ping()).rejects.toThrow(/DATABASE_URL/);
    await store.close();
  });
});
