import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from '../sqlite-migrations';
import { openStore } from '../open-store';
import { SqliteStore, migrateSqlite } from '../sqlite-store';
import { runStoreContract } from './store-contract';
import { JOB_KINDS } from '../../workers/job-kinds';

runStoreContract('sqlite (:memory:)', async () => new SqliteStore(':memory:'));

describe('SqliteStore on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bridge-store-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the folder, uses WAL and records each migration once', async () => {
    const path = join(dir, 'nested', 'bridge.db');
    const store = new SqliteStore(path);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await store.close();
    const reopened = new SqliteStore(path);
    const versions = reopened.db.prepare('SELECT version FROM schema_migrations').all();
    expect(versions).toEqual(SQLITE_MIGRATIONS.map((m) => ({ version: m.version })));
    await reopened.close();
  });

  it('commits with synchronous NORMAL by default and FULL when BRIDGE_SQLITE_SYNCHRONOUS=full (openStore)', async () => {
    const normal = openStore(`sqlite:${join(dir, 'normal.db')}`) as SqliteStore;
    expect(normal.db.pragma('synchronous', { simple: true })).toBe(1);
    await normal.close();
    const full = openStore(`sqlite:${join(dir, 'full.db')}`, { sqliteSynchronous: 'full' }) as SqliteStore;
    expect(full.db.pragma('synchronous', { simple: true })).toBe(2);
    await full.close();
  });

  it('applies only migrations that are new', () => {
    const db = new Database(':memory:');
    expect(migrateSqlite(db, SQLITE_MIGRATIONS.slice(0, 1))).toEqual([1]);
    expect(
      migrateSqlite(db, [
        { version: 1, name: 'x', sql: 'SELECT 1' },
        { version: 99, name: 'y', sql: 'CREATE TABLE t (a)' },
      ]),
    ).toEqual([99]);
    expect(migrateSqlite(db)).toEqual(SQLITE_MIGRATIONS.slice(1).map((m) => m.version));
    db.close();
  });

  it('upgrades a database file written with the old words: queued order.sync and shop.push jobs still run, webhook_inbox rows stay (issue #12)', async () => {
    const path = join(dir, 'old.db');
    const old = new Database(path);
    migrateSqlite(
      old,
      SQLITE_MIGRATIONS.filter((m) => m.version <= 4),
    );
    const insertJob = old.prepare(
      `INSERT INTO jobs (kind, shop_id, dedupe_key, payload, state, run_after, created_at, updated_at)
       VALUES (?, '7', ?, ?, 'pending', 0, 0, 0)`,
    );
    insertJob.run(
      'order.sync',
      'order:7:576461413038785752',
      '{"shopId":"7","orderId":"576461413038785752"}',
    );
    insertJob.run('shop.push', 'shop-push:7', '{"shopId":"7"}');
    old
      .prepare(
        `INSERT INTO webhook_inbox (dedupe_key, shop_id, event_type, raw_body, received_at) VALUES ('n1', '7', 1, '{}', 5)`,
      )
      .run();
    old.close();

    const store = new SqliteStore(path);
    const claimed = await store.claimJobs({ owner: 'w', now: 1, leaseMs: 1000, limit: 10 });
    expect(claimed.map((job) => [job.kind, job.dedupeKey]).sort()).toEqual([
      [JOB_KINDS.ORDER_UPSERT, 'order:7:576461413038785752'],
      [JOB_KINDS.SHOP_UPSERT, 'shop-push:7'],
    ]);
    expect([JOB_KINDS.ORDER_UPSERT, JOB_KINDS.SHOP_UPSERT]).toEqual(['order.upsert', 'shop.upsert']);
    expect(await store.countWebhooks()).toBe(1);
    expect((await store.getWebhook(1))?.dedupeKey).toBe('n1');
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables).toContainEqual({ name: 'webhook_notifications' });
    expect(tables).not.toContainEqual({ name: 'webhook_inbox' });
    await store.close();
  });

  it('upgrades a database file written before reconcile_cursors: each shop keeps how far reconcile has read (issue #12)', async () => {
    const path = join(dir, 'cursors.db');
    const old = new Database(path);
    migrateSqlite(
      old,
      SQLITE_MIGRATIONS.filter((m) => m.version < 9),
    );
    old
      .prepare(
        `INSERT INTO sync_cursors (shop_id, name, value, updated_at) VALUES ('7', 'orders.update_time', 1700000000, 42)`,
      )
      .run();
    old.close();

    const store = new SqliteStore(path);
    expect(await store.getCursor('7', 'orders.update_time')).toEqual({
      shopId: '7',
      name: 'orders.update_time',
      value: 1700000000,
      updatedAt: 42,
    });
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables).toContainEqual({ name: 'reconcile_cursors' });
    expect(tables).not.toContainEqual({ name: 'sync_cursors' });
    await store.close();
  });

  it('refuses work after close', async () => {
    const store = new SqliteStore(join(dir, 'b.db'));
    await store.close();
    await expect(store.ping()).rejects.toThrow(/closed/);
  });

  describe('the database file is readable by the bridge user only (issue #8)', () => {
    const mode = (path: string): number => statSync(path).mode & 0o777;

    it('creates the folder 0700 and the file, its WAL and its SHM 0600', async () => {
      const folder = join(dir, 'data');
      const path = join(folder, 'bridge.db');
      const store = new SqliteStore(path);
      await store.recordError({ at: 1, source: 'test', shopId: null, message: 'written through the WAL' });
      expect(mode(folder)).toBe(0o700);
      expect(mode(path)).toBe(0o600);
      expect(mode(`${path}-wal`)).toBe(0o600);
      expect(mode(`${path}-shm`)).toBe(0o600);
      await store.close();
    });

    it('tightens a file an older bridge left world-readable', async () => {
      const path = join(dir, 'old.db');
      writeFileSync(path, '');
      chmodSync(path, 0o644);
      const store = new SqliteStore(path);
      expect(mode(path)).toBe(0o600);
      await store.close();
    });

    it('refuses a folder every user can write to, naming it and the fix', () => {
      const open = join(dir, 'shared');
      mkdirSync(open);
      chmodSync(open, 0o777);
      expect(() => new SqliteStore(join(open, 'bridge.db'))).toThrow(
        new RegExp(`folder of the bridge database \\(${open}\\) is writable by every user.*chmod o-w`),
      );
    });
  });
});
