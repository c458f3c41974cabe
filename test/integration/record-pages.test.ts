import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';

/**
 * The emulator's record pages (sandbox/netsuite/src/exec/suitelet/record-form.ts) with our compiled
 * SuiteApp: the entry form of the TikTok Shop record (a custom record) and of an item, at the
 * addresses `url.resolveRecord` gives, so the connector home's fix links open a page in the sandbox.
 * Each field shows by its label with its field id; a POST sets the fields that changed and saves as
 * the UI does (the shop's user event runs and can refuse); the session is required.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

function shopRecord() {
  return world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${DEMO_SHOP.shopId}`)!;
}

const shopFormUrl = (): string =>
  `${world.ns.restletBaseUrl}/app/common/custom/custrecordentry.nl?rectype=customrecord_tts_shop&id=${shopRecord().id}&e=T`;

async function page(url: string, init: RequestInit = {}, signedIn = true) {
  const res = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: {
      ...(signedIn ? { Authorization: `Bearer ${world.ns.uiToken}` } : {}),
      ...(init.headers ?? {}),
    },
  });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

/** The form's fields as a browser posts them: every named input, select and textarea with its value. */
function posted(html: string): URLSearchParams {
  const out = new URLSearchParams();
  const decode = (s: string): string =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  for (const m of html.matchAll(
    /<input type="(hidden|text|checkbox)"[^>]*name="([^"]+)" value="([^"]*)"([^>]*)>/g,
  )) {
    if (m[1] === 'checkbox' && !m[4]!.includes('checked')) continue;
    out.append(m[2]!, decode(m[3]!));
  }
  for (const m of html.matchAll(/<select id="[^"]+" name="([^"]+)"[^>]*>(.*?)<\/select>/g)) {
    for (const o of m[2]!.matchAll(/<option value="([^"]*)" selected>/g)) out.append(m[1]!, o[1]!);
  }
  for (const m of html.matchAll(/<textarea id="[^"]+" name="([^"]+)"[^>]*>(.*?)<\/textarea>/gs)) {
    out.append(m[1]!, decode(m[2]!));
  }
  return out;
}

const post = (url: string, body: URLSearchParams) =>
  page(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });

describe("the emulator's record pages", () => {
  it('show each field of the TikTok Shop record by its label with its field id and value', async () => {
    world = await startConnectorAccount();
    const { status, html } = await page(shopFormUrl());
    expect(status).toBe(200);
    expect(html).toContain(`<h1>TikTok Shop: ${DEMO_SHOP.name}</h1>`);
    expect(html).toContain(
      '<label for="custrecord_tts_shop_push_orders">Push orders to NetSuite</label> <input type="hidden" name="_checkbox" value="custrecord_tts_shop_push_orders"><input type="checkbox" id="custrecord_tts_shop_push_orders" name="custrecord_tts_shop_push_orders" value="T" checked><small>custrecord_tts_shop_push_orders</small>',
    );
    expect(html).toMatch(
      new RegExp(
        `<select id="custrecord_tts_shop_customer"[^>]*>.*<option value="${world.account.customerId}" selected>`,
      ),
    );
    expect(html).toContain('<option value="">');
    expect(html).not.toContain('name="lastmodified"');
  });

  it('a POST sets what changed and saves as the UI does; the record page follows', async () => {
    world = await startConnectorAccount();
    const form = posted((await page(shopFormUrl())).html);
    form.delete('custrecord_tts_shop_push_orders');
    form.set('custrecord_tts_shop_inv_buffer', '4');
    form.set('custrecord_tts_shop_location', String(world.account.locationIds.east));
    form.append('custrecord_tts_shop_loc_filter', String(world.account.locationIds.main));
    form.append('custrecord_tts_shop_loc_filter', String(world.account.locationIds.east));
    const saved = await post(shopFormUrl(), form);
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(new URL(shopFormUrl()).pathname + new URL(shopFormUrl()).search);
    const fields = shopRecord().fields;
    expect(fields.custrecord_tts_shop_push_orders).toBe(false);
    expect(fields.custrecord_tts_shop_inv_buffer).toBe(4);
    expect(String(fields.custrecord_tts_shop_location)).toBe(String(world.account.locationIds.east));
    expect((fields.custrecord_tts_shop_loc_filter as unknown[]).map(String).sort()).toEqual(
      [world.account.locationIds.main, world.account.locationIds.east].map(String).sort(),
    );
    // Unchanged fields keep their values (the customer, the map).
    expect(String(fields.custrecord_tts_shop_customer)).toBe(String(world.account.customerId));
  });

  it("a save the shop's user event refuses shows its message and changes nothing", async () => {
    world = await startConnectorAccount();
    const before = shopRecord().fields.custrecord_tts_shop_pm_map;
    const form = posted((await page(shopFormUrl())).html);
    form.set('custrecord_tts_shop_pm_map', JSON.stringify({ '*': '99999' }));
    const refused = await post(shopFormUrl(), form);
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('99999');
    expect(refused.html).toContain('The record was not saved.');
    expect(shopRecord().fields.custrecord_tts_shop_pm_map).toBe(before);
  });

  it("an item's form sets its TikTok SKU", async () => {
    world = await startConnectorAccount();
    const [sku, id] = Object.entries(world.account.itemIds)[0]!;
    const url = `${world.ns.restletBaseUrl}/app/common/item/item.nl?id=${id}&e=T`;
    const { status, html } = await page(url);
    expect(status).toBe(200);
    expect(html).toContain(sku);
    const form = posted(html);
    form.set('custitem_tts_sku', 'TIKTOK-SKU-1');
    expect((await post(url, form)).status).toBe(303);
    expect(world.ns.store.get('inventoryitem', id)!.fields.custitem_tts_sku).toBe('TIKTOK-SKU-1');
  });

  it('need the UI session, and name a record that is not there', async () => {
    world = await startConnectorAccount();
    expect((await page(shopFormUrl(), {}, false)).status).toBe(401);
    const missing = await page(
      `${world.ns.restletBaseUrl}/app/common/custom/custrecordentry.nl?rectype=customrecord_tts_shop&id=999999`,
    );
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('There is no customrecord_tts_shop record 999999.');
    const type = await page(
      `${world.ns.restletBaseUrl}/app/common/custom/custrecordentry.nl?rectype=customrecord_nope&id=1`,
    );
    expect(type.status).toBe(404);
    expect(type.html).toContain('There is no custom record type &quot;customrecord_nope&quot;.');
  });
});
