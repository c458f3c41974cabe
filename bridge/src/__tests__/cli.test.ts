import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli';
import { SqliteStore } from '../store/sqlite-store';
import { orderSyncJob } from '../workers/job-kinds';

describe('bridge CLI', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bridge-cli-'));
    out = [];
    err = [];
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('status prints shops, queue depths and dead letters from the store', async () => {
    const dbPath = join(dir, 'b.db');
    const store = new SqliteStore(dbPath);
    await store.upsertShop(
      {
        shopId: '1',
        name: 'Mugs',
        region: 'US',
        sellerType: 'LOCAL',
        cipher: 'c',
        code: '',
        state: 'connected',
      },
      0,
    );
    const { id } = await store.enqueueJob(orderSyncJob('1', '9', 0), 0);
    await store.claimJobs({ owner: 'w', now: 0, leaseMs: 1, limit: 1 });
    await store.failJob(id, 'w', { kind: 'dead', error: 'x', reason: 'permanent error: x' }, 1);
    await store.close();

    expect(await runCli(['status'], { DATABASE_URL: `sqlite:${dbPath}` }, io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/1 {2}Mugs {2}US {2}connected/);
    expect(text).toMatch(/order\.sync +dead +1/);
    expect(text).toMatch(/Dead letters: 1\n {2}#1 order\.sync shop 1: permanent error: x/);

    out = [];
    expect(await runCli(['retry-dead', '--shop', '1'], { DATABASE_URL: `sqlite:${dbPath}` }, io)).toBe(0);
    expect(out).toEqual(['1 dead job(s) moved back to the queue.']);
  });

  it('refuses sync without credentials and unknown commands', async () => {
    await expect(
      runCli(['sync', 'orders'], { DATABASE_URL: `sqlite:${join(dir, 'c.db')}` }, io),
    ).rejects.toThrow(/needs the TIKTOK_\* and NETSUITE_\* credentials/);
    expect(await runCli(['frobnicate'], {}, io)).toBe(1);
    expect(err.join('\n')).toMatch(/Unknown command "frobnicate"/);
  });
});
