/**
 * The product push's pure decisions on the bridge side (issue #20): a `PushProduct` from NetSuite
 * (`catalog.push.pull`) checked against TikTok's rules for its category BEFORE anything is sent — the
 * category is a leaf TikTok knows, every required product attribute is mapped with a value TikTok takes,
 * at most 3 sales attributes and the same ones on every SKU, seller SKUs 1–50 characters without spaces
 * and unique, 1–9 images, a package weight, package dimensions and certifications when the category
 * asks, a brand TikTok knows and lets the seller use, stock to list — each failure a message naming the
 * item, what is missing and the fix; then the Create / Edit Product body, the Update Price body, and what
 * the ack records. No I/O here: workers/product-push.ts reads and sends.
 */
import type { PushAckResult, PushProduct, PushSku } from '../../../shared-types/src/catalog/product-push';
import { MAX_MAIN_IMAGES, MAX_SALES_ATTRIBUTES } from '../../../shared-types/src/catalog/product-push';
import { maxSkusOf, sellerSkuProblem } from '../../../shared-types/src/catalog/push-plan';

export interface CategoryAttribute {
  id: string;
  name: string;
  type: 'SALES_PROPERTY' | 'PRODUCT_PROPERTY';
  required: boolean;
  /** Free text accepted besides the value list. */
  customizable: boolean;
  multipleSelection: boolean;
  values: { id: string; name: string }[];
}

/** A leaf category as Get Attributes and Get Category Rules describe it. */
export interface CategoryInfo {
  categoryId: string;
  attributes: CategoryAttribute[];
  packageDimensionsRequired: boolean;
  /** Certifications the category requires (the connector does not send certifications yet). */
  requiredCertifications: { id: string; name: string }[];
}

export interface BrandInfo {
  id: string;
  name: string;
  /** False for a protected brand the seller is not authorized for. */
  authorized: boolean;
}

/** TikTok's Create Product and Edit Product take 1–99,999 units per warehouse of a SKU. */
export const MAX_LISTED_QUANTITY = 99_999;

/** What the worker found out about the product's category and brand before the check. */
export interface PushContext {
  region: string;
  /** The category's attributes and rules, or why they could not be read (TikTok's refusal). */
  category: CategoryInfo | { problem: string } | null;
  /** Recommend Category's answer for a product without a category ("601226 Womenswear > Tops > T-shirts"). */
  recommendation: string | null;
  /** The brand found by name, null when TikTok has none of that name; undefined when the product has none. */
  brand?: BrandInfo | null;
}

export type CheckResult =
  | {
      ok: true;
      productAttributes: { id: string; values: ({ id: string } | { name: string })[] }[];
      salesAttributes: Map<string, { id: string; value_id?: string; value_name?: string }[]>;
    }
  | { ok: false; message: string };

export function itemLabel(product: Pick<PushProduct, 'itemId' | 'title'>): string {
  return `Item "${product.title}" (internal id ${product.itemId})`;
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The warehouses a SKU is listed in: those with stock, at most TikTok's 99,999 each. */
export function listedInventory(sku: PushSku): { warehouse_id: string; quantity: number }[] {
  return sku.inventory
    .filter((i) => i.quantity >= 1)
    .map((i) => ({ warehouse_id: i.warehouseId, quantity: Math.min(i.quantity, MAX_LISTED_QUANTITY) }));
}

function attributeValues(
  attribute: CategoryAttribute,
  given: readonly string[],
): ({ id: string } | { name: string })[] | { error: string } {
  const out: ({ id: string } | { name: string })[] = [];
  for (const value of given) {
    const known = attribute.values.find((v) => v.id === value || sameText(v.name, value));
    if (known) out.push({ id: known.id });
    else if (attribute.customizable && value.trim() !== '') out.push({ name: value.trim() });
    else {
      const list = attribute.values.map((v) => v.name).join(', ');
      return {
        error: `"${value}" is not a value TikTok takes for ${attribute.name} (${attribute.id})${list === '' ? '' : `; it takes one of: ${list}`}`,
      };
    }
  }
  if (out.length > 1 && !attribute.multipleSelection) {
    return { error: `${attribute.name} (${attribute.id}) takes one value, not ${out.length}` };
  }
  return out;
}

/**
 * Checks a product against its category's rules and TikTok's listing rules. Each refusal names the
 * item, what is missing or wrong, and the fix in NetSuite.
 */
export function checkProduct(product: PushProduct, context: PushContext): CheckResult {
  const item = itemLabel(product);
  const refuse = (what: string, fix: string): CheckResult => ({
    ok: false,
    message: `${item} was not sent to TikTok: ${what}. Fix: ${fix}`,
  });
  if (product.categoryId === null || context.category === null) {
    return refuse(
      'it has no TikTok category',
      `set TikTok Category ID on the item, or add a TikTok Category Map row for its class${context.recommendation ? ` (TikTok recommends ${context.recommendation})` : ''}.`,
    );
  }
  if ('problem' in context.category) {
    return refuse(
      `TikTok category ${product.categoryId}: ${context.category.problem}`,
      `choose a leaf category TikTok lists (TikTok Category ID on the item or its class's Category Map row)${context.recommendation ? `; TikTok recommends ${context.recommendation}` : ''}.`,
    );
  }
  const category = context.category;
  if (product.images.length === 0) {
    return refuse(
      'it has no image (TikTok requires at least one main image)',
      'choose an Item Display Image (JPEG, PNG or WebP, at most 5 MB) on the item.',
    );
  }
  if (product.images.length > MAX_MAIN_IMAGES) {
    return refuse(
      `it has ${product.images.length} images (TikTok takes at most ${MAX_MAIN_IMAGES})`,
      'remove images from the item.',
    );
  }
  if (product.packageWeight === null) {
    return refuse('it has no package weight', 'set Item Weight and Weight Unit on the item.');
  }
  if (category.packageDimensionsRequired && product.packageDimensions === null) {
    return refuse(
      `TikTok category ${category.categoryId} requires package dimensions`,
      'set TikTok Package Dimensions on the item, e.g. "12 x 8 x 4 in".',
    );
  }
  const certification = category.requiredCertifications[0];
  if (certification !== undefined) {
    return refuse(
      `TikTok category ${category.categoryId} requires the certification "${certification.name}" (${certification.id}), which the connector does not send`,
      'list this product in TikTok Seller Center with its certificate, or choose another category.',
    );
  }
  if (product.brandName !== null && context.brand !== undefined) {
    if (context.brand === null) {
      return refuse(
        `TikTok has no brand "${product.brandName}"`,
        'correct TikTok Brand on the item (as TikTok spells it), or register the brand in Seller Center.',
      );
    }
    if (!context.brand.authorized) {
      return refuse(
        `the brand "${context.brand.name}" is protected and not authorized for this seller`,
        'get the brand authorized in TikTok Seller Center, or clear TikTok Brand on the item.',
      );
    }
  }

  // Product attributes: each mapped one must belong to the category, and every required one be mapped.
  const productProps = category.attributes.filter((a) => a.type === 'PRODUCT_PROPERTY');
  const productAttributes: { id: string; values: ({ id: string } | { name: string })[] }[] = [];
  for (const mapped of product.attributes) {
    const attribute = productProps.find((a) => a.id === mapped.id);
    if (!attribute) {
      return refuse(
        `attribute ${mapped.id} is not a product attribute of TikTok category ${category.categoryId}`,
        `remove "${mapped.id}" from the Product Attributes of the category's TikTok Category Map row.`,
      );
    }
    const values = attributeValues(attribute, mapped.values);
    if ('error' in values) {
      return refuse(
        values.error,
        `correct "${mapped.id}" in the Product Attributes of the TikTok Category Map row of category ${category.categoryId}.`,
      );
    }
    if (values.length > 0) productAttributes.push({ id: attribute.id, values });
  }
  for (const attribute of productProps) {
    if (!attribute.required || productAttributes.some((a) => a.id === attribute.id)) continue;
    const example = attribute.values[0]?.name ?? 'a value';
    const choices =
      attribute.values.length > 0 ? ` (one of: ${attribute.values.map((v) => v.name).join(', ')})` : '';
    return refuse(
      `TikTok category ${category.categoryId} requires the attribute ${attribute.name} (${attribute.id}), which is not mapped`,
      `add "${attribute.id}": "${example}"${choices} to the Product Attributes of the category's TikTok Category Map row.`,
    );
  }

  // SKUs: count, seller SKUs, stock, sales attributes.
  const maxSkus = maxSkusOf(context.region);
  if (product.skus.length === 0) return refuse('it has no SKU', 'add child items or untick Push to TikTok.');
  if (product.skus.length > maxSkus) {
    return refuse(
      `it has ${product.skus.length} SKUs (TikTok takes at most ${maxSkus} in ${context.region})`,
      'split the matrix item.',
    );
  }
  const seen = new Set<string>();
  for (const sku of product.skus) {
    const problem = sellerSkuProblem(sku.sellerSku);
    if (problem !== null) {
      return refuse(
        `the seller SKU "${sku.sellerSku}" of item ${sku.itemId} ${problem}`,
        'set TikTok SKU on that item: 1–50 characters, no spaces.',
      );
    }
    if (seen.has(sku.sellerSku)) {
      return refuse(
        `the seller SKU "${sku.sellerSku}" is on two of its SKUs`,
        'give each child item its own TikTok SKU.',
      );
    }
    seen.add(sku.sellerSku);
    if (listedInventory(sku).length === 0) {
      return refuse(
        `SKU "${sku.sellerSku}" has no stock in the TikTok warehouses linked to the shop (TikTok lists a SKU with 1–${MAX_LISTED_QUANTITY.toLocaleString('en-US')} units per warehouse)`,
        'receive stock at a location linked to a TikTok Warehouse record and let the inventory export run, then the push sends it.',
      );
    }
  }
  const salesProps = category.attributes.filter((a) => a.type === 'SALES_PROPERTY');
  const names = (sku: PushSku): string =>
    sku.salesAttributes
      .map((a) => a.name.toLowerCase())
      .sort()
      .join('|');
  const first = product.skus[0] as PushSku;
  if (first.salesAttributes.length > MAX_SALES_ATTRIBUTES) {
    return refuse(
      `it uses ${first.salesAttributes.length} matrix options (TikTok takes at most ${MAX_SALES_ATTRIBUTES} sales attributes)`,
      "keep at most 3 matrix options in the shop's TikTok Matrix Options.",
    );
  }
  if (product.skus.some((sku) => names(sku) !== names(first))) {
    return refuse(
      'its SKUs do not all have the same matrix options',
      'give every child item a value for each matrix option.',
    );
  }
  const combos = new Set(
    product.skus.map((sku) =>
      sku.salesAttributes
        .map((a) => `${a.name.toLowerCase()}=${a.value.toLowerCase()}`)
        .sort()
        .join('|'),
    ),
  );
  if (product.skus.length > 1 && combos.size !== product.skus.length) {
    return refuse(
      'two of its SKUs have the same matrix option values',
      'give each child item its own combination of matrix options.',
    );
  }
  const salesAttributes = new Map<string, { id: string; value_id?: string; value_name?: string }[]>();
  for (const sku of product.skus) {
    const list: { id: string; value_id?: string; value_name?: string }[] = [];
    for (const given of sku.salesAttributes) {
      const attribute = salesProps.find((a) => sameText(a.name, given.name));
      if (!attribute) {
        const offered = salesProps.map((a) => a.name).join(', ');
        return refuse(
          `the matrix option "${given.name}" is not a sales attribute of TikTok category ${category.categoryId}${offered === '' ? '' : ` (it has: ${offered})`}`,
          "name the option as TikTok does in the shop's TikTok Matrix Options, e.g. custitem_color=Color.",
        );
      }
      const value = attribute.values.find((v) => sameText(v.name, given.value));
      if (value) list.push({ id: attribute.id, value_id: value.id });
      else if (attribute.customizable) list.push({ id: attribute.id, value_name: given.value });
      else {
        return refuse(
          `"${given.value}" is not a ${attribute.name} TikTok takes in category ${category.categoryId}`,
          `use one of: ${attribute.values.map((v) => v.name).join(', ')}.`,
        );
      }
    }
    salesAttributes.set(sku.itemId, list);
  }
  return { ok: true, productAttributes, salesAttributes };
}

/**
 * The Create Product / Edit Product body (Edit Product replaces everything: SKUs carry their TikTok id
 * when they have one, new ones none).
 */
export function listingBody(
  product: PushProduct,
  checked: Extract<CheckResult, { ok: true }>,
  imageUris: readonly string[],
  brandId: string | null,
): Record<string, unknown> {
  return {
    title: product.title,
    description: product.descriptionHtml,
    category_id: product.categoryId,
    ...(brandId === null ? {} : { brand_id: brandId }),
    main_images: imageUris.map((uri) => ({ uri })),
    product_attributes: checked.productAttributes,
    package_weight: product.packageWeight,
    ...(product.packageDimensions === null ? {} : { package_dimensions: product.packageDimensions }),
    skus: product.skus.map((sku) => ({
      ...(sku.tiktokSkuId === null ? {} : { id: sku.tiktokSkuId }),
      seller_sku: sku.sellerSku,
      price: { amount: sku.price.amount, currency: sku.price.currency },
      inventory: listedInventory(sku),
      ...(sku.identifier === null
        ? {}
        : { identifier_code: { code: sku.identifier.code, type: sku.identifier.type } }),
      ...((checked.salesAttributes.get(sku.itemId) ?? []).length > 0
        ? { sales_attributes: checked.salesAttributes.get(sku.itemId) }
        : {}),
    })),
  };
}

/**
 * What the push does with a product NetSuite sent: `create` without a TikTok product id, `price` (Update
 * Price, no re-audit) when only prices changed and every SKU has its TikTok id, else `edit`.
 */
export function actionOf(product: PushProduct): 'create' | 'edit' | 'price' {
  if (product.tiktokProductId === null) return 'create';
  if (product.change === 'price' && product.skus.every((s) => s.tiktokSkuId !== null)) return 'price';
  return 'edit';
}

/** Create Product's idempotency key: the same for every retry of the same content (≤ 64 characters). */
export function idempotencyKeyOf(shopId: string, product: PushProduct): string {
  return `tts-push-${shopId}-${product.itemId}-${product.contentHash}`.slice(0, 64);
}

/** The ack of a product TikTok took: its ids (SKUs matched by seller SKU) and the hashes as last pushed. */
export function acceptedAck(
  product: PushProduct,
  outcome: 'created' | 'edited' | 'price_updated',
  answer: { productId: string; skus: readonly { id: string; sellerSku: string }[] } | null,
): PushAckResult {
  const bySeller = new Map((answer?.skus ?? []).map((s) => [s.sellerSku, s.id]));
  return {
    itemId: product.itemId,
    outcome,
    productId: answer?.productId ?? product.tiktokProductId,
    skus: product.skus.flatMap((sku) => {
      const skuId = bySeller.get(sku.sellerSku) ?? sku.tiktokSkuId;
      return skuId === null || skuId === undefined ? [] : [{ itemId: sku.itemId, skuId }];
    }),
    auditStatus: outcome === 'price_updated' ? null : 'PENDING',
    contentHash: product.contentHash,
    priceHash: product.priceHash,
    message: null,
  };
}

/** An ack without TikTok ids: refused by TikTok, invalid before sending, or not allowed for the shop. */
export function refusedAck(
  product: Pick<PushProduct, 'itemId'>,
  outcome: 'rejected' | 'invalid' | 'not_allowed',
  message: string,
): PushAckResult {
  return {
    itemId: product.itemId,
    outcome,
    productId: null,
    skus: [],
    auditStatus: null,
    contentHash: null,
    priceHash: null,
    message,
  };
}

/** TikTok's code for "cross-border sellers cannot create local products directly: use global products". */
export const CROSS_BORDER_CREATE_CODE = 12052701;
/** Update Price on a product that is not ACTIVATE (in audit, failed, deactivated). */
export const PRODUCT_STATUS_INVALID_CODE = 12052901;

/** The message of a TikTok refusal of a product call, with the fix where the code says what it is. */
export function refusalMessage(
  product: Pick<PushProduct, 'itemId' | 'title'>,
  call: 'Create Product' | 'Edit Product' | 'Update Price' | 'Upload Image',
  code: number,
  tiktokMessage: string,
): string {
  const head = `${itemLabel(product)}: TikTok refused ${call} (code ${code}: ${tiktokMessage})`;
  if (code === CROSS_BORDER_CREATE_CODE) {
    return `${head}. This shop's seller is cross-border: TikTok takes its products only as global products. Fix: list the products with global products in TikTok Seller Center; clear Product Push Blocked on the shop once the seller can create local products.`;
  }
  if (code === PRODUCT_STATUS_INVALID_CODE) {
    return `${head}. TikTok changes prices only of ACTIVATE products. Fix: wait for TikTok's audit (or correct what it failed for); the new price is sent by the next push.`;
  }
  return `${head}. Fix: correct the item as TikTok's message says, then the next push sends it again.`;
}

/** The Update Price body's SKUs (every SKU has its TikTok id: actionOf checked). */
export function priceUpdateOf(
  product: PushProduct,
): { id: string; price: { amount: string; currency: string } }[] {
  return product.skus.map((sku) => ({
    id: sku.tiktokSkuId ?? '',
    price: { amount: sku.price.amount, currency: sku.price.currency },
  }));
}
