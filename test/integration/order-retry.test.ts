import {
  EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
  EXCEPTIONS_SUITELET_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, IMPORT_SCRIPT, startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import {
  fulfilSalesOrder,
  importOrders,
  inboxOf,
  nextVersion,
  ORDER_UPDATES_SCRIPT,
  salesOrderOf,
  sendUpdate,
} from '../support/order-updates';

/**
 * Retry of orders in error or exception: through the RESTlet action `orders.retry` (bridge CLI) and
 * through the TikTok Order Exceptions Suitelet over HTTP (UI session), as an administrator would.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

/** An order whose payment method "Klarna" has no entry in the map: it ends in error. */
async function orderInError() {
  world = await startConnectorAccount();
  const [order] = makeOrders({ count: 1, paymentMethodName: 'Klarna', seed: 5 });
  await world.upsertOrders([order]);
  await world.ns.runQueuedTasks();
  const inbox = inboxOf(world, order.id);
  expect(inbox.fields.custrecord_tts_ord_state).toBe('error');
  return { order, inboxId: String(inbox.id), attempts: inbox.fields.custrecord_tts_ord_attempts };
}

/** The administrator adds Klarna to the Payment Method Map. */
function mapKlarna(): void {
  const shop = world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${DEMO_SHOP.shopId}`)!;
  const rec = world.ns.seed.ui.load({ type: 'customrecord_tts_shop', id: shop.id });
  const ids = world.account.paymentMethodIds;
  rec.setValue({
    fieldId: 'custrecord_tts_shop_pm_map',
    value: JSON.stringify({ CCDC: String(ids['Credit Card']), Klarna: String(ids.PayPal) }),
  });
  world.ns.seed.ui.save(rec, {});
}

function suiteletUrl(params: Record<string, string> = {}): string {
  const url = new URL(world.ns.suiteletUrl(EXCEPTIONS_SUITELET_ID, EXCEPTIONS_SUITELET_DEPLOYMENT_ID));
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

async function page(
  url = suiteletUrl(),
  init: RequestInit = {},
): Promise<{ status: number; html: string; location: string | null }> {
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
    .replace(/&amp;/g, '&');

/** The hidden inputs of the page's form, as a browser would post them back. */
function hiddenInputs(html: string): [string, string][] {
  return [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [
    decode(m[1]),
    decode(m[2]),
  ]);
}

function lineOf(html: string, inboxId: string): number {
  const found = hiddenInputs(html).find(
    ([name, value]) => /^custpage_inbox:custpage_inbox_id:\d+$/.test(name) && value === inboxId,
  );
  if (!found) throw new Error(`inbox ${inboxId} is not listed`);
  return Number(found[0].split(':')[2]);
}

describe('Retry of orders in error or exception', () => {
  it('orders.retry puts an error back to pending (automatic-retry budget restarted) and the import then succeeds', async () => {
    const { order, inboxId, attempts } = await orderInError();
    mapKlarna();
    const res = await world.restlet('POST', { action: 'orders.retry', inboxIds: [inboxId, '999999'] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: true,
      results: [
        { inboxId, outcome: 'retried', state: 'pending' },
        { inboxId: '999999', outcome: 'not_found', state: null },
      ],
      importQueued: true,
      updatesQueued: false,
    });
    const inbox = inboxOf(world, order.id);
    expect(inbox.fields.custrecord_tts_ord_state).toBe('pending');
    expect(inbox.fields.custrecord_tts_ord_error ?? '').toBe('');
    expect(attempts).toBeGreaterThan(0);
    expect(inbox.fields.custrecord_tts_ord_attempts).toBe(0);

    const tasks = await world.ns.runQueuedTasks();
    expect(tasks.map((t) => t.scriptId)).toEqual([IMPORT_SCRIPT]);
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('imported');
    expect(salesOrderOf(world, order.id).fields.paymentmethod).toBe(
      String(world.account.paymentMethodIds.PayPal),
    );

    const again = await world.restlet('POST', { action: 'orders.retry', inboxIds: [inboxId] });
    expect(again.body).toMatchObject({
      results: [{ outcome: 'not_retryable', state: 'imported' }],
      importQueued: false,
    });
  });

  it('orders.retry rejects ids that are not internal ids', async () => {
    world = await startConnectorAccount();
    const res = await world.restlet('POST', { action: 'orders.retry', inboxIds: ['abc'] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('inboxIds[0]');
  });

  it('the Suitelet lists the error, and "Retry selected" queues the chosen record', async () => {
    const { order, inboxId } = await orderInError();
    const listed = await page();
    expect(listed.status).toBe(200);
    expect(listed.html).toContain('TikTok Order Exceptions');
    expect(listed.html).toContain(order.id);
    expect(listed.html).toContain('Honeycomb US');
    expect(listed.html).toContain('TikTok payment method &#34;Klarna&#34; has no entry');
    expect(listed.html).toContain('Recent sync log');

    mapKlarna();
    const line = lineOf(listed.html, inboxId);
    const form = new URLSearchParams(hiddenInputs(listed.html));
    form.set(`custpage_inbox:custpage_select:${line}`, 'T');
    const posted = await page(suiteletUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(posted.status).toBe(302);
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('pending');

    const after = await page(new URL(posted.location!, suiteletUrl()).toString());
    expect(after.html).toContain('1 order queued for another try.');
    expect(after.html).not.toContain(`value="${inboxId}"`);

    await world.ns.runQueuedTasks();
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('imported');
  });

  it('the per-record Retry link only asks; its confirmation form (a POST) retries that record only', async () => {
    const { order, inboxId, attempts } = await orderInError();
    const [other] = makeOrders({
      count: 1,
      paymentMethodName: 'Klarna',
      seed: 9,
      firstOrderId: 576461413038799000n,
    });
    await world.upsertOrders([other]);
    await world.ns.runQueuedTasks();
    const listed = await page();
    const link = hiddenInputs(listed.html).find(
      ([name]) => name === `custpage_inbox:custpage_retry:${lineOf(listed.html, inboxId)}`,
    );
    expect(link).toBeDefined();
    // A plain GET of the link (a click, an <img src>, a link in an e-mail) changes nothing.
    const clicked = await page(new URL(link![1], suiteletUrl()).toString());
    expect(clicked.status).toBe(200);
    expect(clicked.html).toContain(`Retry order inbox record ${inboxId}?`);
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('error');
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_attempts).toBe(attempts);

    const confirmed = await page(suiteletUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(hiddenInputs(clicked.html)).toString(),
    });
    expect(confirmed.status).toBe(302);
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('pending');
    expect(inboxOf(world, other.id).fields.custrecord_tts_ord_state).toBe('error');
  });

  it('TikTok text in the list is escaped: a payment method name or shop name with markup is shown, never run', async () => {
    world = await startConnectorAccount();
    const markupShop = `Honeycomb <script>alert('shop')</script>`;
    const shop = await world.restlet('POST', {
      action: 'shop.upsert',
      shop: { ...DEMO_SHOP, name: markupShop },
    });
    expect(shop.status).toBe(200);
    const markupMethod = '<img src=x onerror=alert(document.cookie)>';
    const [order] = makeOrders({ count: 1, paymentMethodName: markupMethod, seed: 5 });
    await world.upsertOrders([order]);
    await world.ns.runQueuedTasks();
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('error');

    const listed = await page();
    expect(listed.status).toBe(200);
    expect(listed.html).toContain(order.id);
    // The emulator renders list cells as HTML (as NetSuite does): the text must arrive escaped.
    expect(listed.html).not.toContain('<img src=x');
    expect(listed.html).not.toContain("<script>alert('shop')");
    expect(listed.html).toContain('&#60;img src=x onerror=alert(document.cookie)&#62;');
    expect(listed.html).toContain('Honeycomb &#60;script&#62;alert(&#39;shop&#39;)&#60;/script&#62;');
  });

  it('retrying an update exception re-checks the sales order: resolved once the person fixed it', async () => {
    world = await startConnectorAccount();
    const [order] = makeOrders({ count: 1, seed: 13 });
    await importOrders(world, [order]);
    const soId = salesOrderOf(world, order.id).id;
    fulfilSalesOrder(world, soId);
    const moved = nextVersion(order, {
      recipient_address: { ...order.recipient_address, postal_code: '94105' },
    });
    await sendUpdate(world, moved);
    const inboxId = String(inboxOf(world, order.id).id);
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('exception');

    // Retry before anything changed: the same exception comes back.
    const first = await world.restlet('POST', { action: 'orders.retry', inboxIds: [inboxId] });
    expect(first.body).toMatchObject({
      results: [{ outcome: 'retried', state: 'imported' }],
      updatesQueued: true,
    });
    const tasks = await world.ns.runQueuedTasks();
    expect(tasks.map((t) => t.scriptId)).toEqual([ORDER_UPDATES_SCRIPT]);
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('exception');

    // The person sets the new address on the sales order, then retries: resolved.
    const so = world.ns.seed.ui.load({ type: 'salesorder', id: soId });
    so.getSubrecord({ fieldId: 'shippingaddress' }).setValue({ fieldId: 'zip', value: '94105' });
    world.ns.seed.ui.save(so, {});
    await world.restlet('POST', { action: 'orders.retry', inboxIds: [inboxId] });
    await world.ns.runQueuedTasks();
    const inbox = inboxOf(world, order.id);
    expect(inbox.fields.custrecord_tts_ord_state).toBe('imported');
    expect(inbox.fields.custrecord_tts_ord_update_pending).toBe(false);
  });
});
