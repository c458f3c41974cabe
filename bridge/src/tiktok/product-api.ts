/**
 * TikTok's product listing calls the product push makes (issue #20): Get Attributes, Get Category
 * Rules, Get Brands, Recommend Category, Upload Image (multipart, seller-level), Create Product (with an
 * idempotency key the caller keeps across retries), Edit Product (full replace), Update Price and Get
 * Product. Each answer is checked with the zod schemas of product-schemas.ts; TikTok's refusals are
 * thrown as the caller's typed `TikTokApiError`s (with TikTok's code), retried there when temporary.
 */
import type { CategoryInfo, BrandInfo } from '../catalog/push-rules';
import type { TikTokClient } from './client';
import {
  brandsSchema,
  categoryAttributesSchema,
  categoryRulesSchema,
  productDetailSchema,
  productWriteSchema,
  recommendCategorySchema,
  uploadImageSchema,
} from './product-schemas';
import { parseTikTokData } from './schemas';

export const PRODUCT_PATHS = {
  categoryAttributes: (categoryId: string) =>
    `/product/202309/categories/${encodeURIComponent(categoryId)}/attributes`,
  categoryRules: (categoryId: string) => `/product/202309/categories/${encodeURIComponent(categoryId)}/rules`,
  brands: '/product/202309/brands',
  recommendCategory: '/product/202309/categories/recommend',
  uploadImage: '/product/202309/images/upload',
  createProduct: '/product/202309/products',
  product: (productId: string) => `/product/202309/products/${encodeURIComponent(productId)}`,
  updatePrice: (productId: string) =>
    `/product/202309/products/${encodeURIComponent(productId)}/prices/update`,
} as const;

/** What Create / Edit Product answered: TikTok's product id and its SKU ids by seller SKU. */
export interface ProductWriteAnswer {
  productId: string;
  skus: { id: string; sellerSku: string }[];
  warnings: string[];
}

/** Get Product's status and audit, as catalog.push.audit records them. */
export interface ProductAuditState {
  productId: string;
  status: string;
  auditStatus: string | null;
  /** Each failure's position, reasons and TikTok's suggestions as one sentence. */
  reasons: string[];
}

type Caller = Pick<TikTokClient, 'callForShop'>;

export class TikTokProductApi {
  constructor(private readonly client: Caller) {}

  /** Get Attributes and Get Category Rules of a leaf category (2 calls). */
  async categoryInfo(shopId: string, categoryId: string): Promise<CategoryInfo> {
    const rawAttributes = await this.client.callForShop<unknown>(shopId, {
      endpoint: 'product.category.attributes',
      method: 'GET',
      path: PRODUCT_PATHS.categoryAttributes(categoryId),
    });
    const attributes = parseTikTokData(
      categoryAttributesSchema,
      rawAttributes,
      'product.category.attributes',
    );
    const rawRules = await this.client.callForShop<unknown>(shopId, {
      endpoint: 'product.category.rules',
      method: 'GET',
      path: PRODUCT_PATHS.categoryRules(categoryId),
    });
    const rules = parseTikTokData(categoryRulesSchema, rawRules, 'product.category.rules');
    return {
      categoryId,
      attributes: attributes.attributes.map((a) => ({
        id: a.id,
        name: a.name,
        type: a.type === 'SALES_PROPERTY' ? 'SALES_PROPERTY' : 'PRODUCT_PROPERTY',
        required: a.is_requried === true || a.is_required === true,
        customizable: a.is_customizable === true,
        multipleSelection: a.is_multiple_selection === true,
        values: (a.values ?? []).map((v) => ({ id: v.id, name: v.name })),
      })),
      packageDimensionsRequired: rules.package_dimension?.is_required === true,
      requiredCertifications: (rules.product_certifications ?? [])
        .filter((c) => c.is_required === true)
        .map((c) => ({ id: c.id, name: c.name })),
    };
  }

  /** Get Brands filtered by name: the brand whose name equals `name` (any case), or null. */
  async findBrand(shopId: string, name: string): Promise<BrandInfo | null> {
    const raw = await this.client.callForShop<unknown>(shopId, {
      endpoint: 'product.brands',
      method: 'GET',
      path: PRODUCT_PATHS.brands,
      query: { brand_name: name, page_size: 100 },
    });
    const data = parseTikTokData(brandsSchema, raw, 'product.brands');
    const found = data.brands.find((b) => b.name.toLowerCase() === name.toLowerCase());
    if (!found) return null;
    return {
      id: found.id,
      name: found.name,
      authorized: found.authorized_status === undefined || found.authorized_status === 'AUTHORIZED',
    };
  }

  /** Recommend Category for a title and description: the leaf category id and its path, or null. */
  async recommendCategory(
    shopId: string,
    title: string,
    description: string,
  ): Promise<{ id: string; path: string } | null> {
    const raw = await this.client.callForShop<unknown>(shopId, {
      endpoint: 'product.category.recommend',
      method: 'POST',
      path: PRODUCT_PATHS.recommendCategory,
      body: { product_title: title, description },
    });
    const data = parseTikTokData(recommendCategorySchema, raw, 'product.category.recommend');
    if (data.leaf_category_id === '') return null;
    return { id: data.leaf_category_id, path: data.categories.map((c) => c.name).join(' > ') };
  }

  /** Upload Image (multipart `data` + `use_case` MAIN_IMAGE): TikTok's URI for the image. */
  async uploadImage(
    shopId: string,
    image: { name: string; mimeType: string; data: Buffer },
  ): Promise<string> {
    const raw = await this.client.callForShop<unknown>(
      shopId,
      {
        endpoint: 'product.image.upload',
        method: 'POST',
        path: PRODUCT_PATHS.uploadImage,
        multipart: {
          fields: { use_case: 'MAIN_IMAGE' },
          file: { field: 'data', filename: image.name, contentType: image.mimeType, data: image.data },
        },
      },
      { sellerLevel: true },
    );
    return parseTikTokData(uploadImageSchema, raw, 'product.image.upload').uri;
  }

  /** Create Product; TikTok answers a repeat of `idempotency_key` with the first answer. */
  async createProduct(
    shopId: string,
    body: Record<string, unknown>,
    idempotencyKey: string,
  ): Promise<ProductWriteAnswer> {
    const raw = await this.client.callForShop<unknown>(shopId, {
      endpoint: 'product.create',
      method: 'POST',
      path: PRODUCT_PATHS.createProduct,
      body: { ...body, idempotency_key: idempotencyKey },
    });
    return writeAnswer(parseTikTokData(productWriteSchema, raw, 'product.create'));
  }

  /** Edit Product (full replace: SKUs without `id` are new, SKUs left out are deleted); a new audit. */
  async editProduct(
    shopId: string,
    productId: string,
    body: Record<string, unknown>,
  ): Promise<ProductWriteAnswer> {
    const raw = await this.client.callForShop<unknown>(shopId, {
      endpoint: 'product.edit',
      method: 'PUT',
      path: PRODUCT_PATHS.product(productId),
      body,
    });
    return writeAnswer(parseTikTokData(productWriteSchema, raw, 'product.edit'));
  }

  /** Update Price of some SKUs (ACTIVATE products only; no new audit). */
  async updatePrice(
    shopId: string,
    productId: string,
    skus: readonly { id: string; price: { amount: string; currency: string } }[],
  ): Promise<void> {
    await this.client.callForShop<unknown>(shopId, {
      endpoint: 'product.price.update',
      method: 'POST',
      path: PRODUCT_PATHS.updatePrice(productId),
      body: { skus: skus.map((s) => ({ id: s.id, price: { ...s.price } })) },
    });
  }

  /** Get Product: its status and audit (with TikTok's reasons when the audit failed). */
  async getProductAudit(shopId: string, productId: string): Promise<ProductAuditState> {
    const raw = await this.client.callForShop<unknown>(shopId, {
      endpoint: 'product.get',
      method: 'GET',
      path: PRODUCT_PATHS.product(productId),
    });
    const data = parseTikTokData(productDetailSchema, raw, 'product.get');
    return {
      productId: data.id,
      status: data.status,
      auditStatus: data.audit?.status ?? null,
      reasons: data.audit_failed_reasons.map((r) =>
        [
          r.position ? `${r.position}:` : '',
          r.reasons.join(' '),
          r.suggestions.length > 0 ? `Fix: ${r.suggestions.join(' ')}` : '',
        ]
          .filter((part) => part !== '')
          .join(' '),
      ),
    };
  }
}

function writeAnswer(data: {
  product_id: string;
  skus: { id: string; seller_sku: string }[];
  warnings: { message?: string }[];
}): ProductWriteAnswer {
  return {
    productId: data.product_id,
    skus: data.skus.map((s) => ({ id: s.id, sellerSku: s.seller_sku })),
    warnings: data.warnings.map((w) => w.message ?? '').filter((m) => m !== ''),
  };
}
