/**
 * What the product push (issue #20) reads from TikTok's product listing answers: Get Attributes, Get
 * Category Rules, Get Brands, Recommend Category, Upload Image, Create / Edit Product and Get Product
 * (TikTok's Product API pages, partner.tiktokshop.com/docv2; the simulator answers the same shapes:
 * sandbox/tiktok/src/api/handlers/product-catalog-routes.ts). Loose objects: TikTok adds fields freely; a
 * missing field the push needs is a `TIKTOK_RESPONSE_INVALID` naming it.
 */
import { z } from 'zod';

const id = z.union([z.string().min(1), z.number().int().transform(String)]);

/** Get Attributes (`GET /product/202309/categories/{id}/attributes`); TikTok spells the flag `is_requried`. */
export const categoryAttributesSchema = z.looseObject({
  attributes: z
    .array(
      z.looseObject({
        id,
        name: z.string(),
        type: z.enum(['SALES_PROPERTY', 'PRODUCT_PROPERTY']).or(z.string()),
        is_requried: z.boolean().optional(),
        is_required: z.boolean().optional(),
        is_customizable: z.boolean().optional(),
        is_multiple_selection: z.boolean().optional(),
        values: z.array(z.looseObject({ id, name: z.string() })).optional(),
      }),
    )
    .default([]),
});

/** Get Category Rules (`GET /product/202309/categories/{id}/rules`). */
export const categoryRulesSchema = z.looseObject({
  product_certifications: z
    .array(z.looseObject({ id, name: z.string(), is_required: z.boolean().optional() }))
    .optional(),
  package_dimension: z.looseObject({ is_required: z.boolean().optional() }).optional(),
  size_chart: z.looseObject({ is_required: z.boolean().optional() }).optional(),
});

/** Get Brands (`GET /product/202309/brands`). */
export const brandsSchema = z.looseObject({
  brands: z
    .array(
      z.looseObject({
        id,
        name: z.string(),
        authorized_status: z.string().optional(),
        brand_status: z.string().optional(),
      }),
    )
    .default([]),
  next_page_token: z.string().optional(),
});

/** Recommend Category (`POST /product/202309/categories/recommend`); an empty id when nothing matches. */
export const recommendCategorySchema = z.looseObject({
  leaf_category_id: z.string().default(''),
  categories: z.array(z.looseObject({ id, name: z.string(), is_leaf: z.boolean().optional() })).default([]),
});

/** Upload Image (`POST /product/202309/images/upload`, multipart). */
export const uploadImageSchema = z.looseObject({
  uri: z.string().min(1),
  url: z.string().optional(),
});

/** Create Product / Edit Product / Partial Edit answers. */
export const productWriteSchema = z.looseObject({
  product_id: id,
  skus: z.array(z.looseObject({ id, seller_sku: z.string() })).default([]),
  warnings: z.array(z.looseObject({ message: z.string().optional() })).default([]),
});

/** Get Product (`GET /product/202309/products/{id}`): the status and audit the push follows. */
export const productDetailSchema = z.looseObject({
  id,
  status: z.string(),
  audit: z.looseObject({ status: z.string().optional() }).optional(),
  audit_failed_reasons: z
    .array(
      z.looseObject({
        position: z.string().optional(),
        reasons: z.array(z.string()).default([]),
        suggestions: z.array(z.string()).default([]),
      }),
    )
    .default([]),
});
