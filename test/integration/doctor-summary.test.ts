import type { BridgeShopFacts } from '../../shared-types/src/doctor/heartbeat';
import {
  DAILY_SUMMARY_DEPLOYMENT_ID,
  DAILY_SUMMARY_SCRIPT_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import { TestClock } from '../support/test-clock';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';

/**
 * The daily summary email (issue #21 item 5) in the NetSuite emulator running our compiled
 * SuiteApp: the scheduled script `customscript_tts_ss_daily_summary` runs the doctor for every shop;
 * a shop with a broken check gets exactly one email to its Notification Recipients (the emulator's
 * mailbox), from the first employee listed, naming the check, what it found and its fix; a repaired
 * shop gets none; the units per shop stay within what the service budgets.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

const ADMIN_EMAIL = 'admin@example.com';
const TEAM = 'ops@honeycomb.example';

function facts(shopId: string): BridgeShopFacts {
  const now = Date.now();
  return {
    shopId,
    connection: 'connected',
    connectionReason: null,
    refreshTokenExpiresAt: new Date(now + 200 * 86_400_000).toISOString(),
    lastWebhookAt: new Date(now - 60_000).toISOString(),
    lastReconcileCatchAt: null,
    lastReconcileAt: new Date(now - 120_000).toISOString(),
    lateOrders: 0,
    flows: {},
  };
}

async function heartbeat(shopIds: string[] = [DEMO_SHOP.shopId]): Promise<void> {
  const res = await world.restlet('POST', {
    action: 'bridge.heartbeat',
    bridgeUrl: 'https://bridge.example.com',
    sentAt: new Date().toISOString(),
    lastNetSuiteError: null,
    shops: shopIds.map(facts),
  });
  expect(res.status).toBe(200);
}

function shopRecord(shopId = DEMO_SHOP.shopId) {
  return world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`)!;
}

function setShopField(fieldId: string, value: unknown, shopId = DEMO_SHOP.shopId): void {
  const rec = world.ns.seed.ui.load({ type: 'customrecord_tts_shop', id: shopRecord(shopId).id });
  rec.setValue({ fieldId, value });
  world.ns.seed.ui.save(rec, {});
}

function runSummary() {
  const report = world.ns.runScheduled(DAILY_SUMMARY_SCRIPT_ID, DAILY_SUMMARY_DEPLOYMENT_ID);
  expect({ status: report.status, error: report.errorJson }).toEqual({ status: 'COMPLETE', error: null });
  return report;
}

const decode = (s: string): string =>
  s.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&gt;/g, '>');

describe('daily summary email', () => {
  it('sends nothing while nothing is broken', async () => {
    world = await startConnectorAccount();
    await heartbeat();
    runSummary();
    expect(world.ns.mailbox.sent).toHaveLength(0);
  });

  it('a broken setting sends exactly one email naming the check and its fix; repaired, none', async () => {
    world = await startConnectorAccount();
    await heartbeat();
    setShopField('custrecord_tts_shop_push_orders', false);
    runSummary();
    expect(world.ns.mailbox.sent).toHaveLength(1);
    const [mail] = world.ns.mailbox.sent;
    expect(mail!.author).toEqual({ id: -5, email: ADMIN_EMAIL });
    expect(mail!.recipients.map((r) => r.address)).toEqual([ADMIN_EMAIL, TEAM]);
    expect(mail!.scriptId).toBe(DAILY_SUMMARY_SCRIPT_ID);
    expect(mail!.subject).toMatch(/^TikTok Shop Honeycomb US: 1 broken check \(\d{4}-\d{2}-\d{2}\)$/);
    const body = decode(mail!.body);
    expect(body).toContain("<b>Orders aren't being pushed to NetSuite</b> (orders-not-pushed)");
    expect(body).toContain('Found: Push orders to NetSuite is off');
    expect(body).toContain('Fix: Turn on Push orders to NetSuite on the TikTok Shop record');
    // The fix links to the shop record in edit mode, on the account's domain; the home is linked too.
    expect(body).toMatch(
      /<a href="https:\/\/[^"]+\/app\/common\/custom\/custrecordentry\.nl\?rectype=customrecord_tts_shop&id=\d+&e=T">Push orders to NetSuite<\/a>/,
    );
    expect(body).toMatch(/<a href="https:\/\/[^"]+scriptlet\.nl[^"]*">the TikTok Shop Connector home<\/a>/);

    setShopField('custrecord_tts_shop_push_orders', true);
    world.ns.mailbox.clear();
    runSummary();
    expect(world.ns.mailbox.sent).toHaveLength(0);
  });

  it('Product Push Blocked is named in the email with its text; cleared, no email', async () => {
    world = await startConnectorAccount();
    await heartbeat();
    setShopField('custrecord_tts_shop_push_block', 'TikTok 12052701: list global products instead.');
    runSummary();
    expect(world.ns.mailbox.sent).toHaveLength(1);
    const body = decode(world.ns.mailbox.sent[0]!.body);
    expect(body).toContain('(products-to-tiktok)');
    expect(body).toContain('Found: Product Push Blocked: TikTok 12052701: list global products instead.');
    setShopField('custrecord_tts_shop_push_block', '');
    world.ns.mailbox.clear();
    runSummary();
    expect(world.ns.mailbox.sent).toHaveLength(0);
  });

  it('without an employee among the recipients nothing is sent and the run says why', async () => {
    world = await startConnectorAccount();
    await heartbeat();
    setShopField('custrecord_tts_shop_push_orders', false);
    setShopField('custrecord_tts_shop_notify', TEAM);
    runSummary();
    expect(world.ns.mailbox.sent).toHaveLength(0);
    expect(JSON.stringify(world.ns.logs)).toContain('no employee internal id');
  });

  it('an invalid Notification Recipients is refused at save, naming it', async () => {
    world = await startConnectorAccount();
    expect(() => setShopField('custrecord_tts_shop_notify', 'Jane Doe')).toThrow(
      /"Jane Doe" is neither an employee internal id \(e.g. 12\) nor an email address/,
    );
  });

  it('one email per shop with a broken check, and the units per shop stay within the budget', async () => {
    world = await startConnectorAccount();
    await heartbeat();
    setShopField('custrecord_tts_shop_push_orders', false);
    const one = runSummary();
    world.ns.mailbox.clear();
    const second = { ...DEMO_SHOP, shopId: '7494049642642441999', name: 'Honeycomb UK', region: 'GB' };
    const upsert = await world.restlet('POST', { action: 'shop.upsert', shop: second });
    expect(upsert.status).toBe(200);
    setShopField('custrecord_tts_shop_pm_map', shopRecord().fields.custrecord_tts_shop_pm_map, second.shopId);
    setShopField(
      'custrecord_tts_shop_customer',
      shopRecord().fields.custrecord_tts_shop_customer,
      second.shopId,
    );
    setShopField(
      'custrecord_tts_shop_ship_item',
      shopRecord().fields.custrecord_tts_shop_ship_item,
      second.shopId,
    );
    setShopField('custrecord_tts_shop_notify', 'finance@honeycomb.example, -5', second.shopId);
    setShopField('custrecord_tts_shop_answer_returns', true, second.shopId);
    await heartbeat([DEMO_SHOP.shopId, second.shopId]);
    const two = runSummary();
    expect(world.ns.mailbox.sent.map((m) => m.subject.split(':')[0])).toEqual([
      'TikTok Shop Honeycomb US',
      'TikTok Shop Honeycomb UK',
    ]);
    expect(decode(world.ns.mailbox.sent[1]!.body)).toContain('(flow-returns)');
    expect(world.ns.mailbox.to('finance@honeycomb.example')).toHaveLength(1);
    // Measured: 117 units for one shop (the shops 10, the account 75, the doctor 12, the email 20), 32 more per shop.
    const perShop = two.units - one.units;
    expect(perShop).toBeGreaterThan(0);
    expect(perShop).toBeLessThanOrEqual(50);
    expect(one.units).toBeLessThanOrEqual(85 + 50);
  });

  it('its daily deployment runs it once a day, at 13:00 UTC', async () => {
    const clock = new TestClock(new Date('2026-12-06T12:00:00.000Z'));
    world = await startConnectorAccount({ clock });
    setShopField('custrecord_tts_shop_push_orders', false);
    const summaryRuns = (tick: Awaited<ReturnType<typeof world.ns.tick>>) =>
      tick.ran.filter((r) => r.scriptId === DAILY_SUMMARY_SCRIPT_ID);
    expect(summaryRuns(await world.ns.tick())).toHaveLength(0);
    clock.advance(30 * 60_000); // 12:30: not due
    expect(summaryRuns(await world.ns.tick())).toHaveLength(0);
    clock.advance(31 * 60_000); // 13:01: due
    const ran = summaryRuns(await world.ns.tick());
    expect(ran.map((r) => r.deploymentId)).toEqual([DAILY_SUMMARY_DEPLOYMENT_ID]);
    expect(world.ns.mailbox.sent.map((m) => m.subject)).toEqual([
      expect.stringMatching(/^TikTok Shop Honeycomb US: 1 broken check \(/),
    ]);
    clock.advance(3_600_000); // 14:01: done for today
    expect(summaryRuns(await world.ns.tick())).toHaveLength(0);
  });
});
