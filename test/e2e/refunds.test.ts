import type { SandboxStack } from '../../sandbox/src/stack';
import { settle, startE2eStack } from '../support/e2e-stack';

/**
 * Refunds end to end (issue #18): an imported, invoiced TikTok order gets a refund-only request in the
 * TikTok simulator, the seller approves it in Seller Center and TikTok completes the refund → the
 * completion webhook queues a refund job in the bridge, which reads the refund with Search Returns and
 * sends refunds.upsert → NetSuite makes one credit memo from the invoice, applied to it, totalling
 * TikTok's refund_total to the cent; a resent webhook and more worker passes change nothing. A refund
 * whose webhooks were all lost is booked, once, by the refunds reconciliation pass (its cursor kept).
 */
let stack: SandboxStack;
let offsetMs = 0;
const simulated = { now: () => Date.now() + offsetMs };

beforeEach(async () => {
  offsetMs = 0;
  stack = await startE2eStack('rfd', {
    simulator: { clock: simulated },
    bridgeDeps: { clock: simulated },
    netsuite: { authClock: simulated },
  });
});

afterEach(() => stack.stop());

const cents = (value: unknown): number => Math.round(Number(value) * 100);

describe('refunds through the sandbox', () => {
  it('books a completed refund-only request as one credit memo on the invoice', async () => {
    const shopId = await stack.connectShop();
    const order = stack.simulator.admin.createOrder({ advanceTo: 'DELIVERED' });
    await settle(stack);
    const so = stack.netsuite.store.findByExternalId('salesorder', `tts_${shopId}_${order.id}`);
    if (!so) throw new Error('order not imported');
    const shop = stack.netsuite.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`);
    if (!shop) throw new Error('shop not in NetSuite');
    const shopRec = stack.netsuite.seed.ui.load({ type: 'customrecord_tts_shop', id: shop.id });
    shopRec.setValue({ fieldId: 'custrecord_tts_shop_push_refunds', value: true });
    shopRec.save();
    const service = stack.netsuite.seed.service;
    const invoiceId = service.save(
      service.transform({ fromType: 'salesorder', fromId: so.id, toType: 'invoice' }),
      {},
    );
    const owed = cents(stack.netsuite.store.get('invoice', invoiceId)?.fields.amountremaining);

    offsetMs += 5000;
    const ret = stack.simulator.admin.createReturn(order.id, { returnType: 'REFUND' });
    stack.simulator.admin.answerReturnInSellerCenter(ret.returnId, { decision: 'APPROVE_REFUND' });
    for (let pass = 0; pass < 20 && stack.netsuite.store.all('creditmemo').length === 0; pass += 1) {
      offsetMs += 60_000;
      await settle(stack);
    }
    const done = stack.simulator.admin.getReturn(ret.returnId);
    expect(done.returnStatus).toBe('RETURN_OR_REFUND_REQUEST_COMPLETE');
    const memos = stack.netsuite.store.all('creditmemo');
    expect(memos).toHaveLength(1);
    const memo = memos[0]!;
    expect(memo.externalId).toBe(`tts_rf_${shopId}_${ret.returnId}`);
    expect(memo.fields.createdfrom).toBe(String(invoiceId));
    expect(cents(memo.fields.total)).toBe(cents(done.refund.refund_total));
    expect(cents(stack.netsuite.store.get('invoice', invoiceId)?.fields.amountremaining)).toBe(
      owed - cents(done.refund.refund_total),
    );
    const record = stack.netsuite.store.findByExternalId(
      'customrecord_tts_refund',
      `tts_rf_${shopId}_${ret.returnId}`,
    );
    expect(record?.fields).toMatchObject({
      custrecord_tts_rf_state: 'created',
      custrecord_tts_rf_ties_out: true,
    });

    for (let pass = 0; pass < 3; pass += 1) {
      offsetMs += 60_000;
      await settle(stack);
    }
    expect(stack.netsuite.store.all('creditmemo')).toHaveLength(1);
  });

  it('books a refund whose webhooks were all lost with the reconciliation pass, once, and moves its cursor', async () => {
    const shopId = await stack.connectShop();
    const order = stack.simulator.admin.createOrder({ advanceTo: 'DELIVERED' });
    await settle(stack);
    const so = stack.netsuite.store.findByExternalId('salesorder', `tts_${shopId}_${order.id}`);
    const shop = stack.netsuite.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`);
    if (!so || !shop) throw new Error('order or shop not in NetSuite');
    const shopRec = stack.netsuite.seed.ui.load({ type: 'customrecord_tts_shop', id: shop.id });
    shopRec.setValue({ fieldId: 'custrecord_tts_shop_push_refunds', value: true });
    shopRec.save();
    const service = stack.netsuite.seed.service;
    service.save(service.transform({ fromType: 'salesorder', fromId: so.id, toType: 'invoice' }), {});

    stack.simulator.admin.setFaults({ dropWebhookRate: 1 });
    offsetMs += 5000;
    const ret = stack.simulator.admin.createReturn(order.id, { returnType: 'REFUND' });
    stack.simulator.admin.answerReturnInSellerCenter(ret.returnId, { decision: 'APPROVE_REFUND' });
    for (let pass = 0; pass < 5; pass += 1) {
      offsetMs += 60_000;
      await settle(stack);
    }
    expect(stack.simulator.admin.getReturn(ret.returnId).returnStatus).toBe(
      'RETURN_OR_REFUND_REQUEST_COMPLETE',
    );
    expect(stack.netsuite.store.all('creditmemo')).toHaveLength(0);
    stack.simulator.admin.setFaults({ dropWebhookRate: 0 });

    const first = await stack.bridge.reconcileRefundsOnce();
    expect(first.failures).toEqual([]);
    expect(first.results).toMatchObject([{ shopId, refundsFound: 1, jobsCreated: 1 }]);
    await settle(stack);
    const memos = stack.netsuite.store.all('creditmemo');
    expect(memos).toHaveLength(1);
    expect(memos[0]?.externalId).toBe(`tts_rf_${shopId}_${ret.returnId}`);
    expect(cents(memos[0]?.fields.total)).toBe(
      cents(stack.simulator.admin.getReturn(ret.returnId).refund.refund_total),
    );

    // The next pass starts at the cursor (less the overlap): it finds the refund again and books nothing more.
    offsetMs += 60_000;
    const second = await stack.bridge.reconcileRefundsOnce();
    expect(second.results[0]?.windowStart).toBe((first.results[0]?.windowEnd ?? 0) - 300);
    for (let pass = 0; pass < 2; pass += 1) await settle(stack);
    expect(stack.netsuite.store.all('creditmemo')).toHaveLength(1);
  });
});
