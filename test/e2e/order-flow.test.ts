import { signTikTokWebhookForTest } from '../../bridge/src/webhooks/verify';
import type { SandboxStack } from '../../sandbox/src/stack';
import { toMinor } from '../../shared-types/src/money/money';
import { TAX_LINE_DESCRIPTION } from '../../shared-types/src/orders/order-tax';
import { salesOrderOf, settle, startE2eStack } from '../support/e2e-stack';

/**
 * The first order end to end, every hop over real HTTP with real signatures: an order created in the
 * TikTok simulator → signed webhook → bridge inbox (SQLite file) → signed order detail call →
 * TBA-signed RESTlet call → NetSuite order inbox → import map/reduce → one sales order. The same
 * assertions run in each kind of NetSuite account (issue #10): US OneWorld with multiple currencies,
 * legacy tax (TikTok remits) and Multi-Location Inventory, with a US shop; UK without OneWorld, VAT,
 * the seller remits, with a GB shop (GBP, VAT-inclusive prices); US with SuiteTax, with a US shop.
 */
const PROFILES = [
  { profile: 'us-oneworld', region: 'US' },
  { profile: 'uk-vat', region: 'GB' },
  { profile: 'us-suitetax', region: 'US' },
] as const;

let stack: SandboxStack;

afterEach(() => stack.stop());

const salesOrderFor = (shopId: string, orderId: string) => salesOrderOf(stack, shopId, orderId);

describe.each(PROFILES)(
  'sandbox end to end in a $profile account ($region shop): TikTok simulator → bridge → NetSuite emulator',
  ({ profile, region }) => {
    beforeEach(async () => {
      stack = await startE2eStack('order', {
        simulator: { seed: { shops: [{ region }] } },
        netsuite: { profile },
      });
    });

    it('connects the shop through OAuth and turns a paid TikTok order into one sales order', async () => {
      const shopId = await stack.connectShop();
      const shop = stack.netsuite.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`);
      expect(shop?.fields.custrecord_tts_shop_state).toBe('connected');
      const warehouses = stack.netsuite.store.all('customrecord_tts_warehouse');
      const tiktokWarehouses = stack.simulator.state.warehousesOf(shopId);
      expect(warehouses.map((w) => w.fields.custrecord_tts_wh_id).sort()).toEqual(
        tiktokWarehouses.map((w) => w.id).sort(),
      );

      const order = stack.simulator.admin.createOrder({ advanceTo: 'AWAITING_SHIPMENT' });
      await settle(stack);

      const so = salesOrderFor(shopId, order.id);
      expect(so).not.toBeNull();
      expect(so!.fields.otherrefnum).toBe(order.id);
      const itemIds = new Set(Object.values(stack.account.itemIds).map(String));
      const quantity = (so!.sublists.item ?? [])
        .filter((line) => itemIds.has(String(line.fields.item)))
        .reduce((n, line) => n + Number(line.fields.quantity), 0);
      expect(quantity).toBe(order.line_items.length);
      const deliveries = stack.simulator.admin.deliveries({});
      expect(deliveries.length).toBeGreaterThan(0);
      expect(deliveries.every((d) => d.attempts.some((a) => a.statusCode === 200))).toBe(true);
      // Every request was accepted: TikTok refused no signed call, NetSuite no TBA login.
      const counters = stack.simulator.admin.counters();
      expect(counters.rejected).toEqual({});
      expect(counters.apiCalls['GET /order/202309/orders']).toBeGreaterThan(0);
      expect(counters.tokenGet).toBe(1);
      expect(stack.netsuite.authAudit.length).toBeGreaterThan(0);
      expect(stack.netsuite.authAudit.filter((a) => a.status !== 'Success')).toEqual([]);
    });

    it("books what the buyer paid to the cent in the account's tax set-up, tied out", async () => {
      const shopId = await stack.connectShop();
      // Payment methods the demo shop maps (Klarna is left out of its map on purpose, and which method
      // the simulator draws depends on how much of its seeded sequence the connect used).
      const methods = ['CCDC', 'PayPal', 'Apple Pay', 'Google Pay', 'PayPal'];
      const orders = methods.map((paymentMethodName) =>
        stack.simulator.admin.createOrder({ advanceTo: 'AWAITING_SHIPMENT', paymentMethodName }),
      );
      await settle(stack);
      const minor = (value: unknown): number => Math.round(Number(value ?? 0) * 100);
      for (const order of orders) {
        const so = salesOrderFor(shopId, order.id)!;
        expect(so).not.toBeNull();
        const paid = toMinor(order.payment.total_amount, order.payment.currency);
        const tiktokTax = toMinor(order.payment.tax, order.payment.currency);
        expect([order.id, minor(so.fields.total)]).toEqual([order.id, paid]);
        expect(so.fields.custbody_tts_tieout).toBe(true);
        expect(minor(so.fields.custbody_tts_tax_variance)).toBe(0);
        const taxLines = (so.sublists.item ?? []).filter(
          (l) => l.fields.description === TAX_LINE_DESCRIPTION,
        );
        const taxLine = taxLines.reduce((sum, l) => sum + minor(l.fields.amount), 0);
        if (profile === 'uk-vat') {
          // The UK seller remits the VAT inside TikTok's prices: NetSuite's tax, no TikTok tax line.
          expect(tiktokTax).toBe(0);
          expect(taxLines).toEqual([]);
          expect(minor(so.fields.taxtotal)).toBeGreaterThan(0);
        } else {
          // TikTok remits (US): NetSuite books no tax of its own; TikTok's tax is the Tax Item line.
          expect(minor(so.fields.taxtotal)).toBe(0);
          expect(taxLine).toBe(tiktokTax);
        }
        if (profile === 'us-suitetax') expect(so.fields.taxdetailsoverride).toBe(true);
      }
    });

    it('delivers the same webhook 5 times at once and still creates one sales order', async () => {
      const shopId = await stack.connectShop();
      stack.simulator.admin.setFaults({ dropWebhookRate: 1 });
      const order = stack.simulator.admin.createOrder({ advanceTo: 'AWAITING_SHIPMENT' });
      await stack.simulator.tick();
      const body = JSON.stringify({
        type: 1,
        tts_notification_id: '7327112393057371910',
        shop_id: shopId,
        timestamp: Math.floor(Date.now() / 1000),
        data: {
          order_id: order.id,
          order_status: 'AWAITING_SHIPMENT',
          is_on_hold_order: false,
          update_time: order.update_time,
        },
      });
      const { appKey, appSecret } = stack.simulator.app;
      const signature = signTikTokWebhookForTest(appKey, appSecret, body);
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          fetch(`${stack.bridgeUrl}/webhooks/tiktok`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: signature },
            body,
          }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(await stack.bridge.store.countWebhooks()).toBe(1);
      await settle(stack);
      await settle(stack);
      expect(stack.netsuite.store.all('salesorder')).toHaveLength(1);
      expect(salesOrderFor(shopId, order.id)).not.toBeNull();
    });

    it('imports an order whose webhooks were all dropped, through the reconciliation poll', async () => {
      const shopId = await stack.connectShop();
      stack.simulator.admin.setFaults({ dropWebhookRate: 1 });
      const order = stack.simulator.admin.createOrder({ advanceTo: 'AWAITING_SHIPMENT' });
      await settle(stack);
      expect(salesOrderFor(shopId, order.id)).toBeNull();

      await stack.bridge.reconcileOnce();
      await settle(stack);
      expect(salesOrderFor(shopId, order.id)).not.toBeNull();
    });

    it('refuses a forged webhook with 401 and stores nothing', async () => {
      await stack.connectShop();
      const res = await fetch(`${stack.bridgeUrl}/webhooks/tiktok`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'a'.repeat(64) },
        body: '{"type":1,"shop_id":"1","timestamp":1,"data":{"order_id":"1"}}',
      });
      expect(res.status).toBe(401);
      expect(await stack.bridge.store.countWebhooks()).toBe(0);
    });
  },
);
