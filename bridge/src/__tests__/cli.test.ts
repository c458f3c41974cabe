import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatPushResult, runCli } from '../cli';
import { SqliteStore } from '../store/sqlite-store';
import { orderUpsertJob } from '../workers/job-kinds';

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
    const { id } = await store.enqueueJob(orderUpsertJob('1', '9', 0), 0);
    await store.claimJobs({ owner: 'w', now: 0, leaseMs: 1, limit: 1 });
    await store.failJob(id, 'w', { kind: 'dead', error: 'x', reason: 'permanent error: x' }, 1);
    await store.close();

    expect(await runCli(['status'], { DATABASE_URL: `sqlite:${dbPath}` }, io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/1 {2}Mugs {2}US {2}connected/);
    expect(text).toMatch(/order\.upsert +dead +1/);
    expect(text).toMatch(/Dead letters: 1\n {2}#1 order\.upsert shop 1: permanent error: x/);

    out = [];
    expect(await runCli(['retry-dead', '--shop', '1'], { DATABASE_URL: `sqlite:${dbPath}` }, io)).toBe(0);
    expect(out).toEqual(['1 dead job(s) moved back to the queue.']);
  });

  it('refuses reconcile without credentials and unknown commands', async () => {
    await expect(
      runCli(['reconcile', 'orders'], { DATABASE_URL: `sqlite:${join(dir, 'c.db')}` }, io),
    ).rejects.toThrow(
      /"reconcile orders" talks to TikTok and NetSuite and needs the TIKTOK_\* and NETSUITE_\* credentials/,
    );
    expect(err).toEqual([]);
    await expect(
      runCli(['sync', 'outbox'], { DATABASE_URL: `sqlite:${join(dir, 'c.db')}` }, io),
    ).rejects.toThrow(
      /"sync outbox" talks to TikTok and NetSuite and needs the TIKTOK_\* and NETSUITE_\* credentials/,
    );
    expect(await runCli(['frobnicate'], {}, io)).toBe(1);
    expect(err.join('\n')).toMatch(/Unknown command "frobnicate"/);
  });

  it('still accepts the old name `sync orders` for one release, saying its new name (issue #12)', async () => {
    await expect(
      runCli(['sync', 'orders'], { DATABASE_URL: `sqlite:${join(dir, 'c.db')}` }, io),
    ).rejects.toThrow(
      /"reconcile orders" talks to TikTok and NetSuite and needs the TIKTOK_\* and NETSUITE_\* credentials/,
    );
    expect(err).toEqual([
      '`sync orders` is now `reconcile orders`; the old name stops working in the next release.',
    ]);
  });

  it.each([
    [
      ['retry-dead', '--kind', 'order.bogus'],
      /retry-dead is invalid: --kind .*--kind is one of order\.upsert/s,
    ],
    [
      ['retry-dead', '--shop', '12ab'],
      /retry-dead is invalid: --shop \(a TikTok shop id is a string of 1 to 64 digits\)/,
    ],
    [['retry-dead', '--shpo', '1'], /Unknown option "--shpo"[\s\S]*Usage:/],
    [['retry-dead', '--shop', '1', '--shop', '2'], /--shop given twice/],
    [['retry-dead', '--kind'], /--kind needs a value/],
    [['reconcile', 'orders', '--sinse', '2026-01-01'], /Unknown option "--sinse"[\s\S]*Usage:/],
    [['sync', 'outbox', '--now'], /Unknown option "--now"[\s\S]*Usage:/],
    [['status', '--jsn'], /Unknown option "--jsn"[\s\S]*Usage:/],
  ])('refuses bad admin input %j with the usage, before touching the store', async (args, message) => {
    const path = join(dir, 'never-opened.db');
    await expect(runCli(args, { DATABASE_URL: `sqlite:${path}` }, io)).rejects.toThrow(message);
    expect(existsSync(path)).toBe(false);
  });

  it('retry-dead accepts a known kind and a numeric shop id', async () => {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'ok.db')}` };
    expect(
      await runCli(['retry-dead', '--kind', 'order.upsert', '--shop', '7494049642642441621'], env, io),
    ).toBe(0);
    expect(out).toContain('0 dead job(s) moved back to the queue.');
  });

  it('push products needs credentials, takes only --shop with a shop id, and prints one line per shop', async () => {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'p.db')}` };
    await expect(runCli(['push', 'products', '--shop', 'x1'], env, io)).rejects.toThrow(
      /push products options is invalid: --shop/,
    );
    await expect(runCli(['push', 'products', '--all'], env, io)).rejects.toThrow(/Unknown option "--all"/);
    await expect(runCli(['push', 'products'], env, io)).rejects.toThrow(
      /"push products" talks to TikTok and NetSuite and needs the TIKTOK_\* and NETSUITE_\* credentials/,
    );
    const base = {
      shopId: '7494049642642441621',
      pages: 1,
      products: 3,
      netsuiteInvalid: 1,
      outcomes: { created: 1, edited: 0, price_updated: 1, rejected: 0, invalid: 1, not_allowed: 0 },
      tiktokCalls: {
        categoryInfo: 2,
        brands: 0,
        recommend: 0,
        uploadImage: 1,
        create: 1,
        edit: 0,
        updatePrice: 1,
      },
      productCalls: 2,
      restletCalls: 3,
      notAllowed: false,
    };
    expect(formatPushResult({ ...base, skipped: null })).toBe(
      'shop 7494049642642441621: 3 product(s): 1 created, 0 edited, 1 price only, 1 invalid, 0 refused by TikTok; TikTok calls: 2 product, 1 image upload(s), 2 category/brand; 1 item(s) NetSuite found invalid',
    );
    expect(formatPushResult({ ...base, skipped: 'Product Push Blocked: cross-border seller' })).toBe(
      'shop 7494049642642441621: nothing pushed: Product Push Blocked: cross-border seller',
    );
  });
});
