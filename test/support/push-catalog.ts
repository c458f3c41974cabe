/**
 * Test data for the product push (issue #20): builds a NetSuite catalog in the emulator — standalone
 * inventory items and matrix parents with children (the account's Color and Size matrix options),
 * each with an image in the File Cabinet, a weight, a UPC code and a price, items of a few classes
 * mapped to TikTok categories on the TikTok Category Map — and sets the shop's TikTok Matrix Options;
 * and reads it back (the shop record, an item's fields, the seller SKUs), changes one SKU's price or
 * puts the shop on a Push Price Level.
 * Used by test/integration/product-push.test.ts, test/e2e/product-push.test.ts and by bench scripts
 * (test/bench/), e.g. 2,000 items with 500 matrix parents. Start the emulator with
 * `matrixOptions: PUSH_MATRIX_OPTIONS`.
 */
import { deflateSync } from 'node:zlib';
import type { AccountMatrixOption } from '../../sandbox/netsuite/src/data/catalogue/matrix-options';
import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import type { NetSuiteEmulator } from '../../sandbox/netsuite/src/emulator';

export const PUSH_MATRIX_OPTIONS: AccountMatrixOption[] = [
  {
    fieldId: 'custitem_color',
    label: 'Color',
    listId: 'customlist_color',
    values: ['Red', 'Blue', 'Green', 'Black', 'White'],
  },
  { fieldId: 'custitem_size', label: 'Size', listId: 'customlist_size', values: ['S', 'M', 'L', 'XL'] },
];

/** What the shop's TikTok Matrix Options says for PUSH_MATRIX_OPTIONS. */
export const PUSH_MATRIX_SETTING = 'custitem_color=Color, custitem_size=Size';

/** A 1×1 PNG (base64), the image every built item shows unless told otherwise. */
export const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/**
 * TikTok's T-shirts leaf category (601226) with its required Material attribute mapped (Cotton): the
 * `categories` and `attributes` of a catalog that TikTok's category rules accept.
 */
export const PUSH_TEE_CATEGORY: Required<Pick<PushCatalogOptions, 'categories' | 'attributes'>> = {
  categories: ['601226'],
  attributes: { '601226': '{"101001": "Cotton"}' },
};

export interface PushCatalogOptions {
  /** Standalone items marked Push to TikTok. */
  standalone: number;
  /** Matrix parents marked Push to TikTok. */
  matrixParents: number;
  /** Children per matrix parent (colors × sizes, at most 20). */
  childrenPerParent?: number;
  /** TikTok leaf category ids; items of class i go to categories[i] through the Category Map. */
  categories?: readonly string[];
  /** Product Attributes (JSON) per category id on its Category Map row. */
  attributes?: Readonly<Record<string, string>>;
  /** Item name prefix (items are `${prefix}-S-0001`, `${prefix}-M-0001`, `${prefix}-M-0001-RED-S`). */
  prefix?: string;
  /** The shop record to set TikTok Matrix Options on (internal id), if any. */
  shopRecordId?: number;
  /**
   * Each item's image (base64), or one per item by its number (1, 2, …); default TINY_PNG (TikTok's Upload
   * Image wants 100–20,000 px: see pngOf).
   */
  imageBase64?: string | ((n: number) => string);
}

export interface PushCatalog {
  standaloneIds: string[];
  parentIds: string[];
  /** Child item ids by parent id. */
  childIds: Map<string, string[]>;
  classIds: string[];
  /** Category Map row ids. */
  mapIds: string[];
  /** Image file id by item id. */
  imageOf: Map<string, string>;
}

type Values = Record<string, unknown>;

export function createItem(ns: NetSuiteEmulator, type: string, values: Values): string {
  const rec = ns.seed.service.create({ type });
  for (const [fieldId, value] of Object.entries(values)) rec.setValue({ fieldId, value });
  return String(ns.seed.service.save(rec, {}));
}

/**
 * A valid PNG of `width` × `height` pixels (one grey, `shade`), base64: what TikTok's Upload Image takes
 * (at least 100 px a side); a different shade gives different bytes.
 */
export function pngOf(width = 200, height = 200, shade = 128): string {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunkOf = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, shade);
  for (let y = 0; y < height; y += 1) rows[y * (width + 1)] = 0; // filter byte per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunkOf('IHDR', ihdr),
    chunkOf('IDAT', deflateSync(rows)),
    chunkOf('IEND', Buffer.alloc(0)),
  ]).toString('base64');
}

/** A PNG in the SuiteScripts folder (internal id -15); its file id. */
export function saveImage(ns: NetSuiteEmulator, name: string, base64 = TINY_PNG): string {
  return String(
    ns.files.save({
      name,
      fileType: 'PNGIMAGE',
      folder: -15,
      description: 'product image',
      isOnline: false,
      contents: base64,
    }),
  );
}

/** The internal id of a matrix option value (`Red`) in its list. */
export function optionValueId(ns: NetSuiteEmulator, listId: string, name: string): string {
  const row = ns.store.all(listId).find((r) => r.fields.name === name);
  if (!row) throw new Error(`${listId} has no value ${name} (start the emulator with PUSH_MATRIX_OPTIONS)`);
  return String(row.id);
}

function pad(n: number): string {
  return String(n).padStart(4, '0');
}

function upcOf(n: number): string {
  return String(100000000000 + n).slice(-12);
}

export function buildPushCatalog(ns: NetSuiteEmulator, options: PushCatalogOptions): PushCatalog {
  const prefix = options.prefix ?? 'PUSH';
  const categories = options.categories ?? ['600001', '600002', '600003'];
  const perParent = Math.min(options.childrenPerParent ?? 4, 20);
  const colors = PUSH_MATRIX_OPTIONS[0].values;
  const sizes = PUSH_MATRIX_OPTIONS[1].values;
  const colorIds = colors.map((c) => optionValueId(ns, 'customlist_color', c));
  const sizeIds = sizes.map((s) => optionValueId(ns, 'customlist_size', s));
  const classIds = categories.map((_, i) =>
    createItem(ns, 'classification', { name: `${prefix} class ${i + 1}` }),
  );
  const mapIds = categories.map((category, i) =>
    createItem(ns, 'customrecord_tts_cat_map', {
      name: `${prefix} class ${i + 1} → ${category}`,
      custrecord_tts_cm_class: classIds[i],
      custrecord_tts_cm_category: category,
      ...(options.attributes?.[category] ? { custrecord_tts_cm_attrs: options.attributes[category] } : {}),
    }),
  );
  if (options.shopRecordId !== undefined) {
    const shop = ns.seed.service.load({ type: 'customrecord_tts_shop', id: options.shopRecordId });
    shop.setValue({ fieldId: 'custrecord_tts_shop_matrix_opts', value: PUSH_MATRIX_SETTING });
    ns.seed.service.save(shop, {});
  }
  const imageOf = new Map<string, string>();
  const imageBytesOf = (n: number): string | undefined =>
    typeof options.imageBase64 === 'function' ? options.imageBase64(n) : options.imageBase64;
  const common = (n: number): Values => ({
    weight: 1 + (n % 5) / 2,
    weightunit: '1',
    baseprice: 10 + (n % 40),
    class: classIds[n % classIds.length],
    salesdescription: `Item ${n}: soft, durable, machine washable.`,
    custitem_tts_push: true,
  });
  const standaloneIds: string[] = [];
  for (let i = 1; i <= options.standalone; i += 1) {
    const image = saveImage(ns, `${prefix.toLowerCase()}-s-${pad(i)}.png`, imageBytesOf(i));
    const id = createItem(ns, 'inventoryitem', {
      itemid: `${prefix}-S-${pad(i)}`,
      displayname: `${prefix} standalone ${i}`,
      upccode: upcOf(i),
      storedisplayimage: image,
      ...common(i),
    });
    imageOf.set(id, image);
    standaloneIds.push(id);
  }
  const parentIds: string[] = [];
  const childIds = new Map<string, string[]>();
  for (let p = 1; p <= options.matrixParents; p += 1) {
    const combos: [number, number][] = [];
    for (let c = 0; c < colors.length && combos.length < perParent; c += 1) {
      for (let s = 0; s < sizes.length && combos.length < perParent; s += 1) combos.push([c, s]);
    }
    const usedColors = [...new Set(combos.map(([c]) => c))];
    const usedSizes = [...new Set(combos.map(([, s]) => s))];
    const image = saveImage(
      ns,
      `${prefix.toLowerCase()}-m-${pad(p)}.png`,
      imageBytesOf(options.standalone + p),
    );
    const parent = createItem(ns, 'inventoryitem', {
      itemid: `${prefix}-M-${pad(p)}`,
      displayname: `${prefix} matrix tee ${p}`,
      matrixtype: 'PARENT',
      custitem_color: usedColors.map((c) => colorIds[c]),
      custitem_size: usedSizes.map((s) => sizeIds[s]),
      storedisplayimage: image,
      ...common(options.standalone + p),
    });
    imageOf.set(parent, image);
    parentIds.push(parent);
    const kids = combos.map(([c, s], k) =>
      createItem(ns, 'inventoryitem', {
        itemid: `${prefix}-M-${pad(p)}-${colors[c].toUpperCase()}-${sizes[s]}`,
        displayname: `${prefix} matrix tee ${p} ${colors[c]} ${sizes[s]}`,
        matrixtype: 'CHILD',
        parent,
        matrixoptioncustitem_color: colorIds[c],
        matrixoptioncustitem_size: sizeIds[s],
        upccode: upcOf(100000 + p * 100 + k),
        weight: 1,
        weightunit: '1',
        baseprice: 15 + s,
      }),
    );
    childIds.set(parent, kids);
  }
  return { standaloneIds, parentIds, childIds, classIds, mapIds, imageOf };
}

/** The shop's TikTok Shop record (`customrecord_tts_shop`) in NetSuite, by TikTok shop id. */
export function shopRecordOf(ns: NetSuiteEmulator, shopId: string): StoredRecord {
  const shop = ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`);
  if (!shop) throw new Error('the shop is not in NetSuite');
  return shop;
}

/** An inventory item's fields, by internal id. */
export function itemFields(ns: NetSuiteEmulator, id: string): Record<string, unknown> {
  const rec = ns.store.get('inventoryitem', Number(id));
  if (!rec) throw new Error(`no item ${id}`);
  return rec.fields;
}

/** The catalog's items that are TikTok SKUs: the standalone items, then every matrix child. */
export function skuItemIds(catalog: PushCatalog): string[] {
  return [...catalog.standaloneIds, ...[...catalog.childIds.values()].flat()];
}

/** The seller SKUs (item names) of the catalog's SKU items, in skuItemIds' order. */
export function sellerSkusOf(ns: NetSuiteEmulator, catalog: PushCatalog): string[] {
  return skuItemIds(catalog).map((id) => String(itemFields(ns, id).itemid));
}

/**
 * Sets the base price of one SKU — the first matrix parent's first child, or the first standalone item
 * when there is no matrix parent — to `price`, as a user would; its item id.
 */
export function repriceOneSku(ns: NetSuiteEmulator, catalog: PushCatalog, price: number): string {
  const parent = catalog.parentIds[0] ?? catalog.standaloneIds[0];
  const child = catalog.childIds.get(parent)?.[0] ?? parent;
  ns.seed.service.submitFields({ type: 'inventoryitem', id: Number(child), values: { baseprice: price } });
  return child;
}

/**
 * Puts the shop (its record's internal id) on the Push Price Level `level`, first giving every SKU item
 * a price on that level: `priceOf(id, base)` of its base price, by default the base price itself.
 */
export function setPushPriceLevel(
  ns: NetSuiteEmulator,
  catalog: PushCatalog,
  shopRecordId: number,
  level: string,
  priceOf: (id: string, base: number) => number = (_, base) => base,
): void {
  for (const id of skuItemIds(catalog)) {
    const base = Number(itemFields(ns, id).baseprice);
    ns.seed.itemPrices(Number(id), [{ level, unitprice: priceOf(id, base) }]);
  }
  ns.seed.service.submitFields({
    type: 'customrecord_tts_shop',
    id: shopRecordId,
    values: { custrecord_tts_shop_price_level: level },
  });
}
