import type { Browser, Page } from 'puppeteer-core';
import { HOME_SUITELET_DEPLOYMENT_ID, HOME_SUITELET_ID } from '../../shared-types/src/doctor/connector-home';
import {
  EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
  EXCEPTIONS_SUITELET_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import type { SandboxStack } from '../../sandbox/src/stack';
import { configureDemoShop } from '../../sandbox/netsuite/src/demo-account';
import type { WatchedPage } from '../support/browser';
import {
  bodyText,
  closePage,
  describeWithChromium,
  foreignAssets,
  foreignRequests,
  launchChromium,
  layoutOf,
  pwned,
  screenshot,
  watchPage,
} from '../support/browser';
import { settle, startE2eStack } from '../support/e2e-stack';

/**
 * The admin pages in a real browser (issue #21 item 6): headless Chromium signs in to the bridge's
 * status page and connects the shop through TikTok's consent page, signs in to the NetSuite
 * emulator, and loads the connector home and the exceptions page. Each page shows a hostile shop
 * name and payment method as text (no dialog, no script run), loads nothing from another origin,
 * has no sideways scroll at 375 px and 1280 px with every action on screen and reachable by a
 * click; clicking each action (a confirmation, then its POST) says what it did and changes the
 * records. On the exceptions page, ticking rows and "Retry selected" posts those rows only: they are
 * queued again, the page says how many and lists what is left. One browser for the file;
 * screenshots in artifacts/browser/.
 */
const EVIL_SHOP = 'Evil <script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2"> Shop';
const EVIL_METHOD = '"><img src=x onerror="alert(1)"><script>alert(2)</script>';
const WIDTHS = [375, 1280] as const;

describeWithChromium('admin pages in headless Chromium', (chromium) => {
  let browser: Browser;
  let stack: SandboxStack;
  let shopId: string;
  const opened: WatchedPage[] = [];

  beforeAll(async () => {
    browser = await launchChromium(chromium);
    stack = await startE2eStack('browser', {
      simulator: { seed: { shops: [{ region: 'US', name: EVIL_SHOP }] } },
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function open(width = 1280): Promise<WatchedPage> {
    const watched = await watchPage(browser, width);
    opened.push(watched);
    return watched;
  }

  afterEach(async () => {
    for (const w of opened.splice(0)) await closePage(w);
  });

  async function expectClean(w: WatchedPage, origin: string): Promise<void> {
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(await pwned(w.page)).toBeNull();
    expect(foreignRequests(w.requests, origin)).toEqual([]);
    expect(await foreignAssets(w.page)).toEqual([]);
    // Neither injected tag became an element.
    expect(await w.page.$$eval('img[src="x"]', (els) => els.length)).toBe(0);
    expect(
      await w.page.$$eval(
        'script',
        (els) => els.filter((s) => /__pwned|alert/.test(s.textContent ?? '')).length,
      ),
    ).toBe(0);
  }

  async function expectLayout(w: WatchedPage, selector: string, name: string, count: number): Promise<void> {
    for (const width of WIDTHS) {
      await w.page.setViewport({ width, height: 900 });
      const layout = await layoutOf(w.page, selector);
      await screenshot(w.page, `${name}-${width}`);
      expect({ width, scrollWidth: layout.scrollWidth, overflowing: layout.overflowing }).toEqual({
        width,
        scrollWidth: layout.innerWidth,
        overflowing: [],
      });
      expect(layout.actions).toHaveLength(count);
      for (const action of layout.actions) {
        expect({ width, ...action }).toEqual({ width, label: action.label, visible: true, clickable: true });
      }
    }
    await w.page.setViewport({ width: 1280, height: 900 });
  }

  async function clickAndWait(page: Page, selector: string): Promise<void> {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  }

  function suiteletUrl(script: string, deploy: string): string {
    return stack.netsuite.suiteletUrl(script, deploy);
  }

  /** Signs the page in to the emulator (its login URL sets the session cookie) and opens `url`. */
  async function gotoNetSuite(page: Page, url: string): Promise<void> {
    const target = new URL(url);
    await page.goto(stack.netsuite.uiLoginUrl(target.pathname + target.search), { waitUntil: 'load' });
  }

  const inboxState = (id: number): unknown =>
    stack.netsuite.store.get('customrecord_tts_order', id)!.fields.custrecord_tts_ord_state;

  function shopRecord() {
    return stack.netsuite.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`)!;
  }

  it('bridge status page: signs in, connects the shop through the consent page, shows the shop name as text', async () => {
    const w = await open();
    const origin = new URL(stack.bridgeUrl).origin;
    await w.page.goto(`${stack.bridgeUrl}/`, { waitUntil: 'load' });
    await w.page.type('input[name="token"]', stack.adminToken);
    await clickAndWait(w.page, 'form[action="/login"] button');
    expect(await bodyText(w.page)).toContain('No shop connected yet');
    await expectLayout(w, 'form button', 'bridge-status-empty', 3);
    await expectClean(w, origin);

    // Connect TikTok Shop: POST → TikTok's consent page (the simulator) → the bridge's callback.
    const requestsBefore = w.requests.length;
    await clickAndWait(w.page, `form[action="/oauth/tiktok/start"] button`);
    const chain = w.requests.slice(requestsBefore).map((u) => new URL(u).origin);
    expect(chain).toContain(new URL(stack.simulator.authorizeUrl).origin);
    expect(w.page.url().startsWith(`${stack.bridgeUrl}/oauth/tiktok/callback`)).toBe(true);
    shopId = [...stack.simulator.state.shops.values()][0]!.id;
    expect(shopRecord()).toBeDefined();
    configureDemoShop(stack.netsuite.seed, stack.netsuite.store, shopId, stack.account);

    const status = await open();
    await status.page.goto(`${stack.bridgeUrl}/`, { waitUntil: 'load' });
    await status.page.type('input[name="token"]', stack.adminToken);
    await clickAndWait(status.page, 'form[action="/login"] button');
    const text = await bodyText(status.page);
    expect(text).toContain(EVIL_SHOP);
    expect(text).toContain('connected');
    await expectLayout(status, 'form button', 'bridge-status', 3);
    await expectClean(status, origin);

    // Sign out: back to the sign-in form.
    await clickAndWait(status.page, 'form[action="/logout"] button');
    expect(await status.page.$('input[name="token"]')).not.toBeNull();
  }, 120_000);

  it('connector home: escaped, same-origin, fits 375 and 1280 px; each action asks, then its POST acts', async () => {
    const origin = new URL(suiteletUrl(HOME_SUITELET_ID, HOME_SUITELET_DEPLOYMENT_ID)).origin;
    // An order paid with a hostile, unmapped payment method: an order in error to retry.
    stack.simulator.admin.createOrder({ advanceTo: 'AWAITING_SHIPMENT', paymentMethodName: EVIL_METHOD });
    await settle(stack);
    await stack.bridge.heartbeatOnce();
    const inbox = stack.netsuite.store.all('customrecord_tts_order');
    expect(inbox.map((r) => r.fields.custrecord_tts_ord_state)).toEqual(['error']);

    const w = await open();
    await gotoNetSuite(w.page, suiteletUrl(HOME_SUITELET_ID, HOME_SUITELET_DEPLOYMENT_ID));
    const text = await bodyText(w.page);
    expect(text).toContain(EVIL_SHOP);
    expect(text).toContain('Setup checklist');
    await expectLayout(w, 'a.tts-action', 'home', 5);
    await expectClean(w, origin);

    const home = w.page.url();
    const actions: [string, string, () => void][] = [
      [
        'Force inventory resync',
        'every linked SKU will be sent to TikTok once',
        () => expect(shopRecord().fields.custrecord_tts_shop_force_inv).toBe(true),
      ],
      [
        'Push inventory now',
        'inventory export started',
        () => expect(shopRecord().fields.custrecord_tts_shop_push_inv_now).toBe(true),
      ],
      [
        'Force product catalog resync',
        'the next catalog run re-sends everything once',
        () => expect(shopRecord().fields.custrecord_tts_shop_force_catalog).toBe(true),
      ],
      [
        'Test with one order',
        'Test with one order is on',
        () => expect(shopRecord().fields.custrecord_tts_shop_test_mode).toBe(true),
      ],
      [
        'Retry orders in error',
        '1 order(s) queued for another try',
        () => expect(inboxState(inbox[0]!.id)).toBe('pending'),
      ],
    ];
    for (const [label, said, check] of actions) {
      await w.page.goto(home, { waitUntil: 'load' });
      const [link] = await w.page.$$(`xpath/.//a[@class="tts-action" and normalize-space(.)="${label}"]`);
      expect(link).toBeDefined();
      await Promise.all([w.page.waitForNavigation({ waitUntil: 'load' }), link!.click()]);
      expect(await bodyText(w.page)).toContain(`${label} for ${EVIL_SHOP}?`);
      await expectLayout(w, 'button[type="submit"]', `home-confirm-${label.replace(/\W+/g, '-')}`, 1);
      await clickAndWait(w.page, 'button[type="submit"]');
      expect(new URL(w.page.url()).searchParams.get('done')).toContain(said);
      expect(await bodyText(w.page)).toContain(said);
      check();
      await expectClean(w, origin);
    }
  }, 180_000);

  it('exceptions page: the message shows the payment method as text; Retry asks, then its POST retries', async () => {
    const url = suiteletUrl(EXCEPTIONS_SUITELET_ID, EXCEPTIONS_SUITELET_DEPLOYMENT_ID);
    const origin = new URL(url).origin;
    const [inbox] = stack.netsuite.store.all('customrecord_tts_order');
    // The home's Retry left it pending: the import runs and fails again on the unmapped method.
    await stack.netsuite.runQueuedTasks();
    expect(inboxState(inbox!.id)).toBe('error');

    const w = await open();
    await gotoNetSuite(w.page, url);
    const text = await bodyText(w.page);
    expect(text).toContain(JSON.stringify(EVIL_METHOD));
    await expectLayout(w, 'a[href*="retry="], button[type="submit"]', 'exceptions', 2);
    await expectClean(w, origin);

    await clickAndWait(w.page, 'a[href*="retry="]');
    expect(await bodyText(w.page)).toContain(`Retry order inbox record ${inbox!.id}?`);
    await expectLayout(w, 'button[type="submit"]', 'exceptions-confirm', 1);
    await clickAndWait(w.page, 'button[type="submit"]');
    expect(await bodyText(w.page)).toContain('1 order queued for another try.');
    expect(inboxState(inbox!.id)).toBe('pending');
    await expectClean(w, origin);
  }, 120_000);

  it('exceptions page: Retry selected posts the ticked rows only; they are queued again and the page says how many', async () => {
    const url = suiteletUrl(EXCEPTIONS_SUITELET_ID, EXCEPTIONS_SUITELET_DEPLOYMENT_ID);
    const origin = new URL(url).origin;
    // The home's Test with one order paused the order push: back to the full sync, as after a review.
    const ui = stack.netsuite.seed.ui;
    const shop = ui.load({ type: 'customrecord_tts_shop', id: shopRecord().id });
    shop.setValue({ fieldId: 'custrecord_tts_shop_test_mode', value: false });
    shop.setValue({ fieldId: 'custrecord_tts_shop_push_orders', value: true });
    shop.setValue({ fieldId: 'custrecord_tts_shop_paused_reason', value: '' });
    ui.save(shop, {});
    // Two more orders paid with the unmapped method; with the one the last test retried, three in error.
    for (let i = 0; i < 2; i += 1) {
      stack.simulator.admin.createOrder({ advanceTo: 'AWAITING_SHIPMENT', paymentMethodName: EVIL_METHOD });
    }
    await settle(stack);
    await stack.netsuite.runQueuedTasks();
    const inbox = stack.netsuite.store.all('customrecord_tts_order');
    expect(inbox.map((r) => inboxState(r.id))).toEqual(['error', 'error', 'error']);

    const w = await open();
    await gotoNetSuite(w.page, url);
    const boxes = 'input[type="checkbox"][data-sublist="custpage_inbox"]';
    const lines = await w.page.$$eval(
      'input[type="hidden"][name^="custpage_inbox:custpage_inbox_id:"]',
      (els) => els.map((el) => el.getAttribute('value') ?? ''),
    );
    expect([...lines].sort()).toEqual(inbox.map((r) => String(r.id)).sort());
    await expectLayout(w, `${boxes}, button[type="submit"]`, 'exceptions-select', 4);
    // Tick the first and the last row, as a person does; the middle one stays.
    const checks = await w.page.$$(boxes);
    await checks[0]!.click();
    await checks[2]!.click();
    expect(
      await w.page.$$eval(boxes, (els) => els.map((el) => (el as unknown as { checked: boolean }).checked)),
    ).toEqual([true, false, true]);
    await clickAndWait(w.page, 'button[type="submit"]');

    expect(await bodyText(w.page)).toContain('2 orders queued for another try.');
    const [first, middle, last] = lines.map(Number);
    expect([inboxState(first!), inboxState(middle!), inboxState(last!)]).toEqual([
      'pending',
      'error',
      'pending',
    ]);
    // The page after the POST (a GET: a reload does not retry again) lists only the row left in error.
    expect(new URL(w.page.url()).searchParams.size).toBeGreaterThan(0);
    expect(
      await w.page.$$eval('input[type="hidden"][name^="custpage_inbox:custpage_inbox_id:"]', (els) =>
        els.map((el) => el.getAttribute('value')),
      ),
    ).toEqual([String(middle)]);
    await w.page.reload({ waitUntil: 'load' });
    expect([inboxState(first!), inboxState(middle!), inboxState(last!)]).toEqual([
      'pending',
      'error',
      'pending',
    ]);
    await expectClean(w, origin);
  }, 120_000);
});
