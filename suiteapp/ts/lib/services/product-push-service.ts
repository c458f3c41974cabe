/**
 * The RESTlet's product push actions (issue #20; contract shared-types/src/catalog/product-push.ts,
 * decisions shared-types/src/catalog/push-plan.ts):
 *
 * - `catalog.push.pull`: a page of items marked Push to TikTok, or returned by the shop's Push Saved Search
 *   when it names one (standalone inventory items and matrix parents, by internal id), each planned into a product; only changed products are returned. An item
 *   NetSuite finds invalid is listed in `invalid`, and its message is written to the item (TikTok Push
 *   Message) and the sync log once (not again while the message stays the same).
 * - `catalog.push.ack`: TikTok's outcome per product: ids, hashes (TikTok Last Pushed Hashes) and the
 *   audit status on accepted ones; the reason on refused ones; `not_allowed` blocks the shop's push
 *   (Product Push Blocked) and says what to do instead. Results are recorded in order; when the call
 *   runs low on units it stops and `recorded` says how many were written (the bridge sends the rest again).
 * - `catalog.push.audit`: TikTok's audit results, written on the items carrying the product ids.
 * - `catalog.image`: one image file's bytes (base64), refused above MAX_IMAGE_BYTES naming the item.
 *
 * Governance (units): pull 10 (shop) + 1 (settings) + 10 (page) + 10 per 15 matrix parents + 10
 * (category map) + 10 (currencies) + 10 (warehouses) + 10 (inventory state) = 61 + 10 per image of a
 * returned product + 11 per newly invalid item (log 6 + item 5) (with a Push Saved Search the page
 * costs search.load 5 + runPaged 5 + 5 per 1,000 results + 10 per `limit` ids; with a Push Price Level,
 * 10 for the price levels + 10 per 250 items and children priced); the page stops early, with `next`,
 * when fewer than PULL_RESERVE units are left. Ack: 10 + 1 + 10 + 5 per item written + 5 per matrix
 * child whose TikTok ids changed + 6 per new log entry. README "Push products to TikTok" has the
 * figures measured by test/bench/product-push.ts.
 */
import type {
  CatalogImageRequest,
  CatalogImageResponse,
  CatalogPushAckRequest,
  CatalogPushAckResponse,
  CatalogPushAuditRequest,
  CatalogPushAuditResponse,
  CatalogPushPullRequest,
  CatalogPushPullResponse,
  PushAckResult,
  PushImage,
  PushProduct,
} from '../../../../shared-types/src/catalog/product-push';
import { DEFAULT_PUSH_PULL, MAX_IMAGE_BYTES } from '../../../../shared-types/src/catalog/product-push';
import type {
  MatrixOptionField,
  PushDecision,
  PushItemRow,
  PushPriceLevel,
} from '../../../../shared-types/src/catalog/push-plan';
import {
  formatPushedHashes,
  hashText,
  IMAGE_MIME_TYPES,
  imageRefusal,
  notAllowedText,
  parseMatrixOptionFields,
  planPushItem,
  pushOffReason,
  resolvePriceLevel,
  unknownPushSearchText,
} from '../../../../shared-types/src/catalog/push-plan';
import { RESTLET_ERROR_CODES } from '../../../../shared-types/src/contract/restlet-contract';
import { pairKey } from '../../../../shared-types/src/inventory/inventory-delta';
import { parseInventoryState } from '../../../../shared-types/src/inventory/inventory-export';
import { loadCurrencies } from '../dao/currency-dao';
import { savedSearchExists } from '../dao/netsuite-record';
import { loadCabinetFile } from '../dao/file-dao';
import { inventoryStateFileName, readStateFile } from '../dao/inventory-dao';
import { writeLogEntry } from '../dao/log-dao';
import {
  findItemsByProduct,
  itemsShowingImage,
  lookupPushShop,
  readCategoryMap,
  readPushChildren,
  readPushItems,
  readPushItemsOfSearch,
  readPushRefs,
  writePushBlock,
  writePushFields,
} from '../dao/product-push-dao';
import { readLevelPrices, readPriceLevels } from '../dao/pricing-dao';
import { findShop } from '../dao/shop-dao';
import { findWarehousesOfShop } from '../dao/warehouse-dao';
import {
  auditWrites,
  childSkuWrites,
  pushAcceptedWrites,
  pushMessageWrites,
} from '../mappers/catalog-mapper';
import type { PushShopSettings } from '../mappers/catalog-mapper';
import type { AccountCurrencies } from '../mappers/currency-mapper';
import type { ShopRef } from '../mappers/shop-mapper';
import { connectorError } from '../platform/errors';
import { remainingUsage } from '../platform/governance';

export const CATALOG_FLOW = 'catalog';

/** Units kept in hand while planning a page: one more product (2 images) plus the answer. */
export const PULL_RESERVE = 150;
/** Units kept in hand while recording an ack result (a matrix of 300 children needs up to 1,500). */
export const ACK_RESERVE = 100;

function requireShop(shopId: string, what: string): ShopRef {
  const shop = findShop(shopId);
  if (shop === null) {
    throw connectorError(
      RESTLET_ERROR_CODES.SHOP_NOT_FOUND,
      `shopId: no TikTok Shop record for shop ${shopId} (externalid tts_shop_${shopId}). Fix: send {"action": "shop.upsert", "shop": {...}} for this shop first, then resend the ${what}.`,
    );
  }
  return shop;
}

function logCatalog(
  shop: ShopRef,
  level: 'error' | 'warning',
  message: string,
  itemId: string | null,
  tiktokId: string | null,
): void {
  writeLogEntry({
    shopRecordId: shop.id,
    level,
    flow: CATALOG_FLOW,
    message,
    recordType: itemId === null ? null : 'inventoryitem',
    recordId: itemId,
    tiktokId,
  });
}

/** The item's own problem, written on it and logged once (nothing when it already says the same). */
function recordItemProblem(
  shop: ShopRef,
  itemId: string,
  message: string,
  current: string | null,
  tiktokId: string | null,
): boolean {
  if ((current ?? '') === message.slice(0, 4000)) return false;
  writePushFields(itemId, pushMessageWrites(message));
  logCatalog(shop, 'error', `Shop ${shop.name}: ${message}`, itemId, tiktokId);
  return true;
}

function imagesOf(item: PushItemRow, fileIds: readonly string[]): PushImage[] | { error: string } {
  const label = `Item ${item.itemid} (internal id ${item.id})`;
  const images: PushImage[] = [];
  for (const fileId of fileIds) {
    const file = loadCabinetFile(fileId, true, MAX_IMAGE_BYTES);
    const refusal = imageRefusal(file, fileId, label, MAX_IMAGE_BYTES);
    if (refusal !== null || file === null) return { error: refusal ?? label };
    images.push({ fileId, name: file.name, bytes: file.size, contentHash: hashText(file.contents ?? '') });
  }
  return images;
}

interface PushSetup {
  options: MatrixOptionField[];
  priceLevel: { level: PushPriceLevel; currencyId: string } | null;
}

/**
 * The shop's own push settings made usable, or why they stop the push (naming the field and the fix):
 * TikTok Matrix Options must parse; a Push Price Level must be an active price level, and the shop's
 * currency a currency of the account (then its NetSuite id comes along). Units: 0, or 20 with a Push
 * Price Level (price levels, currencies unless `currencies` was read already).
 */
function pushSetupOf(
  shopName: string,
  settings: PushShopSettings,
  currencies: () => AccountCurrencies,
): PushSetup | { error: string } {
  const options = parseMatrixOptionFields(settings.matrixOptions);
  if ('error' in options) {
    return {
      error: `Shop ${shopName}: TikTok Matrix Options (custrecord_tts_shop_matrix_opts): ${options.error}. Fix: write each matrix option field as "<field id>=<TikTok attribute name>", separated by commas.`,
    };
  }
  if (settings.priceLevel === null) return { options, priceLevel: null };
  const level = resolvePriceLevel(shopName, settings.priceLevel, readPriceLevels());
  if ('error' in level) return level;
  const currency = (settings.currency ?? '').toUpperCase();
  const currencyId = currencies().ids[currency];
  if (currencyId === undefined) {
    return {
      error: `Shop ${shopName}: Push Price Level (custrecord_tts_shop_price_level) is ${level.name}, but the shop's currency ${currency || '(not known yet)'} is not an active currency of this NetSuite account, so no item has a ${level.name} price in it. Fix: add ${currency || 'the currency'} under Lists > Accounting > Currencies and give the items ${level.name} prices in it, or clear Push Price Level.`,
    };
  }
  return { options, priceLevel: { level, currencyId } };
}

/**
 * For the doctor (check `products-to-tiktok`): why the shop's own push settings stop its push — TikTok
 * Matrix Options, Push Price Level, Push Saved Search — or null. Units: 1, plus 20 with a Push Price
 * Level and 5 with a Push Saved Search.
 */
export function pushSetupProblem(shopRecordId: string, shopName: string): string | null {
  const settings = lookupPushShop(shopRecordId);
  const name = settings.shopName ?? shopName;
  const setup = pushSetupOf(name, settings, loadCurrencies);
  if ('error' in setup) return setup.error;
  if (settings.pushSearch !== null && !savedSearchExists(settings.pushSearch)) {
    return unknownPushSearchText(name, settings.pushSearch);
  }
  return null;
}

/** The page's items and children with their price at the Push Price Level (one query per 250 items). */
function withLevelPrices(
  items: readonly PushItemRow[],
  children: ReadonlyMap<string, readonly PushItemRow[]>,
  priceLevel: { level: PushPriceLevel; currencyId: string } | null,
): { items: readonly PushItemRow[]; children: ReadonlyMap<string, readonly PushItemRow[]> } {
  if (priceLevel === null) return { items, children };
  const ids = [...items.map((i) => i.id), ...[...children.values()].flat().map((c) => c.id)];
  const prices = readLevelPrices(ids, priceLevel.level.id, priceLevel.currencyId);
  const priced = (row: PushItemRow): PushItemRow => ({ ...row, levelPrice: prices.get(row.id) ?? null });
  return {
    items: items.map(priced),
    children: new Map([...children].map(([parent, rows]) => [parent, rows.map(priced)])),
  };
}

export function pullPushProducts(request: CatalogPushPullRequest): CatalogPushPullResponse {
  const shop = requireShop(request.shopId, 'product push pull');
  const settings = lookupPushShop(shop.id);
  const shopName = settings.shopName ?? shop.name;
  const none = { ok: true as const, shopId: request.shopId, products: [], invalid: [], next: null };
  const off = pushOffReason({
    shopName,
    tiktokSide: settings.settings.tiktokSide,
    netsuiteSide: settings.settings.netsuiteSide,
    pushBlock: settings.pushBlock,
    region: settings.region,
    currency: settings.currency,
  });
  if (off !== null) return { ...none, pushEnabled: false, reason: off };
  const currencies = loadCurrencies();
  const setup = pushSetupOf(shopName, settings, () => currencies);
  if ('error' in setup) return { ...none, pushEnabled: false, reason: setup.error };
  const limit = request.limit ?? DEFAULT_PUSH_PULL;
  const page =
    settings.pushSearch === null
      ? readPushItems(request.after ?? null, limit)
      : readPushItemsOfSearch(settings.pushSearch, request.after ?? null, limit);
  if (page === null) {
    return {
      ...none,
      pushEnabled: false,
      reason: unknownPushSearchText(shopName, settings.pushSearch ?? ''),
    };
  }
  const parents = page.items.filter((i) => i.matrixType === 'PARENT').map((i) => i.id);
  const priced = withLevelPrices(page.items, readPushChildren(parents, setup.options), setup.priceLevel);
  const categoryMap = readCategoryMap();
  const baseCurrency = currencies.base ?? '';
  const warehouses = findWarehousesOfShop(shop.id)
    .filter((w) => w.type === null || w.type === 'SALES_WAREHOUSE')
    .map((w) => w.warehouseId)
    .filter((w) => w !== '');
  // The inventory export's last quantities (inventory-export-service.ts): the same availability rule.
  const exported = parseInventoryState(readStateFile(inventoryStateFileName(request.shopId))).exported;
  const input = {
    region: settings.region as string,
    currency: settings.currency as string,
    baseCurrency,
    priceLevel: setup.priceLevel?.level ?? null,
    items: priced.items,
    children: priced.children,
    matrixOptions: setup.options,
    categoryMap,
    inventoryOf: (sellerSku: string) =>
      warehouses.map((warehouseId) => ({
        warehouseId,
        quantity: exported[pairKey(sellerSku, warehouseId)] ?? 0,
      })),
  };
  const products: PushProduct[] = [];
  const invalid: { itemId: string; message: string }[] = [];
  let next = page.items.length === limit ? page.items[page.items.length - 1].id : null;
  let previous: string | null = null;
  for (const item of priced.items) {
    if (remainingUsage() < PULL_RESERVE) {
      next = previous;
      break;
    }
    const row = settings.forceResync ? { ...item, pushedHashes: null } : item;
    let decision: PushDecision = planPushItem(row, input);
    if (decision.kind === 'push') {
      const images = imagesOf(item, decision.imageFileIds);
      if ('error' in images) decision = { kind: 'invalid', itemId: item.id, message: images.error };
      else products.push({ ...decision.product, images });
    }
    if (decision.kind === 'invalid') {
      invalid.push({ itemId: item.id, message: decision.message });
      recordItemProblem(shop, item.id, decision.message, page.messages.get(item.id) ?? null, item.productId);
    }
    previous = item.id;
  }
  return { ok: true, shopId: request.shopId, pushEnabled: true, reason: null, products, invalid, next };
}

function ackOne(
  shop: ShopRef,
  result: PushAckResult,
  refs: ReturnType<typeof readPushRefs>,
  blocked: { text: string | null },
): { logged: number } {
  const ref = refs.get(result.itemId);
  const current = ref?.pushMessage ?? null;
  switch (result.outcome) {
    case 'created':
    case 'edited':
    case 'price_updated': {
      const productId = result.productId as string;
      const own = result.skus.find((s) => s.itemId === result.itemId);
      writePushFields(
        result.itemId,
        pushAcceptedWrites({
          productId,
          skuId: own === undefined || own.skuId === ref?.skuId ? null : own.skuId,
          hashes: formatPushedHashes(result.contentHash as string, result.priceHash as string),
          auditStatus: result.auditStatus,
        }),
      );
      for (const sku of result.skus) {
        if (sku.itemId === result.itemId) continue;
        const child = refs.get(sku.itemId);
        if (child?.skuId === sku.skuId && child.productId === productId) continue;
        writePushFields(sku.itemId, childSkuWrites(productId, sku.skuId));
      }
      return { logged: 0 };
    }
    case 'rejected':
    case 'invalid': {
      const message = (result.message ?? '').trim();
      return { logged: recordItemProblem(shop, result.itemId, message, current, result.productId) ? 1 : 0 };
    }
    case 'not_allowed': {
      const text = notAllowedText(result.message ?? 'TikTok 12052701');
      let logged = 0;
      if ((blocked.text ?? '') === '') {
        writePushBlock(shop.id, text);
        blocked.text = text;
        logCatalog(shop, 'error', `Shop ${shop.name}: ${text}`, null, null);
        logged += 1;
      }
      if ((current ?? '') !== text.slice(0, 4000)) writePushFields(result.itemId, pushMessageWrites(text));
      return { logged };
    }
  }
}

export function ackPushProducts(request: CatalogPushAckRequest): CatalogPushAckResponse {
  const shop = requireShop(request.shopId, 'product push ack');
  const settings = lookupPushShop(shop.id);
  const ids = [...new Set(request.results.flatMap((r) => [r.itemId, ...r.skus.map((s) => s.itemId)]))];
  const refs = readPushRefs(ids);
  const blocked = { text: settings.pushBlock };
  let recorded = 0;
  let logged = 0;
  for (const result of request.results) {
    const children = result.skus.filter((s) => s.itemId !== result.itemId).length;
    if (remainingUsage() < ACK_RESERVE + 5 * children) break;
    if (!refs.has(result.itemId)) {
      throw connectorError(
        RESTLET_ERROR_CODES.INVALID_REQUEST,
        `results[${request.results.indexOf(result)}].itemId: NetSuite has no item ${result.itemId}; send the itemId catalog.push.pull sent (${recorded} result(s) before it were recorded).`,
      );
    }
    logged += ackOne(shop, result, refs, blocked).logged;
    recorded += 1;
  }
  return { ok: true, recorded, logged };
}

export function recordPushAudit(request: CatalogPushAuditRequest): CatalogPushAuditResponse {
  const shop = requireShop(request.shopId, 'product audit results');
  const items = findItemsByProduct([...new Set(request.results.map((r) => r.productId))]);
  const unknown: string[] = [];
  let recorded = 0;
  for (const result of request.results) {
    if (remainingUsage() < ACK_RESERVE) break;
    const item = items.get(result.productId);
    if (item === undefined) {
      unknown.push(result.productId);
      recorded += 1;
      continue;
    }
    const reasons =
      result.status === 'FAILED'
        ? `TikTok's audit FAILED product ${result.productId}: ${result.reasons.join('; ') || 'no reason given'}. Fix what TikTok names on the item; the next push sends it again.`
        : '';
    if (reasons !== '' && (item.pushMessage ?? '') !== reasons.slice(0, 4000)) {
      logCatalog(shop, 'error', `Shop ${shop.name}: item ${item.id}: ${reasons}`, item.id, result.productId);
    }
    writePushFields(item.id, auditWrites(result.status, reasons));
    recorded += 1;
  }
  return { ok: true, recorded, unknown };
}

export function readCatalogImage(request: CatalogImageRequest): CatalogImageResponse {
  requireShop(request.shopId, 'image request');
  const file = loadCabinetFile(request.fileId, true, MAX_IMAGE_BYTES);
  const refusal = imageRefusal(file, request.fileId, 'File Cabinet', MAX_IMAGE_BYTES);
  if (refusal !== null || file === null || file.contents === null) {
    const items = itemsShowingImage(request.fileId);
    const who = items.length > 0 ? `Item ${items.slice(0, 5).join(', ')}` : 'No item';
    throw connectorError(
      RESTLET_ERROR_CODES.INVALID_REQUEST,
      `fileId: ${(refusal ?? `image file ${request.fileId} cannot be read`).replace(/^File Cabinet/, who)}`,
    );
  }
  return {
    ok: true,
    fileId: request.fileId,
    name: file.name,
    mimeType: IMAGE_MIME_TYPES[file.fileType] ?? 'application/octet-stream',
    base64: file.contents,
  };
}
