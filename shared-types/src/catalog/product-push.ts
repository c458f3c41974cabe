/**
 * RESTlet actions of the product push (issue #20: NetSuite items become TikTok products), the contract
 * between the SuiteApp side (which reads items, decides what changed and records what TikTok said) and
 * the bridge side (which checks TikTok's category rules, uploads images and calls Create Product, Edit
 * Product, Partial Edit and Update Price):
 *
 * - `catalog.push.pull`: the products NetSuite wants pushed, each with what changed since the last push
 *   (`change`), paged by NetSuite item id. A product whose hashes equal the last pushed ones is not
 *   returned, so a re-run with no change makes 0 TikTok calls.
 * - `catalog.push.ack`: per product, what happened at TikTok (created, edited, price only, refused with
 *   TikTok's reasons, invalid before sending, not allowed for the shop), and the hashes to record as
 *   last pushed when TikTok accepted it.
 * - `catalog.push.audit`: audit results arriving later (webhook or poll: PENDING → ACTIVATE or FAILED with
 *   reasons), written on the item.
 * - `catalog.image`: one image file's bytes (base64), read from the File Cabinet by id, at most
 *   MAX_IMAGE_BYTES.
 *
 * Types only here; validators sit beside them (shared-types is dependency-free: hand-written validators,
 * shared-types/package.json). Money is a decimal string in the shop's currency, as TikTok takes it.
 */

export const CATALOG_PUSH_PULL_ACTION = 'catalog.push.pull';
export const CATALOG_PUSH_ACK_ACTION = 'catalog.push.ack';
export const CATALOG_PUSH_AUDIT_ACTION = 'catalog.push.audit';
export const CATALOG_IMAGE_ACTION = 'catalog.image';

/** Products per pull page (a matrix parent counts once, with all its children). */
export const DEFAULT_PUSH_PULL = 50;
export const MAX_PUSH_PULL = 100;
/** TikTok: at most 9 main images, 3 sales attribute types, 300 SKUs (US, UK, EU, BR, JP, MX; 100 elsewhere). */
export const MAX_MAIN_IMAGES = 9;
export const MAX_SALES_ATTRIBUTES = 3;
/** TikTok's Upload Image takes files up to 5 MB; NetSuite's RESTlet answer stays well under its 10 MB. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * What changed since the last push:
 * - `create`: never pushed (no TikTok product id): Create Product with an idempotency key;
 * - `edit`: content changed (title, description, images, category, attributes, SKUs, package…): Edit Product
 *   (goes through TikTok's audit again);
 * - `price`: only prices changed: Update Price (no re-audit).
 */
export type PushChange = 'create' | 'edit' | 'price';

export interface PushMoney {
  amount: string;
  currency: string;
}

export interface PushSku {
  /** NetSuite internal id of the item that is this SKU (a matrix child, or the standalone item itself). */
  itemId: string;
  /** custitem_tts_sku or the item's Item Name/Number; 1–50 characters, no spaces (checked by NetSuite). */
  sellerSku: string;
  price: PushMoney;
  /** UPC/EAN/GTIN/ISBN/JAN from the item's UPC code, or null. */
  identifier: { type: 'GTIN' | 'EAN' | 'UPC' | 'ISBN' | 'JAN'; code: string } | null;
  /** The matrix options of a matrix child (at most MAX_SALES_ATTRIBUTES), [] for a standalone item. */
  salesAttributes: { name: string; value: string }[];
  /** TikTok's SKU id once pushed (custitem_tts_sku_id), or null. */
  tiktokSkuId: string | null;
  /** Available units per linked TikTok warehouse, as the inventory export computes them. */
  inventory: { warehouseId: string; quantity: number }[];
}

export interface PushImage {
  /** File Cabinet id; the bridge fetches the bytes with `catalog.image` (and may reuse an earlier upload). */
  fileId: string;
  name: string;
  bytes: number;
  /** A hash of the file's content, so an unchanged image is not uploaded twice. */
  contentHash: string;
}

export interface PushProduct {
  /** NetSuite internal id of the standalone item or the matrix parent. */
  itemId: string;
  kind: 'standalone' | 'matrix';
  change: PushChange;
  /** TikTok's product id once pushed (custitem_tts_product_id), or null. */
  tiktokProductId: string | null;
  title: string;
  descriptionHtml: string;
  /** TikTok leaf category id: the item's own, else its class's (category map), or null (the bridge may ask TikTok to recommend). */
  categoryId: string | null;
  brandName: string | null;
  /** Product attributes mapped for the category, by TikTok attribute id. */
  attributes: { id: string; values: string[] }[];
  packageWeight: { value: string; unit: 'KILOGRAM' | 'POUND' } | null;
  packageDimensions: {
    length: string;
    width: string;
    height: string;
    unit: 'CENTIMETER' | 'INCH';
  } | null;
  images: PushImage[];
  skus: PushSku[];
  /** Hash of everything but prices and stock; and of prices. Recorded as last pushed when TikTok accepts. */
  contentHash: string;
  priceHash: string;
}

export interface CatalogPushPullRequest {
  action: typeof CATALOG_PUSH_PULL_ACTION;
  shopId: string;
  /** The last item id of the previous page (exclusive), or absent for the first page. */
  after?: string;
  limit?: number;
}

export interface CatalogPushPullResponse {
  ok: true;
  shopId: string;
  /**
   * Process product catalog updates (TikTok side) is Push products to TikTok and Process product catalog
   * (NetSuite side) pulls from NetSuite; otherwise `products` is empty and `reason` says why.
   */
  pushEnabled: boolean;
  reason: string | null;
  products: PushProduct[];
  /**
   * Items marked for TikTok that NetSuite found invalid before any TikTok call (a SKU over 50 characters
   * or with spaces, more than 3 matrix options, no price in the shop's currency…): recorded by NetSuite as
   * exceptions naming the item; listed so the bridge can count them.
   */
  invalid: { itemId: string; message: string }[];
  next: string | null;
}

/**
 * Per product:
 * - `created` / `edited` / `price_updated`: TikTok accepted it; `productId`, `skus` and the hashes are recorded;
 *   `auditStatus` is TikTok's (PENDING after create/edit);
 * - `rejected`: TikTok refused the call (`message` holds TikTok's code and reasons and the fix);
 * - `invalid`: not sent: the category's rules are not met (a missing required attribute, no category, an
 *   image over the limit); `message` names the item, the attribute or image and the fix;
 * - `not_allowed`: the shop's seller cannot create products through the API (TikTok 12052701: cross-border
 *   sellers use global products); the shop record and the exceptions view say what to do instead.
 */
export type PushOutcome = 'created' | 'edited' | 'price_updated' | 'rejected' | 'invalid' | 'not_allowed';

export type AuditStatus =
  | 'PENDING'
  | 'FAILED'
  | 'ACTIVATE'
  | 'DRAFT'
  | 'SELLER_DEACTIVATED'
  | 'PLATFORM_DEACTIVATED'
  | 'FREEZE'
  | 'DELETED';

export interface PushAckResult {
  itemId: string;
  outcome: PushOutcome;
  productId: string | null;
  /** TikTok's SKU ids by NetSuite item id (created/edited). */
  skus: { itemId: string; skuId: string }[];
  auditStatus: AuditStatus | null;
  contentHash: string | null;
  priceHash: string | null;
  message: string | null;
}

export interface CatalogPushAckRequest {
  action: typeof CATALOG_PUSH_ACK_ACTION;
  shopId: string;
  results: PushAckResult[];
}

export interface CatalogPushAckResponse {
  ok: true;
  recorded: number;
  /** Exceptions written (a failure already logged with the same message is not logged again). */
  logged: number;
}

export interface AuditResult {
  productId: string;
  status: AuditStatus;
  /** TikTok's reasons for FAILED (each with its fix when TikTok gives one). */
  reasons: string[];
}

export interface CatalogPushAuditRequest {
  action: typeof CATALOG_PUSH_AUDIT_ACTION;
  shopId: string;
  results: AuditResult[];
}

export interface CatalogPushAuditResponse {
  ok: true;
  recorded: number;
  /** Product ids no NetSuite item carries. */
  unknown: string[];
}

export interface CatalogImageRequest {
  action: typeof CATALOG_IMAGE_ACTION;
  shopId: string;
  fileId: string;
}

export interface CatalogImageResponse {
  ok: true;
  fileId: string;
  name: string;
  /** image/jpeg, image/png, image/webp… */
  mimeType: string;
  base64: string;
}
