/**
 * Several instances on one PostgreSQL (issue #22): three bridges run as production does (`cli.js
 * serve`, each its own process) on one database, behind a round-robin load balancer
 * (`test/support/round-robin-proxy.ts`) that TikTok's webhooks and the OAuth flow go through. Orders
 * are created in the TikTok simulator in three waves; during the first, the instance holding a job's
 * lease is SIGKILLed while it works. The others take its share of the webhooks (the
 * balancer skips it) and, once their leases expire (BRIDGE_JOB_LEASE_SECONDS), its jobs: every
 * order reaches NetSuite exactly once. Needs TEST_DATABASE_URL (`.ci/start-postgres.sh`).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { RESTLET_DEPLOYMENT_ID, RESTLET_SCRIPT_ID } from '../../shared-types/src/contract/restlet-contract';
import { configureDemoShop, seedDemoAccount } from '../../sandbox/netsuite/src/demo-account';
import { NetSuiteEmulator } from '../../sandbox/netsuite/src/emulator';
import { freePort } from '../../sandbox/src/stack';
import { startTikTokSimulator, type TikTokSimulator } from '../../sandbox/tiktok/src';
import { WEBHOOK_PATH } from '../../bridge/src/webhooks/route';
import { assertSuiteAppBuilt, PROJECT_ROOT } from '../support/connector-account';
import { waitUntil } from '../support/process-world';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/round-robin-proxy';
import { createTestSchema, type TestSchema } from '../support/test-postgres';
import { assertBridgeBuilt, BridgeProcess } from './bridge-process';

const INSTANCES = 3;
const WAVES = [15, 15, 15];

/**
 * The bridge whose process holds the lease of a running job (polled until one does; `feed` adds
 * work every 2 s while none is running, so a fast machine cannot run out of jobs first).
 */
async function instanceWithLeasedJob(
  url: string,
  bridges: readonly BridgeProcess[],
  feed: () => Promise<void>,
): Promise<{ bridge: BridgeProcess; owner: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + 60_000;
    let fedAt = Date.now();
    while (Date.now() < deadline) {
      if (Date.now() - fedAt >= 2_000) {
        await feed();
        fedAt = Date.now();
      }
      const owners = (
        await client.query<{ lease_owner: string }>("SELECT lease_owner FROM jobs WHERE state = 'running'")
      ).rows.map((r) => r.lease_owner);
      for (const owner of owners) {
        const holder = bridges.find((b) => b.pid !== null && owner.startsWith(`bridge-${b.pid}-`));
        if (holder) return { bridge: holder, owner };
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('no instance held a job lease within 60 s');
  } finally {
    await client.end();
  }
}

/** How many jobs `owner` still holds running (a SIGKILLed owner's stay so until their lease expires). */
async function runningJobsOf(url: string, owner: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [row] = (
      await client.query<{ n: number }>(
        "SELECT COUNT(*)::int AS n FROM jobs WHERE state = 'running' AND lease_owner = $1",
        [owner],
      )
    ).rows;
    return row?.n ?? 0;
  } finally {
    await client.end();
  }
}

/** Jobs claimed again after the lease of an instance that died expired. */
async function takenOverJobs(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [row] = (
      await client.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM jobs WHERE lease_expiries > 0')
    ).rows;
    return row?.n ?? 0;
  } finally {
    await client.end();
  }
}

let schema: TestSchema | undefined;
let proxy: RoundRobinProxy | undefined;
let sim: TikTokSimulator | undefined;
let ns: NetSuiteEmulator | undefined;
let dir: string | undefined;
const bridges: BridgeProcess[] = [];

afterEach(async () => {
  await Promise.all(bridges.map((b) => b.stop().catch(() => b.kill())));
  await proxy?.close();
  await sim?.stop();
  await ns?.stop();
  await schema?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('three bridges on one PostgreSQL, webhooks round robin, one SIGKILLed mid-run: every order reaches NetSuite exactly once', async () => {
  assertSuiteAppBuilt();
  assertBridgeBuilt();
  schema = await createTestSchema('instances');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-instances-'));
  const ports = await Promise.all(Array.from({ length: INSTANCES }, () => freePort()));
  proxy = await startRoundRobinProxy(ports.map((p) => `http://127.0.0.1:${p}`));
  const publicUrl = proxy.url;
  sim = await startTikTokSimulator({
    redirectUrl: `${publicUrl}/oauth/tiktok/callback`,
    seed: { shops: [{ region: 'US' }], inventoryPerWarehouse: 1_000_000 },
    randomSeed: 22,
  });
  ns = await NetSuiteEmulator.start({ projectRoot: PROJECT_ROOT, autoRunTasks: true });
  const simulator = sim;
  const emulator = ns;
  const skus = [...simulator.state.shops.values()].flatMap((shop) =>
    simulator.state.productsOf(shop.id).flatMap((product) => product.skus.map((sku) => sku.sellerSku)),
  );
  const account = seedDemoAccount(emulator.seed, { skus: [...new Set(skus)], onHand: 1_000_000 });
  const adminToken = randomBytes(24).toString('hex');
  // What the instances share: the database, the keys and secrets, and the public URL (the balancer).
  const shared: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    TIKTOK_APP_KEY: simulator.app.appKey,
    TIKTOK_APP_SECRET: simulator.app.appSecret,
    TIKTOK_SERVICE_ID: simulator.app.serviceId,
    TIKTOK_API_BASE_URL: simulator.apiBaseUrl,
    TIKTOK_AUTH_BASE_URL: simulator.authBaseUrl,
    TIKTOK_AUTHORIZE_URL: simulator.authorizeUrl,
    NETSUITE_ACCOUNT_ID: emulator.accountId,
    NETSUITE_CONSUMER_KEY: emulator.credentials.consumerKey,
    NETSUITE_CONSUMER_SECRET: emulator.credentials.consumerSecret,
    NETSUITE_TOKEN_ID: emulator.credentials.tokenId,
    NETSUITE_TOKEN_SECRET: emulator.credentials.tokenSecret,
    NETSUITE_RESTLET_URL: emulator.restletUrl(RESTLET_SCRIPT_ID, RESTLET_DEPLOYMENT_ID),
    BRIDGE_PUBLIC_URL: publicUrl,
    BRIDGE_ADMIN_TOKEN: adminToken,
    BRIDGE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    BRIDGE_OUTBOX_INTERVAL_SECONDS: '1',
    BRIDGE_JOB_LEASE_SECONDS: '6',
    DATABASE_URL: schema.url,
    LOG_LEVEL: 'warn',
  };
  ports.forEach((port, i) => {
    bridges.push(
      new BridgeProcess(
        { ...shared, PORT: String(port) },
        `http://127.0.0.1:${port}`,
        path.join(dir as string, `bridge-${i}.log`),
      ),
    );
  });
  // All three start at once: the schema is migrated once, under the advisory lock.
  await Promise.all(bridges.map((b) => b.start(40_000)));

  // Connect the shop through the balancer: the OAuth start and its callback may land on different
  // instances (the state is in the shared database).
  const start = await fetch(`${publicUrl}/oauth/tiktok/start`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Authorization: `Bearer ${adminToken}` },
  });
  const consent = start.headers.get('location');
  expect(start.status).toBe(303);
  const stateCookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const approved = await fetch(consent as string, { redirect: 'manual' });
  const callback = approved.headers.get('location') as string;
  const done = await fetch(callback, { redirect: 'manual', headers: { cookie: stateCookie } });
  expect(done.status).toBe(200);
  const shopId = simulator.admin.shops()[0]?.id as string;
  await waitUntil(
    () => emulator.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`) !== null,
    30_000,
    'the shop to reach NetSuite',
  );
  configureDemoShop(emulator.seed, emulator.store, shopId, account, {});

  const orders: string[] = [];
  const newOrder = (): string =>
    simulator.admin.createOrder({ advanceTo: 'AWAITING_SHIPMENT', paymentMethodName: 'CCDC' }).id;
  let victim: BridgeProcess | undefined;
  const imported = () =>
    orders.filter((id) => emulator.store.findByExternalId('salesorder', `tts_${shopId}_${id}`)).length;
  for (const [wave, count] of WAVES.entries()) {
    for (let i = 0; i < count; i += 1) orders.push(newOrder());
    await simulator.tick();
    if (wave === 0) {
      // Mid-run: the instance that holds a job's lease at that moment is SIGKILLed. Its job may finish
      // between the look and the kill; then it is started again and the next holder is killed, until
      // a kill leaves a leased job behind for the others to take over.
      for (let attempt = 1; attempt <= 10 && victim === undefined; attempt += 1) {
        const holder = await instanceWithLeasedJob(schema.url, bridges, async () => {
          orders.push(newOrder());
          await simulator.tick();
        });
        await holder.bridge.kill();
        if ((await runningJobsOf(schema.url, holder.owner)) > 0) victim = holder.bridge;
        else await holder.bridge.start(60_000);
      }
      if (victim === undefined) throw new Error('no SIGKILL in 10 left a leased job behind');
    }
  }
  await waitUntil(() => imported() === orders.length, 120_000, 'every order in NetSuite');
  // A little longer: a late webhook or a job taken over after its lease must not add any.
  await new Promise((resolve) => setTimeout(resolve, 8_000));

  const salesOrders = emulator.store
    .all('salesorder')
    .filter((so) => String(so.externalId ?? '').startsWith(`tts_${shopId}_`));
  expect(salesOrders).toHaveLength(orders.length);
  expect(new Set(salesOrders.map((so) => so.externalId)).size).toBe(orders.length);
  // Every instance took webhooks; the killed one's leased job was taken over by another.
  expect(proxy.answeredFor(WEBHOOK_PATH).every((n) => n > 0)).toBe(true);
  expect(victim?.running).toBe(false);
  expect(bridges.filter((b) => !b.running)).toEqual([victim]);
  expect(await takenOverJobs(schema.url)).toBeGreaterThan(0);
}, 300_000);
