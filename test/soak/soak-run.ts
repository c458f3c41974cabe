/**
 * The soak of issue #22: three bridge processes (`cli.js serve`) on one PostgreSQL behind the
 * round-robin balancer (`test/support/round-robin-proxy.ts`), the TikTok simulator and the NetSuite
 * emulator running the compiled SuiteApp. Traffic is made in the simulator, so every webhook is a real
 * TikTok delivery of a real change: 70% order events (new orders, paid to AWAITING_SHIPMENT), 20%
 * order updates (the buyer's new ship-to address, each one distinct) and 10% other events (product
 * title edits), at `rate` webhooks a second for `durationSeconds`. Every `killEverySeconds` one
 * instance (in turn) is SIGKILLed and started again at once.
 *
 * When the traffic stops the run waits (bounded by `settleTimeoutMs`) until every order has its sales
 * order, every address is on its sales order and the job queue is empty, then counts: orders without a
 * sales order or with more than one (lost / duplicated), address updates not on the sales order,
 * delivered webhooks not stored, dead jobs. RSS is sampled from /proc every 5 s for each process
 * ("life") of each instance while the traffic runs: a life's RSS at its own minute 2 is compared with
 * its last sample (when it was killed, or when the traffic stopped), for lives that lasted at least
 * `rssMinLifeSeconds` (a life killed sooner has nothing to compare).
 * Job latency is `updated_at − created_at` of the done jobs: from the webhook that created the job
 * (received and committed) to the job's completion.
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
import { prng } from '../chaos/order-mix';
import { assertBridgeBuilt, BridgeProcess } from '../chaos/bridge-process';
import { formatTable } from '../bench/table';
import { assertSuiteAppBuilt, PROJECT_ROOT } from '../support/connector-account';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/round-robin-proxy';
import { createTestSchema, type TestSchema } from '../support/test-postgres';

export interface SoakOptions {
  durationSeconds: number;
  /** Webhooks a second TikTok sends (all kinds together). */
  rate: number;
  killEverySeconds: number;
  instances?: number;
  seed?: number;
  /** How long the backlog may take to drain once the traffic stops (a bound, not a target). */
  settleTimeoutMs?: number;
  /** The RSS check's warm-up: a life's RSS at this age is the reference (default 120 s). */
  rssWarmupSeconds?: number;
  /** Lives shorter than this are listed but not checked (default warm-up + 120 s). */
  rssMinLifeSeconds?: number;
  /** BRIDGE_JOB_LEASE_SECONDS of the instances (default 15). */
  leaseSeconds?: number;
  log?: (line: string) => void;
}

export type EventKind = 'order' | 'update' | 'other';

/** Target shares of the webhooks, by kind. */
export const MIX: Readonly<Record<EventKind, number>> = { order: 0.7, update: 0.2, other: 0.1 };

export interface RssLife {
  instance: number;
  life: number;
  seconds: number;
  /** kB at the warm-up age (null: the life ended before). */
  atWarmupKb: number | null;
  endKb: number | null;
  ratio: number | null;
  checked: boolean;
}

export interface LatencyRow {
  kind: string;
  jobs: number;
  p50: number;
  p99: number;
  max: number;
}

export interface SoakReport {
  options: Required<Omit<SoakOptions, 'log'>>;
  trafficSeconds: number;
  settleSeconds: number;
  settled: boolean;
  webhooksSent: Record<EventKind, number>;
  webhooksByType: Record<string, number>;
  deliveriesNotDelivered: number;
  /** Deliveries not answered 200 (yet): their state and last attempt (TikTok retries them later). */
  notDelivered: string[];
  deliveredNotStored: number;
  orders: number;
  salesOrders: number;
  lostOrders: string[];
  duplicatedOrders: string[];
  updates: number;
  updatedOrders: number;
  lostUpdates: string[];
  productEdits: number;
  deadJobs: number;
  openJobs: number;
  kills: number;
  failovers: number;
  answeredByInstance: number[];
  rss: RssLife[];
  rssFailures: RssLife[];
  latency: LatencyRow[];
  load: { start: number[]; maxDuring: number; end: number[] };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

function rssKb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

interface Life {
  instance: number;
  life: number;
  pid: number;
  startedAt: number;
  endedAt: number | null;
  samples: { age: number; kb: number }[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `done` every second until it holds; false when `timeoutMs` passed first. */
async function waitFor(done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await done()) return true;
    if (Date.now() > deadline) return false;
    await sleep(1_000);
  }
}

export async function runSoak(input: SoakOptions): Promise<SoakReport> {
  assertSuiteAppBuilt();
  assertBridgeBuilt();
  const rssWarmupSeconds = input.rssWarmupSeconds ?? 120;
  const options: Required<Omit<SoakOptions, 'log'>> = {
    durationSeconds: input.durationSeconds,
    rate: input.rate,
    killEverySeconds: input.killEverySeconds,
    instances: input.instances ?? 3,
    seed: input.seed ?? 2222,
    settleTimeoutMs: input.settleTimeoutMs ?? Math.max(180_000, input.durationSeconds * 1000),
    rssWarmupSeconds,
    rssMinLifeSeconds: input.rssMinLifeSeconds ?? rssWarmupSeconds + 120,
    leaseSeconds: input.leaseSeconds ?? 15,
  };
  const log = input.log ?? (() => undefined);
  const random = prng(options.seed);
  const loadStart = os.loadavg();
  let maxLoad = loadStart[0] ?? 0;

  let schema: TestSchema | undefined;
  let proxy: RoundRobinProxy | undefined;
  let sim: TikTokSimulator | undefined;
  let ns: NetSuiteEmulator | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-soak-'));
  const bridges: BridgeProcess[] = [];
  const lives: Life[] = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    schema = await createTestSchema('soak');
    const ports = await Promise.all(Array.from({ length: options.instances }, () => freePort()));
    proxy = await startRoundRobinProxy(ports.map((p) => `http://127.0.0.1:${p}`));
    const publicUrl = proxy.url;
    sim = await startTikTokSimulator({
      redirectUrl: `${publicUrl}/oauth/tiktok/callback`,
      seed: { shops: [{ region: 'US' }], inventoryPerWarehouse: 100_000_000 },
      randomSeed: options.seed,
    });
    ns = await NetSuiteEmulator.start({ projectRoot: PROJECT_ROOT, autoRunTasks: true });
    const simulator = sim;
    const emulator = ns;
    const skus = [...simulator.state.shops.values()].flatMap((shop) =>
      simulator.state.productsOf(shop.id).flatMap((product) => product.skus.map((sku) => sku.sellerSku)),
    );
    const account = seedDemoAccount(emulator.seed, { skus: [...new Set(skus)], onHand: 100_000_000 });
    const adminToken = randomBytes(24).toString('hex');
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
      BRIDGE_JOB_LEASE_SECONDS: String(options.leaseSeconds),
      DATABASE_URL: schema.url,
      LOG_LEVEL: 'warn',
    };
    ports.forEach((port, i) => {
      bridges.push(
        new BridgeProcess(
          { ...shared, PORT: String(port) },
          `http://127.0.0.1:${port}`,
          path.join(dir, `bridge-${i}.log`),
        ),
      );
    });
    const startLife = async (instance: number): Promise<void> => {
      const bridge = bridges[instance] as BridgeProcess;
      await bridge.start(60_000);
      lives.push({
        instance,
        life: bridge.starts,
        pid: bridge.pid as number,
        startedAt: Date.now(),
        endedAt: null,
        samples: [],
      });
    };
    await Promise.all(bridges.map((_, i) => startLife(i)));
    sampler = setInterval(() => {
      maxLoad = Math.max(maxLoad, os.loadavg()[0] ?? 0);
      for (const life of lives) {
        if (life.endedAt !== null) continue;
        const kb = rssKb(life.pid);
        if (kb !== null) life.samples.push({ age: (Date.now() - life.startedAt) / 1000, kb });
      }
    }, 5_000);

    // Connect the shop through the balancer (as instances-kill.test.ts does).
    const start = await fetch(`${publicUrl}/oauth/tiktok/start`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Authorization: `Bearer ${adminToken}` },
    });
    const consent = start.headers.get('location');
    if (start.status !== 303 || !consent) throw new Error(`OAuth start answered ${start.status}`);
    const stateCookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const approved = await fetch(consent, { redirect: 'manual' });
    const callback = approved.headers.get('location') as string;
    const done = await fetch(callback, { redirect: 'manual', headers: { cookie: stateCookie } });
    if (done.status !== 200) throw new Error(`OAuth callback answered ${done.status}`);
    const shopId = simulator.admin.shops()[0]?.id as string;
    const shopArrived = await waitFor(
      () => emulator.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`) !== null,
      60_000,
    );
    if (!shopArrived) throw new Error('the shop did not reach NetSuite within 60 s');
    configureDemoShop(emulator.seed, emulator.store, shopId, account, {});
    const products = simulator.state.productsOf(shopId).map((p) => p.id);

    // How many webhooks each kind of change sends (measured once: the pacing counts with these).
    const deliveriesNow = () => simulator.admin.deliveries({ shopId }).length;
    const orders: string[] = [];
    const newOrder = (): void => {
      orders.push(
        simulator.admin.createOrder({ shopId, advanceTo: 'AWAITING_SHIPMENT', paymentMethodName: 'CCDC' }).id,
      );
    };
    const lastAddress = new Map<string, string>();
    let updates = 0;
    const updateOrder = (): void => {
      const orderId = orders[Math.floor(random() * orders.length)] as string;
      updates += 1;
      const current = simulator.admin.getOrder(orderId).recipient_address;
      const line1 = `${updates} Soak Street`;
      simulator.admin.updateRecipientAddress(orderId, { ...current, address_line1: line1 });
      lastAddress.set(orderId, line1);
    };
    let productEdits = 0;
    const editProduct = (): void => {
      productEdits += 1;
      const productId = products[productEdits % products.length] as string;
      simulator.admin.editProduct(productId, { title: `Soak product ${productEdits}` });
    };
    const act: Record<EventKind, () => void> = { order: newOrder, update: updateOrder, other: editProduct };
    const perAction = {} as Record<EventKind, number>;
    for (const kind of ['order', 'update', 'other'] as const) {
      const before = deliveriesNow();
      act[kind]();
      perAction[kind] = Math.max(1, deliveriesNow() - before);
    }
    log(`webhooks per change: ${JSON.stringify(perAction)}`);
    const sent: Record<EventKind, number> = { ...perAction };

    // Traffic, paced by the webhooks sent, the next change being the kind furthest below its share.
    const trafficStart = Date.now();
    const endAt = trafficStart + options.durationSeconds * 1000;
    let nextKillAt = trafficStart + options.killEverySeconds * 1000;
    let kills = 0;
    let restarting: Promise<void> = Promise.resolve();
    let lastReport = trafficStart;
    while (Date.now() < endAt) {
      const now = Date.now();
      if (now >= nextKillAt && nextKillAt < endAt) {
        const instance = kills % options.instances;
        kills += 1;
        nextKillAt += options.killEverySeconds * 1000;
        const bridge = bridges[instance] as BridgeProcess;
        const life = lives.find((l) => l.instance === instance && l.endedAt === null);
        await restarting;
        await bridge.kill();
        if (life) life.endedAt = Date.now();
        log(`SIGKILL instance ${instance} (pid ${life?.pid ?? '?'}), starting it again`);
        restarting = startLife(instance);
      }
      const due = ((now - trafficStart) / 1000) * options.rate;
      let total = sent.order + sent.update + sent.other;
      while (total < due) {
        const kind = (['order', 'update', 'other'] as const).reduce((a, b) =>
          sent[a] / total - MIX[a] < sent[b] / total - MIX[b] ? a : b,
        );
        act[kind]();
        sent[kind] += perAction[kind];
        total += perAction[kind];
      }
      if (now - lastReport >= 30_000) {
        lastReport = now;
        log(
          `t=${Math.round((now - trafficStart) / 1000)} s: ${total} webhooks, ${orders.length} orders, ` +
            `${emulator.store.all('salesorder').length} sales orders, load ${os.loadavg()[0]?.toFixed(2)}`,
        );
      }
      await sleep(50);
    }
    await restarting;
    // The RSS figures stop here: "end" is the end of the traffic, not of the drain that follows.
    if (sampler) clearInterval(sampler);
    for (const life of lives) if (life.endedAt === null) life.endedAt = Date.now();
    const trafficSeconds = (Date.now() - trafficStart) / 1000;
    log(`traffic stopped after ${trafficSeconds.toFixed(0)} s; waiting for the backlog`);

    // Settle: every order in NetSuite, every address on its sales order, no job left.
    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    const settleStart = Date.now();
    const salesOrderOf = (orderId: string) =>
      emulator.store.findByExternalId('salesorder', `tts_${shopId}_${orderId}`);
    const addressOf = (orderId: string): unknown =>
      salesOrderOf(orderId)?.subrecords.shippingaddress?.fields.addr1;
    const openJobs = async (): Promise<number> =>
      (
        await client.query<{ n: number }>(
          "SELECT COUNT(*)::int AS n FROM jobs WHERE state IN ('pending', 'running')",
        )
      ).rows[0]?.n ?? 0;
    const settled = await waitFor(async () => {
      if (orders.some((id) => !salesOrderOf(id))) return false;
      if ([...lastAddress].some(([id, line1]) => addressOf(id) !== line1)) return false;
      return (await openJobs()) === 0;
    }, options.settleTimeoutMs);
    const settleSeconds = (Date.now() - settleStart) / 1000;
    // A little longer: a late webhook or a job taken over after its lease must not add any.
    await sleep(Math.min(10_000, options.leaseSeconds * 1000));

    const prefix = `tts_${shopId}_`;
    const soCount = new Map<string, number>();
    for (const so of emulator.store.all('salesorder')) {
      const ext = String(so.externalId ?? '');
      if (ext.startsWith(prefix)) soCount.set(ext, (soCount.get(ext) ?? 0) + 1);
    }
    const lostOrders = orders.filter((id) => !soCount.has(`${prefix}${id}`));
    const duplicatedOrders = [...soCount].filter(([, n]) => n > 1).map(([ext]) => ext);
    const lostUpdates = [...lastAddress].filter(([id, line1]) => addressOf(id) !== line1).map(([id]) => id);

    const deliveries = simulator.admin.deliveries({ shopId });
    const webhooksByType: Record<string, number> = {};
    for (const d of deliveries) webhooksByType[d.eventType] = (webhooksByType[d.eventType] ?? 0) + 1;
    const stored = new Set(
      (await client.query<{ dedupe_key: string }>('SELECT dedupe_key FROM webhook_notifications')).rows.map(
        (r) => r.dedupe_key,
      ),
    );
    const delivered = deliveries.filter((d) => d.state === 'delivered');
    const deliveredNotStored = delivered.filter((d) => !stored.has(d.notificationId)).length;
    const jobRows = (
      await client.query<{ kind: string; state: string; ms: number }>(
        'SELECT kind, state, (updated_at - created_at)::int AS ms FROM jobs',
      )
    ).rows;
    const remaining = await openJobs();
    await client.end();
    const byKind = new Map<string, number[]>();
    for (const row of jobRows.filter((r) => r.state === 'done')) {
      byKind.set(row.kind, [...(byKind.get(row.kind) ?? []), row.ms]);
      byKind.set('(all)', [...(byKind.get('(all)') ?? []), row.ms]);
    }
    const latency: LatencyRow[] = [...byKind].map(([kind, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return {
        kind,
        jobs: sorted.length,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted[sorted.length - 1] ?? 0,
      };
    });

    const rss: RssLife[] = lives.map((life) => {
      const seconds = ((life.endedAt ?? Date.now()) - life.startedAt) / 1000;
      const atWarmup = life.samples.find((s) => s.age >= options.rssWarmupSeconds)?.kb ?? null;
      const end = life.samples[life.samples.length - 1]?.kb ?? null;
      const checked = seconds >= options.rssMinLifeSeconds && atWarmup !== null && end !== null;
      return {
        instance: life.instance,
        life: life.life,
        seconds,
        atWarmupKb: atWarmup,
        endKb: end,
        ratio: atWarmup !== null && end !== null ? end / atWarmup : null,
        checked,
      };
    });
    return {
      options,
      trafficSeconds,
      settleSeconds,
      settled,
      webhooksSent: sent,
      webhooksByType,
      deliveriesNotDelivered: deliveries.length - delivered.length,
      notDelivered: deliveries
        .filter((d) => d.state !== 'delivered')
        .map((d) => {
          const last = d.attempts[d.attempts.length - 1];
          return `${d.eventType} ${d.state} after ${d.attempts.length} attempt(s): ${last?.statusCode ?? last?.error ?? '-'} in ${last?.durationMs ?? 0} ms`;
        }),
      deliveredNotStored,
      orders: orders.length,
      salesOrders: [...soCount.values()].reduce((a, b) => a + b, 0),
      lostOrders,
      duplicatedOrders,
      updates,
      updatedOrders: lastAddress.size,
      lostUpdates,
      productEdits,
      deadJobs: jobRows.filter((r) => r.state === 'dead').length,
      openJobs: remaining,
      kills,
      failovers: proxy.failovers,
      answeredByInstance: [...proxy.answered],
      rss,
      rssFailures: rss.filter((r) => r.checked && (r.ratio ?? 0) > 1.1),
      latency,
      load: { start: loadStart, maxDuring: maxLoad, end: os.loadavg() },
    };
  } finally {
    if (sampler) clearInterval(sampler);
    await Promise.all(bridges.map((b) => b.stop().catch(() => b.kill())));
    await proxy?.close();
    await sim?.stop();
    await ns?.stop();
    await schema?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** True when nothing was lost or duplicated and the backlog drained. */
export function soakPassed(report: SoakReport): boolean {
  return (
    report.settled &&
    report.lostOrders.length === 0 &&
    report.duplicatedOrders.length === 0 &&
    report.lostUpdates.length === 0 &&
    report.deliveredNotStored === 0 &&
    report.deadJobs === 0 &&
    report.openJobs === 0
  );
}

const mb = (kb: number | null): string => (kb === null ? '-' : (kb / 1024).toFixed(1));

export function formatSoak(report: SoakReport): string {
  const o = report.options;
  const total = report.webhooksSent.order + report.webhooksSent.update + report.webhooksSent.other;
  const share = (n: number) => `${((100 * n) / Math.max(1, total)).toFixed(1)}%`;
  const lines = [
    `Soak: ${o.instances} bridges on one PostgreSQL behind a round-robin balancer, ${o.rate} webhooks/s for ${o.durationSeconds} s, ` +
      `one instance SIGKILLed and restarted every ${o.killEverySeconds} s (lease ${o.leaseSeconds} s, seed ${o.seed})`,
    `load average: start ${report.load.start.map((l) => l.toFixed(2)).join(' ')}, ` +
      `highest 1-min during ${report.load.maxDuring.toFixed(2)}, end ${report.load.end.map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores)`,
    '',
    formatTable(
      ['traffic', 'webhooks', 'share'],
      [
        ['order events (new orders)', String(report.webhooksSent.order), share(report.webhooksSent.order)],
        [
          'order updates (ship-to address)',
          String(report.webhooksSent.update),
          share(report.webhooksSent.update),
        ],
        ['other events (product edits)', String(report.webhooksSent.other), share(report.webhooksSent.other)],
        ['all, per second of traffic', (total / report.trafficSeconds).toFixed(1), '-'],
      ],
    ),
    `webhooks by topic (TikTok's delivery log): ${JSON.stringify(report.webhooksByType)}; not delivered: ${report.deliveriesNotDelivered}`,
    `answered by instance: ${report.answeredByInstance.join(' / ')}; balancer failovers: ${report.failovers}; kills: ${report.kills}`,
    `backlog drained ${report.settled ? 'in' : 'NOT within'} ${report.settleSeconds.toFixed(1)} s after the traffic stopped`,
    '',
    formatTable(
      ['outcome', 'count'],
      [
        ['orders created in TikTok', String(report.orders)],
        ['sales orders in NetSuite', String(report.salesOrders)],
        ['orders lost (no sales order)', String(report.lostOrders.length)],
        ['orders duplicated (more than one)', String(report.duplicatedOrders.length)],
        ['address updates sent', String(report.updates)],
        ['updated orders', String(report.updatedOrders)],
        ['updates lost (latest address not on the SO)', String(report.lostUpdates.length)],
        ['product edits', String(report.productEdits)],
        ['delivered webhooks not stored', String(report.deliveredNotStored)],
        ['dead jobs', String(report.deadJobs)],
        ['jobs still open', String(report.openJobs)],
      ],
    ),
    '',
    formatTable(
      ['job latency (webhook → done)', 'jobs', 'p50 ms', 'p99 ms', 'max ms'],
      report.latency.map((r) => [r.kind, String(r.jobs), String(r.p50), String(r.p99), String(r.max)]),
    ),
    '',
    formatTable(
      [
        'instance',
        'life',
        'lived s',
        `RSS MB at ${o.rssWarmupSeconds} s`,
        'RSS MB at end',
        'end ÷ warm-up',
        'checked',
      ],
      report.rss.map((r) => [
        String(r.instance),
        String(r.life),
        r.seconds.toFixed(0),
        mb(r.atWarmupKb),
        mb(r.endKb),
        r.ratio === null ? '-' : r.ratio.toFixed(3),
        r.checked
          ? r.ratio !== null && r.ratio <= 1.1
            ? 'yes: ≤ 1.1'
            : 'yes: OVER 1.1'
          : `no (< ${o.rssMinLifeSeconds} s)`,
      ]),
    ),
  ];
  if (report.notDelivered.length > 0)
    lines.push(`not delivered (yet): ${report.notDelivered.slice(0, 10).join('; ')}`);
  if (report.lostOrders.length > 0) lines.push(`lost orders: ${report.lostOrders.slice(0, 20).join(', ')}`);
  if (report.duplicatedOrders.length > 0)
    lines.push(`duplicated: ${report.duplicatedOrders.slice(0, 20).join(', ')}`);
  if (report.lostUpdates.length > 0)
    lines.push(`lost updates: ${report.lostUpdates.slice(0, 20).join(', ')}`);
  lines.push(
    '',
    soakPassed(report) && report.rssFailures.length === 0
      ? 'PASS: 0 lost, 0 duplicated, every update applied, RSS within 1.1× of warm-up'
      : 'FAIL',
  );
  return lines.join('\n');
}
