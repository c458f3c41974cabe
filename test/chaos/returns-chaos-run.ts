/**
 * Returns chaos (issue #17, README "Returns"): delivered TikTok orders imported into NetSuite through
 * the bridge (a child process) and NetSuite's import map/reduce (app-server restarts injected), then a
 * share of them get a return of each of TikTok's three types, each with a fate: answered from NetSuite
 * (approve, or reject — some first with a reason the market retired, which the save refuses), answered
 * in TikTok Seller Center, cancelled by the buyer (before any answer, or just after the seller's answer
 * so TikTok refuses it), left pending, shipped back and received on the RMA (an item receipt, sent to
 * TikTok as "package received"), rejected and escalated to TikTok's arbitration (decided for the buyer
 * or left open), or a replacement TikTok issues as a new order. Meanwhile every webhook reaches the
 * bridge twice, reordered, 10% are dropped, TikTok answers a share of calls 429 and 5xx, and the bridge
 * is SIGKILLed (at once, and right after NetSuite committed a call, before the bridge heard back).
 *
 * The first wave of returns is opened while the shop's Push returns to NetSuite as Return Authorizations
 * is off: nothing may be created, and the exceptions page must say the flow is off. Then the setting is
 * turned on and `reconcile returns --since` brings those returns in with the rest.
 *
 * At the end it reads both sides: every return that sends goods back is exactly one return authorization
 * (by externalid and by TikTok Return ID) whose status is the one the README's table gives for TikTok's
 * status (Pending Approval, Pending Receipt, Pending Refund once received, Closed), or what differs is
 * on the return's record; refund-only returns made none; a replacement's RMA links the one sales order
 * of TikTok's replacement order; every answer TikTok refused is a failed outbox row with a sync-log
 * error; nothing is dead-lettered. It also counts the NetSuite usage units and TikTok API calls of the
 * returns phase, per return.
 */
import fs from 'node:fs';
import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import type { ReturnRecord } from '../../sandbox/tiktok/src/domain/types';
import {
  EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
  EXCEPTIONS_SUITELET_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import { allReturnRejectReasons } from '../../shared-types/src/returns/return-answer';
import { RETURN_STATUS_TABLE } from '../../shared-types/src/returns/return-status';
import type { TikTokReturnStatus } from '../../shared-types/src/returns/tiktok-return';
import { sellerRejectReturnReasons } from '../../shared-types/src/returns/tiktok-return-reasons';
import { countBridgeLog } from './bridge-log';
import type { ChaosPlan } from './chaos-plan';
import { CHAOS_PLAN, KNOWN_SKUS, MAPPED_PAYMENT_METHODS } from './chaos-plan';
import type { ChaosWorld } from './chaos-world';
import { startChaosWorld } from './chaos-world';
import { ImportPump } from './import-pump';
import type { RestartInjection } from '../../sandbox/netsuite/src/exec/mapreduce/mr-types';

export type ReturnType3 = 'RETURN_AND_REFUND' | 'REPLACEMENT' | 'REFUND';

/** What happens to a return after it is opened. */
export type ReturnFate =
  | 'pending' // nobody answers (the deadline is hours away)
  | 'approve' // approved on the RMA in NetSuite; the buyer does not ship yet
  | 'shipped' // approved in NetSuite, the buyer ships it back
  | 'received' // approved in NetSuite, shipped, delivered, received on the RMA (item receipt)
  | 'reject' // rejected on the RMA with a reason
  | 'reject-retired' // first a reason the US market retired (refused at save), then a valid one
  | 'cancel-early' // the buyer cancels at once, maybe before the RMA exists
  | 'buyer-cancel' // the buyer cancels the pending request
  | 'cancel-race' // rejected in NetSuite, cancelled by the buyer before the bridge sends: TikTok refuses
  | 'seller-center' // answered in TikTok Seller Center (approve; for a replacement, a refund instead)
  | 'arbitration-open' // rejected in NetSuite, escalated by the buyer, not decided yet
  | 'arbitration-buyer' // rejected in NetSuite, escalated, decided for the buyer
  | 'replace'; // a replacement approved in NetSuite: TikTok issues a new order

const FATES: Readonly<Record<ReturnType3, readonly (readonly [ReturnFate, number])[]>> = {
  RETURN_AND_REFUND: [
    ['received', 22],
    ['shipped', 10],
    ['approve', 8],
    ['reject', 8],
    ['reject-retired', 6],
    ['cancel-early', 5],
    ['buyer-cancel', 8],
    ['cancel-race', 6],
    ['seller-center', 5],
    ['arbitration-open', 4],
    ['arbitration-buyer', 4],
    ['pending', 14],
  ],
  REPLACEMENT: [
    ['replace', 35],
    ['reject', 15],
    ['reject-retired', 5],
    ['buyer-cancel', 12],
    ['cancel-early', 5],
    ['cancel-race', 6],
    ['seller-center', 10],
    ['pending', 12],
  ],
  REFUND: [
    ['seller-center', 50],
    ['pending', 50],
  ],
};

export interface ReturnsChaosOptions {
  orders: number;
  /** Share of the orders that get a return (types in equal thirds). */
  returnRate: number;
  seed: number;
  /** Waves of returns; the first is opened with the setting off. */
  waves: number;
  waveGapMs: number;
  rate429: number;
  rate5xx: number;
  dropWebhookRate: number;
  copiesPerWebhook: number;
  /** App-server restarts injected into the import map/reduce: the orders' import, then the replacements'. */
  importRestarts: RestartInjection[];
  replacementRestarts: RestartInjection[];
  /** Seconds between the bridge's outbox passes (BRIDGE_OUTBOX_INTERVAL_SECONDS). */
  outboxIntervalSeconds: number;
  /** Longest wait for each phase to settle (ms). */
  settleTimeoutMs: number;
  log?: (line: string) => void;
}

export const RETURNS_CHAOS_DEFAULTS: ReturnsChaosOptions = {
  orders: 1000,
  returnRate: 0.3,
  seed: 1717,
  waves: 4,
  waveGapMs: 1500,
  rate429: 0.05,
  rate5xx: 0.05,
  dropWebhookRate: 0.1,
  copiesPerWebhook: 2,
  importRestarts: [
    { stage: 'map', atInvocation: 3, afterCharges: 4 },
    { stage: 'map', atInvocation: 9, afterCharges: 3 },
  ],
  replacementRestarts: [{ stage: 'map', atInvocation: 1, afterCharges: 3 }],
  outboxIntervalSeconds: 2,
  settleTimeoutMs: 600_000,
};

export interface ReturnsChaosReport {
  options: Omit<ReturnsChaosOptions, 'log'>;
  ordersCreated: number;
  ordersImported: number;
  returns: number;
  byType: Record<string, number>;
  byFate: Record<string, number>;
  /** The setting-off wave: returns opened, and what NetSuite held after the bridge handled them. */
  off: { returns: number; rmas: number; returnRecords: number; pageSaysOff: boolean };
  rmaReturns: number;
  rmas: number;
  /** TikTok status → RMA status letter → count, at the end. */
  finalStatuses: Record<string, Record<string, number>>;
  /** RMA-type returns with no RMA and no message on their return record. */
  lost: string[];
  /** More than one RMA for a return (externalid or TikTok Return ID), or an RMA of a refund-only return. */
  duplicates: string[];
  /** RMAs whose status is not the table's for TikTok's status, with nothing said on the return record. */
  wrongStatus: string[];
  /** RMAs in another status than the table's with the reason on the return record (e.g. closed before an arbitration for the buyer). */
  differsVisibly: number;
  replacements: { issued: number; salesOrders: number; linked: number; problems: string[] };
  answers: {
    sentFromNetSuite: number;
    refusedAtSave: number;
    rows: Record<string, number>;
    refusedByTikTok: number;
    refusedVisible: number;
    refusedInvisible: string[];
  };
  itemReceipts: number;
  attentionNotes: number;
  deadLetters: number;
  bridgeKills: { now: number; afterRestletCommit: number };
  bridgeStarts: number;
  importRestarts: number;
  tiktokRetries: number;
  webhooks: ChaosWorld['fanout']['stats'];
  /** NetSuite usage units of the returns phase by script, and TikTok return API calls by endpoint. */
  netsuiteUnits: Record<string, number>;
  tiktokCalls: Record<string, number>;
  settled: boolean;
  durationMs: number;
  importMs: number;
  returnsMs: number;
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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function pickFate(type: ReturnType3, r: number): ReturnFate {
  const table = FATES[type];
  const total = table.reduce((n, [, w]) => n + w, 0);
  let at = r * total;
  for (const [fate, weight] of table) {
    if (at < weight) return fate;
    at -= weight;
  }
  return 'pending';
}

interface PlannedReturn {
  orderId: string;
  type: ReturnType3;
  fate: ReturnFate;
  wave: number;
  firstLineOnly: boolean;
  returnId?: string;
  /** Set when the seller's answer was saved in NetSuite. */
  answered?: 'approve' | 'reject';
  receiptId?: number;
}

const RMA_TYPES: readonly ReturnType3[] = ['RETURN_AND_REFUND', 'REPLACEMENT'];
const ANSWER_FATES: readonly ReturnFate[] = [
  'approve',
  'shipped',
  'received',
  'reject',
  'reject-retired',
  'cancel-race',
  'arbitration-open',
  'arbitration-buyer',
  'replace',
];
const REJECT_FATES: readonly ReturnFate[] = [
  'reject',
  'reject-retired',
  'cancel-race',
  'arbitration-open',
  'arbitration-buyer',
];
const SHOP = 'customrecord_tts_shop';

/** The RMA status letter the README's table gives for TikTok's status (received units move B on). */
export function expectedRmaStatus(status: TikTokReturnStatus, rma: StoredRecord): string {
  const target = RETURN_STATUS_TABLE[status].target;
  if (target === 'closed') return 'H';
  if (target === 'pendingApproval') return 'A';
  const lines = rma.sublists.item ?? [];
  const received = (l: (typeof lines)[number]) => Number(l.fields.quantityreceived ?? 0);
  if (!lines.some((l) => received(l) > 0)) return 'B';
  return lines.every((l) => received(l) >= Number(l.fields.quantity ?? 0)) ? 'F' : 'E';
}

function rejectText(code: string): string {
  const reason = allReturnRejectReasons().find((r) => r.code === code);
  if (!reason) throw new Error(`no reject reason ${code}`);
  return `${reason.text} (${reason.code})`;
}

export async function runReturnsChaos(input: Partial<ReturnsChaosOptions> = {}): Promise<ReturnsChaosReport> {
  const options: ReturnsChaosOptions = { ...RETURNS_CHAOS_DEFAULTS, ...input };
  const log = options.log ?? (() => undefined);
  const random = prng(options.seed);
  const started = Date.now();
  const plan: ChaosPlan = {
    ...CHAOS_PLAN,
    seed: options.seed,
    kills: [],
    faults: {
      rate429: 0,
      rate5xx: 0,
      latencyMs: 0,
      dropWebhookRate: 0,
      duplicateWebhookRate: 0,
      reorderWebhooks: true,
    },
    copiesPerWebhook: options.copiesPerWebhook,
    copyLagMs: 40,
    // Deadlines of 48 h / 12 = 4 h: no request times out during the run.
    timeScale: 12,
  };
  const world = await startChaosWorld(plan, {
    BRIDGE_OUTBOX_INTERVAL_SECONDS: String(options.outboxIntervalSeconds),
  });
  const { sim, ns, bridge } = world;
  const kills = { now: 0, afterRestletCommit: 0 };
  let killOnCommit: (() => void) | null = null;
  ns.history.onRecord((rec) => {
    if (killOnCommit && rec.kind === 'restlet' && rec.error === null) {
      const fire = killOnCommit;
      killOnCommit = null;
      fire();
    }
  });
  const killAfterCommit = async (): Promise<void> => {
    const killed = await new Promise<boolean>((resolve) => {
      const fallback = setTimeout(() => {
        killOnCommit = null;
        resolve(false);
      }, 15_000);
      killOnCommit = () => {
        clearTimeout(fallback);
        resolve(bridge.killNow());
      };
    });
    if (killed) kills.afterRestletCommit += 1;
    else {
      await bridge.kill();
      kills.now += 1;
    }
    await bridge.waitExit();
    await sleep(500);
    await bridge.start();
  };
  const killNow = async (): Promise<void> => {
    await bridge.kill();
    kills.now += 1;
    await sleep(500);
    await bridge.start();
  };
  let pump = new ImportPump(ns, world.clock, options.importRestarts, 3);
  let importRestarts = 0;
  try {
    await bridge.start();
    const shopId = await world.connectShop();
    const shopRecord = ns.store.findByExternalId(SHOP, `tts_shop_${shopId}`);
    if (!shopRecord) throw new Error('no shop record');
    const setShop = (values: Record<string, boolean>) => {
      const rec = ns.seed.service.load({ type: SHOP, id: shopRecord.id });
      for (const [fieldId, value] of Object.entries(values)) rec.setValue({ fieldId, value });
      ns.seed.service.save(rec, {});
    };
    setShop({ custrecord_tts_shop_push_returns: false, custrecord_tts_shop_answer_returns: false });
    const since = new Date(started - 60_000).toISOString();

    // 1. Delivered orders, imported through webhooks, the bridge and the import map/reduce (restarted).
    const orderIds: string[] = [];
    const firstLine = new Map<string, string>();
    for (let n = 0; n < options.orders; n += 1) {
      const count = 1 + Math.floor(random() * 2);
      const skus = new Set<string>();
      while (skus.size < count) skus.add(KNOWN_SKUS[Math.floor(random() * KNOWN_SKUS.length)] ?? 'CH-TOTE');
      const order = sim.admin.createOrder({
        shopId,
        advanceTo: 'DELIVERED',
        paymentMethodName: MAPPED_PAYMENT_METHODS[n % MAPPED_PAYMENT_METHODS.length] ?? 'CCDC',
        skus: [...skus].map((sellerSku) => ({ sellerSku, quantity: 1 + Math.floor(random() * 2) })),
      });
      orderIds.push(order.id);
      const first = order.line_items[0]?.id;
      if (first) firstLine.set(order.id, first);
    }
    const salesOrderOf = (orderId: string) =>
      ns.store.findByExternalId('salesorder', `tts_${shopId}_${orderId}`);
    pump.start(100);
    const settleOrders = async (ids: readonly string[], what: string): Promise<number> => {
      const deadline = Date.now() + options.settleTimeoutMs;
      let lastReconcile = Date.now();
      let done = 0;
      while (Date.now() < deadline) {
        done = ids.filter((id) => salesOrderOf(id) !== null).length;
        if (done === ids.length) break;
        const pending = ns.store
          .all('customrecord_tts_order')
          .filter((r) => r.fields.custrecord_tts_ord_state === 'pending').length;
        pump.runScheduledIfIdle(pending);
        if (pending === 0) pump.retryWaitingErrors();
        if (Date.now() - lastReconcile > 20_000) {
          await bridge.runCli(['reconcile', 'orders', '--since', since]);
          lastReconcile = Date.now();
        }
        await sleep(1000);
      }
      log(`${what}: ${done} of ${ids.length} are sales orders`);
      return done;
    };
    const imported = await settleOrders(orderIds, 'orders');
    const importMs = Date.now() - started;
    await pump.stop();
    importRestarts += pump.restartsInjected;

    // 2. The returns to open: a share of the orders, types in equal thirds, a fate each.
    const chosen = [...orderIds]
      .sort(() => random() - 0.5)
      .slice(0, Math.round(orderIds.length * options.returnRate));
    const types: ReturnType3[] = ['RETURN_AND_REFUND', 'REPLACEMENT', 'REFUND'];
    const planned: PlannedReturn[] = chosen.map((orderId, i) => {
      const type = types[i % 3] ?? 'REFUND';
      // Every fate once per type first (so a small run has them all), then drawn by weight.
      const nth = Math.floor(i / 3);
      const fate = FATES[type][nth]?.[0] ?? pickFate(type, random());
      return {
        orderId,
        type,
        fate,
        wave: Math.floor((i * options.waves) / chosen.length),
        firstLineOnly: random() < 1 / 3,
      };
    });
    const returnsStart = Date.now();
    const unitsFrom = ns.invocations.length;
    const callsBefore = { ...sim.admin.counters().apiCalls };
    pump = new ImportPump(ns, world.clock, options.replacementRestarts, 3);
    pump.start(100);
    const open = (p: PlannedReturn) => {
      const first = firstLine.get(p.orderId);
      const ret = sim.admin.createReturn(p.orderId, {
        returnType: p.type,
        ...(p.firstLineOnly && first ? { lineItemIds: [first] } : {}),
      });
      p.returnId = ret.returnId;
      if (p.fate === 'cancel-early') sim.admin.advanceReturn(ret.returnId, 'cancel');
    };

    // 3. Wave 0 with the setting off: nothing is created, the exceptions page says so.
    sim.admin.setFaults({
      rate429: options.rate429,
      rate5xx: options.rate5xx,
      dropWebhookRate: options.dropWebhookRate,
      reorderWebhooks: true,
    });
    const wave0 = planned.filter((p) => p.wave === 0);
    wave0.forEach(open);
    await sim.tick();
    await sleep(options.waveGapMs);
    await killNow();
    await world.fanout.drain();
    await bridge.runCli(['reconcile', 'returns', '--since', since]);
    const page = await fetch(ns.suiteletUrl(EXCEPTIONS_SUITELET_ID, EXCEPTIONS_SUITELET_DEPLOYMENT_ID), {
      headers: { Authorization: `Bearer ${ns.uiToken}` },
    });
    const html = await page.text();
    const off = {
      returns: wave0.length,
      rmas: ns.store.all('returnauthorization').length,
      returnRecords: ns.store.all('customrecord_tts_return').length,
      pageSaysOff: html.includes('Push returns to NetSuite as Return Authorizations is off for shop'),
    };
    log(`setting off: ${off.returns} returns opened, ${off.rmas} RMAs, page says off: ${off.pageSaysOff}`);

    // 4. The setting on; the other waves, with SIGKILLs; the reconciliation brings in the first wave.
    setShop({ custrecord_tts_shop_push_returns: true, custrecord_tts_shop_answer_returns: true });
    for (let wave = 1; wave < options.waves; wave += 1) {
      planned.filter((p) => p.wave === wave).forEach(open);
      await sim.tick();
      log(`wave ${wave}: ${planned.filter((p) => p.wave === wave).length} returns opened`);
      if (wave % 2 === 1) await killNow();
      else await killAfterCommit();
      await sleep(options.waveGapMs);
    }
    const rmaPlanned = planned.filter((p) => RMA_TYPES.includes(p.type));
    const rmaKey = (p: PlannedReturn) => `tts_ret_${shopId}_${p.returnId ?? ''}`;
    const rmaOf = (p: PlannedReturn) => ns.store.findByExternalId('returnauthorization', rmaKey(p));
    // NetSuite takes one RESTlet call at a time here (the plan's concurrency limit), so the passes are
    // spaced: each sends every return changed since the start again.
    const reconcileUntil = async (done: () => boolean, what: string, everyMs = 30_000): Promise<boolean> => {
      const deadline = Date.now() + options.settleTimeoutMs;
      let lastReconcile = Date.now() - everyMs / 2;
      while (Date.now() < deadline) {
        if (done()) return true;
        if (Date.now() - lastReconcile > everyMs) {
          await bridge.runCli(['reconcile', 'returns', '--since', since]);
          lastReconcile = Date.now();
          if (done()) return true;
        }
        await sleep(1000);
      }
      log(`${what}: not settled`);
      return done();
    };
    await reconcileUntil(() => rmaPlanned.every((p) => rmaOf(p) !== null), 'RMAs made');
    log(`RMAs made: ${rmaPlanned.filter((p) => rmaOf(p) !== null).length} of ${rmaPlanned.length}`);

    // 5. The seller's answers in NetSuite; TikTok Seller Center answers; buyer cancellations.
    const valid = (type: ReturnType3) => {
      const code = sellerRejectReturnReasons(
        'US',
        type === 'REPLACEMENT' ? 'REPLACEMENT' : 'RETURN_AND_REFUND',
        'REQUEST',
      )[0]?.code;
      if (!code) throw new Error(`TikTok lists no US reason to reject a ${type} request`);
      return rejectText(code);
    };
    let refusedAtSave = 0;
    let sentFromNetSuite = 0;
    const pendingNow = (p: PlannedReturn) =>
      ['RETURN_OR_REFUND_REQUEST_PENDING', 'REPLACEMENT_REQUEST_PENDING'].includes(
        sim.admin.getReturn(p.returnId ?? '').returnStatus,
      );
    for (const p of planned) {
      if (!p.returnId) continue;
      const rma = rmaOf(p);
      if (ANSWER_FATES.includes(p.fate) && rma && rma.fields.orderstatus === 'A' && pendingNow(p)) {
        if (p.fate === 'reject-retired') {
          const rec = ns.seed.ui.load({ type: 'returnauthorization', id: rma.id });
          rec.setText({
            fieldId: 'custbody_tts_return_reject',
            text: rejectText('reverse_reject_request_reason_1'),
          });
          try {
            rec.save();
          } catch (e) {
            if (
              String((e as { name?: string }).name) === 'TTS_INVALID_RETURN_ANSWER' ||
              String(e).includes('TTS_INVALID_RETURN_ANSWER')
            )
              refusedAtSave += 1;
            else throw e;
          }
        }
        const rec = ns.seed.ui.load({ type: 'returnauthorization', id: rma.id });
        if (REJECT_FATES.includes(p.fate)) {
          rec.setText({ fieldId: 'custbody_tts_return_reject', text: valid(p.type) });
          p.answered = 'reject';
        } else {
          rec.setValue({ fieldId: 'orderstatus', value: 'B' });
          p.answered = 'approve';
        }
        rec.save();
        sentFromNetSuite += 1;
        // The buyer cancels before the bridge's next outbox pass: TikTok refuses the answer.
        if (p.fate === 'cancel-race') sim.admin.advanceReturn(p.returnId, 'cancel');
      } else if (p.fate === 'seller-center' && pendingNow(p)) {
        const decision =
          p.type === 'REFUND'
            ? 'APPROVE_REFUND'
            : p.type === 'REPLACEMENT'
              ? 'ISSUE_REPLACEMENT_REFUND'
              : 'APPROVE_RETURN';
        sim.admin.answerReturnInSellerCenter(p.returnId, { decision });
      } else if (p.fate === 'buyer-cancel' && pendingNow(p)) {
        sim.admin.advanceReturn(p.returnId, 'cancel');
      }
    }
    log(`answers: ${sentFromNetSuite} saved in NetSuite, ${refusedAtSave} refused at save`);
    await killAfterCommit();
    const answerRows = () =>
      ns.store
        .all('customrecord_tts_outbox')
        .filter((row) => String(row.fields.custrecord_tts_out_kind).startsWith('return.'));
    const drained = () => answerRows().every((row) => row.fields.custrecord_tts_out_state !== 'pending');
    // The bridge's own outbox passes send the answers; a reconciliation pass only if they stall.
    await reconcileUntil(drained, 'answers sent', 120_000);

    // 6. TikTok's side moves on: parcels shipped back and delivered, escalations, arbitration decisions.
    const statusOf = (p: PlannedReturn): ReturnRecord => sim.admin.getReturn(p.returnId ?? '');
    for (const p of planned) {
      if (!p.returnId) continue;
      const ret = statusOf(p);
      if ((p.fate === 'shipped' || p.fate === 'received') && ret.returnStatus === 'AWAITING_BUYER_SHIP') {
        sim.admin.advanceReturn(p.returnId, 'buyer-ship');
        if (p.fate === 'received') sim.admin.advanceReturn(p.returnId, 'receive');
      }
      if (
        (p.fate === 'arbitration-open' || p.fate === 'arbitration-buyer') &&
        ret.returnStatus.endsWith('REJECT') &&
        ret.arbitrationStatus === undefined
      ) {
        sim.admin.advanceReturn(p.returnId, 'escalate');
      }
    }
    await sim.tick();
    await killNow();
    // The warehouse receives the parcels on their RMAs (an item receipt each): "package received".
    let itemReceipts = 0;
    for (const p of planned.filter((x) => x.fate === 'received')) {
      const rma = rmaOf(p);
      if (!rma || rma.fields.status !== 'B' || statusOf(p).returnStatus !== 'BUYER_SHIPPED_ITEM') continue;
      const receipt = ns.seed.ui.transform({
        fromType: 'returnauthorization',
        fromId: rma.id,
        toType: 'itemreceipt',
      });
      p.receiptId = ns.seed.ui.save(receipt, {});
      itemReceipts += 1;
    }
    for (const p of planned.filter((x) => x.fate === 'arbitration-buyer')) {
      if (statusOf(p).arbitrationStatus === 'IN_PROGRESS')
        sim.admin.advanceReturn(p.returnId ?? '', 'support-buyer');
    }
    await sim.tick();
    log(`TikTok moved on: ${itemReceipts} parcels received on their RMAs`);

    // 7. Settle with the faults off: webhooks, reconciliation passes, outbox passes, replacement imports.
    sim.admin.setFaults({ rate429: 0, rate5xx: 0, dropWebhookRate: 0 });
    const replacementOrders = () =>
      planned.flatMap((p) => {
        const id = p.returnId ? statusOf(p).replacementOrderId : undefined;
        return id ? [id] : [];
      });
    const inStatus = () =>
      rmaPlanned.every((p) => {
        const rma = rmaOf(p);
        const ret = statusOf(p);
        if (!rma || rma.fields.custbody_tts_return_status !== ret.returnStatus) return false;
        if (ret.replacementOrderId && !rma.fields.custbody_tts_replacement_so) return false;
        return true;
      }) &&
      drained() &&
      replacementOrders().every((id) => salesOrderOf(id) !== null);
    // The bridge's schedule also reconciles orders: a replacement order whose webhooks were all dropped
    // (or hit a killed bridge) is found so, and the return waiting for it is then linked.
    let lastOrderReconcile = Date.now();
    let ordersPass: Promise<unknown> = Promise.resolve();
    let ordersRunning = false;
    const settled = await reconcileUntil(() => {
      const pending = ns.store
        .all('customrecord_tts_order')
        .filter((r) => r.fields.custrecord_tts_ord_state === 'pending').length;
      pump.runScheduledIfIdle(pending);
      const missing = !replacementOrders().every((id) => salesOrderOf(id) !== null);
      if (!ordersRunning && missing && Date.now() - lastOrderReconcile > 30_000) {
        ordersRunning = true;
        ordersPass = bridge.runCli(['reconcile', 'orders', '--since', since]).finally(() => {
          ordersRunning = false;
          lastOrderReconcile = Date.now();
        });
      }
      return inStatus();
    }, 'returns in status');
    await ordersPass;
    // The arbitration notes and other changes TikTok sends no webhook for: one more pass.
    await bridge.runCli(['reconcile', 'returns', '--since', since]);
    await pump.stop();
    importRestarts += pump.restartsInjected;
    const returnsMs = Date.now() - returnsStart;

    // 8. Both sides, read.
    const netsuiteUnits: Record<string, number> = {};
    for (const entry of ns.invocations.slice(unitsFrom)) {
      const key = `${entry.kind} ${entry.scriptId}${entry.label === undefined ? '' : ` ${entry.label}`}`;
      netsuiteUnits[key] = (netsuiteUnits[key] ?? 0) + entry.units;
    }
    const tiktokCalls: Record<string, number> = {};
    for (const [key, n] of Object.entries(sim.admin.counters().apiCalls)) {
      const diff = n - (callsBefore[key] ?? 0);
      // One key per endpoint: a path's ids (return, delivery option) become {id}.
      const endpoint = key.replace(/\/\d{6,}(?=\/|$)/g, '/{id}');
      if (diff > 0) tiktokCalls[endpoint] = (tiktokCalls[endpoint] ?? 0) + diff;
    }
    const verdict = verify(world, shopId, planned);
    const bridgeStatus = JSON.parse((await bridge.runCli(['status', '--json'])).stdout) as {
      deadLetters?: unknown[];
    };
    const logText = countBridgeLog(readLog(bridge.logFile));
    const byType: Record<string, number> = {};
    const byFate: Record<string, number> = {};
    for (const p of planned) {
      byType[p.type] = (byType[p.type] ?? 0) + 1;
      byFate[`${p.type}/${p.fate}`] = (byFate[`${p.type}/${p.fate}`] ?? 0) + 1;
    }
    return {
      options: { ...options, log: undefined } as Omit<ReturnsChaosOptions, 'log'>,
      ordersCreated: orderIds.length,
      ordersImported: imported,
      returns: planned.length,
      byType,
      byFate,
      off,
      rmaReturns: rmaPlanned.length,
      ...verdict,
      answers: { ...verdict.answers, sentFromNetSuite, refusedAtSave },
      itemReceipts,
      deadLetters: (bridgeStatus.deadLetters ?? []).length,
      bridgeKills: kills,
      bridgeStarts: bridge.starts,
      importRestarts,
      tiktokRetries: logText.tiktokRetries,
      webhooks: { ...world.fanout.stats },
      netsuiteUnits,
      tiktokCalls,
      settled,
      durationMs: Date.now() - started,
      importMs,
      returnsMs,
    };
  } finally {
    await pump.stop();
    await world.stop();
  }
}

function readLog(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

type Verdict = Pick<
  ReturnsChaosReport,
  | 'rmas'
  | 'finalStatuses'
  | 'lost'
  | 'duplicates'
  | 'wrongStatus'
  | 'differsVisibly'
  | 'replacements'
  | 'attentionNotes'
> & { answers: Omit<ReturnsChaosReport['answers'], 'sentFromNetSuite' | 'refusedAtSave'> };

function verify(world: ChaosWorld, shopId: string, planned: readonly PlannedReturn[]): Verdict {
  const { ns, sim } = world;
  const prefix = `tts_ret_${shopId}_`;
  const rmas = ns.store.all('returnauthorization').filter((r) => (r.externalId ?? '').startsWith(prefix));
  const byKey = new Map<string, StoredRecord[]>();
  const byReturnId = new Map<string, number>();
  for (const rma of rmas) {
    byKey.set(rma.externalId ?? '', [...(byKey.get(rma.externalId ?? '') ?? []), rma]);
    const id = String(rma.fields.custbody_tts_return_id ?? '');
    byReturnId.set(id, (byReturnId.get(id) ?? 0) + 1);
  }
  const records = new Map(
    ns.store.all('customrecord_tts_return').map((r) => [r.externalId ?? '', r] as const),
  );
  const messageOf = (key: string) => String(records.get(key)?.fields.custrecord_tts_ret_message ?? '');
  const lost: string[] = [];
  const duplicates: string[] = [];
  const wrongStatus: string[] = [];
  const finalStatuses: Record<string, Record<string, number>> = {};
  let differsVisibly = 0;
  let attentionNotes = 0;
  const replacementProblems: string[] = [];
  let issued = 0;
  let linked = 0;
  let replacementSalesOrders = 0;
  for (const p of planned) {
    if (!p.returnId) continue;
    const key = `${prefix}${p.returnId}`;
    const list = byKey.get(key) ?? [];
    const ret = sim.admin.getReturn(p.returnId);
    if (!RMA_TYPES.includes(p.type)) {
      if (list.length > 0) duplicates.push(`${p.returnId} (${p.type}): an RMA for a refund-only return`);
      continue;
    }
    if (list.length > 1) duplicates.push(`${p.returnId}: ${list.length} RMAs with externalid ${key}`);
    if ((byReturnId.get(p.returnId) ?? 0) > 1)
      duplicates.push(`${p.returnId}: ${byReturnId.get(p.returnId)} RMAs by TikTok Return ID`);
    const rma = list[0];
    const message = messageOf(key);
    if (message !== '') attentionNotes += 1;
    if (!rma) {
      if (message === '')
        lost.push(`${p.returnId} (${p.type}, ${p.fate}): no RMA, nothing on its return record`);
      continue;
    }
    const got = String(rma.fields.status ?? '');
    const row = (finalStatuses[ret.returnStatus] ??= {});
    row[got] = (row[got] ?? 0) + 1;
    const want = expectedRmaStatus(ret.returnStatus, rma);
    if (got !== want || rma.fields.custbody_tts_return_status !== ret.returnStatus) {
      if (message !== '') differsVisibly += 1;
      else
        wrongStatus.push(
          `${p.returnId} (${p.type}, ${p.fate}): TikTok ${ret.returnStatus}, RMA ${got} (want ${want}), RMA's TikTok status ${String(rma.fields.custbody_tts_return_status)}`,
        );
    }
    if (ret.replacementOrderId) {
      issued += 1;
      const sos = ns.store
        .all('salesorder')
        .filter((so) => so.externalId === `tts_${shopId}_${ret.replacementOrderId}`);
      replacementSalesOrders += sos.length;
      if (sos.length !== 1)
        replacementProblems.push(
          `${p.returnId}: ${sos.length} sales orders for replacement order ${ret.replacementOrderId}`,
        );
      else if (String(rma.fields.custbody_tts_replacement_so ?? '') === String(sos[0]?.id)) linked += 1;
      else
        replacementProblems.push(
          `${p.returnId}: RMA ${rma.id} links ${String(rma.fields.custbody_tts_replacement_so)}, not sales order ${sos[0]?.id}`,
        );
    }
  }
  // Answers TikTok refused: a failed outbox row, and an error in the sync log naming the return.
  const rows: Record<string, number> = {};
  const failed: StoredRecord[] = [];
  for (const row of ns.store.all('customrecord_tts_outbox')) {
    const kind = String(row.fields.custrecord_tts_out_kind);
    if (!kind.startsWith('return.')) continue;
    const state = `${kind} ${String(row.fields.custrecord_tts_out_state)}`;
    rows[state] = (rows[state] ?? 0) + 1;
    if (row.fields.custrecord_tts_out_state === 'failed') failed.push(row);
  }
  const errors = ns.store
    .all('customrecord_tts_log')
    .filter((e) => e.fields.custrecord_tts_log_level === 'error')
    .map((e) => String(e.fields.custrecord_tts_log_message ?? ''));
  const refusedInvisible: string[] = [];
  let refusedVisible = 0;
  for (const row of failed) {
    const returnId =
      String(row.externalId ?? '')
        .split('_')
        .pop() ?? '';
    if (returnId !== '' && errors.some((m) => m.includes(returnId))) refusedVisible += 1;
    else
      refusedInvisible.push(
        `${String(row.externalId)}: failed with no sync-log error naming return ${returnId}`,
      );
  }
  return {
    rmas: rmas.length,
    finalStatuses,
    lost,
    duplicates,
    wrongStatus,
    differsVisibly,
    replacements: { issued, salesOrders: replacementSalesOrders, linked, problems: replacementProblems },
    attentionNotes,
    answers: { rows, refusedByTikTok: failed.length, refusedVisible, refusedInvisible },
  };
}

/**
 * What the returns flow runs in NetSuite: the RESTlet's `returns.upsert` (every call, the run's
 * reconciliation passes included), the RMA and item receipt user events (the answers' outbox rows).
 * The outbox pulls and acknowledgements serve every flow's rows and are counted apart.
 */
const RETURN_SCRIPTS = [
  'restlet customscript_tts_rl_connector returns.upsert',
  'userevent customscript_tts_ue_return_auth',
  'userevent customscript_tts_ue_item_receipt',
];

/** NetSuite units and TikTok return API calls of the returns phase, per return (README figures). */
export function perReturnFigures(r: ReturnsChaosReport): {
  units: number;
  unitsPerReturn: number;
  returnCalls: number;
  returnCallsPerReturn: number;
} {
  const units = RETURN_SCRIPTS.reduce((n, key) => n + (r.netsuiteUnits[key] ?? 0), 0);
  const returnCalls = Object.entries(r.tiktokCalls)
    .filter(([key]) => key.includes('/return_refund/'))
    .reduce((n, [, calls]) => n + calls, 0);
  const round = (n: number) => Math.round((n / Math.max(1, r.returns)) * 10) / 10;
  return { units, unitsPerReturn: round(units), returnCalls, returnCallsPerReturn: round(returnCalls) };
}

export function formatReturnsChaos(r: ReturnsChaosReport): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
  const rmaCount = r.rmaReturns;
  const units = Object.values(r.netsuiteUnits).reduce((a, b) => a + b, 0);
  const calls = Object.values(r.tiktokCalls).reduce((a, b) => a + b, 0);
  const per = (n: number, d: number) => (d === 0 ? '0' : (n / d).toFixed(1));
  const figures = perReturnFigures(r);
  return [
    `Returns chaos (issue #17): ${r.ordersCreated} delivered TikTok orders, ${r.ordersImported} imported; ${r.returns} returns ${JSON.stringify(r.byType)}; seed ${r.options.seed}`,
    `  fates: ${JSON.stringify(r.byFate)}`,
    `  faults: TikTok 429 ${(r.options.rate429 * 100).toFixed(0)}% + 5xx ${(r.options.rate5xx * 100).toFixed(0)}% (${r.tiktokRetries} TikTok calls retried by the bridge), webhooks x${r.options.copiesPerWebhook} reordered, ${(r.options.dropWebhookRate * 100).toFixed(0)}% dropped ${JSON.stringify(r.webhooks)}, bridge SIGKILLs ${r.bridgeKills.now} at once + ${r.bridgeKills.afterRestletCommit} right after a NetSuite commit (${r.bridgeStarts} starts), ${r.importRestarts} app-server restarts in the import map/reduce`,
    `  setting off: ${r.off.returns} returns opened, ${r.off.rmas} RMAs, ${r.off.returnRecords} return records, exceptions page says the flow is off: ${r.off.pageSaysOff}`,
    `  RMAs: ${r.rmas} for ${rmaCount} returns that send goods back; final statuses (TikTok → RMA) ${JSON.stringify(r.finalStatuses)}`,
    `  answers: ${r.answers.sentFromNetSuite} from NetSuite, ${r.answers.refusedAtSave} refused at save (a retired reason), outbox ${JSON.stringify(r.answers.rows)}; refused by TikTok ${r.answers.refusedByTikTok}, visible ${r.answers.refusedVisible}; ${r.itemReceipts} item receipts`,
    `  replacements: ${r.replacements.issued} issued, ${r.replacements.salesOrders} sales orders, ${r.replacements.linked} linked`,
    `  return records with a message: ${r.attentionNotes}; status differs from the table with the reason shown: ${r.differsVisibly}`,
    `  lost: ${r.lost.length}, duplicates: ${r.duplicates.length}, wrong status: ${r.wrongStatus.length}, replacement problems: ${r.replacements.problems.length}, refusals not visible: ${r.answers.refusedInvisible.length}, dead letters: ${r.deadLetters}`,
    ...[
      ...r.lost,
      ...r.duplicates,
      ...r.wrongStatus,
      ...r.replacements.problems,
      ...r.answers.refusedInvisible,
    ]
      .slice(0, 15)
      .map((l) => `    ${l}`),
    `  NetSuite units of the returns phase: returns.upsert + RMA and item receipt user events ${figures.units} = ${figures.unitsPerReturn} per return (${per(figures.units, rmaCount)} per return that sends goods back); every script ${units}: ${JSON.stringify(r.netsuiteUnits)}`,
    `  TikTok calls of the returns phase (429/5xx answers included): return API ${figures.returnCalls} = ${figures.returnCallsPerReturn} per return; every call ${calls}: ${JSON.stringify(r.tiktokCalls)}`,
    `  settled: ${r.settled}; import ${s(r.importMs)}, returns ${s(r.returnsMs)}, total ${s(r.durationMs)}`,
  ].join('\n');
}
