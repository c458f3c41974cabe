/**
 * Refunds chaos (issue #18, README "Refunds"): TikTok orders imported into NetSuite through the bridge
 * (the import map/reduce restarted by injected app-server restarts), then left in every billing state
 * — invoiced and open, invoiced and paid by a customer payment, billed by cash sale, not billed — and
 * refunded in every way TikTok refunds: a refund-only request for the whole order or for one line, a
 * shipping-only refund, a return whose buyer keeps the item, a replacement turned into a refund, a
 * partial refund the buyer accepts, and a seller's cancellation after payment. Webhooks are delivered
 * twice and out of order and one in ten is lost, TikTok answers 429 and 5xx, and the bridge process is
 * SIGKILLed while the refunds flow; `reconcile refunds` then finds the refunds whose webhooks were lost.
 * At the end both sides are read: every refund TikTok completed is exactly one TikTok Refund record in
 * `created` with one document (credit memo, cash refund, or the sales order's refund lines), the
 * document's total is TikTok's refund_total to the cent, a paid invoice's credit is paid out by exactly
 * one customer refund, and nothing is lost or dead-lettered.
 */
import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import type { ChaosPlan } from './chaos-plan';
import { CHAOS_PLAN, KNOWN_SKUS } from './chaos-plan';
import type { ChaosWorld } from './chaos-world';
import { startChaosWorld } from './chaos-world';

export const REFUND_KINDS = [
  'refund-only',
  'refund-one-line',
  'shipping-only',
  'return-keep-item',
  'replacement-refund',
  'partial-refund',
  'seller-cancel',
] as const;
export type RefundKind = (typeof REFUND_KINDS)[number];

export const BILLING_STATES = ['invoice', 'invoice-paid', 'cash-sale', 'not-billed'] as const;
export type BillingKind = (typeof BILLING_STATES)[number];

export interface RefundsChaosOptions {
  orders: number;
  seed: number;
  /** Refund waves; the bridge is SIGKILLed after the first and in the middle of the last. */
  waves: number;
  waveGapMs: number;
  /** Share of TikTok API calls answered 429, and 500/503 (each). */
  rate429: number;
  rate5xx: number;
  dropWebhookRate: number;
  /** Longest wait for the import and for the refunds to settle (ms each). */
  settleTimeoutMs: number;
  /** How long the webhooks alone may book refunds before `reconcile refunds` runs (ms). */
  webhookWaitMs: number;
  log?: (line: string) => void;
}

export const REFUNDS_CHAOS_DEFAULTS: RefundsChaosOptions = {
  orders: 1000,
  seed: 1818,
  waves: 5,
  waveGapMs: 1500,
  rate429: 0.05,
  rate5xx: 0.05,
  dropWebhookRate: 0.1,
  settleTimeoutMs: 1_800_000,
  webhookWaitMs: 60_000,
};

export interface RefundsChaosReport {
  options: Omit<RefundsChaosOptions, 'log'>;
  ordersImported: number;
  refundsCompleted: number;
  byKind: Record<string, number>;
  byBilling: Record<string, number>;
  byDocument: Record<string, number>;
  customerRefunds: number;
  bridgeKills: number;
  importRestarts: number;
  webhookFanout: unknown;
  /** Completed at TikTok, with no TikTok Refund record in `created`. */
  lost: { refundId: string; state: string | null; message: string | null }[];
  /** Refunds with more than one document (credit memo / cash refund by externalid, sales order refund lines). */
  duplicated: string[];
  /** Documents whose total is not TikTok's refund_total to the cent, or records not tying out. */
  notTyingOut: string[];
  /** Paid invoices whose credit memo keeps credit, or with other than one customer refund. */
  unpaidCredits: string[];
  deadLetters: number;
  /** Dead-lettered jobs by kind and reason (the reason's first 120 characters). */
  deadLetterCauses: Record<string, number>;
  /** NetSuite usage units of the RESTlet's `refunds.upsert` calls from the first refund on (retries included). */
  refundUpsertUnits: number;
  refundUpsertCalls: number;
  settled: boolean;
  seconds: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const cents = (value: unknown): number => Math.round(Number(value) * 100);

interface Planned {
  orderId: string;
  kind: RefundKind;
  billing: BillingKind;
  refundId: string | null;
}

/** Cancellations happen before billing (an order awaiting shipment); the other kinds in any billing state. */
function plan(orders: number): { kind: RefundKind; billing: BillingKind }[] {
  return Array.from({ length: orders }, (_, i) => {
    const kind = REFUND_KINDS[i % REFUND_KINDS.length]!;
    const billing =
      kind === 'seller-cancel'
        ? 'not-billed'
        : BILLING_STATES[Math.floor(i / REFUND_KINDS.length) % BILLING_STATES.length]!;
    return { kind, billing };
  });
}

function chaosPlanFor(options: RefundsChaosOptions): ChaosPlan {
  return {
    ...CHAOS_PLAN,
    seed: options.seed,
    counts: Object.fromEntries(Object.keys(CHAOS_PLAN.counts).map((k) => [k, 0])) as ChaosPlan['counts'],
    kills: [],
    faults: {
      rate429: options.rate429,
      rate5xx: options.rate5xx,
      latencyMs: 0,
      dropWebhookRate: options.dropWebhookRate,
      duplicateWebhookRate: 0,
      reorderWebhooks: true,
    },
    copiesPerWebhook: 2,
    copyLagMs: 40,
    timeScale: 12,
  };
}

/** Runs NetSuite's queued tasks (the order import, restarted as planned) until `done()` or the deadline. */
async function settle(
  world: ChaosWorld,
  done: () => boolean,
  deadlineMs: number,
  restarts: { left: number; fired: number },
): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    const inject = restarts.left > 0 ? { stage: 'map' as const, atInvocation: 2, afterCharges: 3 } : null;
    const reports = await world.ns.runQueuedTasks(inject ? { injectRestart: inject } : {});
    if (
      inject &&
      reports.some((r) => r.mapReduce?.invocations.some((i) => i.error === 'SSS_APP_SERVER_RESTART'))
    ) {
      restarts.left -= 1;
      restarts.fired += 1;
    }
    if (done()) return true;
    await sleep(250);
  }
  return done();
}

/** A bank account the mapped payment methods deposit to, so a paid invoice's credit can be paid out. */
function payFromBank(world: ChaosWorld): void {
  const bank = world.ns.store.insert({
    type: 'account',
    externalId: null,
    fields: { acctname: 'TikTok Payouts', accttype: 'Bank' },
    sublists: {},
    subrecords: {},
  });
  for (const method of world.ns.store.all('paymentmethod')) {
    world.ns.store.update({
      ...method,
      fields: { ...method.fields, undepfunds: false, account: String(bank.id) },
    });
  }
}

function bill(world: ChaosWorld, so: StoredRecord, billing: BillingKind): void {
  if (billing === 'not-billed') return;
  const service = world.ns.seed.service;
  const type = billing === 'cash-sale' ? 'cashsale' : 'invoice';
  const id = service.save(service.transform({ fromType: 'salesorder', fromId: so.id, toType: type }), {});
  if (billing !== 'invoice-paid') return;
  const invoice = world.ns.store.get('invoice', id);
  const payment = service.create({ type: 'customerpayment', defaultValues: { entity: so.fields.entity } });
  payment.setValue('payment', invoice?.fields.amountremaining);
  const lines = payment.getLineCount({ sublistId: 'apply' });
  for (let line = 0; line < lines; line += 1) {
    if (String(payment.getSublistValue({ sublistId: 'apply', fieldId: 'doc', line })) === String(id))
      payment.setSublistValue({ sublistId: 'apply', fieldId: 'apply', line, value: true });
  }
  service.save(payment, {});
}

/** TikTok pays the buyer now when the refund is approved but not yet paid (SUCCESS → COMPLETE). */
function complete(world: ChaosWorld, returnId: string): void {
  if (world.sim.admin.getReturn(returnId).returnStatus === 'RETURN_OR_REFUND_REQUEST_SUCCESS')
    world.sim.admin.advanceReturn(returnId, 'complete-refund');
}

/** Opens (and, where the seller answers, answers) the refund of one order at TikTok; its refund id. */
function refund(world: ChaosWorld, orderId: string, kind: RefundKind): string {
  const admin = world.sim.admin;
  if (kind === 'seller-cancel') return admin.cancelOrder(orderId, { by: 'SELLER' }).cancelId;
  const order = admin.getOrder(orderId);
  const first = order.line_items[0]?.id;
  if (kind === 'replacement-refund') {
    const ret = admin.createReturn(orderId, { returnType: 'REPLACEMENT' });
    admin.answerReturnInSellerCenter(ret.returnId, { decision: 'ISSUE_REPLACEMENT_REFUND' });
    return ret.returnId;
  }
  if (kind === 'return-keep-item') {
    const ret = admin.createReturn(orderId, { returnType: 'RETURN_AND_REFUND' });
    admin.answerReturnInSellerCenter(ret.returnId, { decision: 'APPROVE_RETURN', buyerKeepItem: true });
    complete(world, ret.returnId);
    return ret.returnId;
  }
  if (kind === 'partial-refund') {
    const ret = admin.createReturn(orderId, { returnType: 'REFUND' });
    const total = Number(order.payment.sub_total ?? order.payment.total_amount);
    admin.answerReturnInSellerCenter(ret.returnId, {
      decision: 'OFFER_PARTIAL_REFUND',
      partialRefund: { currency: order.payment.currency, amount: (Math.floor(total * 50) / 100).toFixed(2) },
    });
    admin.advanceReturn(ret.returnId, 'accept-partial-refund');
    complete(world, ret.returnId);
    return ret.returnId;
  }
  const ret = admin.createReturn(orderId, {
    returnType: 'REFUND',
    ...(kind === 'refund-one-line' && first ? { lineItemIds: [first] } : {}),
    ...(kind === 'shipping-only' ? { shippingOnly: true } : {}),
  });
  admin.answerReturnInSellerCenter(ret.returnId, { decision: 'APPROVE_REFUND' });
  complete(world, ret.returnId);
  return ret.returnId;
}

/** TikTok's refund_total of a completed refund, or null when it is not complete with a refund. */
function completedTotal(world: ChaosWorld, planned: Planned): string | null {
  if (planned.refundId === null) return null;
  if (planned.kind === 'seller-cancel') {
    const found = world.sim.admin.listCancellations().find((c) => c.cancelId === planned.refundId);
    if (!found || found.cancelStatus !== 'CANCELLATION_REQUEST_COMPLETE') return null;
    return found.refund.refund_total;
  }
  const ret = world.sim.admin.getReturn(planned.refundId);
  const done = ['RETURN_OR_REFUND_REQUEST_COMPLETE', 'REPLACEMENT_REQUEST_REFUND_SUCCESS'];
  return done.includes(ret.returnStatus) ? (ret.refund?.refund_total ?? null) : null;
}

export async function runRefundsChaos(
  partial: Partial<RefundsChaosOptions> = {},
): Promise<RefundsChaosReport> {
  const options: RefundsChaosOptions = { ...REFUNDS_CHAOS_DEFAULTS, ...partial };
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const chaos = chaosPlanFor(options);
  const world = await startChaosWorld(chaos);
  const restarts = { left: 2, fired: 0 };
  try {
    await world.bridge.start();
    const shopId = await world.connectShop();
    const service = world.ns.seed.service;
    const shop = world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`);
    if (!shop) throw new Error('no shop record');
    const shopRec = service.load({ type: 'customrecord_tts_shop', id: shop.id });
    shopRec.setValue({ fieldId: 'custrecord_tts_shop_push_refunds', value: true });
    service.save(shopRec, {});
    payFromBank(world);

    const planned: Planned[] = plan(options.orders).map(({ kind, billing }, i) => ({
      kind,
      billing,
      refundId: null,
      orderId: world.sim.admin.createOrder({
        shopId,
        advanceTo: kind === 'seller-cancel' ? 'AWAITING_SHIPMENT' : 'DELIVERED',
        paymentMethodName: 'CCDC',
        skus: [
          { sellerSku: KNOWN_SKUS[i % KNOWN_SKUS.length] ?? 'CH-TOTE', quantity: 1 + (i % 2) },
          ...(i % 3 === 0
            ? [{ sellerSku: KNOWN_SKUS[(i + 1) % KNOWN_SKUS.length] ?? 'CH-TOTE', quantity: 1 }]
            : []),
        ],
      }).id,
    }));
    log(`${planned.length} orders created; importing`);
    const salesOrder = (id: string) => world.ns.store.findByExternalId('salesorder', `tts_${shopId}_${id}`);
    const imported = () => planned.every((p) => salesOrder(p.orderId) !== null);
    if (!(await settle(world, imported, options.settleTimeoutMs, restarts))) {
      throw new Error(
        `orders not imported: ${planned.filter((p) => salesOrder(p.orderId) === null).length} missing`,
      );
    }
    log(`imported; billing`);
    for (const p of planned) bill(world, salesOrder(p.orderId)!, p.billing);
    const unitsFrom = world.ns.invocations.length;

    world.sim.admin.setFaults({ ...chaos.faults });
    for (let wave = 0; wave < options.waves; wave += 1) {
      for (let i = wave; i < planned.length; i += options.waves) {
        const p = planned[i]!;
        p.refundId = refund(world, p.orderId, p.kind);
      }
      await world.sim.tick();
      log(`refund wave ${wave + 1} of ${options.waves} opened`);
      if (wave === 0) {
        await sleep(300);
        await world.bridge.kill();
        await sleep(chaos.downtimeMs);
        await world.bridge.start();
      }
      await sleep(options.waveGapMs);
    }
    // Killed while refunds.upsert calls are under way: the jobs run again, NetSuite keeps one document.
    await sleep(200);
    await world.bridge.kill();
    await world.bridge.start();

    const records = () =>
      new Map(world.ns.store.all('customrecord_tts_refund').map((r) => [r.externalId ?? '', r] as const));
    const expected = planned.filter((p) => completedTotal(world, p) !== null);
    const booked = () => {
      const byId = records();
      return expected.every(
        (p) => byId.get(`tts_rf_${shopId}_${p.refundId}`)?.fields.custrecord_tts_rf_state === 'created',
      );
    };
    const unbooked = () => {
      const byId = records();
      return expected
        .map((p) => ({ p, r: byId.get(`tts_rf_${shopId}_${p.refundId}`) }))
        .filter(({ r }) => r?.fields.custrecord_tts_rf_state !== 'created')
        .map(
          ({ p, r }) =>
            `${p.kind}/${p.billing} ${p.refundId}: ${String(r?.fields.custrecord_tts_rf_state ?? 'no record')} ${String(r?.fields.custrecord_tts_rf_message ?? '')}`,
        );
    };
    await settle(world, booked, options.webhookWaitMs, restarts);
    log(
      `before reconciling, ${unbooked().length} refund(s) not booked: ${unbooked().slice(0, 5).join(' | ')}`,
    );
    world.sim.admin.setFaults({ dropWebhookRate: 0, rate429: 0, rate5xx: 0 });
    const reconciled = await world.bridge.runCli(['reconcile', 'refunds', '--since', '2000-01-01T00:00:00Z']);
    log(`reconcile refunds: ${reconciled.stdout.trim().split('\n').join(' / ')}`);
    const settled = await settle(world, booked, options.settleTimeoutMs, restarts);
    if (!settled) log(`not settled: ${unbooked().slice(0, 10).join(' | ')}`);

    // Both sides read.
    const byId = records();
    const lost: RefundsChaosReport['lost'] = [];
    const duplicated: string[] = [];
    const notTyingOut: string[] = [];
    const unpaidCredits: string[] = [];
    const byDocument: Record<string, number> = {};
    const docsByExternalId = new Map<string, StoredRecord[]>();
    for (const type of ['creditmemo', 'cashrefund', 'customerrefund']) {
      for (const doc of world.ns.store.all(type)) {
        const key = doc.externalId ?? '';
        docsByExternalId.set(key, [...(docsByExternalId.get(key) ?? []), doc]);
      }
    }
    for (const p of expected) {
      const key = `tts_rf_${shopId}_${p.refundId}`;
      const record = byId.get(key);
      const state = record ? String(record.fields.custrecord_tts_rf_state ?? '') : null;
      if (!record || state !== 'created') {
        lost.push({
          refundId: p.refundId ?? '',
          state,
          message: record ? String(record.fields.custrecord_tts_rf_message ?? '') : null,
        });
        continue;
      }
      const total = cents(completedTotal(world, p));
      const docs = docsByExternalId.get(key) ?? [];
      const so = salesOrder(p.orderId);
      const soLines = (so?.sublists.item ?? []).filter((l) =>
        String(l.fields.description ?? '').startsWith(`TikTok refund ${p.refundId}:`),
      );
      const kind =
        docs[0]?.type ??
        (soLines.length > 0
          ? 'salesorder (refund lines)'
          : 'salesorder (no document: closed by the order update, or nothing refunded)');
      byDocument[kind] = (byDocument[kind] ?? 0) + 1;
      if (docs.length > 1 || (docs.length === 1 && soLines.length > 0)) duplicated.push(key);
      if (docs.length === 1 && cents(docs[0]!.fields.total) !== total) {
        notTyingOut.push(`${key}: document ${cents(docs[0]!.fields.total)} vs TikTok ${total} cents`);
      }
      if (record.fields.custrecord_tts_rf_ties_out !== true)
        notTyingOut.push(`${key}: record does not tie out`);
      if (p.billing === 'invoice-paid' && docs[0]?.type === 'creditmemo') {
        const payOuts = docsByExternalId.get(`tts_rfp_${shopId}_${p.refundId}`) ?? [];
        const memo = world.ns.store.get('creditmemo', docs[0].id);
        if (
          payOuts.length !== 1 ||
          cents(memo?.fields.unapplied) !== 0 ||
          cents(payOuts[0]?.fields.total) !== total
        )
          unpaidCredits.push(
            `${key}: ${payOuts.length} customer refund(s), credit left ${String(memo?.fields.unapplied)}`,
          );
      }
    }
    const upserts = world.ns.invocations.slice(unitsFrom).filter((i) => i.label === 'refunds.upsert');
    const count = <K extends string>(keys: K[]) =>
      keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});
    const status = await world.bridge.runCli(['status', '--json']);
    const parsed = JSON.parse(status.stdout) as {
      deadLetters?: { kind: string; reason: string | null }[];
    };
    return {
      options: { ...options, log: undefined } as Omit<RefundsChaosOptions, 'log'>,
      ordersImported: planned.filter((p) => salesOrder(p.orderId) !== null).length,
      refundsCompleted: expected.length,
      byKind: count(expected.map((p) => p.kind)),
      byBilling: count(expected.map((p) => p.billing)),
      byDocument,
      customerRefunds: world.ns.store.all('customerrefund').length,
      bridgeKills: world.bridge.kills,
      importRestarts: restarts.fired,
      webhookFanout: world.fanout.stats,
      lost,
      duplicated,
      notTyingOut,
      unpaidCredits,
      deadLetters: (parsed.deadLetters ?? []).length,
      deadLetterCauses: count(
        (parsed.deadLetters ?? []).map((d) => `${d.kind}: ${(d.reason ?? '').slice(0, 120)}`),
      ),
      refundUpsertUnits: upserts.reduce((n, i) => n + i.units, 0),
      refundUpsertCalls: upserts.length,
      settled,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await world.stop();
  }
}

export function formatRefundsChaos(report: RefundsChaosReport): string {
  return [
    `refunds chaos: ${report.ordersImported} orders, ${report.refundsCompleted} refunds completed at TikTok in ${report.seconds.toFixed(1)} s`,
    `  kinds ${JSON.stringify(report.byKind)}`,
    `  billing ${JSON.stringify(report.byBilling)}`,
    `  documents ${JSON.stringify(report.byDocument)}, customer refunds ${report.customerRefunds}`,
    `  faults: ${report.bridgeKills} bridge SIGKILLs, ${report.importRestarts} import map/reduce restarts, webhook fan-out ${JSON.stringify(report.webhookFanout)}`,
    `  NetSuite units: refunds.upsert ${report.refundUpsertUnits} in ${report.refundUpsertCalls} calls = ${(report.refundUpsertUnits / Math.max(1, report.refundsCompleted)).toFixed(1)} per refund completed (retries and the calls answering waiting or not_done included)`,
    `  lost ${report.lost.length}, duplicated ${report.duplicated.length}, not tying out ${report.notTyingOut.length}, credit not paid out ${report.unpaidCredits.length}, dead letters ${report.deadLetters}, settled ${report.settled}`,
    ...report.lost
      .slice(0, 10)
      .map((l) => `  lost ${l.refundId}: ${l.state ?? 'no record'} ${l.message ?? ''}`),
    ...report.notTyingOut.slice(0, 10).map((l) => `  not tying out ${l}`),
    ...report.unpaidCredits.slice(0, 10).map((l) => `  ${l}`),
  ].join('\n');
}
