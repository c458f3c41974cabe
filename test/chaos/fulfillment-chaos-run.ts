/**
 * Fulfillment chaos (issue #13): TikTok orders imported into NetSuite through the bridge, then
 * shipped by NetSuite's warehouse in 1–3 item fulfillments each — most saved in the UI (the user
 * event captures them), some as a CSV import with no scripts (the catch-up map/reduce finds them,
 * with app-server restarts injected into it) — with tracking numbers corrected, fulfillments
 * deleted and corrections TikTok refuses, while TikTok answers a share of calls 429/5xx and the
 * bridge (a child process, `node dist/bridge/src/cli.js serve`) is SIGKILLed and restarted. At the
 * end it reads both sides: every unit NetSuite fulfilled is on one shipped TikTok package with the
 * tracking number NetSuite holds, or its fulfillment has a visible exception (an error entry of the
 * sync log, which the exceptions page lists); nothing is lost, nothing ships twice.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configureDemoShop, seedDemoAccount } from '../../sandbox/netsuite/src/demo-account';
import { NetSuiteEmulator } from '../../sandbox/netsuite/src/emulator';
import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import { authorizeThroughOAuth, freePort } from '../../sandbox/src/stack';
import { startTikTokSimulator, type TikTokSimulator } from '../../sandbox/tiktok/src';
import { RESTLET_DEPLOYMENT_ID, RESTLET_SCRIPT_ID } from '../../shared-types/src/contract/restlet-contract';
import {
  FULFILLMENT_CATCH_UP_SCHEDULED_DEPLOYMENT_ID,
  FULFILLMENT_CATCH_UP_SCRIPT_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import { assertSuiteAppBuilt, PROJECT_ROOT } from '../support/connector-account';
import { assertBridgeBuilt, BridgeProcess } from './bridge-process';
import { countBridgeLog } from './bridge-log';

export interface FulfillmentChaosOptions {
  orders: number;
  seed: number;
  /** Fulfillment waves; the bridge's outbox pass runs between them on its own timer. */
  waves: number;
  /** Pause after each wave (ms). */
  waveGapMs: number;
  /** Share of TikTok API calls answered 429, and 500/503 (each). */
  rate429: number;
  rate5xx: number;
  /**
   * Waves after which the catch-up map/reduce runs (the first with an app-server restart in its map
   * stage), and once more when the waves are over.
   */
  catchUpAfterWaves: number[];
  /** Waves after which the bridge is SIGKILLed (and started again after `downtimeMs`). */
  killAfterWaves: number[];
  downtimeMs: number;
  /** Shares of fulfillments saved without scripts, given a corrected tracking number, deleted. */
  csvRate: number;
  editRate: number;
  deleteRate: number;
  /** Share of corrections, after shipping, with another carrier's number: TikTok refuses the update. */
  refusedEditRate: number;
  /** Seconds between the bridge's outbox passes (BRIDGE_OUTBOX_INTERVAL_SECONDS). */
  outboxIntervalSeconds: number;
  /** Most time to wait for the outbox to drain at the end (ms). */
  settleTimeoutMs: number;
  log?: (line: string) => void;
}

export const FULFILLMENT_CHAOS_DEFAULTS: FulfillmentChaosOptions = {
  orders: 2000,
  seed: 1313,
  waves: 10,
  waveGapMs: 2500,
  rate429: 0.025,
  rate5xx: 0.025,
  catchUpAfterWaves: [1, 4, 7],
  killAfterWaves: [2, 5, 8],
  downtimeMs: 1500,
  csvRate: 0.1,
  editRate: 0.1,
  deleteRate: 0.04,
  refusedEditRate: 0.25,
  outboxIntervalSeconds: 1,
  settleTimeoutMs: 1_800_000,
};

export interface FulfillmentChaosReport {
  options: Omit<FulfillmentChaosOptions, 'log'>;
  ordersCreated: number;
  ordersImported: number;
  fulfillments: number;
  fulfillmentsByCsv: number;
  unitsFulfilled: number;
  trackingEdits: number;
  refusedEdits: number;
  deletions: number;
  /** Fulfillments (not deleted) whose units are on a shipped TikTok package with NetSuite's number. */
  shippedAsInNetSuite: number;
  unitsShipped: number;
  packagesShipped: number;
  /** Fulfillments whose TikTok state differs from NetSuite's, each with a visible exception. */
  exceptionsVisible: number;
  exceptionsByCause: Record<string, number>;
  /** Fulfillments not shipped (or shipped otherwise) with no exception: must be none. */
  lost: string[];
  /** Fulfillments shipped in more than one package, line items on two packages, packages of no fulfillment. */
  duplicateShipments: string[];
  bridgeKills: number;
  bridgeStarts: number;
  catchUpRuns: number;
  catchUpRestarts: number;
  /** TikTok calls the bridge retried or held back after a 429/5xx answer, from its log. */
  tiktokRetries: number;
  settled: boolean;
  durationMs: number;
  importMs: number;
  fulfilMs: number;
  settleMs: number;
}

/** Mulberry32: the run's choices are the same for a seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface FulfillmentPlan {
  key: string;
  orderId: string;
  salesOrderId: number;
  /** Sales order line id → units. */
  units: Map<string, number>;
  unitCount: number;
  wave: number;
  csv: boolean;
  edit?: { wave: number; refused: boolean };
  deleteWave?: number;
  /** Filled as the run goes. */
  id?: number;
  tracking: string[];
  deleted: boolean;
}

interface World {
  dir: string;
  sim: TikTokSimulator;
  ns: NetSuiteEmulator;
  bridge: BridgeProcess;
  shopId: string;
  tiktokRetries: () => number;
  stop(): Promise<void>;
}

async function startWorld(options: FulfillmentChaosOptions): Promise<World> {
  assertSuiteAppBuilt();
  assertBridgeBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-ful-chaos-'));
  const port = await freePort();
  const bridgeUrl = `http://127.0.0.1:${port}`;
  const sim = await startTikTokSimulator({
    redirectUrl: `${bridgeUrl}/oauth/tiktok/callback`,
    seed: { shops: [{ region: 'US', onHold: false }], inventoryPerWarehouse: 1_000_000 },
    randomSeed: options.seed,
  });
  const ns = await NetSuiteEmulator.start({ projectRoot: PROJECT_ROOT, autoRunTasks: true });
  const shop = sim.admin.shops()[0];
  if (!shop) throw new Error('the simulator has no shop');
  const skus = sim.state.productsOf(shop.id).flatMap((p) => p.skus.map((s) => s.sellerSku));
  const account = seedDemoAccount(ns.seed, { skus, onHand: 1_000_000 });
  const adminToken = randomBytes(24).toString('hex');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    TIKTOK_APP_KEY: sim.app.appKey,
    TIKTOK_APP_SECRET: sim.app.appSecret,
    TIKTOK_SERVICE_ID: sim.app.serviceId,
    TIKTOK_API_BASE_URL: sim.apiBaseUrl,
    TIKTOK_AUTH_BASE_URL: sim.authBaseUrl,
    TIKTOK_AUTHORIZE_URL: sim.authorizeUrl,
    NETSUITE_ACCOUNT_ID: ns.accountId,
    NETSUITE_CONSUMER_KEY: ns.credentials.consumerKey,
    NETSUITE_CONSUMER_SECRET: ns.credentials.consumerSecret,
    NETSUITE_TOKEN_ID: ns.credentials.tokenId,
    NETSUITE_TOKEN_SECRET: ns.credentials.tokenSecret,
    NETSUITE_RESTLET_URL: ns.restletUrl(RESTLET_SCRIPT_ID, RESTLET_DEPLOYMENT_ID),
    BRIDGE_PUBLIC_URL: bridgeUrl,
    BRIDGE_ADMIN_TOKEN: adminToken,
    BRIDGE_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    BRIDGE_OUTBOX_INTERVAL_SECONDS: String(options.outboxIntervalSeconds),
    DATABASE_URL: `sqlite:${path.join(dir, 'bridge.db')}`,
    PORT: String(port),
    LOG_LEVEL: 'warn',
  };
  const bridge = new BridgeProcess(env, bridgeUrl, path.join(dir, 'bridge.log'));
  await bridge.start();
  await authorizeThroughOAuth(bridgeUrl, adminToken);
  configureDemoShop(ns.seed, ns.store, shop.id, account);
  // The bridge's retries of TikTok calls (5xx, and 429s that made it wait), from its log file (the
  // killed processes' lines included).
  const tiktokRetries = () => {
    if (!fs.existsSync(bridge.logFile)) return 0;
    const text = fs.readFileSync(bridge.logFile, 'utf8');
    const throttled = text.split('\n').filter((l) => l.includes('TikTok throttled this API')).length;
    return countBridgeLog(text).tiktokRetries + throttled;
  };
  const stop = async () => {
    await bridge.stop();
    await sim.stop();
    await ns.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { dir, sim, ns, bridge, shopId: shop.id, tiktokRetries, stop };
}

function linesOf(so: StoredRecord): { line: string; units: number }[] {
  return (so.sublists.item ?? []).flatMap((l) => {
    const ids = String(l.fields.custcol_tts_line_ids ?? '')
      .split(',')
      .filter((id) => id !== '');
    return ids.length === 0 ? [] : [{ line: String(l.fields.line), units: ids.length }];
  });
}

/** Splits an order's units over `k` fulfillments in order: each gets a contiguous, non-empty share. */
function split(lines: readonly { line: string; units: number }[], k: number): Map<string, number>[] {
  const flat = lines.flatMap((l) => Array.from({ length: l.units }, () => l.line));
  const parts = Math.max(1, Math.min(k, flat.length));
  const out: Map<string, number>[] = [];
  for (let p = 0; p < parts; p += 1) {
    const from = Math.floor((p * flat.length) / parts);
    const to = Math.floor(((p + 1) * flat.length) / parts);
    const units = new Map<string, number>();
    for (const line of flat.slice(from, to)) units.set(line, (units.get(line) ?? 0) + 1);
    out.push(units);
  }
  return out;
}

export async function runFulfillmentChaos(
  input: Partial<FulfillmentChaosOptions> = {},
): Promise<FulfillmentChaosReport> {
  const options: FulfillmentChaosOptions = { ...FULFILLMENT_CHAOS_DEFAULTS, ...input };
  const log = options.log ?? (() => undefined);
  const random = prng(options.seed);
  const started = Date.now();
  const world = await startWorld(options);
  const { sim, ns, bridge, shopId } = world;
  try {
    // 1. Orders: created in TikTok, imported by the bridge (webhooks) and NetSuite's import.
    const products = sim.state.productsOf(shopId).flatMap((p) => p.skus.map((s) => s.sellerSku));
    const orderIds: string[] = [];
    for (let n = 0; n < options.orders; n += 1) {
      const count = 1 + Math.floor(random() * 3);
      const chosen = new Set<string>();
      while (chosen.size < count) chosen.add(products[Math.floor(random() * products.length)]!);
      const order = sim.admin.createOrder({
        advanceTo: 'AWAITING_SHIPMENT',
        paymentMethodName: 'PayPal',
        skus: [...chosen].map((sellerSku) => ({ sellerSku, quantity: 1 + Math.floor(random() * 3) })),
      });
      orderIds.push(order.id);
    }
    const salesOrderOf = (id: string) => ns.store.findByExternalId('salesorder', `tts_${shopId}_${id}`);
    const importDeadline = Date.now() + Math.max(120_000, options.orders * 150);
    let imported = 0;
    while (Date.now() < importDeadline) {
      await sim.tick();
      imported = orderIds.filter((id) => salesOrderOf(id)).length;
      if (imported === orderIds.length) break;
      await sleep(1000);
    }
    const importMs = Date.now() - started;
    log(`imported ${imported} of ${orderIds.length} orders in ${(importMs / 1000).toFixed(0)} s`);

    // 2. The fulfillment plan: 1–3 fulfillments per order over the waves, edits and deletions later.
    let trackingSeq = 0;
    const nextTracking = () => `1Z${String(7_000_000_000_000_000 + (trackingSeq += 1)).padStart(16, '0')}`;
    const plans: FulfillmentPlan[] = [];
    for (const orderId of orderIds) {
      const so = salesOrderOf(orderId);
      if (!so) continue;
      const parts = split(linesOf(so), 1 + Math.floor(random() * 3));
      const first = Math.floor(random() * Math.max(1, options.waves - parts.length - 1));
      parts.forEach((units, j) => {
        const wave = first + j;
        const plan: FulfillmentPlan = {
          key: `${orderId}#${j + 1}`,
          orderId,
          salesOrderId: so.id,
          units,
          unitCount: [...units.values()].reduce((a, b) => a + b, 0),
          wave,
          csv: random() < options.csvRate,
          tracking: [],
          deleted: false,
        };
        const roll = random();
        if (roll < options.deleteRate) {
          plan.deleteWave = wave + Math.floor(random() * 2);
        } else if (roll < options.deleteRate + options.editRate) {
          // A correction TikTok refuses comes two waves later, when the package has shipped: a number
          // of another carrier's format is refused as an update (Mark Package As Shipped only warns).
          const refused = random() < options.refusedEditRate;
          plan.edit = { wave: wave + (refused ? 2 : Math.floor(random() * 2)), refused };
        }
        plans.push(plan);
      });
    }

    // 3. The waves, with TikTok's faults on, bridge kills and catch-up runs (some restarted).
    sim.admin.setFaults({ rate429: options.rate429, rate5xx: options.rate5xx });
    const fulfilStart = Date.now();
    const ups = ns.seed.shipItem('UPS Ground');
    let kills = 0;
    let catchUpRuns = 0;
    let catchUpRestarts = 0;
    const runCatchUp = (restart: boolean) => {
      const report = ns.runMapReduce(
        FULFILLMENT_CATCH_UP_SCRIPT_ID,
        FULFILLMENT_CATCH_UP_SCHEDULED_DEPLOYMENT_ID,
        restart ? { injectRestart: { stage: 'map', atInvocation: 2, afterCharges: 5 } } : {},
      );
      catchUpRuns += 1;
      if (report.invocations.some((i) => i.error === 'SSS_APP_SERVER_RESTART')) catchUpRestarts += 1;
    };
    const lastWave = Math.max(...plans.map((p) => Math.max(p.wave, p.edit?.wave ?? 0, p.deleteWave ?? 0)), 0);
    for (let wave = 0; wave <= lastWave; wave += 1) {
      for (const plan of plans.filter((p) => p.wave === wave)) {
        const tracking = nextTracking();
        plan.tracking.push(tracking);
        plan.id = fulfil(ns, plan, ups, tracking);
      }
      // A refused correction is meant for a package TikTok has shipped (before it ships, TikTok only
      // warns): wait, up to 30 s, until the packages it corrects are shipped with their number, so the
      // run exercises the refusal however fast or slow the bridge is on this machine.
      const refusedNow = plans.filter((p) => p.edit?.wave === wave && p.edit.refused && p.id !== undefined);
      const shippedWith = (plan: FulfillmentPlan) =>
        [...sim.state.packages.values()].some(
          (p) =>
            p.orderId === plan.orderId &&
            SHIPPED.has(p.status) &&
            p.method !== undefined &&
            p.trackingNumber === plan.tracking[plan.tracking.length - 1],
        );
      for (const waitUntil = Date.now() + 30_000; Date.now() < waitUntil;) {
        if (refusedNow.every(shippedWith)) break;
        await sleep(200);
      }
      for (const plan of plans.filter((p) => p.edit?.wave === wave && p.id !== undefined)) {
        // A refused correction: a number UPS never issues (TikTok: provider mismatch / invalid).
        const tracking = plan.edit?.refused
          ? `9400${String(trackingSeq++).padStart(18, '0')}`
          : nextTracking();
        plan.tracking.push(tracking);
        const rec = ns.seed.ui.load({ type: 'itemfulfillment', id: plan.id! });
        rec.setSublistValue({
          sublistId: 'package',
          fieldId: 'packagetrackingnumber',
          line: 0,
          value: tracking,
        });
        ns.seed.ui.save(rec, {});
      }
      for (const plan of plans.filter((p) => p.deleteWave === wave && p.id !== undefined)) {
        ns.seed.ui.delete({ type: 'itemfulfillment', id: plan.id! });
        plan.deleted = true;
      }
      if (options.catchUpAfterWaves.includes(wave)) runCatchUp(wave === options.catchUpAfterWaves[0]);
      log(`wave ${wave}: ${plans.filter((p) => p.wave === wave).length} fulfillments saved`);
      await sleep(options.waveGapMs);
      if (options.killAfterWaves.includes(wave)) {
        await bridge.kill();
        kills += 1;
        log(`wave ${wave}: bridge SIGKILLed`);
        await sleep(options.downtimeMs);
        await bridge.start();
      }
    }
    const fulfilMs = Date.now() - fulfilStart;

    // 4. Settle: faults off, the catch-up runs, the bridge drains the outbox.
    sim.admin.setFaults({ rate429: 0, rate5xx: 0 });
    const settleStart = Date.now();
    let settled = false;
    let quiet = 0;
    // The CSV imports of the last waves (the catch-up re-submits itself when it took its cap).
    runCatchUp(false);
    while (Date.now() - settleStart < options.settleTimeoutMs) {
      await sleep(Math.max(2000, options.outboxIntervalSeconds * 2000));
      const pending = ns.store
        .all('customrecord_tts_outbox')
        .filter(
          (r) =>
            String(r.fields.custrecord_tts_out_kind).startsWith('fulfillment.') &&
            r.fields.custrecord_tts_out_state === 'pending',
        ).length;
      log(`settling: ${pending} fulfillment rows pending`);
      quiet = pending === 0 ? quiet + 1 : 0;
      if (quiet >= 2) {
        settled = true;
        break;
      }
    }
    const settleMs = Date.now() - settleStart;

    // 5. Both sides, read.
    const verdict = verify(world, plans);
    return {
      options: { ...options, log: undefined } as Omit<FulfillmentChaosOptions, 'log'>,
      ordersCreated: orderIds.length,
      ordersImported: imported,
      fulfillments: plans.length,
      fulfillmentsByCsv: plans.filter((p) => p.csv).length,
      unitsFulfilled: plans.filter((p) => !p.deleted).reduce((n, p) => n + p.unitCount, 0),
      trackingEdits: plans.filter((p) => p.edit).length,
      refusedEdits: plans.filter((p) => p.edit?.refused).length,
      deletions: plans.filter((p) => p.deleted).length,
      ...verdict,
      bridgeKills: kills,
      bridgeStarts: bridge.starts,
      catchUpRuns,
      catchUpRestarts,
      tiktokRetries: world.tiktokRetries(),
      settled,
      durationMs: Date.now() - started,
      importMs,
      fulfilMs,
      settleMs,
    };
  } finally {
    sim.admin.setFaults({ rate429: 0, rate5xx: 0 });
    await world.stop();
  }
}

/** Saves one fulfillment as a warehouse user would (UI: the user event runs) or a CSV import (no scripts). */
function fulfil(ns: NetSuiteEmulator, plan: FulfillmentPlan, shipMethod: number, tracking: string): number {
  const service = plan.csv ? ns.seed.service : ns.seed.ui;
  const f = service.transform({
    fromType: 'salesorder',
    fromId: plan.salesOrderId,
    toType: 'itemfulfillment',
  });
  const count = f.getLineCount({ sublistId: 'item' });
  for (let line = 0; line < count; line += 1) {
    const orderLine = String(f.getSublistValue({ sublistId: 'item', fieldId: 'orderline', line }));
    const units = plan.units.get(orderLine) ?? 0;
    if (units > 0) f.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line, value: units });
    else f.setSublistValue({ sublistId: 'item', fieldId: 'itemreceive', line, value: false });
  }
  f.setValue({ fieldId: 'shipmethod', value: shipMethod });
  f.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 0, value: tracking });
  f.setValue({ fieldId: 'shipstatus', value: 'C' });
  return service.save(f, {});
}

const SHIPPED = new Set(['PROCESSING', 'FULFILLING', 'COMPLETED']);

type Verdict = Pick<
  FulfillmentChaosReport,
  | 'shippedAsInNetSuite'
  | 'unitsShipped'
  | 'packagesShipped'
  | 'exceptionsVisible'
  | 'exceptionsByCause'
  | 'lost'
  | 'duplicateShipments'
>;

function verify(world: World, plans: readonly FulfillmentPlan[]): Verdict {
  const { sim, ns } = world;
  const orders = new Set(plans.map((p) => p.orderId));
  const shipped = [...sim.state.packages.values()].filter(
    (p) => orders.has(p.orderId) && SHIPPED.has(p.status) && p.method !== undefined,
  );
  const errorsOf = new Map<string, string[]>();
  for (const entry of ns.store.all('customrecord_tts_log')) {
    if (entry.fields.custrecord_tts_log_level !== 'error') continue;
    const id = String(entry.fields.custrecord_tts_log_record_id ?? '');
    errorsOf.set(id, [...(errorsOf.get(id) ?? []), String(entry.fields.custrecord_tts_log_message ?? '')]);
  }
  const duplicateShipments: string[] = [];
  const lost: string[] = [];
  const exceptionsByCause: Record<string, number> = {};
  let shippedAsInNetSuite = 0;
  let exceptionsVisible = 0;
  const claimed = new Set<string>();
  for (const plan of plans) {
    if (plan.id === undefined) continue;
    const history = new Set(plan.tracking);
    const mine = shipped.filter((p) => history.has(p.trackingNumber));
    for (const p of mine) claimed.add(p.packageId);
    if (mine.length > 1) duplicateShipments.push(`${plan.key}: ${mine.length} packages`);
    const errors = errorsOf.get(String(plan.id)) ?? [];
    const finalTracking = plan.tracking[plan.tracking.length - 1];
    const pkg = mine[0];
    const cause = plan.deleted
      ? pkg
        ? 'deleted after it shipped'
        : null
      : pkg === undefined
        ? 'not shipped'
        : pkg.trackingNumber !== finalTracking
          ? plan.edit?.refused
            ? 'tracking correction refused by TikTok'
            : 'tracking differs'
          : pkg.lineItemIds.length !== plan.unitCount
            ? 'line items differ'
            : null;
    if (cause === null) {
      if (!plan.deleted) shippedAsInNetSuite += 1;
      continue;
    }
    if (errors.length > 0) {
      exceptionsVisible += 1;
      exceptionsByCause[cause] = (exceptionsByCause[cause] ?? 0) + 1;
    } else {
      lost.push(`${plan.key} (fulfillment ${plan.id}): ${cause}`);
    }
  }
  const lineCount = new Map<string, number>();
  for (const p of shipped) for (const id of p.lineItemIds) lineCount.set(id, (lineCount.get(id) ?? 0) + 1);
  for (const [id, n] of lineCount) if (n > 1) duplicateShipments.push(`line item ${id} on ${n} packages`);
  for (const p of shipped) {
    if (!claimed.has(p.packageId)) duplicateShipments.push(`package ${p.packageId} of no fulfillment`);
  }
  return {
    shippedAsInNetSuite,
    unitsShipped: shipped.reduce((n, p) => n + p.lineItemIds.length, 0),
    packagesShipped: shipped.length,
    exceptionsVisible,
    exceptionsByCause,
    lost,
    duplicateShipments,
  };
}

export function formatFulfillmentChaos(r: FulfillmentChaosReport): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
  return [
    `Fulfillment chaos (issue #13): ${r.ordersCreated} TikTok orders, ${r.ordersImported} imported; seed ${r.options.seed}`,
    `  faults: TikTok 429 ${(r.options.rate429 * 100).toFixed(1)}% + 5xx ${(r.options.rate5xx * 100).toFixed(1)}% (${r.tiktokRetries} TikTok calls retried or held back by the bridge), bridge SIGKILLs ${r.bridgeKills} (starts ${r.bridgeStarts}), catch-up runs ${r.catchUpRuns} (${r.catchUpRestarts} with an app-server restart)`,
    `  NetSuite: ${r.fulfillments} fulfillments (${r.fulfillmentsByCsv} by CSV import, no scripts), ${r.unitsFulfilled} units in those not deleted, ${r.trackingEdits} tracking corrections (${r.refusedEdits} to another carrier's number, which TikTok refuses as an update and accepts with a warning on a first shipment), ${r.deletions} deleted`,
    `  TikTok: ${r.packagesShipped} packages shipped, ${r.unitsShipped} units; ${r.shippedAsInNetSuite} fulfillments shipped exactly as NetSuite holds them`,
    `  exceptions visible: ${r.exceptionsVisible} ${JSON.stringify(r.exceptionsByCause)}`,
    `  lost: ${r.lost.length}, duplicate shipments: ${r.duplicateShipments.length}`,
    ...r.lost.slice(0, 10).map((l) => `    lost ${l}`),
    ...r.duplicateShipments.slice(0, 10).map((d) => `    duplicate ${d}`),
    `  settled: ${r.settled}; import ${s(r.importMs)}, fulfil ${s(r.fulfilMs)}, settle ${s(r.settleMs)}, total ${s(r.durationMs)}`,
  ].join('\n');
}
