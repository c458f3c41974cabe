/**
 * Create Product / Edit Product body validation (issue #20), in the order TikTok's Create Product page
 * lists the fields: title (length by region), description, leaf category, brand (exists; a protected
 * brand needs authorization), main images (1–9 URIs answered by Upload Image), the category's required
 * product attributes and their value lists, the category's rules (package dimensions, certifications),
 * package weight (imperial units only in the US), SKUs (at most 300 in BR, EU, JP, MX, UK, US and 100
 * elsewhere; seller_sku 1–50 characters without spaces and unique; price in the shop's currency;
 * inventory in the shop's enabled warehouses, 1–99 999; at most 3 sales attribute types, the same on
 * every SKU).
 */
import type { IdFactory } from '../../domain/ids';
import { attributesOf, BRANDS, categoryById, rulesOf } from '../../domain/product-catalog';
import type { SimulatorState } from '../../domain/state';
import type { Product, SalesAttribute, Shop, Sku } from '../../domain/types';
import { Business } from '../../errors';
import { parseMinor } from '../../money';
import { optObject, optObjectArray, optString } from '../body';

const WIDE_TITLE_REGIONS = ['DE', 'ES', 'FR', 'IE', 'IT', 'JP', 'GB', 'US'];
const MAX_300_SKU_REGIONS = ['BR', 'DE', 'ES', 'FR', 'IE', 'IT', 'JP', 'MX', 'GB', 'US'];
export const MAX_MAIN_IMAGES = 9;
export const MAX_SALES_ATTRIBUTE_TYPES = 3;

/** The validated fields of a listing (everything Create/Edit Product replaces). */
export interface Listing {
  title: string;
  description: string;
  categoryId: string;
  brandId: string | undefined;
  mainImages: { uri: string }[];
  productAttributes: { id: string; values: { id?: string; name?: string }[] }[];
  packageWeight: { value: string; unit: string };
  packageDimensions: { length: string; width: string; height: string; unit: string } | undefined;
  certifications: { id: string; images: { uri: string }[] }[];
  skus: Sku[];
}

export function validateTitle(shop: Shop, title: string | undefined): string {
  if (!title || title.trim() === '') throw Business.productNameEmpty();
  const [min, max] = WIDE_TITLE_REGIONS.includes(shop.region)
    ? [1, 255]
    : ['BR', 'MX'].includes(shop.region)
      ? [1, 300]
      : [25, 255];
  if (title.length > max) throw Business.productNameTooLong();
  if (title.length < min) throw Business.titleTooShort(min);
  return title;
}

export function maxSkusOf(region: string): number {
  return MAX_300_SKU_REGIONS.includes(region) ? 300 : 100;
}

function readCategory(body: Record<string, unknown>): string {
  const categoryId = optString(body, 'category_id');
  if (!categoryId || !/^\d+$/.test(categoryId)) throw Business.categoryInvalid();
  const category = categoryById(categoryId);
  if (!category) throw Business.categoryNotExist();
  if (!category.isLeaf) throw Business.categoryNotLeaf();
  return categoryId;
}

function readBrand(body: Record<string, unknown>): string | undefined {
  const brandId = optString(body, 'brand_id');
  if (brandId === undefined || brandId === '') return undefined;
  const brand = BRANDS.find((b) => b.id === brandId);
  if (!brand) throw Business.brandNotExist();
  if (brand.protected) throw Business.brandUnauthorized();
  return brandId;
}

function readImages(state: SimulatorState, body: Record<string, unknown>): { uri: string }[] {
  const images = optObjectArray(body, 'main_images');
  if (!images || images.length === 0 || images.some((i) => typeof i.uri !== 'string' || i.uri === '')) {
    throw Business.mainImageRequired();
  }
  if (images.length > MAX_MAIN_IMAGES) throw Business.mainImagesTooMany();
  return images.map((image) => {
    const uri = String(image.uri);
    if (!state.uploadedImages.has(uri)) throw Business.imageUriUnknown(uri);
    return { uri };
  });
}

function readProductAttributes(
  body: Record<string, unknown>,
  categoryId: string,
): Listing['productAttributes'] {
  const given = optObjectArray(body, 'product_attributes') ?? [];
  const defined = attributesOf(categoryId).filter((a) => a.type === 'PRODUCT_PROPERTY');
  const result: Listing['productAttributes'] = [];
  for (const raw of given) {
    const id = String(raw.id ?? '');
    const attribute = defined.find((a) => a.id === id);
    if (!attribute) throw Business.attributeNotInCategory(id);
    const values = optObjectArray(raw, 'values') ?? [];
    for (const value of values) {
      const valueId = typeof value.id === 'string' ? value.id : undefined;
      const name = typeof value.name === 'string' ? value.name : undefined;
      const known = attribute.values.some(
        (v) => v.id === valueId || (valueId === undefined && v.name === name),
      );
      if (!known && !(attribute.customizable && valueId === undefined && name)) {
        throw Business.attributeValueInvalid(attribute.name, attribute.id);
      }
    }
    if (values.length > 1 && !attribute.multipleSelection)
      throw Business.attributeValueInvalid(attribute.name, attribute.id);
    result.push({
      id,
      values: values.map((v) => ({
        ...(typeof v.id === 'string' ? { id: v.id } : {}),
        ...(typeof v.name === 'string' ? { name: v.name } : {}),
      })),
    });
  }
  for (const attribute of defined) {
    if (attribute.required && !result.some((a) => a.id === attribute.id && a.values.length > 0)) {
      throw Business.requiredAttributeMissing(attribute.name, attribute.id);
    }
  }
  return result;
}

function readPackage(
  shop: Shop,
  body: Record<string, unknown>,
  categoryId: string,
): Pick<Listing, 'packageWeight' | 'packageDimensions' | 'certifications'> {
  const rules = rulesOf(categoryId);
  const dimensions = optObject(body, 'package_dimensions');
  let packageDimensions: Listing['packageDimensions'];
  if (dimensions) {
    const [length, width, height, unit] = ['length', 'width', 'height', 'unit'].map((k) =>
      optString(dimensions, k),
    );
    if (length && width && height && unit) packageDimensions = { length, width, height, unit };
  }
  if (rules.packageDimensionsRequired && !packageDimensions) throw Business.packageDimensionsRequired();
  const certifications = (optObjectArray(body, 'certifications') ?? []).map((c) => ({
    id: String(c.id ?? ''),
    images: (optObjectArray(c, 'images') ?? []).map((i) => ({ uri: String(i.uri ?? '') })),
  }));
  for (const rule of rules.certifications) {
    if (rule.required && !certifications.some((c) => c.id === rule.id && c.images.length > 0)) {
      throw Business.certificationRequired(rule.name, rule.id);
    }
  }
  const weight = optObject(body, 'package_weight');
  const weightValue = weight ? optString(weight, 'value') : undefined;
  const weightUnit = weight ? optString(weight, 'unit') : undefined;
  if (!weightValue || !weightUnit || !/^\d+(\.\d+)?$/.test(weightValue))
    throw Business.packageWeightInvalid();
  if (Number(weightValue) === 0) throw Business.packageWeightZero();
  if (shop.region !== 'US' && (weightUnit === 'POUND' || packageDimensions?.unit === 'INCH'))
    throw Business.imperialUnitsNotUs();
  return { packageWeight: { value: weightValue, unit: weightUnit }, packageDimensions, certifications };
}

function readSalesAttributes(raw: Record<string, unknown>, categoryId: string): SalesAttribute[] {
  const given = optObjectArray(raw, 'sales_attributes') ?? [];
  const defined = attributesOf(categoryId).filter((a) => a.type === 'SALES_PROPERTY');
  return given.map((a) => {
    const byId = typeof a.id === 'string' ? defined.find((d) => d.id === a.id) : undefined;
    const byName = typeof a.name === 'string' ? defined.find((d) => d.name === a.name) : undefined;
    const attribute = byId ?? byName;
    if (typeof a.id === 'string' && !byId) throw Business.attributeNotInCategory(a.id);
    const valueName = String(a.value_name ?? '');
    const value =
      typeof a.value_id === 'string'
        ? attribute?.values.find((v) => v.id === a.value_id)
        : attribute?.values.find((v) => v.name === valueName);
    if (typeof a.value_id === 'string' && !value)
      throw Business.attributeValueInvalid(attribute?.name ?? '', attribute?.id ?? '');
    return {
      id: attribute?.id ?? `cus-${String(a.name ?? '')}`,
      name: attribute?.name ?? String(a.name ?? ''),
      value_id: value?.id ?? `cus-${valueName}`,
      value_name: value?.name ?? valueName,
    };
  });
}

function readSku(
  state: SimulatorState,
  shop: Shop,
  raw: Record<string, unknown>,
  productId: string,
  categoryId: string,
  ids: IdFactory,
  existing: Product | null,
): Sku {
  const sellerSku = optString(raw, 'seller_sku') ?? '';
  if (sellerSku.length > 50) throw Business.sellerSkuTooLong();
  if (sellerSku.length === 0 || /\s/.test(sellerSku)) throw Business.sellerSkuInvalid();
  const price = optObject(raw, 'price');
  if (!price) throw Business.priceMissing();
  const amount = optString(price, 'amount');
  const currency = optString(price, 'currency');
  if (amount === undefined || currency === undefined) throw Business.priceMissing();
  if (currency !== shop.currency) throw Business.currencyNotAvailable();
  const priceMinor = parseMinor(amount, currency);
  if (priceMinor === null || priceMinor <= 0) throw Business.priceFormat();
  const inventoryList = optObjectArray(raw, 'inventory');
  if (!inventoryList || inventoryList.length === 0) throw Business.inventoryQuantityLimits();
  const inventory: Record<string, number> = {};
  for (const entry of inventoryList) {
    const warehouseId = optString(entry, 'warehouse_id');
    if (!warehouseId) throw Business.warehouseNotExist();
    const warehouse = state.warehouses.get(warehouseId);
    if (!warehouse) throw Business.warehouseNotExist();
    if (warehouse.shopId !== shop.id) throw Business.warehouseNotInShop(warehouseId);
    if (warehouse.effectStatus !== 'ENABLED') throw Business.warehouseDisabled();
    if (warehouseId in inventory) throw Business.warehouseDuplicate();
    const quantity = entry.quantity;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > 99_999) {
      throw Business.inventoryQuantityLimits();
    }
    inventory[warehouseId] = quantity;
  }
  const salesAttributes = readSalesAttributes(raw, categoryId);
  const skuId = optString(raw, 'id');
  if (skuId !== undefined && !existing?.skus.some((s) => s.id === skuId))
    throw Business.skuNotInProduct(skuId);
  return {
    id: skuId ?? ids.skuId(),
    productId,
    sellerSku,
    name: salesAttributes.map((a) => a.value_name).join(', ') || 'Default',
    priceMinor,
    currency,
    inventory,
    salesAttributes,
  };
}

/** Validates a full listing body (Create Product, Edit Product, or a Partial Edit merged onto the product). */
export function readListing(
  state: SimulatorState,
  shop: Shop,
  body: Record<string, unknown>,
  productId: string,
  ids: IdFactory,
  existing: Product | null,
): Listing {
  const title = validateTitle(shop, optString(body, 'title'));
  const description = optString(body, 'description');
  if (!description) throw Business.descriptionRequired();
  const categoryId = readCategory(body);
  const brandId = readBrand(body);
  const mainImages = readImages(state, body);
  const productAttributes = readProductAttributes(body, categoryId);
  const pack = readPackage(shop, body, categoryId);
  const rawSkus = optObjectArray(body, 'skus');
  if (!rawSkus || rawSkus.length === 0) throw Business.skuListEmpty();
  if (rawSkus.length > maxSkusOf(shop.region)) throw Business.tooManySkus();
  const skus = rawSkus.map((raw) => readSku(state, shop, raw, productId, categoryId, ids, existing));
  const seen = new Set<string>();
  for (const sku of skus) {
    if (seen.has(sku.sellerSku)) throw Business.sellerSkuDuplicate();
    seen.add(sku.sellerSku);
  }
  const types = (sku: Sku) =>
    sku.salesAttributes
      .map((a) => a.id)
      .sort()
      .join('|');
  const first = skus[0] as Sku;
  if (first.salesAttributes.length > MAX_SALES_ATTRIBUTE_TYPES) throw Business.salesAttributesTooMany();
  if (skus.some((sku) => types(sku) !== types(first))) throw Business.salesAttributesInconsistent();
  if (skus.length > 1) {
    const combos = new Set(
      skus.map((sku) =>
        sku.salesAttributes
          .map((a) => `${a.id}=${a.value_name}`)
          .sort()
          .join('|'),
      ),
    );
    if (combos.size !== skus.length) throw Business.salesAttributeDuplicate();
  }
  return { title, description, categoryId, brandId, mainImages, productAttributes, ...pack, skus };
}
