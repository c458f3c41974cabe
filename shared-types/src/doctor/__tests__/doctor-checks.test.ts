/// <reference types="jest" />
import type { DoctorCheckId, DoctorInput } from '../doctor-checks';
import { auditSkus, DOCTOR_CHECK_IDS, DOCTOR_CHECKS, runDoctor, worstResult } from '../doctor-checks';
import { setupChecklist, SETUP_STEPS } from '../setup-checklist';

const NOW = Date.parse('2026-12-06T04:00:00.000Z');
const iso = (offsetMs: number): string => new Date(NOW + offsetMs).toISOString();
const DAY = 86_400_000;

/** A shop where every check passes. */
function healthy(): DoctorInput {
  return {
    nowMs: NOW,
    shop: { shopId: '7494049642642441621', name: 'Honeycomb US', region: 'US' },
    settings: {
      recordId: '1',
      pushOrders: true,
      pullOrderUpdates: true,
      pushShipments: true,
      pullFulfillments: true,
      pushFulfillmentsToTikTok: true,
      pullLocations: true,
      locationFilter: [],
      pullInventory: true,
      pushInventoryToTikTok: true,
      inventoryBuffer: 0,
      pushReturns: true,
      answerReturns: true,
      pushRefunds: true,
      paymentMethodMap: '{"CCDC": "1", "*": "2"}',
      perBuyerCustomer: false,
      customerId: '10',
      shippingItemId: '20',
      testMode: false,
      pausedReason: null,
      catalogSourceNetSuite: 'Pull updates from NetSuite product catalog',
      catalogSourceTikTok: 'Push products to TikTok',
      pushBlock: null,
    },
    netsuite: {
      paymentMethods: [
        { id: '1', name: 'Credit Card', active: true },
        { id: '2', name: 'PayPal', active: true },
      ],
      filteredLocations: 2,
      warehouses: { total: 2, linked: 2 },
      channelSkus: [
        { itemId: '100', sku: 'TEE-RED' },
        { itemId: '101', sku: 'TEE-BLUE' },
      ],
      inboxErrors: 0,
      importedOrders: 3,
      unreleasedScripts: [],
      governanceWarnings: 0,
    },
    bridge: {
      receivedAtMs: NOW - 60_000,
      facts: {
        shopId: '7494049642642441621',
        connection: 'connected',
        connectionReason: null,
        refreshTokenExpiresAt: iso(200 * DAY),
        lastWebhookAt: iso(-60_000),
        lastReconcileCatchAt: null,
        lastReconcileAt: iso(-120_000),
        lateOrders: 0,
        flows: { orders: { backlog: 0, dead: 0, lastRunAt: iso(-60_000), lastError: null } },
      },
    },
  };
}

type Break = (input: DoctorInput) => void;
const s = (input: DoctorInput) => input.settings!;
const n = (input: DoctorInput) => input.netsuite!;
const b = (input: DoctorInput) => input.bridge!.facts;

/** For every check: one way to break it and a word its detail then contains. */
const BREAKS: Record<DoctorCheckId, [Break, RegExp, 'broken' | 'warn']> = {
  'tiktok-authorization': [
    (i) => ((b(i).connection = 'needs_reauth'), (b(i).connectionReason = 'seller deauthorized')),
    /needs_reauth: seller deauthorized/,
    'broken',
  ],
  'netsuite-connection': [
    (i) => (i.bridge!.receivedAtMs = NOW - 2 * 3_600_000),
    /last reached NetSuite 2 h ago/,
    'broken',
  ],
  'orders-not-pushed': [(i) => (s(i).pushOrders = false), /Push orders to NetSuite is off/, 'broken'],
  'payment-method-map': [
    (i) => (s(i).paymentMethodMap = '{"CCDC": "9"}'),
    /9, which does not exist/,
    'broken',
  ],
  'products-from-netsuite': [(i) => (s(i).catalogSourceNetSuite = null), /not chosen/, 'warn'],
  'products-to-tiktok': [
    (i) => (s(i).pushBlock = 'TikTok does not let this shop create products (12052701)'),
    /Product Push Blocked: TikTok does not let this shop create products \(12052701\)/,
    'broken',
  ],
  'products-matching': [
    (i) => n(i).channelSkus!.push({ itemId: '102', sku: 'TEE-RED' }),
    /"TEE-RED" on items 100, 102/,
    'broken',
  ],
  'channel-sku-tiktok-row': [() => undefined, /expected/, 'warn'],
  'locations-not-appearing': [
    (i) => ((s(i).locationFilter = ['7']), (n(i).filteredLocations = 0)),
    /Location Filter \(7\) leaves no active location/,
    'broken',
  ],
  'inventory-totals': [(i) => (s(i).pushInventoryToTikTok = false), /one without the other/, 'broken'],
  'fulfillments-to-tiktok': [
    (i) => (s(i).pullFulfillments = false),
    /Pull fulfillments from NetSuite is off/,
    'broken',
  ],
  'returns-refunds': [
    (i) => ((s(i).pushReturns = false), (s(i).pushRefunds = false), (s(i).answerReturns = false)),
    /both are off/,
    'warn',
  ],
  'authorization-expiry': [(i) => (b(i).refreshTokenExpiresAt = iso(3 * DAY)), /expires on/, 'warn'],
  'webhooks-arriving': [
    (i) => ((b(i).lastWebhookAt = iso(-2 * DAY)), (b(i).lastReconcileCatchAt = iso(-600_000))),
    /no webhook brought/,
    'broken',
  ],
  'dead-letters': [
    (i) => (b(i).flows.inventory = { backlog: 0, dead: 2, lastRunAt: null, lastError: 'sku gone' }),
    /inventory: 2/,
    'broken',
  ],
  'late-dispatch': [(i) => (b(i).lateOrders = 4), /4 order\(s\) late/, 'warn'],
  governance: [(i) => (n(i).governanceWarnings = 2), /2 low-usage/, 'warn'],
  'scripts-released': [
    (i) => (n(i).unreleasedScripts = ['customdeploy_tts_rl_connector: TESTING']),
    /TESTING/,
    'broken',
  ],
  'locations-linked': [(i) => (n(i).warehouses = { total: 3, linked: 1 }), /2 of 3/, 'warn'],
  'queue-backlog': [
    (i) => (b(i).flows.orders = { backlog: 900, dead: 0, lastRunAt: null, lastError: null }),
    /orders: 900 waiting/,
    'warn',
  ],
  'test-order': [(i) => ((n(i).importedOrders = 0), (s(i).testMode = true)), /test mode is on/, 'warn'],
  'inbox-errors': [(i) => (n(i).inboxErrors = 5), /5 order/, 'broken'],
  'flow-orders': [(i) => (s(i).shippingItemId = null), /no Shipping Item/, 'broken'],
  'flow-order-updates': [(i) => (s(i).pullOrderUpdates = false), /is off/, 'warn'],
  'flow-fulfillments': [(i) => (s(i).pushFulfillmentsToTikTok = false), /one without the other/, 'broken'],
  'flow-shipments': [(i) => (s(i).pushShipments = false), /is off/, 'warn'],
  'flow-inventory': [(i) => (s(i).pullInventory = false), /one without the other/, 'broken'],
  'flow-products': [(i) => (s(i).catalogSourceNetSuite = ''), /not chosen/, 'warn'],
  'flow-returns': [(i) => (s(i).pushReturns = false), /nothing to answer on/, 'broken'],
  'flow-refunds': [
    (i) => (b(i).flows.refunds = { backlog: 0, dead: 1, lastRunAt: null, lastError: 'credit memo refused' }),
    /credit memo refused/,
    'broken',
  ],
};

function finding(input: DoctorInput, id: DoctorCheckId) {
  return runDoctor(input).find((f) => f.id === id)!;
}

describe('doctor registry', () => {
  it('has the 12 troubleshooting items of the seed, in its order, and unique ids', () => {
    expect(DOCTOR_CHECKS.filter((c) => c.seed).map((c) => c.title)).toEqual([
      'TikTok Shop authorization fails',
      'NetSuite connection fails',
      "Orders aren't being pushed to NetSuite",
      'NetSuite rejects orders because the payment method is missing',
      "Products aren't appearing in the app from NetSuite",
      "Products aren't pushing to TikTok Shop",
      "Products aren't matching across channels",
      'The Channel SKU column is missing on the TikTok Shop row',
      "Locations aren't appearing under Inventory → Locations",
      'TikTok Shop inventory totals look wrong',
      "Fulfillment data isn't reaching TikTok Shop",
      "Returns or refunds aren't pushing to NetSuite",
    ]);
    expect(new Set(DOCTOR_CHECK_IDS).size).toBe(DOCTOR_CHECK_IDS.length);
  });

  it('gives every check a one-sentence fix and a link', () => {
    for (const check of DOCTOR_CHECKS) {
      expect({
        id: check.id,
        sentences: check.fix.split(/[.!?](\s|$)/).filter((p) => p.trim().length > 1).length,
      }).toEqual({
        id: check.id,
        sentences: 1,
      });
      expect(check.link.label.length).toBeGreaterThan(0);
      expect(check.looksAt.length).toBeGreaterThan(10);
    }
  });

  it('passes every check on a healthy shop', () => {
    const findings = runDoctor(healthy());
    expect(findings.filter((f) => f.result !== 'ok').map((f) => [f.id, f.result, f.detail])).toEqual([]);
    expect(findings.map((f) => f.id)).toEqual(DOCTOR_CHECK_IDS);
  });

  it.each(DOCTOR_CHECK_IDS.filter((id) => id !== 'channel-sku-tiktok-row'))(
    '%s fails on its broken setting, with its fix',
    (id) => {
      const [breakIt, detail, result] = BREAKS[id];
      const input = healthy();
      breakIt(input);
      const found = finding(input, id);
      expect(found.result).toBe(result);
      expect(found.detail).toMatch(detail);
      expect(found.fix).toBe(DOCTOR_CHECKS.find((c) => c.id === id)!.fix);
      expect(finding(healthy(), id).result).toBe('ok');
    },
  );

  it('channel-sku-tiktok-row explains instead of failing, whatever the inputs', () => {
    expect(
      finding({ nowMs: NOW, shop: { shopId: '1', name: 'x', region: null } }, 'channel-sku-tiktok-row'),
    ).toMatchObject({
      result: 'ok',
      detail: 'expected behaviour, explained',
    });
  });

  it('says unknown, with the reason, when a surface cannot see what a check needs', () => {
    const bare: DoctorInput = { nowMs: NOW, shop: { shopId: '1', name: 'x', region: 'US' } };
    const findings = runDoctor(bare);
    expect(findings.find((f) => f.id === 'payment-method-map')).toMatchObject({
      result: 'unknown',
      detail: expect.stringContaining('not readable'),
    });
    expect(findings.find((f) => f.id === 'tiktok-authorization')).toMatchObject({
      result: 'unknown',
      detail: expect.stringContaining('bridge'),
    });
    expect(runDoctor({ ...bare, bridge: null }).find((f) => f.id === 'tiktok-authorization')?.detail).toMatch(
      /no heartbeat/,
    );
    const noCatalog = healthy();
    delete noCatalog.settings!.catalogSourceNetSuite;
    expect(finding(noCatalog, 'products-from-netsuite')).toMatchObject({
      result: 'unknown',
      detail: expect.stringContaining('not readable'),
    });
    const defaults = healthy();
    defaults.settings!.catalogSourceTikTok = null;
    expect(finding(defaults, 'products-to-tiktok')).toMatchObject({
      result: 'warn',
      detail: expect.stringContaining('Push products to TikTok'),
    });
  });

  it('products-to-tiktok follows Product Push Blocked, not the shop its region', () => {
    const anyRegion = healthy();
    anyRegion.shop.region = 'MY';
    expect(finding(anyRegion, 'products-to-tiktok')).toMatchObject({ result: 'ok' });
    anyRegion.settings!.pushBlock = '  ';
    expect(finding(anyRegion, 'products-to-tiktok').result).toBe('ok');
    const blocked = healthy();
    blocked.settings!.pushBlock = 'TikTok 12052701: cross-border sellers list global products';
    expect(finding(blocked, 'products-to-tiktok')).toMatchObject({
      result: 'broken',
      detail: 'Product Push Blocked: TikTok 12052701: cross-border sellers list global products',
      fix: expect.stringContaining('global products in TikTok Seller Center'),
      link: { kind: 'shop-field', field: 'custrecord_tts_shop_push_block' },
    });
    // Not pushing (the catalog comes from TikTok): the block stops nothing.
    blocked.settings!.catalogSourceTikTok = 'Pull products from TikTok';
    expect(finding(blocked, 'products-to-tiktok').result).toBe('ok');
    // The shop's own push settings: a wrong one is broken with its own text (field and fix).
    const misconfigured = healthy();
    misconfigured.settings!.pushSetup =
      'Shop Demo: Push Price Level (custrecord_tts_shop_price_level): NetSuite has no price level "Retail". Fix: ...';
    expect(finding(misconfigured, 'products-to-tiktok')).toMatchObject({
      result: 'broken',
      detail: expect.stringContaining(
        'Push Price Level (custrecord_tts_shop_price_level): NetSuite has no price level "Retail"',
      ),
    });
    misconfigured.settings!.pushSetup = null;
    expect(finding(misconfigured, 'products-to-tiktok').result).toBe('ok');
    const unreadable = healthy();
    delete unreadable.settings!.pushBlock;
    expect(finding(unreadable, 'products-to-tiktok')).toMatchObject({
      result: 'unknown',
      detail: expect.stringContaining('Product Push Blocked is not readable'),
    });
  });

  it('judges the NetSuite connection from the bridge its last error, when the bridge runs the doctor', () => {
    expect(
      finding({ ...healthy(), lastNetSuiteError: 'INVALID_LOGIN_ATTEMPT' }, 'netsuite-connection'),
    ).toMatchObject({
      result: 'broken',
      detail: 'the last RESTlet call failed: INVALID_LOGIN_ATTEMPT',
    });
    expect(finding({ ...healthy(), lastNetSuiteError: null }, 'netsuite-connection').result).toBe('ok');
  });

  it('breaks an expired authorization and warns of a payment method map without a default', () => {
    const expired = healthy();
    expired.bridge!.facts.refreshTokenExpiresAt = iso(-DAY);
    expect(finding(expired, 'authorization-expiry').result).toBe('broken');
    const noDefault = healthy();
    noDefault.settings!.paymentMethodMap = '{"CCDC": "1"}';
    expect(finding(noDefault, 'payment-method-map')).toMatchObject({
      result: 'warn',
      detail: expect.stringContaining('"*"'),
    });
    noDefault.settings!.paymentMethodMap = '{oops';
    expect(finding(noDefault, 'payment-method-map').result).toBe('broken');
  });

  it('audits SKUs exactly: case differs is not a duplicate, spaces around are flagged', () => {
    expect(
      auditSkus([
        { itemId: '1', sku: 'A' },
        { itemId: '2', sku: 'a' },
        { itemId: '3', sku: ' B' },
      ]),
    ).toEqual({
      duplicates: [],
      untrimmed: [{ sku: ' B', itemId: '3' }],
    });
  });

  it('orders results ok < unknown < warn < broken', () => {
    expect(worstResult([])).toBe('ok');
    expect(worstResult(['ok', 'unknown'])).toBe('unknown');
    expect(worstResult(['warn', 'unknown', 'ok'])).toBe('warn');
    expect(worstResult(['warn', 'broken'])).toBe('broken');
  });
});

describe('setup checklist', () => {
  it('lists the seed steps in order, all done on a healthy shop', () => {
    const rows = setupChecklist(runDoctor(healthy()));
    expect(rows.map((r) => r.label)).toEqual([
      'TikTok Shop connected',
      'NetSuite connection healthy',
      'Catalog source chosen',
      'SKUs audited',
      'Payment Method Map valid',
      'Locations linked',
      "Each flow's settings",
      'Test with one order',
    ]);
    expect(rows.every((r) => r.state === 'done' && r.fix === null)).toBe(true);
  });

  it('marks a step broken or to do with the deciding check its fix and link', () => {
    const input = healthy();
    input.settings!.paymentMethodMap = null;
    input.netsuite!.warehouses = { total: 2, linked: 1 };
    const rows = setupChecklist(runDoctor(input));
    expect(rows.find((r) => r.id === 'payment-methods')).toMatchObject({
      state: 'broken',
      link: { kind: 'shop-field', field: 'custrecord_tts_shop_pm_map' },
    });
    expect(rows.find((r) => r.id === 'locations')).toMatchObject({
      state: 'to do',
      detail: expect.stringContaining('1 of 2'),
    });
  });

  it('refers only to checks of the registry', () => {
    for (const step of SETUP_STEPS) for (const id of step.checks) expect(DOCTOR_CHECK_IDS).toContain(id);
  });
});
