/**
 * SIGKILL during webhook ingest (issue #22): the bridge runs as production does (`cli.js serve`,
 * its own process, SQLite file, then PostgreSQL with two group commits in flight), 48 connections send distinct signed order webhooks as fast as it
 * answers, and the process is SIGKILLed while requests are in flight. The group commit
 * (`bridge/src/webhooks/group-commit.ts`) answers 200 only after the transaction holding the
 * webhook committed, so:
 * - every webhook answered 200 before the kill is in the database the killed process left;
 * - after a restart, TikTok's resends (every unanswered webhook, and some answered ones again)
 *   leave each webhook stored once with one job: none lost, none duplicated.
 * And behind a load balancer: on SIGTERM, `/readyz` answers 503 (draining) for
 * BRIDGE_SHUTDOWN_DRAIN_SECONDS while webhooks are still taken, then the process exits.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createTestSchema, type TestSchema } from '../support/test-postgres';
import { signTikTokWebhookForTest } from '../../bridge/src/webhooks/verify';
import { WEBHOOK_PATH } from '../../bridge/src/webhooks/route';
import { assertBridgeBuilt, BridgeProcess } from './bridge-process';

const SHOP_ID = '7494049642642441621';
const TOTAL = 1500;
const CONNECTIONS = 48;

interface Outcome {
  acked: Set<number>;
  /** Requests sent whose answer never came (connection reset by the kill). */
  unanswered: number;
}

function webhook(n: number, appKey: string, appSecret: string): { body: string; authorization: string } {
  const body = JSON.stringify({
    type: 1,
    tts_notification_id: `7327112393057${String(n).padStart(6, '0')}`,
    shop_id: SHOP_ID,
    timestamp: Math.floor(Date.now() / 1000),
    data: {
      order_id: `5764614130${String(n).padStart(8, '0')}`,
      order_status: 'AWAITING_SHIPMENT',
      is_on_hold_order: false,
      update_time: 1767229200 + n,
    },
  });
  return { body, authorization: signTikTokWebhookForTest(appKey, appSecret, body) };
}

function post(
  agent: http.Agent,
  port: number,
  hook: { body: string; authorization: string },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: WEBHOOK_PATH,
        agent,
        headers: {
          'content-type': 'application/json',
          authorization: hook.authorization,
          'content-length': String(Buffer.byteLength(hook.body)),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(hook.body);
  });
}

/** Sends webhooks `numbers` over `connections`; calls `onAck` after each 200. Stops at the first failure per connection. */
async function send(
  port: number,
  numbers: readonly number[],
  sign: (n: number) => { body: string; authorization: string },
  onAck: (n: number, acked: number) => void,
): Promise<Outcome> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const outcome: Outcome = { acked: new Set(), unanswered: 0 };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < numbers.length) {
      const n = numbers[next++] as number;
      try {
        const status = await post(agent, port, sign(n));
        if (status !== 200) throw new Error(`webhook ${n} answered ${status}`);
        outcome.acked.add(n);
        onAck(n, outcome.acked.size);
      } catch (error) {
        if (error instanceof Error && /answered/.test(error.message)) throw error;
        outcome.unanswered += 1;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  agent.destroy();
  return outcome;
}

interface StoredRows {
  notifications: string[];
  orderJobs: string[];
}

/** The rows in `database`: a SQLite file or a postgres:// URL. */
async function storedRows(database: string): Promise<StoredRows> {
  if (!database.startsWith('postgres://')) return storedSqliteRows(database);
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  try {
    const notifications = (
      await client.query<{ dedupe_key: string }>('SELECT dedupe_key FROM webhook_notifications')
    ).rows.map((r) => r.dedupe_key);
    const orderJobs = (
      await client.query<{ payload: string }>("SELECT payload FROM jobs WHERE kind = 'order.upsert'")
    ).rows.map((r) => (JSON.parse(r.payload) as { orderId: string }).orderId);
    return { notifications, orderJobs };
  } finally {
    await client.end();
  }
}

function storedSqliteRows(dbPath: string): StoredRows {
  const db = new Database(dbPath, { readonly: true });
  try {
    const notifications = (
      db.prepare('SELECT dedupe_key FROM webhook_notifications').all() as { dedupe_key: string }[]
    ).map((r) => r.dedupe_key);
    const orderJobs = (
      db.prepare("SELECT payload FROM jobs WHERE kind = 'order.upsert'").all() as { payload: string }[]
    ).map((r) => (JSON.parse(r.payload) as { orderId: string }).orderId);
    return { notifications, orderJobs };
  } finally {
    db.close();
  }
}

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function bridgeProcess(
  dir: string,
  database: string,
  port: number,
  appKey: string,
  appSecret: string,
  extra: Record<string, string> = {},
): BridgeProcess {
  const nowhere = 'http://127.0.0.1:9';
  return new BridgeProcess(
    {
      PATH: process.env.PATH ?? '',
      TIKTOK_APP_KEY: appKey,
      TIKTOK_APP_SECRET: appSecret,
      TIKTOK_SERVICE_ID: '7000000000000000000',
      TIKTOK_API_BASE_URL: nowhere,
      TIKTOK_AUTH_BASE_URL: nowhere,
      TIKTOK_AUTHORIZE_URL: `${nowhere}/open/authorize`,
      NETSUITE_ACCOUNT_ID: 'TSTDRV1234567',
      NETSUITE_CONSUMER_KEY: 'ck',
      NETSUITE_CONSUMER_SECRET: 'cs',
      NETSUITE_TOKEN_ID: 'ti',
      NETSUITE_TOKEN_SECRET: 'ts',
      NETSUITE_RESTLET_URL: `${nowhere}/app/site/hosting/restlet.nl?script=1&deploy=1`,
      BRIDGE_PUBLIC_URL: `http://127.0.0.1:${port}`,
      BRIDGE_ADMIN_TOKEN: randomBytes(24).toString('hex'),
      BRIDGE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      DATABASE_URL: database.startsWith('postgres://') ? database : `sqlite:${database}`,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...extra,
    },
    `http://127.0.0.1:${port}`,
    path.join(dir, 'bridge.log'),
  );
}

describe('bridge process: SIGKILL during webhook ingest, SIGTERM drain', () => {
  let dir: string;
  let bridge: BridgeProcess;

  beforeAll(() => assertBridgeBuilt());

  afterEach(async () => {
    await bridge?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function killDuringIngest(database: (dir: string) => Promise<string>): Promise<void> {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-ingest-kill-'));
    const dbPath = await database(dir);
    const port = await freePort();
    const appKey = randomBytes(7).toString('hex').slice(0, 13);
    const appSecret = randomBytes(20).toString('hex');
    bridge = bridgeProcess(dir, dbPath, port, appKey, appSecret);
    await bridge.start();
    const sign = (n: number) => webhook(n, appKey, appSecret);
    const all = Array.from({ length: TOTAL }, (_, n) => n);

    // Kill once a few hundred are answered: the other connections are mid-request.
    const killAfter = 300;
    const first = await send(port, all, sign, (_n, acked) => {
      if (acked === killAfter) bridge.killNow();
    });
    await bridge.waitExit();
    expect(first.acked.size).toBeGreaterThanOrEqual(killAfter);
    expect(first.acked.size).toBeLessThan(TOTAL);
    expect(first.unanswered).toBeGreaterThan(0);

    // What the killed process left: every acknowledged webhook, each once, with its one job.
    const afterKill = await storedRows(dbPath);
    const keyOf = (n: number) => JSON.parse(sign(n).body).tts_notification_id as string;
    const stored = new Set(afterKill.notifications);
    const lost = [...first.acked].filter((n) => !stored.has(keyOf(n)));
    expect(lost).toEqual([]);
    expect(afterKill.orderJobs).toHaveLength(afterKill.notifications.length);

    // Restart; TikTok resends what was not answered, and 100 answered ones again.
    await bridge.start();
    const resend = [...all.filter((n) => !first.acked.has(n)), ...[...first.acked].slice(0, 100)];
    const second = await send(port, resend, sign, () => undefined);
    expect(second.unanswered).toBe(0);
    expect(second.acked.size).toBe(resend.length);
    await bridge.stop();

    const final = await storedRows(dbPath);
    expect(final.notifications).toHaveLength(TOTAL);
    expect(new Set(final.notifications).size).toBe(TOTAL);
    expect(final.orderJobs).toHaveLength(TOTAL);
    expect(new Set(final.orderJobs).size).toBe(TOTAL);
  }

  it('loses no webhook answered 200 and stores none twice after TikTok resends', async () => {
    await killDuringIngest(async (at) => path.join(at, 'bridge.db'));
  }, 90_000);

  it('on PostgreSQL, two group commits in flight: loses no webhook answered 200, stores none twice', async () => {
    let schema: TestSchema | undefined;
    try {
      await killDuringIngest(async () => {
        schema = await createTestSchema('ingest_kill');
        return schema.url;
      });
    } finally {
      await bridge?.kill();
      await schema?.drop();
    }
  }, 90_000);

  it('on SIGTERM answers /readyz 503 for BRIDGE_SHUTDOWN_DRAIN_SECONDS while still taking webhooks, then exits', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-drain-'));
    const port = await freePort();
    const appKey = randomBytes(7).toString('hex').slice(0, 13);
    const appSecret = randomBytes(20).toString('hex');
    bridge = bridgeProcess(dir, path.join(dir, 'bridge.db'), port, appKey, appSecret, {
      BRIDGE_SHUTDOWN_DRAIN_SECONDS: '3',
    });
    await bridge.start();
    const url = `http://127.0.0.1:${port}`;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const sigtermAt = Date.now();
    const stopped = bridge.stop(20_000);
    let ready = await fetch(`${url}/readyz`);
    for (let i = 0; i < 50 && ready.status === 200; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      ready = await fetch(`${url}/readyz`);
    }
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ok: false, draining: true, store: { ok: true } });
    const agent = new http.Agent({ keepAlive: false });
    await expect(post(agent, port, webhook(1, appKey, appSecret))).resolves.toBe(200);
    await stopped;
    expect(Date.now() - sigtermAt).toBeGreaterThanOrEqual(2500);
    expect((await storedRows(path.join(dir, 'bridge.db'))).notifications).toHaveLength(1);
  }, 60_000);
});
