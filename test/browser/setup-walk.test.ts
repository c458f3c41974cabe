import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { HOME_SUITELET_DEPLOYMENT_ID, HOME_SUITELET_ID } from '../../shared-types/src/doctor/connector-home';
import { SETUP_STEPS } from '../../shared-types/src/doctor/setup-checklist';
import {
  EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
  EXCEPTIONS_SUITELET_ID,
  SKU_AUDIT_SUITELET_DEPLOYMENT_ID,
  SKU_AUDIT_SUITELET_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import { demoPaymentMethodMap, demoShopTaxCode } from '../../sandbox/netsuite/src/demo-account';
import type { SandboxStack } from '../../sandbox/src/stack';
import type { WatchedPage } from '../support/browser';
import {
  bodyText,
  closePage,
  describeWithChromium,
  launchChromium,
  layoutOf,
  screenshot,
  watchPage,
} from '../support/browser';
import { REPO_ROOT } from '../support/connector-account';
import { salesOrderOf, settle, startE2eStack } from '../support/e2e-stack';

/**
 * The README's "Setting up a shop, step by step (in the sandbox)" walked in headless Chromium (issue
 * #21, done-when): the steps are read from the README itself (each line names its checklist item and
 * how the sandbox does it), so the README, the connector home's checklist and this walk cannot drift.
 * On a fresh sandbox each step is done through the pages, as a person clicks and types: the bridge's
 * sign-in and Connect, TikTok's consent page, the bridge's /readyz, the SKU audit, the home's fix
 * links to the TikTok Shop record's form and the emulator's record forms (shop, warehouses, item),
 * the home's Test with one order; only the buyer's TikTok order is placed through the simulator's
 * admin API (the one step the README marks "pages and API"). After each step the connector home,
 * loaded in the browser, shows that item done (it was not before, unless the README says which step
 * already did it) and every earlier item still done. Screenshots of the home before and after each
 * step in artifacts/browser/.
 */

type StepHow = 'pages' | 'API' | 'pages and API';

interface ReadmeStep {
  n: number;
  title: string;
  /** The connector home's checklist item (shared-types/src/doctor/setup-checklist.ts). */
  id: string;
  how: StepHow;
  /** The earlier step that already completed this item, or null. */
  doneWith: number | null;
}

const SECTION = '### Setting up a shop, step by step (in the sandbox)';
const STEP_LINE =
  /^(\d+)\. \*\*([^*]+)\*\* \(`([a-z-]+)` · (pages and API|pages|API)(?: · done with step (\d+))?\) — /;

/** The numbered steps of the README's sandbox walk, each with its checklist item and how it is done. */
function readmeSetupSteps(readme: string): ReadmeStep[] {
  const start = readme.indexOf(SECTION);
  if (start < 0) throw new Error(`The README has no section "${SECTION}"`);
  const rest = readme.slice(start + SECTION.length);
  const end = rest.search(/\n#{1,3} /);
  const body = end < 0 ? rest : rest.slice(0, end);
  const steps: ReadmeStep[] = [];
  for (const line of body.split('\n')) {
    if (!/^\d+\. /.test(line)) continue;
    const m = STEP_LINE.exec(line);
    if (m === null) {
      throw new Error(
        `README step line does not say its checklist item and how ("N. **Title** (\`item-id\` · pages|API|pages and API) — …"): ${line}`,
      );
    }
    steps.push({
      n: Number(m[1]),
      title: m[2]!,
      id: m[3]!,
      how: m[4] as StepHow,
      doneWith: m[5] === undefined ? null : Number(m[5]),
    });
  }
  return steps;
}

const README_STEPS = readmeSetupSteps(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'));

/** How each checklist item's step is done here: must match the README's word for it. */
const HOW: Record<string, StepHow> = {
  'tiktok-connected': 'pages',
  'netsuite-connected': 'pages',
  'catalog-source': 'pages',
  'skus-audited': 'pages',
  'payment-methods': 'pages',
  locations: 'pages',
  'flow-settings': 'pages',
  'test-order': 'pages and API',
};

describe('the README sandbox walk', () => {
  it('has one step per checklist item of the connector home, in its order, numbered 1..n', () => {
    expect(README_STEPS.map((s) => s.id)).toEqual(SETUP_STEPS.map((s) => s.id));
    expect(README_STEPS.map((s) => s.n)).toEqual(README_STEPS.map((_, i) => i + 1));
  });

  it('says for each step how the walk does it (pages or the API), as the walk below does it', () => {
    expect(Object.fromEntries(README_STEPS.map((s) => [s.id, s.how]))).toEqual(HOW);
    for (const step of README_STEPS) {
      if (step.doneWith !== null) expect(step.doneWith).toBeLessThan(step.n);
    }
  });

  it('refuses a step line that does not name its checklist item', () => {
    const readme = `${SECTION}\n\n1. **Connect TikTok Shop** — open the bridge\n`;
    expect(() => readmeSetupSteps(readme)).toThrow('does not say its checklist item');
    expect(() => readmeSetupSteps('# nothing')).toThrow('has no section');
    expect(
      readmeSetupSteps(
        `${SECTION}\n\n2. **B** (\`netsuite-connected\` · pages · done with step 1) — x\n## Next\n3. y`,
      ),
    ).toEqual([{ n: 2, title: 'B', id: 'netsuite-connected', how: 'pages', doneWith: 1 }]);
  });
});

/** The item the walk gives a TikTok SKU equal to another item's SKU, for the audit of step 4 to find. */
const TYPO_ITEM = 'TS-HOODIE-BLK-L';
const TYPO_SKU = 'TS-HOODIE-BLK-M';

describeWithChromium('the README sandbox walk in headless Chromium', (chromium) => {
  let browser: Browser;
  let stack: SandboxStack;
  let w: WatchedPage;
  let shopId = '';

  beforeAll(async () => {
    browser = await launchChromium(chromium);
    stack = await startE2eStack('setup-walk');
    w = await watchPage(browser);
    // The account as the walk finds it: one item's TikTok SKU repeats another item's SKU (a typo).
    saveAsUi('inventoryitem', stack.account.itemIds[TYPO_ITEM]!, { custitem_tts_sku: TYPO_SKU });
  }, 120_000);

  afterAll(async () => {
    if (w !== undefined) await closePage(w);
    await browser?.close();
    await stack?.stop();
  });

  /** Saves a record through the emulator's record API as the UI saves it (user events run). */
  function saveAsUi(type: string, id: number, values: Record<string, unknown>): void {
    const ui = stack.netsuite.seed.ui;
    const rec = ui.load({ type, id });
    for (const [fieldId, value] of Object.entries(values)) rec.setValue({ fieldId, value });
    ui.save(rec, {});
  }

  function shopRecord() {
    const shop = stack.netsuite.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`);
    if (!shop) throw new Error(`no TikTok Shop record for shop ${shopId}`);
    return shop;
  }

  async function clickAndWait(page: Page, selector: string): Promise<void> {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  }

  /** Opens a NetSuite page signed in (the emulator's login URL sets the session cookie). */
  async function gotoNetSuite(page: Page, url: string): Promise<void> {
    const target = new URL(url);
    await page.goto(stack.netsuite.uiLoginUrl(target.pathname + target.search), { waitUntil: 'load' });
  }

  const homeUrl = (): string => stack.netsuite.suiteletUrl(HOME_SUITELET_ID, HOME_SUITELET_DEPLOYMENT_ID);

  /** The checklist as the home shows it: item id → done / to do / broken. */
  async function checklist(name: string): Promise<Record<string, string>> {
    await gotoNetSuite(w.page, homeUrl());
    await screenshot(w.page, name);
    const marks = await w.page.$$eval('[data-step]', (els) =>
      els.map((el) => [el.getAttribute('data-step') ?? '', el.textContent ?? ''] as const),
    );
    return Object.fromEntries(marks.map(([id, text]) => [id, /done|to do|broken/.exec(text)?.[0] ?? text]));
  }

  /** A record's entry form, the address `url.resolveRecord` gives (custom records; items). */
  const recordUrl = (type: string, id: number): string =>
    `${stack.netsuite.restletBaseUrl}${
      type.startsWith('customrecord')
        ? `/app/common/custom/custrecordentry.nl?rectype=${type}&id=${id}`
        : `/app/common/item/item.nl?id=${id}`
    }&e=T`;

  /** On the home, the fix link of a checklist item: it opens the TikTok Shop record's form. */
  async function followFixLink(step: string): Promise<void> {
    await gotoNetSuite(w.page, homeUrl());
    const [link] = await w.page.$$(`xpath/.//tr[.//span[@data-step="${step}"]]//a`);
    expect(link).toBeDefined();
    await Promise.all([w.page.waitForNavigation({ waitUntil: 'load' }), link!.click()]);
    const at = new URL(w.page.url());
    expect(`${at.pathname}?${at.searchParams.get('rectype')}&${at.searchParams.get('id')}`).toBe(
      `/app/common/custom/custrecordentry.nl?customrecord_tts_shop&${shopRecord().id}`,
    );
  }

  /**
   * Fills the open record form as a person does — a list by the option's text (or internal id), a
   * text box typed over, a checkbox clicked to the wanted state — then clicks Save and lands on the
   * saved record.
   */
  async function fillAndSave(fields: Record<string, string | string[] | boolean | number>): Promise<void> {
    const page = w.page;
    for (const [fieldId, wanted] of Object.entries(fields)) {
      const selector = `[name="${fieldId}"]:not([type="hidden"])`;
      const tag = await page.$eval(selector, (el) => el.tagName.toLowerCase());
      if (typeof wanted === 'boolean') {
        const checked = await page.$eval(selector, (el) => (el as unknown as { checked: boolean }).checked);
        if (checked !== wanted) await page.click(selector);
      } else if (tag === 'select') {
        const texts = (Array.isArray(wanted) ? wanted : [wanted]).map(String);
        const values = await page.$eval(
          selector,
          (el, want) =>
            Array.from((el as unknown as { options: ArrayLike<{ value: string; text: string }> }).options)
              .filter((o) => want.includes(o.text) || want.includes(o.value))
              .map((o) => o.value),
          texts,
        );
        expect({ fieldId, found: values.length }).toEqual({ fieldId, found: texts.length });
        await page.select(selector, ...values);
      } else {
        await page.$eval(selector, (el) => {
          (el as unknown as { value: string }).value = '';
        });
        await page.type(selector, String(wanted));
      }
    }
    await clickAndWait(page, 'button[name="submitter"]');
    const text = await bodyText(page);
    expect(text.startsWith('Error') ? text : 'saved').toBe('saved');
  }

  /** What the admin does in each step (the README's words for each, by checklist item). */
  const ACTIONS: Record<string, () => Promise<void>> = {
    'tiktok-connected': async () => {
      await w.page.goto(`${stack.bridgeUrl}/`, { waitUntil: 'load' });
      await w.page.type('input[name="token"]', stack.adminToken);
      await clickAndWait(w.page, 'form[action="/login"] button');
      expect(await bodyText(w.page)).toContain('No shop connected yet');
      const before = w.requests.length;
      await clickAndWait(w.page, 'form[action="/oauth/tiktok/start"] button');
      // Through TikTok's consent page (the simulator) back to the bridge's callback.
      const origins = w.requests.slice(before).map((u) => new URL(u).origin);
      expect(origins).toContain(new URL(stack.simulator.authorizeUrl).origin);
      expect(w.page.url().startsWith(`${stack.bridgeUrl}/oauth/tiktok/callback`)).toBe(true);
      shopId = [...stack.simulator.state.shops.values()][0]!.id;
      expect(shopRecord().fields.custrecord_tts_shop_state).toBe('connected');
    },
    'netsuite-connected': async () => {
      const res = await w.page.goto(`${stack.bridgeUrl}/readyz`, { waitUntil: 'load' });
      const body = JSON.parse(await res!.text()) as { netsuite: { ok: boolean } };
      expect(body.netsuite.ok).toBe(true);
    },
    'catalog-source': async () => {
      await followFixLink('catalog-source');
      // The record page fits a phone too: no sideways scroll at 375 px, Save on screen and clickable.
      await w.page.setViewport({ width: 375, height: 900 });
      const layout = await layoutOf(w.page, 'button[name="submitter"]');
      await screenshot(w.page, 'setup-shop-record-375');
      await w.page.setViewport({ width: 1280, height: 900 });
      expect({ scrollWidth: layout.scrollWidth, overflowing: layout.overflowing }).toEqual({
        scrollWidth: layout.innerWidth,
        overflowing: [],
      });
      expect(layout.actions).toEqual([{ label: 'Save', visible: true, clickable: true }]);
      await fillAndSave({
        custrecord_tts_shop_catalog_ns: 'Pull updates from NetSuite product catalog',
        custrecord_tts_shop_catalog_tts: 'Push products to TikTok',
      });
    },
    'skus-audited': async () => {
      const audit = stack.netsuite.suiteletUrl(SKU_AUDIT_SUITELET_ID, SKU_AUDIT_SUITELET_DEPLOYMENT_ID);
      await gotoNetSuite(w.page, audit);
      const found = await bodyText(w.page);
      const typo = stack.account.itemIds[TYPO_ITEM]!;
      expect(found).toContain(JSON.stringify(TYPO_SKU));
      expect(found).toContain(String(typo));
      await screenshot(w.page, 'setup-skus-audit-finding');
      await w.page.goto(recordUrl('inventoryitem', typo), { waitUntil: 'load' });
      expect(await bodyText(w.page)).toContain(TYPO_ITEM);
      await fillAndSave({ custitem_tts_sku: '' });
      expect(stack.netsuite.store.get('inventoryitem', typo)!.fields.custitem_tts_sku ?? '').toBe('');
      await gotoNetSuite(w.page, audit);
      expect(await bodyText(w.page)).not.toContain(JSON.stringify(TYPO_SKU));
    },
    'payment-methods': async () => {
      const map = demoPaymentMethodMap(stack.account);
      await followFixLink('payment-methods');
      await fillAndSave({ custrecord_tts_shop_pm_map: JSON.stringify({ ...map, '*': map.CCDC }) });
    },
    locations: async () => {
      const main = stack.account.locationIds.main;
      await w.page.goto(recordUrl('customrecord_tts_shop', shopRecord().id), { waitUntil: 'load' });
      await fillAndSave({
        custrecord_tts_shop_pull_locations: true,
        custrecord_tts_shop_loc_filter: [String(main)],
      });
      const warehouses = stack.netsuite.store.all('customrecord_tts_warehouse');
      expect(warehouses.length).toBeGreaterThan(0);
      for (const wh of warehouses) {
        await w.page.goto(recordUrl('customrecord_tts_warehouse', wh.id), { waitUntil: 'load' });
        await fillAndSave({ custrecord_tts_wh_location: String(main) });
      }
    },
    'flow-settings': async () => {
      const a = stack.account;
      const taxCode = demoShopTaxCode(a);
      await followFixLink('flow-settings');
      await fillAndSave({
        custrecord_tts_shop_customer: a.customerId,
        ...(a.subsidiaryId === null ? {} : { custrecord_tts_shop_subsidiary: a.subsidiaryId }),
        custrecord_tts_shop_location: a.locationIds.main,
        custrecord_tts_shop_ship_item: a.shipItemId,
        custrecord_tts_shop_seller_disc_item: a.discountItemIds.seller,
        custrecord_tts_shop_plat_disc_item: a.discountItemIds.platform,
        custrecord_tts_shop_tax_item: a.taxItemId,
        custrecord_tts_shop_fee_item: a.feeItemId,
        ...(taxCode === null ? {} : { custrecord_tts_shop_tax_code: taxCode }),
      });
    },
    'test-order': async () => {
      await gotoNetSuite(w.page, homeUrl());
      const [link] = await w.page.$$(
        'xpath/.//a[@class="tts-action" and normalize-space(.)="Test with one order"]',
      );
      expect(link).toBeDefined();
      await Promise.all([w.page.waitForNavigation({ waitUntil: 'load' }), link!.click()]);
      await clickAndWait(w.page, 'button[type="submit"]');
      expect(await bodyText(w.page)).toContain('Test with one order is on');
      expect(shopRecord().fields.custrecord_tts_shop_test_mode).toBe(true);

      // A buyer orders (the simulator's admin API); the order imports, then the order push pauses.
      const order = stack.simulator.admin.createOrder({
        advanceTo: 'AWAITING_SHIPMENT',
        paymentMethodName: 'CCDC',
      });
      await settle(stack);
      expect(salesOrderOf(stack, shopId, order.id)).not.toBeNull();
      expect(shopRecord().fields.custrecord_tts_shop_push_orders).toBe(false);
      expect(String(shopRecord().fields.custrecord_tts_shop_paused_reason ?? '')).not.toBe('');

      // Review it (the exceptions page lists the review), then turn the full sync on.
      await gotoNetSuite(
        w.page,
        stack.netsuite.suiteletUrl(EXCEPTIONS_SUITELET_ID, EXCEPTIONS_SUITELET_DEPLOYMENT_ID),
      );
      expect(await bodyText(w.page)).toContain(order.id);
      await w.page.goto(recordUrl('customrecord_tts_shop', shopRecord().id), { waitUntil: 'load' });
      await fillAndSave({
        custrecord_tts_shop_push_orders: true,
        custrecord_tts_shop_test_mode: false,
        custrecord_tts_shop_paused_reason: '',
      });
    },
  };

  it('starts with no shop on the connector home, so no checklist item is done', async () => {
    expect(Object.keys(ACTIONS)).toEqual(README_STEPS.map((s) => s.id));
    expect(await checklist('setup-0-start')).toEqual({});
    expect(await bodyText(w.page)).toContain('No TikTok shop yet');
  });

  const done: string[] = [];
  for (const step of README_STEPS) {
    it(`step ${step.n}, ${step.title}: \`${step.id}\` turns done; the earlier items stay done`, async () => {
      const before = await checklist(`setup-${step.n}-before`);
      if (step.doneWith === null) expect({ [step.id]: before[step.id] }).not.toEqual({ [step.id]: 'done' });
      else expect({ [step.id]: before[step.id] }).toEqual({ [step.id]: 'done' });

      // No heartbeat is forced: the bridge sends one right after connecting a shop (then every 5 minutes).
      await ACTIONS[step.id]!();

      const after = await checklist(`setup-${step.n}-${step.id}`);
      done.push(step.id);
      expect(Object.fromEntries(done.map((id) => [id, after[id]]))).toEqual(
        Object.fromEntries(done.map((id) => [id, 'done'])),
      );
      expect(w.errors).toEqual([]);
    }, 120_000);
  }

  it('ends with every checklist item done', async () => {
    const last = await checklist('setup-9-end');
    expect(Object.values(last)).toEqual(SETUP_STEPS.map(() => 'done'));
  });
});
