import { HOME_SUITELET_DEPLOYMENT_ID, HOME_SUITELET_ID } from '../../shared-types/src/doctor/connector-home';
import type { CheckResult, DoctorCheckId } from '../../shared-types/src/doctor/doctor-checks';
import {
  BACKLOG_WARN,
  checkById,
  GOVERNANCE_LOG_FLOW,
  HEARTBEAT_STALE_MS,
} from '../../shared-types/src/doctor/doctor-checks';
import {
  EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
  EXCEPTIONS_SUITELET_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import { notAllowedText } from '../../shared-types/src/catalog/push-plan';
import type { BridgeFlowFacts, BridgeShopFacts } from '../../shared-types/src/doctor/heartbeat';
import { demoPaymentMethodMap } from '../../sandbox/netsuite/src/demo-account';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { inboxOf } from '../support/order-updates';
import { TestClock } from '../support/test-clock';
import { catalogSkus, makeOrders } from '../support/tiktok-order-builder';

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

function flow(overrides: Partial<BridgeFlowFacts> = {}): BridgeFlowFacts {
  return { backlog: 0, dead: 0, lastRunAt: null, lastError: null, ...overrides };
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

function setShopText(fieldId: string, text: string): void {
  const rec = world.ns.seed.ui.load({ type: 'customrecord_tts_shop', id: shopRecord().id });
  rec.setText({ fieldId, text });
  world.ns.seed.ui.save(rec, {});
}

/** Edits a record as an admin does in the UI (user events run). */
function editRecord(type: string, id: number, values: Record<string, unknown>): void {
  const rec = world.ns.seed.ui.load({ type, id });
  for (const [fieldId, value] of Object.entries(values)) rec.setValue({ fieldId, value });
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

/** A check's result on the connector home and its row, decoded (fix text included when not ok). */
async function checkOnHome(id: DoctorCheckId): Promise<{ result: CheckResult; row: string }> {
  const row = doctorRow((await page()).html, id);
  const result = /<span class="tts-[a-z]+">(?:&#\d+; )?(ok|warn|broken|unknown)<\/span>/.exec(row)?.[1];
  if (result === undefined) throw new Error(`no result in the row of ${id}: ${row}`);
  return { result: result as CheckResult, row: decode(row) };
}

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

  it('products-matching: a TikTok SKU repeating another item its SKU breaks it, naming both items; clearing it repairs it', async () => {
    world = await startConnectorAccount();
    const [first, second] = Object.entries(world.account.itemIds);
    expect(doctorRow((await page()).html, 'products-matching')).toMatch(/>ok</);
    const ui = world.ns.seed.ui;
    const save = (sku: string): void => {
      const rec = ui.load({ type: 'inventoryitem', id: second![1] });
      rec.setValue({ fieldId: 'custitem_tts_sku', value: sku });
      ui.save(rec, {});
    };
    save(first![0]);
    const broken = decode(doctorRow((await page()).html, 'products-matching'));
    expect(broken).toContain('broken');
    expect(broken).toContain(`${JSON.stringify(first![0])} on items ${first![1]}, ${second![1]}`);
    expect(broken).toContain('Give each item its own Channel SKU');
    save('');
    expect(doctorRow((await page()).html, 'products-matching')).toMatch(/>ok</);
  });

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

  it('products-to-tiktok: a push setting the push cannot use (an unknown Push Price Level) breaks it with the field and the fix; a real level repairs it', async () => {
    world = await startConnectorAccount();
    await heartbeat(facts({ flows: {} }));
    setShopText('custrecord_tts_shop_catalog_tts', 'Push products to TikTok');
    expect(doctorRow((await page()).html, 'products-to-tiktok')).not.toContain('broken');

    setShopField('custrecord_tts_shop_price_level', 'Retail');
    const broken = decode(doctorRow((await page()).html, 'products-to-tiktok'));
    expect(broken).toContain('broken');
    expect(broken).toContain(
      'Push Price Level (custrecord_tts_shop_price_level): NetSuite has no price level "Retail". Fix: write the name or internal id of a price level',
    );

    setShopField('custrecord_tts_shop_price_level', 'Online Price');
    expect(decode(doctorRow((await page()).html, 'products-to-tiktok'))).not.toContain('broken');
    setShopField('custrecord_tts_shop_push_search', 'customsearch_tts_missing');
    expect(decode(doctorRow((await page()).html, 'products-to-tiktok'))).toContain(
      'Push Saved Search (custrecord_tts_shop_push_search): NetSuite has no saved search customsearch_tts_missing',
    );
    setShopField('custrecord_tts_shop_push_search', '');
    expect(decode(doctorRow((await page()).html, 'products-to-tiktok'))).not.toContain('broken');
  });
});

/**
 * Every check judged in NetSuite, broken in the sandbox and repaired (README, the doctor table's E):
 * each case breaks the real setting, record or state the check reads, sees the check fail on the
 * connector home with what it found and its fix, repairs it and sees it pass.
 */
describe('the doctor on the connector home: each check broken in NetSuite, then repaired', () => {
  /** Breaks, then repairs; `result` is what the broken check says, `detail` part of what it found. */
  interface Case {
    id: DoctorCheckId;
    result: 'broken' | 'warn';
    detail: string;
    setUp?: () => Promise<void> | void;
    breakIt: () => Promise<void> | void;
    repair: () => Promise<void> | void;
  }

  const itemIdOf = (sku: string): number => world.account.itemIds[sku]!;
  const [skuA, skuB] = catalogSkus();
  const locations = () => world.account.locationIds;

  const cases: Case[] = [
    {
      id: 'orders-not-pushed',
      result: 'broken',
      detail: 'the order push is paused: test order 576 waits for review',
      breakIt: () => setShopField('custrecord_tts_shop_paused_reason', 'test order 576 waits for review'),
      repair: () => setShopField('custrecord_tts_shop_paused_reason', ''),
    },
    {
      id: 'products-from-netsuite',
      result: 'warn',
      detail: 'Process product catalog is not chosen',
      breakIt: () => setShopField('custrecord_tts_shop_catalog_ns', ''),
      repair: () =>
        setShopText('custrecord_tts_shop_catalog_ns', 'Pull updates from NetSuite product catalog'),
    },
    {
      // The product push's jobs given up on the bridge (Product Push Blocked: the test above).
      id: 'products-to-tiktok',
      result: 'broken',
      detail: '1 job(s) given up: TikTok refused the product: category required',
      setUp: () => setShopText('custrecord_tts_shop_catalog_tts', 'Push products to TikTok'),
      breakIt: async () => {
        await heartbeat(
          facts({
            flows: {
              products: flow({ dead: 1, lastError: 'TikTok refused the product: category required' }),
            },
          }),
        );
      },
      repair: async () => {
        await heartbeat(facts({ flows: { products: flow() } }));
      },
    },
    {
      id: 'products-matching',
      result: 'broken',
      detail: `1 SKU(s) on more than one item, e.g. "${skuA}" on items`,
      breakIt: () => editRecord('inventoryitem', itemIdOf(skuB!), { custitem_tts_sku: skuA }),
      repair: () => editRecord('inventoryitem', itemIdOf(skuB!), { custitem_tts_sku: '' }),
    },
    {
      id: 'products-matching',
      result: 'warn',
      detail: `1 SKU(s) with spaces around them, e.g. " ${skuB}" on item`,
      breakIt: () => editRecord('inventoryitem', itemIdOf(skuB!), { custitem_tts_sku: ` ${skuB}` }),
      repair: () => editRecord('inventoryitem', itemIdOf(skuB!), { custitem_tts_sku: skuB }),
    },
    {
      id: 'locations-not-appearing',
      result: 'broken',
      detail: 'Pull locations from NetSuite is off',
      breakIt: () => setShopField('custrecord_tts_shop_pull_locations', false),
      repair: () => setShopField('custrecord_tts_shop_pull_locations', true),
    },
    {
      id: 'locations-not-appearing',
      result: 'broken',
      detail: 'leaves no active location',
      setUp: () => setShopField('custrecord_tts_shop_pull_locations', true),
      breakIt: () => {
        setShopField('custrecord_tts_shop_loc_filter', [String(locations().east)]);
        editRecord('location', locations().east, { isinactive: true });
      },
      repair: () => setShopField('custrecord_tts_shop_loc_filter', []),
    },
    {
      id: 'inventory-totals',
      result: 'broken',
      detail: 'the Inventory Safety Buffer is -2',
      breakIt: () => setShopField('custrecord_tts_shop_inv_buffer', -2),
      repair: () => setShopField('custrecord_tts_shop_inv_buffer', 3),
    },
    {
      id: 'inventory-totals',
      result: 'broken',
      detail: 'but none of the 1 TikTok warehouses is linked to a location',
      setUp: async () => {
        setShopField('custrecord_tts_shop_pull_inventory', true);
        setShopField('custrecord_tts_shop_push_inv_tts', true);
      },
      breakIt: () => upsertWarehouse(),
      repair: () => linkWarehouse(locations().main),
    },
    {
      id: 'returns-refunds',
      result: 'warn',
      detail: 'both are off (the default)',
      breakIt: () => {
        setShopField('custrecord_tts_shop_push_returns', false);
        setShopField('custrecord_tts_shop_push_refunds', false);
      },
      repair: () => setShopField('custrecord_tts_shop_push_refunds', true),
    },
    {
      id: 'governance',
      result: 'warn',
      detail: '1 low-usage stop(s) in the last day',
      breakIt: () => {
        const rec = world.ns.seed.service.create({ type: 'customrecord_tts_log' });
        rec.setValue({ fieldId: 'custrecord_tts_log_flow', value: GOVERNANCE_LOG_FLOW });
        rec.setValue({ fieldId: 'custrecord_tts_log_level', value: 'warning' });
        rec.setValue({
          fieldId: 'custrecord_tts_log_message',
          value: 'Inventory export: 1 shop(s) left for the next run (usage units ran low)',
        });
        world.ns.seed.service.save(rec, {});
      },
      // A day and more later, with no new stop, the entry no longer counts.
      repair: () => clock.advance(3 * 86_400_000),
    },
    {
      id: 'scripts-released',
      result: 'broken',
      detail: 'customdeploy_tts_rl_connector: status Testing',
      // An administrator sets the RESTlet's deployment back to Testing: the bridge's calls are refused.
      breakIt: async () => {
        world.ns.registry.editDeployment('customdeploy_tts_rl_connector', { status: 'TESTING' });
        expect((await world.restlet('GET')).status).not.toBe(200);
      },
      repair: async () => {
        world.ns.registry.editDeployment('customdeploy_tts_rl_connector', { status: 'RELEASED' });
        expect((await world.restlet('GET')).status).toBe(200);
      },
    },
    {
      id: 'scripts-released',
      result: 'broken',
      detail: 'customdeploy_tts_mr_import_orders: not deployed',
      breakIt: () =>
        world.ns.registry.editDeployment('customdeploy_tts_mr_import_orders', { isdeployed: false }),
      repair: () =>
        world.ns.registry.editDeployment('customdeploy_tts_mr_import_orders', { isdeployed: true }),
    },
    {
      id: 'scripts-released',
      result: 'broken',
      detail: 'customdeploy_tts_mr_import_sched: status Not Scheduled, so its schedule does not run',
      breakIt: () =>
        world.ns.registry.editDeployment('customdeploy_tts_mr_import_sched', { status: 'NOTSCHEDULED' }),
      repair: () =>
        world.ns.registry.editDeployment('customdeploy_tts_mr_import_sched', { status: 'SCHEDULED' }),
    },
    {
      id: 'locations-linked',
      result: 'warn',
      detail: '1 of 1 warehouse(s) not linked',
      breakIt: () => upsertWarehouse(),
      repair: () => linkWarehouse(locations().east),
    },
    {
      id: 'flow-orders',
      result: 'broken',
      detail: 'no Default Customer and not one customer per buyer',
      setUp: () => setShopField('custrecord_tts_shop_per_buyer', false),
      breakIt: () => setShopField('custrecord_tts_shop_customer', ''),
      repair: () => setShopField('custrecord_tts_shop_customer', world.account.customerId),
    },
    {
      id: 'flow-orders',
      result: 'broken',
      detail: 'no Shipping Item',
      breakIt: () => setShopField('custrecord_tts_shop_ship_item', ''),
      repair: () => setShopField('custrecord_tts_shop_ship_item', world.account.shipItemId),
    },
    {
      id: 'flow-order-updates',
      result: 'warn',
      detail: 'Pull order updates from NetSuite is off',
      breakIt: () => setShopField('custrecord_tts_shop_pull_order_upd', false),
      repair: () => setShopField('custrecord_tts_shop_pull_order_upd', true),
    },
    {
      id: 'flow-fulfillments',
      result: 'broken',
      detail: 'one without the other moves nothing',
      setUp: () => setShopField('custrecord_tts_shop_pull_fulfill', true),
      breakIt: () => setShopField('custrecord_tts_shop_push_ful_tts', false),
      repair: () => setShopField('custrecord_tts_shop_push_ful_tts', true),
    },
    {
      id: 'flow-shipments',
      result: 'warn',
      detail: 'Push shipments to NetSuite is off',
      breakIt: () => setShopField('custrecord_tts_shop_push_shipments', false),
      repair: () => setShopField('custrecord_tts_shop_push_shipments', true),
    },
    {
      id: 'flow-inventory',
      result: 'broken',
      detail: 'one without the other moves nothing',
      setUp: () => setShopField('custrecord_tts_shop_pull_inventory', true),
      breakIt: () => setShopField('custrecord_tts_shop_push_inv_tts', false),
      repair: () => setShopField('custrecord_tts_shop_push_inv_tts', true),
    },
    {
      id: 'flow-products',
      result: 'warn',
      detail: 'Process product catalog is not chosen',
      breakIt: () => setShopField('custrecord_tts_shop_catalog_ns', ''),
      repair: () => setShopText('custrecord_tts_shop_catalog_ns', 'Do not sync products'),
    },
    {
      id: 'flow-refunds',
      result: 'broken',
      detail: '1 job(s) given up: NetSuite refused the credit memo',
      setUp: () => setShopField('custrecord_tts_shop_push_refunds', true),
      breakIt: async () => {
        await heartbeat(
          facts({ flows: { refunds: flow({ dead: 1, lastError: 'NetSuite refused the credit memo' }) } }),
        );
      },
      repair: async () => {
        await heartbeat(facts({ flows: { refunds: flow() } }));
      },
    },
  ];

  let clock: TestClock;

  async function upsertWarehouse(): Promise<void> {
    const res = await world.restlet('POST', {
      action: 'warehouses.upsert',
      shopId: DEMO_SHOP.shopId,
      warehouses: [
        { id: '7068517275539719001', name: 'LA Warehouse', type: 'SALES_WAREHOUSE', isDefault: true },
      ],
    });
    expect(res.status).toBe(200);
  }

  function linkWarehouse(locationId: number): void {
    const [wh] = world.ns.store.all('customrecord_tts_warehouse');
    editRecord('customrecord_tts_warehouse', wh!.id, { custrecord_tts_wh_location: locationId });
  }

  it.each(cases.map((c) => [c.id, c.detail, c] as const))('%s: %s, then repaired', async (id, detail, c) => {
    clock = new TestClock(new Date());
    world = await startConnectorAccount({ clock });
    await heartbeat(facts({ flows: {} }));
    await c.setUp?.();
    await c.breakIt();
    const broken = await checkOnHome(id);
    expect({ id, result: broken.result }).toEqual({ id, result: c.result });
    expect(broken.row).toContain(detail);
    expect(broken.row).toContain(checkById(id).fix);
    await c.repair();
    const repaired = await checkOnHome(id);
    expect({ id, result: repaired.result, row: repaired.row }).toEqual({
      id,
      result: 'ok',
      row: repaired.row,
    });
    expect(repaired.row).not.toContain(checkById(id).fix);
  });

  it('inbox-errors: an order refused for its payment method is in error; mapping the method and Retry repair it', async () => {
    world = await startConnectorAccount();
    const [order] = makeOrders({ count: 1, paymentMethodName: 'Klarna', seed: 7 });
    await world.upsertOrders([order!]);
    await world.ns.runQueuedTasks();
    const broken = await checkOnHome('inbox-errors');
    expect(broken.result).toBe('broken');
    expect(broken.row).toContain('1 order(s) in error or exception');
    expect(broken.row).toContain(checkById('inbox-errors').fix);
    setShopField(
      'custrecord_tts_shop_pm_map',
      JSON.stringify({
        ...demoPaymentMethodMap(world.account),
        Klarna: String(world.account.paymentMethodIds.PayPal),
      }),
    );
    const retried = await world.restlet('POST', {
      action: 'orders.retry',
      inboxIds: [String(inboxOf(world, order!.id).id)],
    });
    expect(retried.status).toBe(200);
    await world.ns.runQueuedTasks();
    expect(inboxOf(world, order!.id).fields.custrecord_tts_ord_state).toBe('imported');
    expect(await checkOnHome('inbox-errors')).toMatchObject({ result: 'ok' });
  });

  it('governance: the inventory export runs low on usage units and says so in the sync log; a day later it passes', async () => {
    const clock = new TestClock(new Date());
    world = await startConnectorAccount({ clock });
    for (const fieldId of [
      'custrecord_tts_shop_pull_inventory',
      'custrecord_tts_shop_push_inv_tts',
      'custrecord_tts_shop_pull_locations',
    ])
      setShopField(fieldId, true);
    expect(await checkOnHome('governance')).toMatchObject({
      result: 'ok',
      row: expect.stringContaining('none'),
    });
    // Push inventory now, with the scheduled script's usage limit lowered below one shop's run.
    world.ns.lowerUsageLimit('scheduled', 150);
    const posted = await page(homeUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        custpage_home_action: 'push_inventory',
        custpage_home_shop: String(shopRecord().id),
      }).toString(),
    });
    expect(posted.status).toBe(302);
    const [run] = await world.ns.runQueuedTasks();
    expect(run?.scheduled?.error ?? null).toBeNull();
    world.ns.lowerUsageLimit('scheduled', null);
    const stops = () =>
      world.ns.store
        .all('customrecord_tts_log')
        .filter((r) => r.fields.custrecord_tts_log_flow === GOVERNANCE_LOG_FLOW);
    expect(stops().map((r) => r.fields.custrecord_tts_log_message)).toEqual([
      `Inventory export ran low on usage units: shop(s) ${DEMO_SHOP.shopId} left for the next run (already queued, or the 15-minute schedule).`,
    ]);
    const broken = await checkOnHome('governance');
    expect(broken.result).toBe('warn');
    expect(broken.row).toContain('1 low-usage stop(s) in the last day');
    expect(broken.row).toContain(checkById('governance').fix);
    // A scheduled script cannot queue its own running deployment: the 15-minute run, with its full
    // units, exports the shop and stops nothing.
    clock.advance(15 * 60_000);
    const tick = await world.ns.tick();
    expect(tick.ran.map((r) => r.deploymentId)).toContain('customdeploy_tts_ss_inv_export_sched');
    expect(stops()).toHaveLength(1);
    clock.advance(2 * 86_400_000);
    expect(await checkOnHome('governance')).toMatchObject({ result: 'ok' });
  });

  it('test-order: no order imported yet is to do; one imported order passes it', async () => {
    world = await startConnectorAccount();
    const before = await checkOnHome('test-order');
    expect(before.result).toBe('warn');
    expect(before.row).toContain('no order imported yet');
    expect(before.row).toContain(checkById('test-order').fix);
    const [order] = makeOrders({ count: 1, seed: 8 });
    await world.upsertOrders([order!]);
    await world.ns.runQueuedTasks();
    expect(inboxOf(world, order!.id).fields.custrecord_tts_ord_state).toBe('imported');
    const after = await checkOnHome('test-order');
    expect(after.result).toBe('ok');
    expect(after.row).toContain('1 order(s) imported');
  });
});

/**
 * The checks NetSuite judges from the bridge's heartbeat (README, the doctor table's E for them):
 * each case sends a heartbeat with the problem, sees the check fail on the connector home, sends
 * the repaired one and sees it pass. The bridge's own view of them: bridge-doctor.test.ts (B).
 */
describe('the doctor on the connector home: each heartbeat fact broken, then repaired', () => {
  const DAY = 86_400_000;
  const at = (offsetMs: number): string => new Date(Date.now() + offsetMs).toISOString();

  it.each([
    [
      'tiktok-authorization',
      'broken',
      'needs_reauth: refresh token revoked',
      { connection: 'needs_reauth', connectionReason: 'refresh token revoked' },
      {},
    ],
    [
      'authorization-expiry',
      'broken',
      'the authorization expired on',
      { refreshTokenExpiresAt: at(-DAY) },
      {},
    ],
    [
      'authorization-expiry',
      'warn',
      'the authorization expires on',
      { refreshTokenExpiresAt: at(3 * DAY) },
      {},
    ],
    [
      'webhooks-arriving',
      'broken',
      'that no webhook brought; last webhook never',
      { lastWebhookAt: null, lastReconcileCatchAt: at(-5 * 60_000) },
      { lastWebhookAt: at(-60_000), lastReconcileCatchAt: at(-5 * 60_000) },
    ],
    [
      'dead-letters',
      'broken',
      'orders: 2',
      { flows: { orders: flow({ dead: 2, lastError: 'no customer' }) } },
      {},
    ],
    ['late-dispatch', 'warn', '3 order(s) late', { lateOrders: 3 }, {}],
    [
      'queue-backlog',
      'warn',
      `inventory: ${BACKLOG_WARN + 1} waiting`,
      { flows: { inventory: flow({ backlog: BACKLOG_WARN + 1 }) } },
      {},
    ],
  ] as const)('%s (%s: %s), then repaired', async (id, result, detail, bad, good) => {
    world = await startConnectorAccount();
    await heartbeat(facts({ flows: {}, ...(bad as Partial<BridgeShopFacts>) }));
    const broken = await checkOnHome(id);
    expect({ id, result: broken.result }).toEqual({ id, result });
    expect(broken.row).toContain(detail);
    expect(broken.row).toContain(checkById(id).fix);
    await heartbeat(facts({ flows: {}, ...(good as Partial<BridgeShopFacts>) }));
    expect(await checkOnHome(id)).toMatchObject({ result: 'ok' });
  });

  it('netsuite-connection: a heartbeat older than half an hour breaks it; the next heartbeat repairs it', async () => {
    world = await startConnectorAccount();
    await heartbeat(facts({ flows: {} }));
    expect(await checkOnHome('netsuite-connection')).toMatchObject({ result: 'ok' });
    // The bridge stops reaching NetSuite: its last heartbeat ages past HEARTBEAT_STALE_MS.
    const [status] = world.ns.store.all('customrecord_tts_bridge_status');
    const received = status!.fields.custrecord_tts_bs_received;
    const aged = new Date(Date.parse(String(received)) - HEARTBEAT_STALE_MS - 10 * 60_000);
    editRecord('customrecord_tts_bridge_status', status!.id, {
      custrecord_tts_bs_received: typeof received === 'string' ? aged.toISOString() : aged,
    });
    const broken = await checkOnHome('netsuite-connection');
    expect(broken.result).toBe('broken');
    expect(broken.row).toContain('the bridge last reached NetSuite');
    expect(broken.row).toContain(checkById('netsuite-connection').fix);
    await heartbeat(facts({ flows: {} }));
    expect(await checkOnHome('netsuite-connection')).toMatchObject({ result: 'ok' });
  });
});
