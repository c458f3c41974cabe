/**
 * Push products to TikTok, bridge side (issue #20). One pass per shop pages through NetSuite's
 * `catalog.push.pull` (only products whose last pushed hashes differ: a re-run with no change makes 0
 * TikTok calls) and, per product:
 *
 * 1. checks it against TikTok's rules for its category BEFORE sending anything (catalog/push-rules.ts:
 *    leaf category, required attributes and their values, sales attributes ≤ 3, SKU rules, images,
 *    package, brand, stock); a failure is acked `invalid` with a message naming the item, what is
 *    missing and the fix (a product without a category gets Recommend Category's suggestion in it);
 * 2. uploads its images once: bytes from `catalog.image`, Upload Image (multipart), TikTok's URI kept by
 *    the image's content hash (ProductPushCache), so an image already uploaded is not read or sent again;
 * 3. creates it (Create Product with an idempotency key derived from the item and its content, the same
 *    on every retry), edits it (Edit Product, a new audit), or only changes prices (Update Price, no
 *    re-audit);
 * 4. acks what TikTok said (`catalog.push.ack`: ids, hashes, audit PENDING; or TikTok's refusal with the
 *    fix). TikTok's 12052701 (a cross-border seller must use global products) acks `not_allowed` and ends
 *    the pass: NetSuite then blocks the shop's push with the reason until it is cleared.
 *
 * Created and edited products get an audit check (`catalog.push_audit` job) after `auditPollMs`; product
 * status webhooks (type 5) queue one at once. The check reads Get Product and sends the status (ACTIVATE,
 * FAILED with TikTok's reasons…) to `catalog.push.audit`; a product still PENDING is checked again later.
 * Category attributes and rules, brands and recommendations are kept for `ttlMs` (ProductPushCache).
 */
import type { Logger } from 'pino';
import {
  type AuditResult,
  type AuditStatus,
  type CatalogPushPullResponse,
  type PushAckResult,
  type PushProduct,
} from '../../../shared-types/src/catalog/product-push';
import {
  AUDIT_STATUSES,
  MAX_PUSH_ACK_RESULTS,
  MAX_PUSH_AUDIT_RESULTS,
} from '../../../shared-types/src/catalog/product-push-validate';
import { chunk } from '../../../shared-types/src/orders/sku-item-map';
import type { Clock } from '../../../shared-types/src/time/clock';
import {
  acceptedAck,
  actionOf,
  checkProduct,
  CROSS_BORDER_CREATE_CODE,
  idempotencyKeyOf,
  itemLabel,
  listingBody,
  priceUpdateOf,
  refusalMessage,
  refusedAck,
  type BrandInfo,
  type CategoryInfo,
  type PushContext,
} from '../catalog/push-rules';
import { BridgeError, BRIDGE_ERROR_CODES, describeError } from '../core/errors';
import { NetSuiteError, type NetSuiteClient } from '../netsuite/client';
import { type SendShop, withShopInNetSuite } from '../netsuite/connector-reactions';
import type { BridgeMetrics } from '../metrics';
import type { BridgeStore } from '../store/types';
import { TIKTOK_CODES, TikTokApiError, TikTokTokenExpiredError } from '../tiktok/errors';
import type { TikTokProductApi } from '../tiktok/product-api';
import type { BatchResult, JobHandler } from './job-runner';
import { shopPassHandler } from './shop-pass-handler';
import { JOB_KINDS, productAuditJob, type ProductAuditPayload } from './job-kinds';

/** Products per `catalog.push.pull` page. */
export const PUSH_PAGE_SIZE = 50;
/** First audit check after a push, then again at this interval while TikTok still audits. */
export const DEFAULT_AUDIT_POLL_MS = 5 * 60 * 1000;
/** A product still PENDING this long after its push is no longer polled (its status webhook still counts). */
export const PRODUCT_AUDIT_POLL_LIMIT_MS = 7 * 24 * 60 * 60 * 1000;
/** How long category rules, brands and recommendations are reused (TikTok changes them rarely). */
export const DEFAULT_RULES_TTL_MS = 6 * 60 * 60 * 1000;

type ProductApi = Pick<
  TikTokProductApi,
  | 'categoryInfo'
  | 'findBrand'
  | 'recommendCategory'
  | 'uploadImage'
  | 'createProduct'
  | 'editProduct'
  | 'updatePrice'
  | 'getProductAudit'
>;

/**
 * What the push keeps between passes in this process: category info, brands and recommendations (for
 * `ttlMs`), and TikTok's image URIs by shop and image content hash (an uploaded image stays valid).
 */
export class ProductPushCache {
  private readonly entries = new Map<string, { at: number; value: unknown }>();
  private readonly imageUris = new Map<string, string>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = DEFAULT_RULES_TTL_MS,
  ) {}

  async remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && this.clock.now() - hit.at < this.ttlMs) return hit.value as T;
    const value = await load();
    this.entries.set(key, { at: this.clock.now(), value });
    return value;
  }

  imageUri(shopId: string, contentHash: string): string | undefined {
    return this.imageUris.get(`${shopId}|${contentHash}`);
  }

  setImageUri(shopId: string, contentHash: string, uri: string): void {
    this.imageUris.set(`${shopId}|${contentHash}`, uri);
  }
}

export interface ProductPushDeps {
  store: Pick<BridgeStore, 'getShop' | 'recordError' | 'enqueueJob' | 'listShops' | 'settlePendingJob'>;
  products: ProductApi;
  netsuite: Pick<
    NetSuiteClient,
    'pullProductPush' | 'ackProductPush' | 'productImage' | 'recordProductAudits'
  >;
  sendShop: SendShop;
  cache: ProductPushCache;
  clock: Clock;
  logger?: Logger;
  metrics?: Pick<BridgeMetrics, 'productPushes'>;
}

export interface ProductPushOptions {
  pageSize?: number;
  auditPollMs?: number;
}

/** TikTok calls of one pass, by call. */
export interface ProductPushCalls {
  categoryInfo: number;
  brands: number;
  recommend: number;
  uploadImage: number;
  create: number;
  edit: number;
  updatePrice: number;
}

export interface ProductPushResult {
  shopId: string;
  /** NetSuite's reason when the shop does not push products (the setting, or Product Push Blocked). */
  skipped: string | null;
  pages: number;
  products: number;
  /** Items NetSuite itself found invalid (already recorded there). */
  netsuiteInvalid: number;
  outcomes: Record<PushAckResult['outcome'], number>;
  tiktokCalls: ProductPushCalls;
  /** Every TikTok product call (create + edit + price), the figure a no-change re-run keeps at 0. */
  productCalls: number;
  restletCalls: number;
  /** The pass stopped on TikTok's 12052701. */
  notAllowed: boolean;
}

function emptyResult(shopId: string): ProductPushResult {
  return {
    shopId,
    skipped: null,
    pages: 0,
    products: 0,
    netsuiteInvalid: 0,
    outcomes: { created: 0, edited: 0, price_updated: 0, rejected: 0, invalid: 0, not_allowed: 0 },
    tiktokCalls: {
      categoryInfo: 0,
      brands: 0,
      recommend: 0,
      uploadImage: 0,
      create: 0,
      edit: 0,
      updatePrice: 0,
    },
    productCalls: 0,
    restletCalls: 0,
    notAllowed: false,
  };
}

/**
 * A TikTok answer that refuses this product (a business code or a 4xx), as opposed to a failure of the
 * whole pass, which the job retries later and the status page shows: TikTok unavailable or throttled after
 * the caller's retries, an expired token, a bad signature, or the app without the product scopes (105005:
 * add the Product Basic and Product Modify packages in Partner Center, then the seller authorizes again).
 */
export function isProductRefusal(error: unknown): error is TikTokApiError {
  if (!(error instanceof TikTokApiError) || error instanceof TikTokTokenExpiredError) return false;
  if (error.httpStatus === 429 || error.httpStatus >= 500) return false;
  const wholePass: number[] = [
    TIKTOK_CODES.RATE_LIMITED,
    TIKTOK_CODES.INTERNAL,
    TIKTOK_CODES.INVALID_SIGN,
    TIKTOK_CODES.SCOPE_DENIED,
  ];
  return !wholePass.includes(error.tiktokCode);
}

/** A RESTlet refusal of `catalog.image` (the file is gone, too large…), as opposed to NetSuite being down. */
function isImageRefusal(error: unknown): error is NetSuiteError {
  return error instanceof NetSuiteError && !error.retryable;
}

class ProductPass {
  readonly result: ProductPushResult;
  private region = 'US';

  constructor(
    private readonly deps: ProductPushDeps,
    private readonly shopId: string,
    private readonly options: ProductPushOptions,
  ) {
    this.result = emptyResult(shopId);
  }

  async run(): Promise<ProductPushResult> {
    const shop = await this.deps.store.getShop(this.shopId);
    if (!shop) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.SHOP_NOT_FOUND,
        `Shop ${this.shopId} is not connected to this bridge.`,
      );
    }
    this.region = shop.region;
    let after: string | null = null;
    for (;;) {
      const page: CatalogPushPullResponse = await withShopInNetSuite(this.deps.sendShop, this.shopId, () =>
        this.deps.netsuite.pullProductPush(this.shopId, after, this.options.pageSize ?? PUSH_PAGE_SIZE),
      );
      this.result.restletCalls += 1;
      if (!page.pushEnabled) {
        this.result.skipped = page.reason ?? 'NetSuite does not push products for this shop';
        break;
      }
      this.result.pages += 1;
      this.result.netsuiteInvalid += page.invalid.length;
      const acks: PushAckResult[] = [];
      try {
        for (const product of page.products) {
          const ack = await this.pushOne(product);
          acks.push(ack);
          this.result.products += 1;
          this.result.outcomes[ack.outcome] += 1;
          if (ack.outcome === 'not_allowed') {
            this.result.notAllowed = true;
            break;
          }
        }
      } catch (error) {
        // TikTok or NetSuite unavailable part-way: what TikTok already took is recorded before the job
        // fails (a retried Create Product would be answered from its idempotency key anyway).
        if (acks.length > 0) {
          try {
            await this.sendAcks(acks);
            await this.queueAuditChecks(acks);
          } catch (ackError) {
            this.deps.logger?.warn(
              { shopId: this.shopId, results: acks.length, err: describeError(ackError) },
              'product push: the results of a failed pass could not be recorded; the next pass sends them again',
            );
          }
        }
        throw error;
      }
      await this.sendAcks(acks);
      await this.queueAuditChecks(acks);
      // Pages go by item id over every marked item, so a page may hold no change and still have a next one.
      if (this.result.notAllowed || page.next === null || page.next === after) break;
      after = page.next;
    }
    return this.result;
  }

  private async pushOne(product: PushProduct): Promise<PushAckResult> {
    const action = actionOf(product);
    if (action === 'price') {
      try {
        this.result.tiktokCalls.updatePrice += 1;
        this.result.productCalls += 1;
        await this.deps.products.updatePrice(
          this.shopId,
          product.tiktokProductId ?? '',
          priceUpdateOf(product),
        );
        return acceptedAck(product, 'price_updated', null);
      } catch (error) {
        if (!isProductRefusal(error)) throw error;
        return refusedAck(
          product,
          'rejected',
          refusalMessage(product, 'Update Price', error.tiktokCode, error.tiktokMessage),
        );
      }
    }
    const context = await this.contextOf(product);
    const checked = checkProduct(product, context);
    if (!checked.ok) return refusedAck(product, 'invalid', checked.message);
    const uris: string[] = [];
    for (const image of product.images) {
      const uri = await this.imageUriOf(product, image);
      if (typeof uri !== 'string') return uri;
      uris.push(uri);
    }
    const brandId = context.brand ? context.brand.id : null;
    const body = listingBody(product, checked, uris, brandId);
    const call = action === 'create' ? 'Create Product' : 'Edit Product';
    try {
      this.result.productCalls += 1;
      if (action === 'create') {
        this.result.tiktokCalls.create += 1;
        const answer = await this.deps.products.createProduct(
          this.shopId,
          body,
          idempotencyKeyOf(this.shopId, product),
        );
        return acceptedAck(product, 'created', answer);
      }
      this.result.tiktokCalls.edit += 1;
      const answer = await this.deps.products.editProduct(this.shopId, product.tiktokProductId ?? '', body);
      return acceptedAck(product, 'edited', answer);
    } catch (error) {
      if (!isProductRefusal(error)) throw error;
      const message = refusalMessage(product, call, error.tiktokCode, error.tiktokMessage);
      return refusedAck(
        product,
        error.tiktokCode === CROSS_BORDER_CREATE_CODE ? 'not_allowed' : 'rejected',
        message,
      );
    }
  }

  /** The category's rules (or TikTok's refusal of the category), a recommendation when it has none, the brand. */
  private async contextOf(product: PushProduct): Promise<PushContext> {
    const cache = this.deps.cache;
    let category: PushContext['category'] = null;
    let recommendation: string | null = null;
    if (product.categoryId !== null) {
      const categoryId = product.categoryId;
      category = await cache.remember<CategoryInfo | { problem: string }>(
        `category|${this.shopId}|${categoryId}`,
        async () => {
          this.result.tiktokCalls.categoryInfo += 1;
          try {
            return await this.deps.products.categoryInfo(this.shopId, categoryId);
          } catch (error) {
            if (!isProductRefusal(error)) throw error;
            return { problem: `TikTok says: ${error.tiktokMessage} (code ${error.tiktokCode})` };
          }
        },
      );
    }
    if (category === null || 'problem' in category) {
      const recommended = await cache.remember(`recommend|${this.shopId}|${product.title}`, async () => {
        this.result.tiktokCalls.recommend += 1;
        try {
          return await this.deps.products.recommendCategory(
            this.shopId,
            product.title,
            product.descriptionHtml,
          );
        } catch (error) {
          if (!isProductRefusal(error)) throw error;
          return null;
        }
      });
      recommendation = recommended === null ? null : `${recommended.id} (${recommended.path})`;
    }
    const context: PushContext = { region: this.region, category, recommendation };
    if (product.brandName !== null) {
      const name = product.brandName;
      context.brand = await cache.remember<BrandInfo | null>(
        `brand|${this.shopId}|${name.toLowerCase()}`,
        () => {
          this.result.tiktokCalls.brands += 1;
          return this.deps.products.findBrand(this.shopId, name);
        },
      );
    }
    return context;
  }

  /** TikTok's URI of an image: from the cache by content hash, else read from NetSuite and uploaded. */
  private async imageUriOf(
    product: PushProduct,
    image: PushProduct['images'][number],
  ): Promise<string | PushAckResult> {
    const cached = this.deps.cache.imageUri(this.shopId, image.contentHash);
    if (cached !== undefined) return cached;
    let file;
    try {
      file = await this.deps.netsuite.productImage(this.shopId, image.fileId);
      this.result.restletCalls += 1;
    } catch (error) {
      if (!isImageRefusal(error)) throw error;
      return refusedAck(
        product,
        'invalid',
        `${itemLabel(product)} was not sent to TikTok: its image "${image.name}" (file ${image.fileId}) could not be read: ${error.message} Fix: choose an image file of at most 5 MB (JPEG, PNG or WebP) on the item.`,
      );
    }
    try {
      this.result.tiktokCalls.uploadImage += 1;
      const uri = await this.deps.products.uploadImage(this.shopId, {
        name: file.name,
        mimeType: file.mimeType,
        data: Buffer.from(file.base64, 'base64'),
      });
      this.deps.cache.setImageUri(this.shopId, image.contentHash, uri);
      return uri;
    } catch (error) {
      if (!isProductRefusal(error)) throw error;
      return refusedAck(
        product,
        'invalid',
        `${itemLabel(product)} was not sent to TikTok: TikTok refused its image "${image.name}" (file ${image.fileId}): ${error.tiktokMessage} (code ${error.tiktokCode}). Fix: use a JPEG, PNG or WebP of 100–20,000 pixels a side and at most 5 MB.`,
      );
    }
  }

  /** `catalog.push.ack` in calls of at most 50; a call that stopped early (units) is resent from where it stopped. */
  private async sendAcks(acks: readonly PushAckResult[]): Promise<void> {
    for (const part of chunk([...acks], MAX_PUSH_ACK_RESULTS)) {
      let rest = part;
      while (rest.length > 0) {
        const answer = await this.deps.netsuite.ackProductPush(this.shopId, rest);
        this.result.restletCalls += 1;
        if (answer.recorded <= 0) {
          throw new BridgeError(
            BRIDGE_ERROR_CODES.NETSUITE_ERROR,
            `catalog.push.ack recorded none of ${rest.length} results for shop ${this.shopId}; the push is retried.`,
            { retryable: true },
          );
        }
        rest = rest.slice(answer.recorded);
      }
    }
    for (const ack of acks) {
      this.deps.metrics?.productPushes.inc({ outcome: ack.outcome });
      if (ack.message === null) continue;
      this.deps.logger?.warn({ shopId: this.shopId, itemId: ack.itemId, outcome: ack.outcome }, ack.message);
    }
  }

  private async queueAuditChecks(acks: readonly PushAckResult[]): Promise<void> {
    const now = this.deps.clock.now();
    const pollMs = this.options.auditPollMs ?? DEFAULT_AUDIT_POLL_MS;
    for (const ack of acks) {
      if ((ack.outcome !== 'created' && ack.outcome !== 'edited') || ack.productId === null) continue;
      await this.deps.store.enqueueJob(
        productAuditJob(this.shopId, ack.productId, 'poll', now, now + pollMs),
        now,
      );
    }
  }
}

/** One push pass for a shop (see the file comment). */
export function runProductPush(
  deps: ProductPushDeps,
  shopId: string,
  options: ProductPushOptions = {},
): Promise<ProductPushResult> {
  return new ProductPass(deps, shopId, options).run().then((result) => {
    deps.logger?.info({ ...result }, 'product push pass complete');
    return result;
  });
}

export interface ProductPushAllResult {
  results: ProductPushResult[];
  failures: { shopId: string; error: string }[];
}

/** One pass over every connected shop (or one shop); a failing shop is recorded and the others run. */
export async function runProductPushAllShops(
  deps: ProductPushDeps,
  options: ProductPushOptions & { shopId?: string } = {},
): Promise<ProductPushAllResult> {
  const out: ProductPushAllResult = { results: [], failures: [] };
  for (const shop of await deps.store.listShops()) {
    if (shop.state !== 'connected') continue;
    if (options.shopId !== undefined && shop.shopId !== options.shopId) continue;
    try {
      out.results.push(await runProductPush(deps, shop.shopId, options));
    } catch (error) {
      const message = describeError(error);
      out.failures.push({ shopId: shop.shopId, error: message });
      deps.logger?.warn({ shopId: shop.shopId, err: message }, 'product push failed');
      await deps.store.recordError({
        at: deps.clock.now(),
        source: 'catalog.push',
        shopId: shop.shopId,
        message: `Product push failed: ${message}`,
      });
    }
  }
  return out;
}

/** `catalog.push` jobs (one per shop at a time): the pass above; a failure is retried with backoff. */
export function productPushHandler(deps: ProductPushDeps, options: ProductPushOptions = {}): JobHandler {
  return shopPassHandler(JOB_KINDS.CATALOG_PUSH, (shopId) => runProductPush(deps, shopId, options));
}

/** Get Product's status as catalog.push.audit takes it; null for a status the audit does not record. */
export function auditStatusOf(status: string): AuditStatus | null {
  return (AUDIT_STATUSES as readonly string[]).includes(status) ? (status as AuditStatus) : null;
}

/**
 * `catalog.push_audit` jobs: Get Product per product; a product still PENDING is checked again after
 * `auditPollMs` (until PRODUCT_AUDIT_POLL_LIMIT_MS after its push); the others' statuses go to
 * `catalog.push.audit`, one call per shop, and the product's other pending check (a webhook's answers
 * the push's poll) is settled unrun, so a product costs one Get Product once its audit is decided.
 */
export function productAuditHandler(deps: ProductPushDeps, options: ProductPushOptions = {}): JobHandler {
  return {
    kind: JOB_KINDS.PRODUCT_AUDIT,
    batchSize: 20,
    async run(jobs, context): Promise<BatchResult> {
      const failed = new Map<number, unknown>();
      const byShop = new Map<string, { jobIds: number[]; results: AuditResult[] }>();
      const now = deps.clock.now();
      for (const job of jobs) {
        if (context.isLeaseLost(job.id)) continue;
        const payload = job.payload as ProductAuditPayload;
        try {
          const state = await deps.products.getProductAudit(payload.shopId, payload.productId);
          const status = auditStatusOf(state.status);
          if (status === 'PENDING') {
            if (now - payload.since < PRODUCT_AUDIT_POLL_LIMIT_MS) {
              const next = now + (options.auditPollMs ?? DEFAULT_AUDIT_POLL_MS);
              await deps.store.enqueueJob(
                productAuditJob(payload.shopId, payload.productId, 'poll', payload.since, next),
                now,
              );
            }
            continue;
          }
          if (status === null) continue;
          // The product's audit is settled: the other check waiting for it (the push's poll, or a
          // webhook's check not yet run) would only read the same status again.
          for (const via of ['poll', 'hook'] as const) {
            const other = productAuditJob(payload.shopId, payload.productId, via, payload.since, now);
            if (other.dedupeKey !== job.dedupeKey && other.dedupeKey !== null) {
              await deps.store.settlePendingJob(other.dedupeKey, now);
            }
          }
          const entry = byShop.get(payload.shopId) ?? { jobIds: [], results: [] };
          entry.jobIds.push(job.id);
          entry.results.push({
            productId: payload.productId,
            status,
            reasons: status === 'FAILED' ? state.reasons : [],
          });
          byShop.set(payload.shopId, entry);
        } catch (error) {
          failed.set(job.id, error);
        }
      }
      for (const [shopId, entry] of byShop) {
        try {
          for (const part of chunk(entry.results, MAX_PUSH_AUDIT_RESULTS)) {
            const answer = await withShopInNetSuite(deps.sendShop, shopId, () =>
              deps.netsuite.recordProductAudits(shopId, part),
            );
            if (answer.unknown.length > 0) {
              deps.logger?.info(
                { shopId, unknown: answer.unknown },
                'audit results for products no NetSuite item carries',
              );
            }
          }
        } catch (error) {
          for (const id of entry.jobIds) failed.set(id, error);
        }
      }
      return { failed };
    },
  };
}
