import pg from 'pg';
import { createTestSchema, type TestSchema } from '../../../../test/support/test-postgres';
import { openStore } from '../open-store';
import { PostgresStore } from '../postgres-store';
import { PgConnection } from '../postgres/connection';
import { POSTGRES_MIGRATIONS } from '../postgres/migrations';
import { PgWebhooks } from '../postgres/webhooks';
import type { WebhookBatchItem, WebhookBatchResult } from '../types';
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

  it('stores a group commit in bulk, and one webhook the database refuses fails alone', async () => {
    await schema.truncate();
    const store = new PostgresStore(schema.url, { poolSize: 2 });
    try {
      const entry = (n: number, eventType = 1) => ({
        dedupeKey: `b-${n}`,
        shopId: '1',
        eventType,
        rawBody: '{}',
        receivedAt: 5,
      });
      const job = (key: string) => ({
        kind: 'order.upsert',
        shopId: '1',
        dedupeKey: key,
        payload: {},
        runAfter: 5,
      });
      await store.insertWebhook(entry(0), [job('order:0')]);
      // event_type is an INTEGER column: 2^31 is out of its range, the bulk insert fails and each
      // webhook is inserted again in its own savepoint.
      const results = await store.insertWebhooks([
        { entry: entry(1), jobs: [job('order:1')] },
        { entry: entry(2, 2 ** 31), jobs: [job('order:2')] },
        { entry: entry(0), jobs: [job('order:0-again')] },
        { entry: entry(3), jobs: [job('order:1')] },
      ]);
      expect(results.map((r) => (r.ok ? r.inserted : 'failed'))).toEqual([true, 'failed', false, true]);
      expect(await store.countWebhooks()).toBe(3);
      expect((await store.listJobs({})).map((j) => j.dedupeKey).sort()).toEqual(['order:0', 'order:1']);
    } finally {
      await store.close();
    }
  });

  it('stores a group commit byte for byte: quotes, backslashes, newlines, non-ASCII and empty values', async () => {
    // The group's rows go to PostgreSQL as JSON parameters (json_to_recordset): what comes back
    // must be what went in.
    await schema.truncate();
    const store = new PostgresStore(schema.url, { poolSize: 2 });
    await store.migrated;
    // In the one bulk statement, not the savepoint way (`tx`) a refused statement falls back to.
    const fallback = jest.spyOn(PgConnection.prototype, 'tx');
    try {
      const rawBody = '{"note":"a \\"quoted\\" \\\\ back\\nslash, tab\\t, ü, 🎉, \u2028 end"}\n';
      const entry = {
        dedupeKey: 'k "1" \\ ü',
        shopId: null,
        eventType: null,
        rawBody,
        receivedAt: 1_767_229_200_123,
        ignoredReason: 'it\'s "stale"\n',
      };
      const results = await store.insertWebhooks([
        {
          entry,
          jobs: [
            {
              kind: 'order.upsert',
              shopId: 'shop "x"',
              dedupeKey: 'order:ü',
              payload: { orderId: '1', note: 'é \\ "q"' },
              runAfter: 7,
            },
          ],
        },
        { entry: { dedupeKey: '', shopId: '', eventType: 0, rawBody: '', receivedAt: 0 }, jobs: [] },
      ]);
      expect(results.map((r) => r.ok && r.inserted)).toEqual([true, true]);
      const first = results[0];
      if (!first?.ok) throw new Error('first webhook not stored');
      expect(await store.getWebhook(first.id)).toEqual({ id: first.id, ...entry });
      const [job] = await store.listJobs({});
      expect(job).toMatchObject({
        kind: 'order.upsert',
        shopId: 'shop "x"',
        dedupeKey: 'order:ü',
        payload: { orderId: '1', note: 'é \\ "q"' },
        runAfter: 7,
      });
      const second = results[1];
      if (!second?.ok) throw new Error('second webhook not stored');
      expect(await store.getWebhook(second.id)).toMatchObject({
        dedupeKey: '',
        shopId: '',
        eventType: 0,
        rawBody: '',
      });
      expect(fallback).not.toHaveBeenCalled();
    } finally {
      fallback.mockRestore();
      await store.close();
    }
  });

  it('stores concurrent overlapping group commits once each, without a deadlock (rows in key order)', async () => {
    // The group commit runs two groups at once on PostgreSQL and several instances run their own:
    // here 4 groups at a time, each 60 of the same 80 webhooks in its own shuffled order, whose
    // jobs share 25 keys. Unsorted, two groups take the same keys in opposite orders and PostgreSQL
    // aborts one (a deadlock); the bulk statement would then fail and the batch go the savepoint
    // way, so the test watches both: no bulk statement fails, no batch falls back.
    await schema.truncate();
    const conn = PgConnection.open(schema.url, { max: 4 });
    const webhooks = new PgWebhooks(conn);
    const prepared = conn.prepared.bind(conn);
    const bulkErrors: unknown[] = [];
    jest.spyOn(conn, 'prepared').mockImplementation(async (name, text, params) => {
      try {
        return await prepared(name, text, params);
      } catch (error) {
        bulkErrors.push(error);
        throw error;
      }
    });
    // The savepoint way is not taken here; should it be, the test stops with the bulk statement's error.
    const fallback = jest
      .spyOn(conn, 'tx')
      .mockImplementation(() =>
        Promise.reject(new Error(`fell back to savepoints after: ${String(bulkErrors.at(-1))}`)),
      );
    let seed = 22;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const shuffled = <T>(items: T[]): T[] => {
      for (let i = items.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [items[i], items[j]] = [items[j] as T, items[i] as T];
      }
      return items;
    };
    const rounds = 15;
    const results: { key: string; result: WebhookBatchResult }[] = [];
    try {
      for (let round = 0; round < rounds; round += 1) {
        const item = (n: number): WebhookBatchItem => ({
          entry: { dedupeKey: `c-${round}-${n}`, shopId: '1', eventType: 1, rawBody: '{}', receivedAt: 5 },
          jobs: [
            {
              kind: 'order.upsert',
              shopId: '1',
              dedupeKey: `order:${round}-${n % 25}`,
              payload: {},
              runAfter: 5,
            },
          ],
        });
        const groups = [0, 1, 2, 3].map((g) =>
          shuffled(Array.from({ length: 80 }, (_, n) => n).filter((n) => (n + g) % 4 !== 0)).map(item),
        );
        const outcomes = await Promise.all(groups.map((group) => webhooks.insertWebhooks(group)));
        outcomes.forEach((outcome, g) =>
          outcome.forEach((result, i) =>
            results.push({ key: groups[g]?.[i]?.entry.dedupeKey ?? '?', result }),
          ),
        );
      }
      expect(bulkErrors.map((error) => (error as Error).message)).toEqual([]);
      expect(fallback).not.toHaveBeenCalled();
      expect(results.filter((r) => !r.result.ok)).toEqual([]);
      // Each webhook inserted by exactly one group; every group that held it got the same id.
      const byKey = new Map<string, { inserted: number; ids: Set<number> }>();
      for (const { key, result } of results) {
        if (!result.ok) continue;
        const seen = byKey.get(key) ?? { inserted: 0, ids: new Set<number>() };
        if (result.inserted) seen.inserted += 1;
        seen.ids.add(result.id);
        byKey.set(key, seen);
      }
      expect(byKey.size).toBe(rounds * 80);
      expect([...byKey.values()].filter((v) => v.inserted !== 1 || v.ids.size !== 1)).toEqual([]);
      expect(await webhooks.countWebhooks()).toBe(rounds * 80);
      const jobs = await conn.query<{ dedupe_key: string; n: number }>(
        `SELECT dedupe_key, COUNT(*)::int AS n FROM jobs WHERE state = 'pending' GROUP BY dedupe_key`,
      );
      expect(jobs).toHaveLength(rounds * 25);
      expect(jobs.filter((j) => j.n !== 1)).toEqual([]);
    } finally {
      await conn.end();
    }
  });

  it('names DATABASE_URL and the server when it cannot prepare the database', async () => {
    const store = new PostgresStore('postgres://nobody@127.0.0.1:1/none', { poolSize: 1 });
    await expect(store.migrated).rejects.toThrow(/PostgreSQL database.*DATABASE_URL.*server is running/);
    await expect(store.ping()).rejects.toThrow(/DATABASE_URL/);
    await store.close();
  });
});
