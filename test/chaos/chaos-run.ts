/**
 * The chaos run itself: connect the shop, switch the faults on, create the orders wave by wave
 * while the bridge is SIGKILLed and restarted and the scheduled import overlaps the on-demand ones,
 * then reconcile and wait until every order has an outcome in NetSuite (or the deadline passes),
 * and read the end state.
 */
import type { ApiOrder } from '../../sandbox/tiktok/src';
import type { CliResult } from './bridge-process';
import { countBridgeLog, readLogs, type BridgeLogCounts } from './bridge-log';
import {
  bridgeStoreFigures,
  deliveryFigures,
  type BridgeStoreFigures,
  type DeliveryFigures,
} from './chaos-figures';
import type { ChaosPlan } from './chaos-plan';
import type { ChaosWorld } from './chaos-world';
import { CancelRequestDesk, type RequestFigures } from './cancel-requests';
import { ImportPump } from './import-pump';
import { CreatedOrders, lastWave, planOrders, runWave } from './order-mix';
import { failInboxWritesAfterSave } from '../support/import-faults';
import { countSalesOrderSaves, type SalesOrderSaves } from './sales-order-saves';
import { tieOut, type NetSuiteView, type TieOut } from './tie-out';

export interface ChaosOutcome {
  /** The account profile and shop region the run imported into. */
  account: ChaosPlan['account'];
  shopId: string;
  created: CreatedOrders;
  durationMs: number;
  kills: { now: number; afterRestletCommit: number };
  bridgeStarts: number;
  syncRuns: CliResult[];
  settled: boolean;
  restartsInjected: number;
  /**
   * Transient failures between the sales order's save and the inbox write: sales orders saved whose
   * inbox writes then failed, the writes that failed, and automatic retries brought forward.
   */
  inboxWriteFailures: { salesOrders: number; failedWrites: number; retriesBroughtForward: number };
  importRuns: number;
  safetyNetRuns: number;
  /** Scheduled import runs that ran interleaved with on-demand ones. */
  overlappingScheduledRuns: number;
  /** Map outputs of all import runs: `imported`, `linked`, `not claimed: done` / `held` / ... */
  importResults: Record<string, number>;
  /** Saves of new sales orders: one per order when each order is processed once. */
  salesOrderSaves: SalesOrderSaves;
  failedImportTasks: number;
  mapInvocations: number;
  netsuiteRejections: number;
  peakRestletConcurrency: number;
  deliveries: DeliveryFigures;
  fanout: ChaosWorld['fanout']['stats'];
  store: BridgeStoreFigures;
  log: BridgeLogCounts;
  tieOut: TieOut;
  /** Buyer cancellation requests: answers, TikTok's outcomes, NetSuite's end state. */
  requests: RequestFigures;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function tikTokOrders(world: ChaosWorld, shopId: string): Map<string, ApiOrder> {
  return new Map(world.sim.admin.listOrders(shopId).map((o) => [o.id, o]));
}

/** NetSuite's end state as the tie-out reads it, with the VAT rate when the seller's VAT code books VAT-inclusive prices. */
function netSuiteView(world: ChaosWorld): NetSuiteView {
  const profile = world.account.profile;
  const vatCode = profile.tax === 'non-us-legacy' ? profile.taxCodes.find((c) => c.name === 'S') : undefined;
  return {
    salesOrders: world.ns.store.all('salesorder'),
    inbox: world.ns.store.all('customrecord_tts_order'),
    skuItemIds: skuItems(world),
    taxItemId: String(world.account.taxItemId),
    feeItemId: String(world.account.feeItemId),
    vatInclusive: vatCode
      ? {
          ratePercent: vatCode.rate,
          sellerDiscountItemId: String(world.account.discountItemIds.seller),
          platformDiscountItemId: String(world.account.discountItemIds.platform),
        }
      : null,
  };
}

function currentTieOut(world: ChaosWorld, shopId: string, created: CreatedOrders): TieOut {
  return tieOut(shopId, created.byId, tikTokOrders(world, shopId), netSuiteView(world));
}

function skuItems(world: ChaosWorld): Set<string> {
  return new Set(Object.values(world.account.itemIds).map(String));
}

async function waitForWebhookQuiet(world: ChaosWorld, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const busy = world.sim.admin.deliveries().some((d) => d.state === 'queued' || d.state === 'sending');
    if (!busy) return;
    await sleep(200);
  }
}

export async function runChaos(world: ChaosWorld, plan: ChaosPlan): Promise<ChaosOutcome> {
  const started = Date.now();
  const kills = { now: 0, afterRestletCommit: 0 };
  await world.bridge.start();
  const shopId = await world.connectShop();
  world.sim.admin.setFaults({ ...plan.faults });
  world.sim.admin.setOrderFeeMix({ rate: plan.feeRate });

  let killOnCommit: (() => void) | null = null;
  world.ns.history.onRecord((rec) => {
    if (killOnCommit && rec.kind === 'restlet' && rec.error === null) {
      const fire = killOnCommit;
      killOnCommit = null;
      fire();
    }
  });

  const saves = countSalesOrderSaves(world.ns);
  const every = plan.inboxWriteFailures.every;
  // Every `every`-th sales order saved: its inbox writes fail once, then (the next time) twice.
  const inboxWrites = failInboxWritesAfterSave(world, 'salesorder', {
    times: (n) => (n % every === 0 ? 1 + ((n / every) % 2) : 0),
  });
  const pump = new ImportPump(world.ns, world.clock, plan.restarts, plan.scheduledEveryPasses);
  pump.start(100);
  const orders = planOrders(plan);
  const created = new CreatedOrders();
  const desk = new CancelRequestDesk(world, created);
  desk.start(shopId, 500);
  const finalWave = lastWave(orders);
  for (let wave = 0; wave <= finalWave; wave += 1) {
    const outage = wave === plan.webhookOutageWave;
    if (outage) world.sim.admin.setFaults({ dropWebhookRate: 1 });
    runWave(world.sim, shopId, orders, created, wave);
    if (outage) world.sim.admin.setFaults({ dropWebhookRate: plan.faults.dropWebhookRate });
    for (const step of plan.kills.filter((k) => k.afterWave === wave)) {
      if (step.mode === 'now') {
        await world.bridge.kill();
        kills.now += 1;
      } else {
        const killed = new Promise<boolean>((resolve) => {
          const fallback = setTimeout(() => {
            killOnCommit = null;
            resolve(false);
          }, 15_000);
          killOnCommit = () => {
            clearTimeout(fallback);
            resolve(world.bridge.killNow());
          };
        });
        if (await killed) kills.afterRestletCommit += 1;
        else await world.bridge.kill();
        await world.bridge.waitExit();
      }
      await sleep(plan.downtimeMs);
      await world.bridge.start();
    }
    await sleep(plan.waveGapMs);
  }

  await waitForWebhookQuiet(world, 30_000);
  const since = new Date(started - 60_000).toISOString();
  const syncRuns: CliResult[] = [await world.bridge.runCli(['reconcile', 'orders', '--since', since])];
  let lastSync = Date.now();
  const deadline = Date.now() + plan.settleDeadlineMs;
  let settled = false;
  while (Date.now() < deadline) {
    const state = currentTieOut(world, shopId, created);
    if (
      state.missing.length === 0 &&
      state.invisible.length === 0 &&
      state.notMarkedImported.length === 0 &&
      desk.unsettled(shopId).length === 0
    ) {
      settled = true;
      break;
    }
    const pending = world.ns.store
      .all('customrecord_tts_order')
      .filter((r) => r.fields.custrecord_tts_ord_state === 'pending').length;
    pump.runScheduledIfIdle(pending);
    if (pending === 0) pump.retryWaitingErrors();
    // Reconcile every 20 s until settled, as the bridge's schedule does: a change made late (a
    // request order shipped by the warehouse) whose webhooks were all dropped is found only so.
    if (Date.now() - lastSync > 20_000) {
      syncRuns.push(await world.bridge.runCli(['reconcile', 'orders', '--since', since]));
      lastSync = Date.now();
    }
    await sleep(1000);
  }
  await desk.stop();
  await pump.stop();
  inboxWrites.restore();
  await world.bridge.stop();
  await world.fanout.drain();

  const tiktok = tikTokOrders(world, shopId);
  const salesOrders = world.ns.store.all('salesorder');
  const restletRuns = world.ns.invocations.filter((i) => i.kind === 'restlet').length;
  const authorized = world.ns.authAudit.filter((a) => a.status === 'Success').length;
  return {
    account: plan.account,
    shopId,
    created,
    durationMs: Date.now() - started,
    kills,
    bridgeStarts: world.bridge.starts,
    syncRuns,
    settled,
    restartsInjected: pump.restartsInjected,
    inboxWriteFailures: {
      salesOrders: inboxWrites.armedBy,
      failedWrites: inboxWrites.failed,
      retriesBroughtForward: pump.retriesBroughtForward,
    },
    importRuns: pump.runs.length,
    safetyNetRuns: pump.safetyNetRuns,
    overlappingScheduledRuns: pump.overlappingScheduledRuns,
    importResults: pump.results,
    salesOrderSaves: { ...saves },
    failedImportTasks: pump.failedTasks.length,
    mapInvocations: pump.mapInvocations,
    netsuiteRejections: authorized - restletRuns,
    peakRestletConcurrency: world.ns.peakRestletConcurrency,
    deliveries: deliveryFigures(world.sim.admin.deliveries(), created.byId.keys()),
    fanout: { ...world.fanout.stats },
    store: await bridgeStoreFigures(world.dbPath),
    requests: desk.figuresFor(shopId),
    log: countBridgeLog([readLogs([world.bridge.logFile]), ...syncRuns.map((r) => r.stderr)].join('\n')),
    tieOut: tieOut(shopId, created.byId, tiktok, { ...netSuiteView(world), salesOrders }),
  };
}
