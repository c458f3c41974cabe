/**
 * The TikTok Shop Connector home (`customscript_tts_sl_home`, issue #21): per shop the setup
 * checklist in the seed's order, one row per flow with its actions, and the doctor's findings
 * (shared-types/src/doctor/), judged from the shop record, what NetSuite holds (payment methods,
 * locations, warehouses, the order inbox) and the bridge's last heartbeat (the TikTok Bridge Status
 * record). Links go to the exact field (the shop record in edit mode), NetSuite page or the bridge's
 * Connect page (the bridge URL its heartbeat sent).
 *
 * Safety: every value is HTML-escaped. An action link only opens a confirmation form; the form
 * POSTs and the Suitelet acts on a POST only, then redirects back (a reload does not act again).
 *
 * Usage: six queries (60) plus per shop one query and one lookup (11) to show the page; an action at
 * most 260.
 */
import type * as http from 'N/http';
import * as redirect from 'N/redirect';
import * as serverWidget from 'N/ui/serverWidget';
import * as url from 'N/url';
import { isInternalId } from '../../../../shared-types/src/ids/external-ids';
import type { HomeAction, ShopHomeModel } from '../../../../shared-types/src/doctor/connector-home';
import { doctorInputOf, doctorLinkResolver, readDoctorAccount } from './doctor-service';
import {
  escapeHtml,
  HOME_ACTIONS,
  HOME_STYLE,
  HOME_SUITELET_DEPLOYMENT_ID,
  HOME_SUITELET_ID,
  isHomeAction,
  shopHomeModel,
  shopSectionHtml,
} from '../../../../shared-types/src/doctor/connector-home';
import {
  EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
  EXCEPTIONS_SUITELET_ID,
} from '../../../../shared-types/src/netsuite/netsuite-ids';
import { MAX_RETRY_IDS } from '../../../../shared-types/src/contract/restlet-contract';
import { listInboxForReview } from '../dao/inbox-review-dao';
import { listDoctorShops, tickShopSetting } from '../dao/shop-dao';
import type { DoctorShopRow } from '../mappers/shop-mapper';
import { submitInventoryExport } from '../platform/inventory-task';
import { retryInboxRecords, RETRYABLE_STATES } from './retry-service';

/** GET parameters of an action link: they open the confirmation form, never act. */
export const ACTION_PARAM = 'action';
export const SHOP_PARAM = 'shop';
/** Fields of the confirmation form its POST carries. */
const ACTION_FIELD = 'custpage_home_action';
const SHOP_FIELD = 'custpage_home_shop';
/** GET parameter after an action: what was done. */
const DONE_PARAM = 'done';

function selfUrl(params: Record<string, string> = {}): string {
  return url.resolveScript({ scriptId: HOME_SUITELET_ID, deploymentId: HOME_SUITELET_DEPLOYMENT_ID, params });
}

function exceptionsUrl(): string {
  return url.resolveScript({
    scriptId: EXCEPTIONS_SUITELET_ID,
    deploymentId: EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
  });
}

function renderHome(request: http.ServerRequest, response: http.ServerResponse): void {
  const account = readDoctorAccount();
  const shops = listDoctorShops();
  const nowMs = Date.now();
  const models = shops.map((shop) => ({ shop, model: shopHomeModel(doctorInputOf(shop, account, nowMs)) }));
  const urlByShopId = new Map(
    shops.map((shop) => [shop.shopId, account.statusByShop.get(shop.settings.recordId)?.bridgeUrl ?? null]),
  );
  const resolve = doctorLinkResolver((shop) => urlByShopId.get(shop.shopId) ?? null);
  const actionLink = (action: HomeAction, shop: ShopHomeModel): string | null =>
    shop.recordId === null ? null : selfUrl({ [ACTION_PARAM]: action, [SHOP_PARAM]: shop.recordId });
  const done = (request.parameters as Record<string, string | undefined>)[DONE_PARAM];
  const form = serverWidget.createForm({ title: 'TikTok Shop Connector' });
  const html = form.addField({ id: 'custpage_home', type: serverWidget.FieldType.INLINEHTML, label: 'Home' });
  const anyBridge = [...urlByShopId.values()].find((u) => u !== null) ?? null;
  const intro = `<p>Set up each shop in the order below, then watch its flows. Each check says what it found and how to fix it. ${
    anyBridge === null
      ? 'The bridge has not reported yet: start it with this account&#39;s token settings.'
      : `Bridge: <a href="${escapeHtml(anyBridge)}">${escapeHtml(anyBridge)}</a> (Connect TikTok Shop, status page).`
  } <a href="${escapeHtml(exceptionsUrl())}">TikTok Order Exceptions</a></p>`;
  html.defaultValue = `${HOME_STYLE}<div class="tts-home">${done ? `<p><b>${escapeHtml(done)}</b></p>` : ''}${intro}${
    models.length === 0
      ? '<p>No TikTok shop yet: open the bridge and click Connect TikTok Shop, signed in as the seller account owner.</p>'
      : models.map(({ model }) => shopSectionHtml(model, resolve, actionLink)).join('')
  }</div>`;
  response.writePage({ pageObject: form });
}

/** The action link's page: says what the action does; its button posts it. */
function renderConfirmation(action: HomeAction, recordId: string, response: http.ServerResponse): void {
  const shop = listDoctorShops().find((s) => s.settings.recordId === recordId);
  const form = serverWidget.createForm({ title: HOME_ACTIONS[action].label });
  const intro = form.addField({
    id: 'custpage_intro',
    type: serverWidget.FieldType.INLINEHTML,
    label: 'About',
  });
  intro.defaultValue =
    shop === undefined
      ? `<p>There is no TikTok Shop record ${escapeHtml(recordId)}. <a href="${escapeHtml(selfUrl())}">Back to the connector home</a></p>`
      : `<p>${escapeHtml(HOME_ACTIONS[action].label)} for ${escapeHtml(shop.name)}? <a href="${escapeHtml(selfUrl())}">Back to the connector home</a></p>`;
  for (const [id, value] of [
    [ACTION_FIELD, action],
    [SHOP_FIELD, recordId],
  ] as const) {
    const field = form.addField({ id, type: serverWidget.FieldType.TEXT, label: id });
    field.defaultValue = value;
    field.updateDisplayType({ displayType: serverWidget.FieldDisplayType.HIDDEN });
  }
  if (shop !== undefined) form.addSubmitButton({ label: HOME_ACTIONS[action].label });
  response.writePage({ pageObject: form });
}

/** Runs one action for one shop; returns what to tell the admin. */
export function runHomeAction(action: HomeAction, shop: DoctorShopRow): string {
  switch (action) {
    case 'retry': {
      const ids = listInboxForReview(RETRYABLE_STATES, MAX_RETRY_IDS)
        .filter((row) => row.shopName === shop.name)
        .map((row) => row.id);
      if (ids.length === 0) return `${shop.name}: no order in error to retry.`;
      const result = retryInboxRecords(ids);
      const retried = result.results.filter((r) => r.outcome === 'retried').length;
      return `${shop.name}: ${retried} order(s) queued for another try.`;
    }
    case 'test_order':
      tickShopSetting(shop.settings.recordId, 'testMode');
      return `${shop.name}: Test with one order is on; the next order imports, then the order push pauses for review.`;
    case 'push_inventory':
      tickShopSetting(shop.settings.recordId, 'pushInventoryNow');
      submitInventoryExport();
      return `${shop.name}: inventory export started; TikTok stock follows within minutes.`;
    case 'force_inventory':
      tickShopSetting(shop.settings.recordId, 'forceInventory');
      submitInventoryExport();
      return `${shop.name}: every linked SKU will be sent to TikTok once (Force inventory resync).`;
    case 'force_catalog':
      tickShopSetting(shop.settings.recordId, 'forceCatalog');
      return `${shop.name}: the next catalog run re-sends everything once (Force product catalog resync).`;
  }
}

export function handleHomeRequest(request: http.ServerRequest, response: http.ServerResponse): void {
  const params = request.parameters as Record<string, string | undefined>;
  if (request.method === 'POST') {
    const action = params[ACTION_FIELD];
    const recordId = params[SHOP_FIELD];
    const shop = isInternalId(recordId)
      ? listDoctorShops().find((s) => s.settings.recordId === recordId)
      : undefined;
    const done =
      !isHomeAction(action) || shop === undefined
        ? `Nothing done: the form named no known action and TikTok Shop record (action ${String(action ?? 'missing')}, record ${String(recordId ?? 'missing')}).`
        : runHomeAction(action, shop);
    redirect.toSuitelet({
      scriptId: HOME_SUITELET_ID,
      deploymentId: HOME_SUITELET_DEPLOYMENT_ID,
      parameters: { [DONE_PARAM]: done },
    });
    return;
  }
  if (request.method !== 'GET') {
    response.write({
      output: `Method ${request.method} is not allowed: open this page (GET) or post its forms (POST).`,
    });
    return;
  }
  // A GET never acts (a link must not change anything): an action link asks first.
  const action = params[ACTION_PARAM];
  const recordId = params[SHOP_PARAM];
  if (isHomeAction(action) && isInternalId(recordId)) {
    renderConfirmation(action, recordId, response);
    return;
  }
  renderHome(request, response);
}
