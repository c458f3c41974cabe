import { HOME_SUITELET_DEPLOYMENT_ID, HOME_SUITELET_ID } from '../../shared-types/src/doctor/connector-home';
import {
  EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
  EXCEPTIONS_SUITELET_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import { notAllowedText } from '../../shared-types/src/catalog/push-plan';
import type { BridgeShopFacts } from '../../shared-types/src/doctor/heartbeat';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { inboxOf } from '../support/order-updates';
import { makeOrders } from '../support/tiktok-order-builder';

/**
 * The connector home (issue #21) in the NetSuite emulator running our compiled SuiteApp: the
 * bridge's heartbeat lands on the TikTok Bridge Status record through the RESTlet (and a bad one is
 * refused naming the field); the home shows the setup checklist, the flows and the doctor from the
 * shop record and the heartbeat, links to the bridge's Connect page, escapes every value; an action
 * link only asks, its confirmation POST acts; a broken setting shows its check failing with its
 * fix, and the repair makes it pass.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

const BRIDGE_URL = 'https://bridge.example.com';

function facts(overrides: Partial<BridgeShopFacts> = {}): BridgeShopFacts {
  const now = Date.now();
  return {
    shopId: DEMO_SHOP.shopId,
    connection: 'connected',
    connectionReason: null,
    refreshTokenExpiresAt: new Date(now + 200 * 86_400_000).toISOString(),
    lastWebhookAt: new Date(now - 60_000).toISOString(),
    lastReconcileCatchAt: null,
    lastReconcileAt: new Date(now - 120_000).toISOString(),
    lateOrders: 0,
    flows: {
      orders: { backlog: 3, dead: 0, lastRunAt: new Date(now - 30_000).toISOString(), lastError: null },
      inventory: { backlog: 0, dead: 1, lastRunAt: null, lastError: 'SKU <b>gone</b> & "removed"' },
    },
    ...overrides,
  };
}

async function heartbeat(shop: BridgeShopFacts = facts()) {
  return world.restlet('POST', {
    action: 'bridge.heartbeat',
    bridgeUrl: BRIDGE_URL,
    sentAt: new Date().toISOString(),
    lastNetSuiteError: null,
    shops: [shop],
  });
}

function homeUrl(params: Record<string, string> = {}): string {
  const url = new URL(world.ns.suiteletUrl(HOME_SUITELET_ID, HOME_SUITELET_DEPLOYMENT_ID));
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

async function page(url = homeUrl(), init: RequestInit = {}) {
  const res = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { Authorization: `Bearer ${world.ns.uiToken}`, ...(init.headers ?? {}) },
  });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

const decode = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

function hiddenInputs(html: string): [string, string][] {
  return [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [
    decode(m[1]!),
    decode(m[2]!),
  ]);
}

function shopRecord() {
  return world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${DEMO_SHOP.shopId}`)!;
}

function setShopField(fieldId: string, value: unknown): void {
  const rec = world.ns.seed.ui.load({ type: 'customrecord_tts_shop', id: shopRecord().id });
  rec.setValue({ fieldId, value });
  world.ns.seed.ui.save(rec, {});
}

/** The doctor row of a check on the page: its result cell and the rest of the row. */
function doctorRow(html: string, id: string): string {
  const at = html.indexOf(`<small>${id}</small>`);
  if (at < 0) throw new Error(`check ${id} is not on the page`);
  return html.slice(at, html.indexOf('</tr>', at));
}

describe('bridge heartbeat', () => {
  it('keeps the facts and the bridge URL on the shop its status record, one record per shop', async () => {
    world = await startConnectorAccount();
    const first = await heartbeat();
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ ok: true, written: 1, unknownShops: [] });
    await heartbeat(facts({ lateOrders: 2 }));
    const rows = world.ns.store.all('customrecord_tts_bridge_status');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.fields.custrecord_tts_bs_bridge_url).toBe(BRIDGE_URL);
    expect(JSON.parse(String(rows[0]!.fields.custrecord_tts_bs_facts))).toMatchObject({ lateOrders: 2 });
    const unknown = await heartbeat(facts({ shopId: '123' }));
    expect(unknown.body).toEqual({ ok: true, written: 0, unknownShops: ['123'] });
  });

  it('refuses a bad heartbeat as a whole, naming the field and the fix', async () => {
    world = await startConnectorAccount();
    const res = await world.restlet('POST', {
      action: 'bridge.heartbeat',
      bridgeUrl: 'not a url',
      sentAt: new Date().toISOString(),
      lastNetSuiteError: null,
      shops: [{ ...facts(), connection: 'fine' }],
    });
    expect(res.status).toBe(400);
    const message = JSON.stringify(res.body);
    expect(message).toContain('bridgeUrl');
    expect(message).toContain('shops[0].connection');
    expect(world.ns.store.all('customrecord_tts_bridge_status')).toHaveLength(0);
  });
});

describe('connector home', () => {
  it('shows the checklist in the seed order, the flows and the doctor, escaped, with links to fix', async () => {
    world = await startConnectorAccount();
    const before = await page();
    expect(before.status).toBe(200);
    expect(before.html).toContain('no heartbeat from the bridge yet');
    await heartbeat();
    const { html } = await page();
    const steps = [
      'TikTok Shop connected',
      'NetSuite connection healthy',
      'Catalog source chosen',
      'SKUs audited',
      'Payment Method Map valid',
      'Locations linked',
      'Each flow&#39;s settings',
      'Test with one order',
    ].map((label) => html.indexOf(`<td>${label}</td>`));
    expect(steps.every((at) => at > 0)).toBe(true);
    const stepState = (label: string): string => {
      const at = html.indexOf(`<td>${label}</td>`);
      return /&#10003; done|&#9675; to do|&#10007; broken/.exec(
        html.slice(at, html.indexOf('</tr>', at)),
      )![0];
    };
    expect(stepState('TikTok Shop connected')).toBe('&#10003; done');
    expect(stepState('NetSuite connection healthy')).toBe('&#10003; done');
    // The demo shop's map has no "*" default: an order paid another way would wait.
    expect(stepState('Payment Method Map valid')).toBe('&#9675; to do');
    expect(stepState('Catalog source chosen')).toBe('&#9675; to do');
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    for (const flow of [
      'Orders',
      'Order updates',
      'Fulfillments',
      'Shipments',
      'Inventory',
      'Products',
      'Returns',
      'Refunds',
    ]) {
      expect(html).toContain(`<td>${flow}</td>`);
    }
    expect(html).toContain(`href="${BRIDGE_URL}"`);
    expect(html).toContain('SKU &#60;b&#62;gone&#60;/b&#62; &#38; &#34;removed&#34;');
    expect(html).not.toContain('<b>gone</b>');
    expect(doctorRow(html, 'tiktok-authorization')).toContain('ok');
    expect(doctorRow(html, 'dead-letters')).toContain('broken');
    expect(doctorRow(html, 'dead-letters')).toContain(`href="${BRIDGE_URL}/"`);
    expect(decode(doctorRow(html, 'products-from-netsuite'))).toContain(
      'not chosen; its default applies (Pull updates from NetSuite product catalog)',
    );
  });

  it('an action link only asks; its confirmation POST ticks Force inventory resync and says so', async () => {
    world = await startConnectorAccount();
    const { html } = await page();
    const recordId = String(shopRecord().id);
    const link = [...html.matchAll(/href="([^"]*)"/g)]
      .map((m) => decode(m[1]!))
      .find((href) => href.includes('action=force_inventory'));
    expect(link).toBeDefined();
    const asked = await page(new URL(link!, homeUrl()).toString());
    expect(asked.status).toBe(200);
    expect(asked.html).toContain('Force inventory resync for Honeycomb US?');
    expect(shopRecord().fields.custrecord_tts_shop_force_inv ?? false).toBe(false);

    const posted = await page(homeUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(hiddenInputs(asked.html)).toString(),
    });
    expect(posted.status).toBe(302);
    expect(shopRecord().fields.custrecord_tts_shop_force_inv).toBe(true);
    const after = await page(new URL(posted.location!, homeUrl()).toString());
    expect(after.html).toContain('every linked SKU will be sent to TikTok once');
    expect(hiddenInputs(asked.html)).toContainEqual(['custpage_home_shop', recordId]);
  });

  /** Opens the action link of the home, then posts its confirmation form; the page after it. */
  async function act(action: string): Promise<string> {
    const { html } = await page();
    const link = [...html.matchAll(/href="([^"]*)"/g)]
      .map((m) => decode(m[1]!))
      .find((href) => href.includes(`action=${action}&`));
    expect(link).toBeDefined();
    const asked = await page(new URL(link!, homeUrl()).toString());
    const posted = await page(homeUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(hiddenInputs(asked.html)).toString(),
    });
    expect(posted.status).toBe(302);
    return (await page(new URL(posted.location!, homeUrl()).toString())).html;
  }

  it.each([
    ['push_inventory', 'custrecord_tts_shop_push_inv_now', 'inventory export started'],
    ['force_catalog', 'custrecord_tts_shop_force_catalog', 're-sends everything once'],
    ['test_order', 'custrecord_tts_shop_test_mode', 'Test with one order is on'],
  ] as const)('%s ticks %s on a POST and says what happens next', async (action, fieldId, said) => {
    world = await startConnectorAccount();
    expect(shopRecord().fields[fieldId] ?? false).toBe(false);
    const after = await act(action);
    expect(shopRecord().fields[fieldId]).toBe(true);
    expect(decode(after)).toContain(said);
  });

  it('Retry orders in error puts the shop its orders in error back to pending', async () => {
    world = await startConnectorAccount();
    const [order] = makeOrders({ count: 1, paymentMethodName: 'Klarna', seed: 5 });
    await world.upsertOrders([order!]);
    await world.ns.runQueuedTasks();
    expect(inboxOf(world, order!.id).fields.custrecord_tts_ord_state).toBe('error');
    expect(doctorRow((await page()).html, 'inbox-errors')).toContain('1 order(s) in error');
    const after = await act('retry');
    expect(decode(after)).toContain('1 order(s) queued for another try');
    expect(inboxOf(world, order!.id).fields.custrecord_tts_ord_state).toBe('pending');
  });

  it('a POST naming no known action changes nothing and says so', async () => {
    world = await startConnectorAccount();
    const posted = await page(homeUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        custpage_home_action: 'drop_tables',
        custpage_home_shop: String(shopRecord().id),
      }).toString(),
    });
    expect(posted.status).toBe(302);
    const after = await page(new URL(posted.location!, homeUrl()).toString());
    expect(after.html).toContain('Nothing done');
  });

  it.each([
    ['orders-not-pushed', 'custrecord_tts_shop_push_orders', false, true, 'Push orders to NetSuite is off'],
    ['fulfillments-to-tiktok', 'custrecord_tts_shop_push_ful_tts', false, true, 'one without the other'],
    ['inventory-totals', 'custrecord_tts_shop_pull_inventory', false, true, 'one without the other'],
    ['flow-returns', 'custrecord_tts_shop_answer_returns', true, false, 'nothing to answer on'],
  ] as const)(
    '%s: breaking %s shows the check failing with its fix; repairing it passes',
    async (id, fieldId, bad, good, detail) => {
      world = await startConnectorAccount();
      await heartbeat(facts({ flows: {} }));
      setShopField(fieldId, bad);
      const broken = doctorRow((await page()).html, id);
      expect(broken).toContain('broken');
      expect(decode(broken)).toContain(detail);
      expect(broken).toContain('Turn');
      setShopField(fieldId, good);
      const repaired = doctorRow((await page()).html, id);
      expect(repaired).not.toContain('broken');
      expect(repaired).not.toContain(detail);
    },
  );

  it('payment-method-map: an empty map breaks it (the save refuses unknown ids); a map with a default repairs it', async () => {
    world = await startConnectorAccount();
    const ids = world.account.paymentMethodIds;
    setShopField('custrecord_tts_shop_pm_map', '');
    const broken = doctorRow((await page()).html, 'payment-method-map');
    expect(broken).toContain('broken');
    expect(decode(broken)).toContain('Fill in the Payment Method Map');
    setShopField(
      'custrecord_tts_shop_pm_map',
      JSON.stringify({ CCDC: String(ids['Credit Card']), '*': String(ids.PayPal) }),
    );
    expect(doctorRow((await page()).html, 'payment-method-map')).toMatch(/>ok</);
  });

  it('products-to-tiktok: Product Push Blocked breaks it on the home and notes it on the exceptions page; clearing it repairs both', async () => {
    world = await startConnectorAccount();
    await heartbeat(facts({ flows: {} }));
    const exceptionsUrl = world.ns.suiteletUrl(EXCEPTIONS_SUITELET_ID, EXCEPTIONS_SUITELET_DEPLOYMENT_ID);
    const block = notAllowedText('TikTok 12052701: the seller must use global products');
    expect(doctorRow((await page()).html, 'products-to-tiktok')).not.toContain('broken');
    expect(decode((await page(exceptionsUrl)).html)).not.toContain('Product Push Blocked');

    setShopField('custrecord_tts_shop_push_block', block);
    const broken = decode(doctorRow((await page()).html, 'products-to-tiktok'));
    expect(broken).toContain('broken');
    expect(broken).toContain('Product Push Blocked: TikTok does not let this shop');
    expect(broken).toContain('list the products as global products in TikTok Seller Center');
    const exceptions = decode((await page(exceptionsUrl)).html);
    expect(exceptions).toContain(
      'Shop Honeycomb US: no NetSuite item is pushed to TikTok (Product Push Blocked). TikTok does not let',
    );

    setShopField('custrecord_tts_shop_push_block', '');
    const repaired = decode(doctorRow((await page()).html, 'products-to-tiktok'));
    expect(repaired).not.toContain('broken');
    expect(repaired).not.toContain('Product Push Blocked:');
    expect(decode((await page(exceptionsUrl)).html)).not.toContain('(Product Push Blocked)');
  });
});
