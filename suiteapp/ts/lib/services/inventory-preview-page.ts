/**
 * The TikTok Inventory Preview page (`customscript_tts_sl_inventory_preview`, issue #16 item 3): pick
 * a shop (and optionally a SKU, or only what changes), and see per seller SKU × TikTok warehouse the
 * quantity the next inventory export would queue, whether it would be sent, the rule that made it,
 * the NetSuite locations added up and the buffer kept back (`shared-types/src/inventory/inventory-preview.ts`).
 * It runs the export's own reads and computation (`inventory-export-service.ts#runShopExport`) and
 * writes nothing. The bridge's hold-back of orders not imported yet is noted, not listed: it lives in
 * the bridge. Text cells are HTML-escaped (NetSuite renders list cells as HTML).
 *
 * Usage: as the export's reads (settings 10, warehouses, locations and open orders 10 each, two item
 * searches 5 + 5 per 1,000 rows, two files 20), within a Suitelet's 1,000 units for about 30,000
 * balance rows.
 */
import type * as http from 'N/http';
import * as serverWidget from 'N/ui/serverWidget';
import { MAX_NOTICES_LOGGED } from '../../../../shared-types/src/inventory/export-governance';
import { parseInventoryAckFile } from '../../../../shared-types/src/inventory/inventory-contract';
import { parseInventoryState } from '../../../../shared-types/src/inventory/inventory-export';
import { previewRows } from '../../../../shared-types/src/inventory/inventory-preview';
import {
  inventoryAckFileName,
  inventoryStateFileName,
  listInventorySettings,
  readStateFile,
} from '../dao/inventory-dao';
import { remainingUsage } from '../platform/governance';
import { runShopExport } from './inventory-export-service';

const SHOP_PARAM = 'shop';
const SKU_PARAM = 'sku';
const CHANGED_PARAM = 'changed';
const SUBLIST = 'custpage_preview';
/** Rows listed at most (narrow with the SKU filter). */
export const PREVIEW_ROWS = 1000;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function cell(value: string): string {
  return value === '' ? ' ' : escapeHtml(value);
}

function html(form: serverWidget.Form, id: string, markup: string): void {
  const field = form.addField({ id, type: serverWidget.FieldType.INLINEHTML, label: ' ' });
  field.defaultValue = markup;
}

export function handleInventoryPreviewRequest(
  request: http.ServerRequest,
  response: http.ServerResponse,
): void {
  const params = request.parameters as Record<string, string | undefined>;
  const shops = listInventorySettings();
  const form = serverWidget.createForm({ title: 'TikTok Inventory Preview' });
  const shopField = form.addField({
    id: 'custpage_shop',
    type: serverWidget.FieldType.SELECT,
    label: 'Shop',
  });
  for (const s of shops) shopField.addSelectOption({ value: s.shopId, text: `${s.shopName} (${s.shopId})` });
  const wanted = params[SHOP_PARAM] ?? params.custpage_shop;
  const shop = shops.find((s) => s.shopId === wanted) ?? shops[0];
  if (shop !== undefined) shopField.defaultValue = shop.shopId;
  const skuFilter = (params[SKU_PARAM] ?? params.custpage_sku ?? '').trim();
  const skuField = form.addField({
    id: 'custpage_sku',
    type: serverWidget.FieldType.TEXT,
    label: 'SKU contains',
  });
  skuField.defaultValue = skuFilter;
  const changedOnly = (params[CHANGED_PARAM] ?? params.custpage_changed) === 'T';
  const changedField = form.addField({
    id: 'custpage_changed',
    type: serverWidget.FieldType.CHECKBOX,
    label: 'Only what the next run sends',
  });
  changedField.defaultValue = changedOnly ? 'T' : 'F';
  form.addSubmitButton({ label: 'Show' });
  if (shop === undefined) {
    html(form, 'custpage_intro', '<p>No TikTok shop is connected yet.</p>');
    response.writePage({ pageObject: form });
    return;
  }
  const notes: string[] = [];
  if (!shop.pullInventory)
    notes.push('Pull Inventory from NetSuite is off: the export does not run for this shop.');
  if (!shop.pushInventory)
    notes.push('Push inventory information to TikTok is off: the bridge sends nothing.');
  if (!shop.pullLocations)
    notes.push('Pull locations from NetSuite is off: no location takes part, nothing is sent.');
  const previous = parseInventoryState(readStateFile(inventoryStateFileName(shop.shopId)));
  const acks = parseInventoryAckFile(readStateFile(inventoryAckFileName(shop.shopId)));
  const run = shop.pullLocations
    ? runShopExport(shop, { remaining: remainingUsage, now: () => Date.now() }, previous, acks.done)
    : null;
  if (run === null) {
    if (shop.pullLocations)
      notes.push('The preview did not fit in this page\'s usage: narrow it with "SKU contains".');
    html(form, 'custpage_intro', notes.map((n) => `<p>${escapeHtml(n)}</p>`).join(''));
    response.writePage({ pageObject: form });
    return;
  }
  const { rows, total } = previewRows(run.result.explained, shop.availability, run.locationNames, {
    sku: skuFilter,
    changedOnly,
    limit: PREVIEW_ROWS,
  });
  const open = run.result.state.openOrders?.length ?? 0;
  if (open > 0) {
    notes.push(
      `${open} TikTok orders are received but not imported yet: the bridge holds their units back from these quantities until NetSuite commits them (README, "No oversell between export runs").`,
    );
  }
  for (const n of run.result.notices.slice(0, MAX_NOTICES_LOGGED)) notes.push(n.message);
  const intro = `<p>What the next inventory export would queue for ${escapeHtml(shop.shopName)}, per TikTok SKU and warehouse, and why. ${total} rows${total > rows.length ? `, the first ${rows.length} shown` : ''}. Settings: Inventory Safety Buffer ${shop.buffer}, (%) ${shop.availability.bufferPercent}, Count Quantity On Order ${shop.availability.includeOnOrder ? 'on' : 'off'}, Count Quantity In Transit ${shop.availability.includeInTransit ? 'on' : 'off'}, Count Buildable Assemblies ${shop.availability.assembliesFromComponents ? 'on' : 'off'}, Push Inactive Items as Out of Stock ${shop.availability.inactiveAsZero ? 'on' : 'off'}.</p>`;
  html(form, 'custpage_intro', intro + notes.map((n) => `<p>${escapeHtml(n)}</p>`).join(''));
  const sublist = form.addSublist({ id: SUBLIST, type: serverWidget.SublistType.LIST, label: 'Next export' });
  const columns: [keyof (typeof rows)[number], string, serverWidget.FieldType][] = [
    ['sellerSku', 'TikTok SKU', serverWidget.FieldType.TEXT],
    ['itemId', 'Item ID', serverWidget.FieldType.TEXT],
    ['warehouseId', 'TikTok Warehouse', serverWidget.FieldType.TEXT],
    ['quantity', 'Quantity', serverWidget.FieldType.TEXT],
    ['next', 'Next run', serverWidget.FieldType.TEXT],
    ['rule', 'Rule', serverWidget.FieldType.TEXTAREA],
    ['locations', 'NetSuite Locations', serverWidget.FieldType.TEXTAREA],
    ['buffer', 'Buffer', serverWidget.FieldType.TEXT],
  ];
  for (const [key, label, type] of columns)
    sublist.addField({ id: `custpage_pv_${key.toLowerCase()}`, type, label });
  rows.forEach((row, line) => {
    for (const [key] of columns) {
      sublist.setSublistValue({ id: `custpage_pv_${key.toLowerCase()}`, line, value: cell(row[key]) });
    }
  });
  response.writePage({ pageObject: form });
}
