import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import type { ChaosPlan } from './chaos-plan';
import { CHAOS_PLAN, KNOWN_SKUS } from './chaos-plan';
import type { ChaosWorld } from './chaos-world';
import { startChaosWorld } from './chaos-world';

/**
 * Returns under chaos (issue #17, README "Returns"): 45 delivered orders, each with a return of one of
 * TikTok's three types (15 RETURN_AND_REFUND, 15 REPLACEMENT, 15 REFUND), opened in three waves while
 * every webhook is delivered twice and out of order, one in ten is lost, TikTok answers 429 and 5xx,
 * and the bridge process is SIGKILLed twice (once right after a wave, once after NetSuite answered a
 * `returns.upsert`); the seller then answers ten requests from NetSuite (approve / reject) and the
 * bridge sends them (`sync outbox`) while killed once more. After `reconcile returns` (the poll
 * that finds the lost webhooks) every return that sends goods back is exactly one return authorization
 * (by externalid and by TikTok Return ID) in TikTok's current status; refund-only returns are none;
 * every answer reached TikTok once; nothing is dead-lettered. The orders are this run's own, created
 * DELIVERED: no other flow fulfils them.
 */
const PLAN: ChaosPlan = {
  ...CHAOS_PLAN,
  seed: 20261206,
  counts: {
    paid: 0,
    'paid-later': 0,
    unpaid: 0,
    cancelled: 0,
    'unmapped-payment': 0,
    'unknown-sku': 0,
    'request-accepted': 0,
    'request-rejected': 0,
    'request-timeout': 0,
    'request-shipped': 0,
  },
  kills: [],
  faults: {
    rate429: 0.05,
    rate5xx: 0.05,
    latencyMs: 0,
    dropWebhookRate: 0.1,
    duplicateWebhookRate: 0,
    reorderWebhooks: true,
  },
  copiesPerWebhook: 2,
  copyLagMs: 40,
  // Deadlines of 48 h / 12 = 4 h: no request times out during the run.
  timeScale: 12,
};

const RETURNS_PER_TYPE = 15;
const TYPES = ['RETURN_AND_REFUND', 'REPLACEMENT', 'REFUND'] as const;
const ANSWERS = 10;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let world: ChaosWorld;

afterAll(async () => {
  await world?.stop();
});

/** Runs NetSuite's queued tasks (the order import) until `done()` or the deadline. */
async function settle(done: () => boolean, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    await world.ns.runQueuedTasks();
    if (done()) return true;
    await sleep(250);
  }
  return done();
}

function rmasByExternalId(shopId: string): Map<string, StoredRecord[]> {
  const byId = new Map<string, StoredRecord[]>();
  for (const rma of world.ns.store.all('returnauthorization')) {
    const key = rma.externalId ?? '';
    if (!key.startsWith(`tts_ret_${shopId}_`)) continue;
    byId.set(key, [...(byId.get(key) ?? []), rma]);
  }
  return byId;
}

describe('returns under chaos', () => {
  it('makes every return that sends goods back exactly one RMA in TikTok’s status, answers included', async () => {
    const started = Date.now();
    world = await startChaosWorld(PLAN);
    await world.bridge.start();
    const shopId = await world.connectShop();
    const service = world.ns.seed.service;
    const shop = world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`);
    if (!shop) throw new Error('no shop record');
    const shopRec = service.load({ type: 'customrecord_tts_shop', id: shop.id });
    shopRec.setValue({ fieldId: 'custrecord_tts_shop_push_returns', value: true });
    shopRec.setValue({ fieldId: 'custrecord_tts_shop_answer_returns', value: true });
    service.save(shopRec, {});

    const count = RETURNS_PER_TYPE * TYPES.length;
    const orders = Array.from(
      { length: count },
      (_, i) =>
        world.sim.admin.createOrder({
          shopId,
          advanceTo: 'DELIVERED',
          paymentMethodName: 'CCDC',
          skus: [{ sellerSku: KNOWN_SKUS[i % KNOWN_SKUS.length] ?? 'CH-TOTE', quantity: 1 + (i % 2) }],
        }).id,
    );
    const imported = () =>
      orders.every((id) => world.ns.store.findByExternalId('salesorder', `tts_${shopId}_${id}`) !== null);
    if (!(await settle(imported, 60_000))) {
      const states = world.ns.store
        .all('customrecord_tts_order')
        .map(
          (r) => `${String(r.fields.custrecord_tts_ord_state)}: ${String(r.fields.custrecord_tts_ord_error)}`,
        );
      throw new Error(
        `orders not imported: ${states.length} inbox records; ${states.slice(0, 5).join(' | ')}`,
      );
    }

    world.sim.admin.setFaults({ ...PLAN.faults });
    const returnIds = new Map<string, (typeof TYPES)[number]>();
    for (let wave = 0; wave < 3; wave += 1) {
      for (let i = wave; i < count; i += 3) {
        const type = TYPES[i % TYPES.length] ?? 'REFUND';
        returnIds.set(world.sim.admin.createReturn(orders[i] ?? '', { returnType: type }).returnId, type);
      }
      await world.sim.tick();
      if (wave === 0) {
        await sleep(300);
        await world.bridge.kill();
        await sleep(PLAN.downtimeMs);
        await world.bridge.start();
      }
      await sleep(PLAN.waveGapMs);
    }
    // Killed as a returns.upsert is answered: the job is run again, NetSuite keeps one RMA per key.
    await sleep(200);
    await world.bridge.kill();
    await world.bridge.start();

    const rmaReturns = [...returnIds].filter(([, type]) => type !== 'REFUND').map(([id]) => id);
    const made = () => rmasByExternalId(shopId).size >= rmaReturns.length;
    // The poll finds the returns whose webhooks were lost.
    await settle(made, 20_000);
    world.sim.admin.setFaults({ dropWebhookRate: 0 });
    const reconciled = await world.bridge.runCli(['reconcile', 'returns', '--since', '2000-01-01T00:00:00Z']);
    expect(reconciled.stdout).toMatch(/returns in \d+ page/);
    expect(await settle(made, 60_000)).toBe(true);

    // The seller answers ten pending requests from NetSuite: approve the even ones, reject the odd ones.
    const answered: { returnId: string; decision: 'approve' | 'reject' }[] = [];
    for (const returnId of rmaReturns.slice(0, ANSWERS)) {
      const [rma] = rmasByExternalId(shopId).get(`tts_ret_${shopId}_${returnId}`) ?? [];
      if (!rma) throw new Error(`no RMA for ${returnId}`);
      const rec = world.ns.seed.ui.load({ type: 'returnauthorization', id: rma.id });
      const decision = answered.length % 2 === 0 ? 'approve' : 'reject';
      if (decision === 'approve') rec.setValue({ fieldId: 'orderstatus', value: 'B' });
      else
        rec.setText({
          fieldId: 'custbody_tts_return_reject',
          text: 'Item is correct (seller_reject_apply_item_is_correct)',
        });
      rec.save();
      answered.push({ returnId, decision });
    }
    const firstSend = world.bridge.runCli(['sync', 'outbox']);
    await sleep(150);
    await world.bridge.kill();
    await firstSend;
    await world.bridge.start();
    world.sim.admin.setFaults({ rate429: 0, rate5xx: 0 });
    const resend = await world.bridge.runCli(['sync', 'outbox']);
    expect(resend.code).toBe(0);
    for (const { returnId, decision } of answered) {
      const status = world.sim.admin.getReturn(returnId).returnStatus;
      expect({ returnId, status }).toEqual({
        returnId,
        status:
          decision === 'reject'
            ? returnIds.get(returnId) === 'REPLACEMENT'
              ? 'REPLACEMENT_REQUEST_REJECT'
              : 'REFUND_OR_RETURN_REQUEST_REJECT'
            : returnIds.get(returnId) === 'REPLACEMENT'
              ? 'REPLACEMENT_REQUEST_COMPLETE'
              : 'AWAITING_BUYER_SHIP',
      });
    }

    // TikTok's outcomes come back (webhooks, then a reconcile pass for any late ones).
    await world.sim.tick();
    await world.bridge.runCli(['reconcile', 'returns', '--since', '2000-01-01T00:00:00Z']);
    const inStatus = () =>
      rmaReturns.every((id) => {
        const [rma] = rmasByExternalId(shopId).get(`tts_ret_${shopId}_${id}`) ?? [];
        return rma?.fields.custbody_tts_return_status === world.sim.admin.getReturn(id).returnStatus;
      });
    expect(await settle(inStatus, 60_000)).toBe(true);

    // Exactly once: one RMA per return that sends goods back (by externalid and by Return ID), none for refunds.
    const byKey = rmasByExternalId(shopId);
    expect([...byKey.values()].filter((list) => list.length !== 1)).toEqual([]);
    expect([...byKey.keys()].sort()).toEqual(rmaReturns.map((id) => `tts_ret_${shopId}_${id}`).sort());
    const byReturnId = world.ns.store
      .all('returnauthorization')
      .map((rma) => String(rma.fields.custbody_tts_return_id));
    expect(new Set(byReturnId).size).toBe(byReturnId.length);
    // Every answer reached TikTok once and its row is sent; no job was dead-lettered.
    const rows = world.ns.store
      .all('customrecord_tts_outbox')
      .filter((row) => row.fields.custrecord_tts_out_kind === 'return.answer');
    expect(rows).toHaveLength(ANSWERS);
    expect(rows.every((row) => row.fields.custrecord_tts_out_state === 'sent')).toBe(true);
    const status = await world.bridge.runCli(['status', '--json']);
    const parsed = JSON.parse(status.stdout) as { deadLetters?: unknown[]; queue?: { dead?: number } };
    expect(parsed.deadLetters ?? []).toEqual([]);
    console.log(
      `returns chaos: ${returnIds.size} returns (${rmaReturns.length} RMAs), ${ANSWERS} answers, ${world.bridge.kills} SIGKILLs, webhook fan-out ${JSON.stringify(world.fanout.stats)}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect({ kills: world.bridge.kills, returns: returnIds.size, rmas: byKey.size }).toEqual({
      kills: 3,
      returns: count,
      rmas: RETURNS_PER_TYPE * 2,
    });
  }, 150_000);
});
