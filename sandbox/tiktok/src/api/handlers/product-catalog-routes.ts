/**
 * The simulator's catalog reference routes (issue #20): Get Categories, Get Attributes, Get Category
 * Rules, Get Brands, Recommend Category (shop-level) and Upload Image (seller-level, multipart
 * `data` + `use_case`). The data is domain/product-catalog.ts; image limits are domain/product-images.ts.
 */
import {
  attributesOf,
  BRANDS,
  CATEGORIES,
  categoryById,
  categoryChain,
  recommendCategory,
  rulesOf,
} from '../../domain/product-catalog';
import {
  imageFormatOf,
  imageSizeOf,
  imageUriOf,
  MAX_UPLOAD_BYTES,
  USE_CASES,
} from '../../domain/product-images';
import type { SimulatorState } from '../../domain/state';
import { Business, Gateway } from '../../errors';
import { optString, requireShopId } from '../body';
import { paginate, pagingScope, readPageSize } from '../paging';
import type { ApiContext, RouteDef } from '../route-table';

function requireCategory(id: string | undefined) {
  const category = id ? categoryById(id) : undefined;
  if (!category) throw Business.categoryNotExist();
  return category;
}

function getAttributes(ctx: ApiContext) {
  const category = requireCategory(ctx.params.category_id);
  if (!category.isLeaf) throw Business.categoryNotLeaf();
  return {
    attributes: attributesOf(category.id).map((a) => ({
      id: a.id,
      name: a.name,
      type: a.type,
      // TikTok's Get Attributes spells the flag this way.
      is_requried: a.required,
      is_customizable: a.customizable,
      is_multiple_selection: a.multipleSelection,
      values: a.values.map((v) => ({ id: v.id, name: v.name })),
      requirement_conditions: [],
    })),
  };
}

function getRules(ctx: ApiContext) {
  const category = requireCategory(ctx.params.category_id);
  if (!category.isLeaf) throw Business.categoryNotLeaf();
  const rules = rulesOf(category.id);
  return {
    product_certifications: rules.certifications.map((c) => ({
      id: c.id,
      name: c.name,
      is_required: c.required,
      sample_image_url: '',
    })),
    size_chart: { is_supported: true, is_required: rules.sizeChartRequired },
    cod: { is_supported: false },
    package_dimension: { is_required: rules.packageDimensionsRequired },
  };
}

function getBrands(ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const pageSize = readPageSize(ctx.query, 1, 100);
  const name = (ctx.query.brand_name ?? '').toLowerCase();
  const matches = BRANDS.filter((b) => name === '' || b.name.toLowerCase().includes(name));
  const page = paginate(
    matches,
    pageSize,
    ctx.query.page_token || undefined,
    pagingScope(['brands', shopId, name, ctx.query.category_id ?? '']),
  );
  return {
    brands: page.items.map((b) => ({
      id: b.id,
      name: b.name,
      authorized_status: b.protected ? 'UNAUTHORIZED' : 'AUTHORIZED',
      brand_status: b.protected ? 'UNAVAILABLE' : 'AVAILABLE',
      is_t1_brand: b.protected,
    })),
    total_count: matches.length,
    next_page_token: page.nextPageToken,
  };
}

function recommend(ctx: ApiContext) {
  const title = optString(ctx.body, 'product_title');
  if (!title) throw Gateway.invalidParam('product_title is required');
  const leaf = recommendCategory(`${title} ${optString(ctx.body, 'description') ?? ''}`);
  if (!leaf) return { leaf_category_id: '', categories: [] };
  return {
    leaf_category_id: leaf.id,
    categories: categoryChain(leaf.id).map((c, i) => ({
      id: c.id,
      name: c.name,
      level: i + 1,
      is_leaf: c.isLeaf,
    })),
  };
}

function uploadImage(state: SimulatorState, ctx: ApiContext) {
  const file = ctx.parts.find((p) => p.name === 'data' && p.filename !== null);
  if (!file) throw Gateway.invalidParam('data is required');
  const useCase = optString(ctx.body, 'use_case') ?? 'MAIN_IMAGE';
  if (!USE_CASES.includes(useCase))
    throw Gateway.invalidParam(`use_case must be one of ${USE_CASES.join(', ')}`);
  if (file.data.length > MAX_UPLOAD_BYTES) throw Business.imageTooLarge();
  const format = imageFormatOf(file.data);
  if (!format) throw Business.imageFormatInvalid();
  const size = imageSizeOf(file.data, format);
  if (size && (size.width < 100 || size.height < 100 || size.width > 20_000 || size.height > 20_000)) {
    throw Business.imageDimensionsInvalid();
  }
  const seller = state.sellers.get(ctx.authorization.sellerId);
  const uri = imageUriOf(file.data, seller?.baseRegion ?? 'US');
  const width = size?.width ?? 800;
  const height = size?.height ?? 800;
  state.uploadedImages.set(uri, { width, height, useCase });
  return {
    uri,
    url: `https://p16-oec-va.ibyteimg.com/${uri}~tplv-o3syd03w52-origin-jpeg.jpeg`,
    width,
    height,
    use_case: useCase,
  };
}

/** Categories, attributes, rules, brands, recommendation and image upload (TikTok's Product API). */
export function catalogRoutes(state: SimulatorState): RouteDef[] {
  return [
    {
      method: 'GET',
      pattern: '/product/202309/categories',
      scope: 'seller.product.basic',
      shopLevel: true,
      handler: () => ({
        categories: CATEGORIES.map((c) => ({
          id: c.id,
          parent_id: c.parentId,
          local_name: c.name,
          is_leaf: c.isLeaf,
          permission_statuses: ['AVAILABLE'],
        })),
      }),
    },
    {
      method: 'GET',
      pattern: '/product/202309/categories/{category_id}/attributes',
      scope: 'seller.product.basic',
      shopLevel: true,
      handler: getAttributes,
    },
    {
      method: 'GET',
      pattern: '/product/202309/categories/{category_id}/rules',
      scope: 'seller.product.basic',
      shopLevel: true,
      handler: getRules,
    },
    {
      method: 'GET',
      pattern: '/product/202309/brands',
      scope: 'seller.product.basic',
      shopLevel: true,
      handler: getBrands,
    },
    {
      method: 'POST',
      pattern: '/product/202309/categories/recommend',
      scope: 'seller.product.basic',
      shopLevel: true,
      handler: recommend,
    },
    {
      method: 'POST',
      pattern: '/product/202309/images/upload',
      scope: 'seller.product.write',
      shopLevel: false,
      multipart: true,
      handler: (ctx) => uploadImage(state, ctx),
    },
  ];
}
