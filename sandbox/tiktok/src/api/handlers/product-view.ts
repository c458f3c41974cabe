/**
 * Products and SKUs as the product API returns them: summaries for search, detail with stock per
 * warehouse.
 */
import type { Shop, Product, Sku } from '../../domain/types';
import { BRANDS, categoryChain } from '../../domain/product-catalog';
import { formatMinor } from '../../money';

function chainOf(categoryId: string) {
  const chain = categoryChain(categoryId);
  if (chain.length === 0) return [{ id: categoryId, parent_id: '0', local_name: 'Category', is_leaf: true }];
  return chain.map((c) => ({ id: c.id, parent_id: c.parentId, local_name: c.name, is_leaf: c.isLeaf }));
}

function skuPrice(sku: Sku) {
  const amount = formatMinor(sku.priceMinor, sku.currency);
  return { currency: sku.currency, tax_exclusive_price: amount, sale_price: amount };
}

/** In-stock quantity of a SKU in a warehouse (a virtual bundle's comes from its components). */
export type StockOf = (sku: Sku, warehouseId: string) => number;

const ownStock: StockOf = (sku, warehouseId) => sku.inventory[warehouseId] ?? 0;

function skuInventory(sku: Sku, stock: StockOf) {
  return Object.keys(sku.inventory).map((warehouse_id) => ({
    warehouse_id,
    quantity: stock(sku, warehouse_id),
  }));
}

/** A product as Search Products lists it (TikTok's Product API). */
export function productSummary(product: Product, shop: Shop, stock: StockOf = ownStock) {
  return {
    id: product.id,
    title: product.title,
    status: product.status,
    skus: product.skus.map((sku) => ({
      id: sku.id,
      seller_sku: sku.sellerSku,
      price: skuPrice(sku),
      inventory: skuInventory(sku, stock),
    })),
    sales_regions: [shop.region],
    create_time: product.createTime,
    update_time: product.updateTime,
    audit: { status: product.auditStatus },
  };
}

/** A product as Get Product returns it (TikTok's Product API). */
export function productDetail(product: Product, stock: StockOf = ownStock) {
  return {
    id: product.id,
    status: product.status,
    title: product.title,
    description: product.description,
    category_chains: chainOf(product.categoryId),
    brand: product.brandId
      ? { id: product.brandId, name: BRANDS.find((b) => b.id === product.brandId)?.name ?? '' }
      : null,
    product_attributes: product.productAttributes ?? [],
    package_dimensions: product.packageDimensions ?? null,
    main_images: product.mainImages.map((image) => ({ uri: image.uri, urls: [], height: 800, width: 800 })),
    package_weight: product.packageWeight,
    skus: product.skus.map((sku) => ({
      id: sku.id,
      seller_sku: sku.sellerSku,
      price: skuPrice(sku),
      inventory: skuInventory(sku, stock),
      sales_attributes: sku.salesAttributes,
      external_sku_id: '',
    })),
    audit: { status: product.auditStatus },
    audit_failed_reasons: product.auditFailedReasons ?? [],
    create_time: product.createTime,
    update_time: product.updateTime,
  };
}
