/**
 * The product push's pure decisions (issue #20): NetSuite items marked for TikTok (Push to TikTok,
 * `custitem_tts_push`) → the `PushProduct`s of shared-types/src/catalog/product-push.ts, or an
 * `invalid` entry naming the item and the fix. The SuiteApp reads the rows in bulk and writes the
 * results (suiteapp/ts/lib/services/product-push-service.ts); everything decided lives here:
 *
 * - a standalone item is one product with one SKU; a matrix parent (`matrixtype` PARENT) is one
 *   product whose SKUs are its active children (`matrixtype` CHILD), each with the values of its matrix
 *   options (`matrixoption<field>`) as TikTok sales attributes, at most MAX_SALES_ATTRIBUTES;
 * - the seller SKU is TikTok SKU (`custitem_tts_sku`) or Item Name/Number, 1–50 characters, no spaces;
 * - the price is TikTok Price (`custitem_tts_price`, in the shop's currency); else, when the shop names
 *   a Push Price Level (`custrecord_tts_shop_price_level`), the item's price at that level in the shop's
 *   currency (its Pricing subtab; an item without one is an exception); else Base Price when the
 *   shop's currency is the account's base currency;
 * - weight and package dimensions are converted to TikTok's units (imperial only in the US);
 * - the category is the item's TikTok Category, else the TikTok Category Map row of its class; the
 *   product attributes come from the map row of that category (JSON, parseAttributeMap);
 * - two hashes decide what changed (`contentHash`: everything but prices and stock; `priceHash`), compared
 *   with the item's TikTok Last Pushed Hashes (`custitem_tts_push_hash`, "content:price").
 */
import type { PushChange, PushProduct, PushSku } from './product-push';
import { MAX_MAIN_IMAGES, MAX_SALES_ATTRIBUTES } from './product-push';

/** TikTok's Create Product: seller_sku 1–50 characters, no spaces. */
export const MAX_SELLER_SKU = 50;
/** TikTok's SKU limit per product: 300 for BR, EU, JP, MX, UK, US; 100 elsewhere. */
const SKU_300_REGIONS = new Set(['BR', 'JP', 'MX', 'UK', 'GB', 'US', 'DE', 'ES', 'FR', 'IE', 'IT']);
/** Title length: 1–255 for DE, ES, FR, IE, IT, JP, UK, US; 1–300 BR, MX; 25–255 elsewhere. */
const SHORT_TITLE_REGIONS = new Set(['DE', 'ES', 'FR', 'IE', 'IT', 'JP', 'UK', 'GB', 'US']);

export function maxSkusOf(region: string): number {
  return SKU_300_REGIONS.has(region.toUpperCase()) ? 300 : 100;
}

export function titleLimitsOf(region: string): { min: number; max: number } {
  const r = region.toUpperCase();
  if (r === 'BR' || r === 'MX') return { min: 1, max: 300 };
  if (SHORT_TITLE_REGIONS.has(r)) return { min: 1, max: 255 };
  return { min: 25, max: 255 };
}

// ---------------------------------------------------------------------------------------------
// Hashes: FNV-1a over a canonical JSON text, twice with different offsets (64 bits as 16 hex digits).

function fnv1a(text: string, offset: number): string {
  let h = offset >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A 64-bit hex hash of a text (not cryptographic: it detects change, it does not prove identity). */
export function hashText(text: string): string {
  return `${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x050c5d1f)}`;
}

/** JSON with object keys sorted, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** The stored "content:price" of TikTok Last Pushed Hashes, or null when empty or not of that shape. */
export function parsePushedHashes(text: string | null): { content: string; price: string } | null {
  const m = /^([0-9a-f]{8,64}):([0-9a-f]{8,64})$/.exec((text ?? '').trim());
  return m === null ? null : { content: m[1], price: m[2] };
}

export function formatPushedHashes(content: string, price: string): string {
  return `${content}:${price}`;
}

/**
 * What the push does with a product: `create` without a TikTok product id; `edit` when the content
 * changed (or nothing was pushed from NetSuite yet for a linked product); `price` when only prices
 * changed; null when both hashes equal the last pushed ones (nothing is sent).
 */
export function changeOf(
  productId: string | null,
  stored: { content: string; price: string } | null,
  contentHash: string,
  priceHash: string,
): PushChange | null {
  if (productId === null) return 'create';
  if (stored === null || stored.content !== contentHash) return 'edit';
  if (stored.price !== priceHash) return 'price';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Seller SKU, identifiers, units.

/** Null when TikTok takes the seller SKU, else why not. */
export function sellerSkuProblem(sku: string): string | null {
  if (sku.length === 0) return 'is empty';
  if (sku.length > MAX_SELLER_SKU)
    return `has ${sku.length} characters (TikTok takes at most ${MAX_SELLER_SKU})`;
  if (/\s/.test(sku)) return 'contains a space (TikTok takes none)';
  return null;
}

/** UPC Code → TikTok identifier: 12 digits UPC, 13 EAN (978/979: ISBN), 14 GTIN; null when empty. */
export function identifierOf(upc: string | null): PushSku['identifier'] | { error: string } {
  const code = (upc ?? '').trim();
  if (code === '') return null;
  if (!/^[0-9]+$/.test(code)) return { error: `UPC Code "${code}" has characters other than digits` };
  if (code.length === 12) return { type: 'UPC', code };
  if (code.length === 13) return { type: /^97[89]/.test(code) ? 'ISBN' : 'EAN', code };
  if (code.length === 14) return { type: 'GTIN', code };
  return { error: `UPC Code "${code}" has ${code.length} digits (a UPC has 12, an EAN 13, a GTIN 14)` };
}

/** NetSuite's Weight Unit (`weightunit`) by its internal id, as SuiteScript reads it: 1 lb, 2 oz, 3 kg, 4 g. */
export const WEIGHT_UNITS: Readonly<Record<string, 'lb' | 'oz' | 'kg' | 'g'>> = {
  '1': 'lb',
  '2': 'oz',
  '3': 'kg',
  '4': 'g',
};

function decimal(n: number, places: number): string {
  return String(Number(n.toFixed(places)));
}

/**
 * Item Weight and its unit → TikTok's package weight: in the US pounds and ounces become POUND and
 * kilograms and grams KILOGRAM; elsewhere TikTok takes only metric units, so everything becomes
 * KILOGRAM. Null when the item has no weight; an error for a weight of 0 or less or an unknown unit.
 */
export function packageWeightOf(
  weight: number | null,
  unitId: string | null,
  region: string,
): PushProduct['packageWeight'] | { error: string } {
  if (weight === null) return null;
  if (!(weight > 0)) return { error: `Item Weight ${weight} is not above 0` };
  const unit = WEIGHT_UNITS[unitId ?? '1'];
  if (unit === undefined) return { error: `Weight Unit ${String(unitId)} is not lb, oz, kg or g` };
  const us = region.toUpperCase() === 'US';
  const kg = { lb: 0.45359237, oz: 0.028349523125, kg: 1, g: 0.001 }[unit];
  if (us && (unit === 'lb' || unit === 'oz')) {
    return { value: decimal(unit === 'lb' ? weight : weight / 16, 3), unit: 'POUND' };
  }
  return { value: decimal(weight * kg, 3), unit: 'KILOGRAM' };
}

/**
 * TikTok Package Dimensions (`custitem_tts_pkg_dims`), "length x width x height unit" with unit `in` or
 * `cm` ("12 x 8 x 4 in", "30x20x10 cm") → TikTok's package dimensions: INCH stays INCH in the US;
 * elsewhere inches become CENTIMETER (× 2.54). Null when empty.
 */
export function packageDimensionsOf(
  text: string | null,
  region: string,
): PushProduct['packageDimensions'] | { error: string } {
  const raw = (text ?? '').trim();
  if (raw === '') return null;
  const m =
    /^([0-9]+(?:\.[0-9]+)?)\s*[x×]\s*([0-9]+(?:\.[0-9]+)?)\s*[x×]\s*([0-9]+(?:\.[0-9]+)?)\s*(in|cm)$/i.exec(
      raw,
    );
  if (m === null) {
    return {
      error: `TikTok Package Dimensions "${raw}" is not "length x width x height in|cm" (e.g. "12 x 8 x 4 in")`,
    };
  }
  const sizes = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (sizes.some((n) => !(n > 0)))
    return { error: `TikTok Package Dimensions "${raw}" has a size that is not above 0` };
  const inches = m[4].toLowerCase() === 'in';
  const keepInches = inches && region.toUpperCase() === 'US';
  const factor = inches && !keepInches ? 2.54 : 1;
  const [length, width, height] = sizes.map((n) => decimal(n * factor, 2));
  return { length, width, height, unit: keepInches ? 'INCH' : 'CENTIMETER' };
}

// ---------------------------------------------------------------------------------------------
// Settings texts: matrix option fields, category attributes.

export interface MatrixOptionField {
  /** The custom item field that is a matrix option (`custitem_color`); children carry `matrixoption<fieldId>`. */
  fieldId: string;
  /** TikTok's sales attribute name (`Color`). */
  name: string;
}

/**
 * The shop's TikTok Matrix Options (`custrecord_tts_shop_matrix_opts`): "custitem_color=Color,
 * custitem_size=Size" (a field without "=Name" uses its id). Empty: matrix items cannot be pushed.
 */
export function parseMatrixOptionFields(text: string | null): MatrixOptionField[] | { error: string } {
  const parts = (text ?? '')
    .split(/[,\n;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const out: MatrixOptionField[] = [];
  for (const part of parts) {
    const [idPart, ...nameParts] = part.split('=');
    const fieldId = idPart.trim().toLowerCase();
    const name = nameParts.join('=').trim() || fieldId;
    if (!/^custitem[a-z0-9_]{1,60}$/.test(fieldId)) {
      return { error: `"${part}" does not start with a custom item field id (custitem_…)` };
    }
    if (out.some((o) => o.fieldId === fieldId)) return { error: `${fieldId} is listed twice` };
    if (out.length === 10)
      return { error: 'lists more than 10 fields (TikTok takes 3 sales attributes per product)' };
    if (name.length > 50) return { error: `the sales attribute name "${name}" is over 50 characters` };
    out.push({ fieldId, name });
  }
  return out;
}

/**
 * Product attributes of a TikTok Category Map row (`custrecord_tts_cm_attrs`): a JSON object of TikTok
 * attribute id → value or values, e.g. {"100198": "Cotton", "100347": ["Machine wash", "Hand wash"]}.
 * Empty: no attributes.
 */
export function parseAttributeMap(text: string | null): PushProduct['attributes'] | { error: string } {
  const raw = (text ?? '').trim();
  if (raw === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { error: 'is not JSON (write {"<TikTok attribute id>": "value" or ["value", …]})' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { error: 'is not a JSON object of TikTok attribute id → value(s)' };
  }
  const out: PushProduct['attributes'] = [];
  for (const [id, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (!/^[0-9]{1,64}$/.test(id)) return { error: `key "${id}" is not a TikTok attribute id (digits)` };
    const values = Array.isArray(value) ? value : [value];
    if (
      values.length === 0 ||
      values.some((v) => typeof v !== 'string' || v.trim() === '' || v.length > 255)
    ) {
      return { error: `attribute ${id} needs one or more non-empty texts of at most 255 characters` };
    }
    out.push({ id, values: (values as string[]).map((v) => v.trim()) });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Items → products.

export interface PushItemRow {
  id: string;
  itemid: string;
  ttsSku: string | null;
  /** Store Display Name, else Display Name, else Item Name/Number. */
  storeDisplayName: string | null;
  displayName: string | null;
  /** Detailed Description (HTML) or, without it, Sales Description (plain text). */
  detailedDescription: string | null;
  salesDescription: string | null;
  upc: string | null;
  weight: number | null;
  weightUnit: string | null;
  dimensions: string | null;
  classId: string | null;
  category: string | null;
  brand: string | null;
  /** TikTok Price (custitem_tts_price), in the shop's currency. */
  tiktokPrice: number | null;
  basePrice: number | null;
  /** The item's price at the shop's Push Price Level in the shop's currency (absent or null: none). */
  levelPrice?: number | null;
  matrixType: 'PARENT' | 'CHILD' | null;
  parentId: string | null;
  /** Item Display Image and Item Display Thumbnail (File Cabinet ids), in that order. */
  imageFileIds: string[];
  productId: string | null;
  skuId: string | null;
  pushedHashes: string | null;
  /** Children only: matrix option field → its value's text (null when empty). */
  options: Record<string, string | null>;
}

export interface CategoryMapRow {
  id: string;
  classId: string | null;
  categoryId: string;
  attributes: string | null;
}

/** A price level of the account: Push Price Level resolved (resolvePriceLevel). */
export interface PushPriceLevel {
  id: string;
  name: string;
}

export interface PushPlanInput {
  region: string;
  currency: string;
  baseCurrency: string;
  /** The shop's Push Price Level, or absent/null: TikTok Price, else Base Price. */
  priceLevel?: PushPriceLevel | null;
  /** Standalone items and matrix parents of this page, by id ascending. */
  items: readonly PushItemRow[];
  /** Active children by parent id. */
  children: ReadonlyMap<string, readonly PushItemRow[]>;
  matrixOptions: readonly MatrixOptionField[];
  categoryMap: readonly CategoryMapRow[];
  /** Units per linked TikTok warehouse of a seller SKU (the inventory export's last quantities). */
  inventoryOf: (sellerSku: string) => PushSku['inventory'];
}

export type PlannedProduct = Omit<PushProduct, 'images'>;

export type PushDecision =
  | { kind: 'push'; product: PlannedProduct; imageFileIds: string[] }
  | { kind: 'unchanged'; itemId: string }
  | { kind: 'invalid'; itemId: string; message: string };

function itemLabel(item: PushItemRow): string {
  return `Item ${item.itemid} (internal id ${item.id})`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Detailed Description as it is (HTML), else Sales Description as paragraphs, else the title. */
export function descriptionHtmlOf(item: PushItemRow, title: string): string {
  const detailed = (item.detailedDescription ?? '').trim();
  if (detailed !== '') return detailed;
  const plain = (item.salesDescription ?? '').trim() || title;
  return plain
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function priceOf(item: PushItemRow, input: PushPlanInput): string | { error: string } {
  const own = item.tiktokPrice;
  const level = input.priceLevel ?? null;
  if (own === null && level !== null && (item.levelPrice ?? null) === null) {
    return {
      error: `has no ${level.name} price in ${input.currency} (the shop's Push Price Level, custrecord_tts_shop_price_level, in the shop's currency): set one on the item's Pricing subtab (price level ${level.name}, currency ${input.currency}), or set TikTok Price (custitem_tts_price), or choose another Push Price Level`,
    };
  }
  const price =
    own !== null
      ? own
      : level !== null
        ? (item.levelPrice ?? null)
        : input.currency === input.baseCurrency
          ? item.basePrice
          : null;
  if (price === null) {
    return {
      error:
        input.currency === input.baseCurrency
          ? `has no price: set TikTok Price (custitem_tts_price) or Base Price`
          : `has no price in ${input.currency} (the shop's currency; Base Price is in ${input.baseCurrency}): set TikTok Price (custitem_tts_price) in ${input.currency}`,
    };
  }
  if (!(price > 0)) {
    const where = own !== null ? 'TikTok Price' : level !== null ? `its ${level.name} price` : 'Base Price';
    return { error: `has a price of ${price} (${where}); TikTok takes prices above 0` };
  }
  return price.toFixed(2);
}

function categoryOf(
  item: PushItemRow,
  map: readonly CategoryMapRow[],
): { categoryId: string | null; attributes: PushProduct['attributes'] } | { error: string } {
  const own = (item.category ?? '').trim();
  const byClass = item.classId === null ? undefined : map.find((r) => r.classId === item.classId);
  const categoryId = own !== '' ? own : (byClass?.categoryId ?? null);
  if (categoryId === null) return { categoryId: null, attributes: [] };
  if (!/^[0-9]{1,64}$/.test(categoryId)) {
    return { error: `TikTok Category "${categoryId}" is not a TikTok category id (digits)` };
  }
  const row =
    map.find((r) => r.categoryId === categoryId && r.classId === item.classId) ??
    map.find((r) => r.categoryId === categoryId);
  if (row === undefined) return { categoryId, attributes: [] };
  const attributes = parseAttributeMap(row.attributes);
  if ('error' in attributes) {
    return {
      error: `the TikTok Category Map row ${row.id} (category ${categoryId}) has Product Attributes that ${attributes.error}`,
    };
  }
  return { categoryId, attributes };
}

interface SkuDraft {
  sku: PushSku;
  error?: string;
}

function skuOf(
  item: PushItemRow,
  input: PushPlanInput,
  salesAttributes: PushSku['salesAttributes'],
): SkuDraft {
  const sellerSku = (item.ttsSku ?? '').trim() !== '' ? (item.ttsSku as string) : item.itemid;
  const base: PushSku = {
    itemId: item.id,
    sellerSku,
    price: { amount: '0', currency: input.currency },
    identifier: null,
    salesAttributes,
    tiktokSkuId: item.skuId,
    inventory: [],
  };
  const skuProblem = sellerSkuProblem(sellerSku);
  if (skuProblem !== null) {
    return {
      sku: base,
      error: `${itemLabel(item)}: seller SKU "${sellerSku}" ${skuProblem}. Fix: set TikTok SKU (custitem_tts_sku) to a SKU of 1–50 characters without spaces, or rename the item.`,
    };
  }
  const price = priceOf(item, input);
  if (typeof price !== 'string') return { sku: base, error: `${itemLabel(item)} ${price.error}.` };
  const identifier = identifierOf(item.upc);
  if (identifier !== null && 'error' in identifier) {
    return { sku: base, error: `${itemLabel(item)}: ${identifier.error}. Fix: correct or clear UPC Code.` };
  }
  return {
    sku: {
      ...base,
      price: { amount: price, currency: input.currency },
      identifier,
      inventory: input.inventoryOf(sellerSku),
    },
  };
}

function childSkus(parent: PushItemRow, input: PushPlanInput): { skus: PushSku[] } | { error: string } {
  const children = input.children.get(parent.id) ?? [];
  if (children.length === 0) {
    return {
      error: `${itemLabel(parent)} is a matrix parent without active child items. Fix: add child items, or untick Push to TikTok.`,
    };
  }
  if (input.matrixOptions.length === 0) {
    return {
      error: `${itemLabel(parent)} is a matrix item, but the shop's TikTok Matrix Options (custrecord_tts_shop_matrix_opts) names no matrix option field. Fix: list the item's matrix option fields there, each as "<field id>=<TikTok attribute name>" separated by commas (the Color field as Color, the Size field as Size).`,
    };
  }
  const used = input.matrixOptions.filter((o) =>
    children.some((c) => (c.options[o.fieldId] ?? null) !== null),
  );
  if (used.length > MAX_SALES_ATTRIBUTES) {
    return {
      error: `${itemLabel(parent)} has ${used.length} matrix options (${used.map((o) => o.name).join(', ')}); TikTok takes at most ${MAX_SALES_ATTRIBUTES} sales attributes per product. Fix: split the item, or untick Push to TikTok.`,
    };
  }
  if (children.length > maxSkusOf(input.region)) {
    return {
      error: `${itemLabel(parent)} has ${children.length} child items; TikTok takes at most ${maxSkusOf(input.region)} SKUs per product in ${input.region}. Fix: split the item.`,
    };
  }
  const skus: PushSku[] = [];
  const combos = new Map<string, string>();
  for (const child of children) {
    const missing = used.filter((o) => (child.options[o.fieldId] ?? null) === null);
    if (missing.length > 0) {
      return {
        error: `${itemLabel(parent)}: child ${child.itemid} (internal id ${child.id}) has no value for ${missing.map((o) => o.name).join(', ')}. Fix: set the child's matrix options.`,
      };
    }
    const attrs = used.map((o) => ({ name: o.name, value: child.options[o.fieldId] as string }));
    const key = canonicalJson(attrs);
    const twin = combos.get(key);
    if (twin !== undefined) {
      return {
        error: `${itemLabel(parent)}: children ${twin} and ${child.itemid} have the same matrix options (${attrs.map((a) => `${a.name} ${a.value}`).join(', ')}). Fix: make each child's options differ.`,
      };
    }
    combos.set(key, child.itemid);
    const draft = skuOf(child, input, attrs);
    if (draft.error !== undefined) return { error: `Matrix ${itemLabel(parent)}: ${draft.error}` };
    skus.push(draft.sku);
  }
  return { skus };
}

/** One standalone item or matrix parent → its push decision. */
export function planPushItem(item: PushItemRow, input: PushPlanInput): PushDecision {
  const invalid = (message: string): PushDecision => ({ kind: 'invalid', itemId: item.id, message });
  const title = (item.storeDisplayName ?? '').trim() || (item.displayName ?? '').trim() || item.itemid;
  const limits = titleLimitsOf(input.region);
  if (title.length < limits.min || title.length > limits.max) {
    return invalid(
      `${itemLabel(item)}: the title "${title.slice(0, 60)}" has ${title.length} characters; TikTok takes ${limits.min}–${limits.max} in ${input.region}. Fix: set Store Display Name (or Display Name).`,
    );
  }
  const weight = packageWeightOf(item.weight, item.weightUnit, input.region);
  if (weight === null) {
    return invalid(
      `${itemLabel(item)} has no Item Weight; TikTok requires the package weight. Fix: set Item Weight and its unit.`,
    );
  }
  if ('error' in weight) return invalid(`${itemLabel(item)}: ${weight.error}. Fix: correct Item Weight.`);
  const dims = packageDimensionsOf(item.dimensions, input.region);
  if (dims !== null && 'error' in dims) return invalid(`${itemLabel(item)}: ${dims.error}.`);
  const images = [...new Set(item.imageFileIds)];
  if (images.length === 0) {
    return invalid(
      `${itemLabel(item)} has no image; TikTok requires at least one main image. Fix: set Item Display Image.`,
    );
  }
  const category = categoryOf(item, input.categoryMap);
  if ('error' in category) return invalid(`${itemLabel(item)}: ${category.error}. Fix: correct it.`);
  let skus: PushSku[];
  if (item.matrixType === 'PARENT') {
    const planned = childSkus(item, input);
    if ('error' in planned) return invalid(planned.error);
    skus = planned.skus;
  } else {
    const draft = skuOf(item, input, []);
    if (draft.error !== undefined) return invalid(draft.error);
    skus = [draft.sku];
  }
  const content = {
    title,
    descriptionHtml: descriptionHtmlOf(item, title),
    categoryId: category.categoryId,
    brandName: (item.brand ?? '').trim() || null,
    attributes: category.attributes,
    packageWeight: weight,
    packageDimensions: dims,
    images: images.slice(0, MAX_MAIN_IMAGES),
    skus: skus.map((s) => ({
      itemId: s.itemId,
      sellerSku: s.sellerSku,
      identifier: s.identifier,
      salesAttributes: s.salesAttributes,
    })),
  };
  const contentHash = hashText(canonicalJson(content));
  const priceHash = hashText(canonicalJson(skus.map((s) => [s.itemId, s.price.amount, s.price.currency])));
  const change = changeOf(item.productId, parsePushedHashes(item.pushedHashes), contentHash, priceHash);
  if (change === null) return { kind: 'unchanged', itemId: item.id };
  return {
    kind: 'push',
    imageFileIds: content.images,
    product: {
      itemId: item.id,
      kind: item.matrixType === 'PARENT' ? 'matrix' : 'standalone',
      change,
      tiktokProductId: item.productId,
      title,
      descriptionHtml: content.descriptionHtml,
      categoryId: content.categoryId,
      brandName: content.brandName,
      attributes: content.attributes,
      packageWeight: weight,
      packageDimensions: dims,
      skus,
      contentHash,
      priceHash,
    },
  };
}

/** Push Saved Search names a saved search NetSuite does not have. */
export function unknownPushSearchText(shopName: string, searchId: string): string {
  return `Shop ${shopName}: Push Saved Search (custrecord_tts_shop_push_search): NetSuite has no saved search ${searchId}. Fix: write the ID of an item saved search (Lists > Search > Saved Searches, e.g. customsearch_tts_push), or clear the field to push the items with Push to TikTok ticked.`;
}

// ---------------------------------------------------------------------------------------------
// Push Price Level: which price level's prices go to TikTok.

/**
 * The shop's Push Price Level (an internal id or a name, any case) among the account's price levels,
 * or why it cannot be used, naming the field and the fix.
 */
export function resolvePriceLevel(
  shopName: string,
  ref: string,
  levels: readonly { id: string; name: string; inactive: boolean }[],
): PushPriceLevel | { error: string } {
  const wanted = ref.trim();
  const field = `Shop ${shopName}: Push Price Level (custrecord_tts_shop_price_level)`;
  const found = /^[0-9]+$/.test(wanted)
    ? levels.find((l) => l.id === wanted)
    : levels.find((l) => l.name.trim().toLowerCase() === wanted.toLowerCase());
  const known = levels
    .filter((l) => !l.inactive)
    .map((l) => `${l.name} (${l.id})`)
    .join(', ');
  if (found === undefined) {
    return {
      error: `${field}: NetSuite has no price level "${wanted}". Fix: write the name or internal id of a price level (Setup > Accounting > Accounting Lists > Price Level: ${known || 'none found'}), or clear the field to push TikTok Price, else Base Price.`,
    };
  }
  if (found.inactive) {
    return {
      error: `${field}: price level ${found.name} (${found.id}) is inactive. Fix: reactivate it, or choose an active one (${known || 'none found'}).`,
    };
  }
  return { id: found.id, name: found.name };
}

/**
 * The item prices of one price level and currency: the highest unit price of each item's rows (an
 * item with quantity pricing has a row per quantity tier; the highest is what one unit costs under a
 * quantity discount schedule). Negative or non-finite prices are skipped.
 */
export function levelPricesFrom(rows: readonly { itemId: string; unitPrice: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) {
    if (!Number.isFinite(row.unitPrice) || row.unitPrice < 0) continue;
    const seen = out.get(row.itemId);
    if (seen === undefined || row.unitPrice > seen) out.set(row.itemId, row.unitPrice);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Images: File Cabinet files by NetSuite file type.

/** The image types TikTok's Upload Image takes, by NetSuite file type. */
export const IMAGE_MIME_TYPES: Readonly<Record<string, string>> = {
  JPGIMAGE: 'image/jpeg',
  PNGIMAGE: 'image/png',
  GIFIMAGE: 'image/gif',
  BMPIMAGE: 'image/bmp',
  WEBPIMAGE: 'image/webp',
};

/**
 * Why an item's image file cannot go to TikTok (missing, not an image, above `maxBytes`), naming the
 * item and the file; null when it can.
 */
export function imageRefusal(
  file: { name: string; fileType: string; size: number } | null,
  fileId: string,
  item: string,
  maxBytes: number,
): string | null {
  if (file === null) {
    return `${item}: image file ${fileId} does not exist in the File Cabinet. Fix: choose another Item Display Image (or Thumbnail).`;
  }
  const what = `${item}: image file ${fileId} (${file.name})`;
  if (IMAGE_MIME_TYPES[file.fileType] === undefined) {
    return `${what} is a ${file.fileType} file, not a JPEG, PNG, GIF, BMP or WebP image. Fix: choose an image file.`;
  }
  if (file.size > maxBytes) {
    const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    return `${what} is ${mb(file.size)}; TikTok's image upload takes at most ${mb(maxBytes)}. Fix: save a smaller version (TikTok recommends at least 600 × 600 pixels) and choose it.`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// When the shop pushes at all.

/**
 * Why nothing is pushed for the shop, or null when it pushes: Process product catalog updates
 * (TikTok side) must be Push products to TikTok and Process product catalog (NetSuite side) must
 * read NetSuite; Product Push Blocked (TikTok refused the shop's product creation) stops it; the
 * shop's region and currency must be known (the bridge sends them with shop.upsert).
 */
export function pushOffReason(shop: {
  shopName: string;
  tiktokSide: 'push' | 'pull' | 'none';
  netsuiteSide: 'netsuite_source' | 'none';
  pushBlock: string | null;
  region: string | null;
  currency: string | null;
}): string | null {
  const name = `Shop ${shop.shopName}`;
  if (shop.tiktokSide !== 'push') {
    return `${name}: Process product catalog updates (TikTok side) is not "Push products to TikTok", so no NetSuite item is pushed. Fix: choose "Push products to TikTok" on the TikTok Shop record to push items marked Push to TikTok.`;
  }
  if (shop.netsuiteSide !== 'netsuite_source') {
    return `${name}: Process product catalog (NetSuite side) is "Do not sync products", so no NetSuite item is read for TikTok. Fix: choose "Pull updates from NetSuite product catalog".`;
  }
  if ((shop.pushBlock ?? '').trim() !== '') return `${name}: ${(shop.pushBlock as string).trim()}`;
  if ((shop.region ?? '') === '' || (shop.currency ?? '') === '') {
    return `${name}: the shop's region or currency is not known yet, so prices cannot be set. Fix: let the bridge refresh the shop (shop.upsert), then push again.`;
  }
  return null;
}

/** What Product Push Blocked says after TikTok's 12052701 (cross-border sellers list with global products). */
export function notAllowedText(tiktokMessage: string): string {
  return `TikTok does not let this shop's seller create products through the API (${tiktokMessage.trim()}): cross-border sellers list products as global products (Create Global Product, then publish them to this shop) in TikTok Seller Center or a global-product tool, so nothing is pushed from NetSuite. Orders, stock and the catalog pull keep working. If the seller becomes able to create local products (for example after migrating to local replication), clear Product Push Blocked on the TikTok Shop record to push again.`;
}

/** The exceptions page's note for a shop whose Product Push Blocked holds text (issue #20 item 4). */
export function pushBlockedNote(shopName: string, block: string): string {
  return `Shop ${shopName}: no NetSuite item is pushed to TikTok (Product Push Blocked). ${block.trim()}`;
}

export const INVALID_CATEGORY_MAP = 'TTS_INVALID_CATEGORY_MAP';

/** Why a TikTok Category Map row cannot be saved (its category id or attribute JSON), or null. */
export function categoryMapProblems(row: {
  category: string | null;
  attributes: string | null;
}): string | null {
  const problems: string[] = [];
  if (row.category !== null && !/^[0-9]{1,64}$/.test(row.category.trim())) {
    problems.push(
      `TikTok Category ID "${row.category}" is not a TikTok category id (its digits, e.g. 601226)`,
    );
  }
  const attributes = parseAttributeMap(row.attributes);
  if ('error' in attributes) {
    problems.push(
      `Product Attributes (JSON) ${attributes.error}; example: {"100198": "Cotton", "100347": ["Machine wash"]}`,
    );
  }
  return problems.length === 0 ? null : `TikTok Category Map: ${problems.join('. ')}. Nothing was saved.`;
}
