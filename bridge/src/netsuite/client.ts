/**
 * The connector RESTlet client (docs/contracts.md): JSON in and out, TBA-signed, at most
 * `concurrency` calls at once (NetSuite limits RESTlet concurrency per account), backoff on
 * `SSS_REQUEST_LIMIT_EXCEEDED`, 429, 5xx and network errors. Other errors fail at once in a
 * `NetSuiteError`, read from either error body (restlet-error.ts); a connector error code
 * (shared-types/src/contract/connector-errors.ts) carries the reaction the callers apply
 * (connector-reactions.ts) and whether a job failing with it is retried later.
 */
import type { HeartbeatRequest, HeartbeatResponse } from '../../../shared-types/src/doctor/heartbeat';
import type {
  CatalogProduct,
  CatalogSnapshotRequest,
  CatalogSnapshotResponse,
  CatalogStatusResponse,
  ProductsUpsertResponse,
} from '../../../shared-types/src/catalog/products-upsert';
import {
  CATALOG_SNAPSHOT_ACTION,
  CATALOG_STATUS_ACTION,
  MAX_SKUS_PER_UPSERT,
  PRODUCTS_UPSERT_ACTION,
} from '../../../shared-types/src/catalog/products-upsert';
import {
  CATALOG_IMAGE_ACTION,
  CATALOG_PUSH_ACK_ACTION,
  CATALOG_PUSH_AUDIT_ACTION,
  CATALOG_PUSH_PULL_ACTION,
  type AuditResult,
  type CatalogImageResponse,
  type CatalogPushAckResponse,
  type CatalogPushAuditResponse,
  type CatalogPushPullResponse,
  type PushAckResult,
} from '../../../shared-types/src/catalog/product-push';
import type {
  LabelsAttachRequest,
  LabelsAttachResponse,
} from '../../../shared-types/src/fulfillments/labels-attach';
import { LABELS_ATTACH_ACTION } from '../../../shared-types/src/fulfillments/labels-attach';
import type {
  ShipmentsUpsertResponse,
  TikTokShipment,
} from '../../../shared-types/src/fulfillments/shipments-upsert';
import { SHIPMENTS_UPSERT_ACTION } from '../../../shared-types/src/fulfillments/shipments-upsert';
import type { Logger } from 'pino';
import type {
  TikTokWarehouseInfo,
  WarehousesUpsertResponse,
} from '../../../shared-types/src/contract/warehouse-upsert';
import type {
  OrdersUpsertResponse,
  PingResponse,
  RestletPostRequest,
  ShopInfo,
  ShopUpsertResponse,
} from '../../../shared-types/src/contract/restlet-contract';
import type {
  OutboxAckResponse,
  OutboxAckResult,
  OutboxPullRequest,
  OutboxPullResponse,
} from '../../../shared-types/src/outbox/outbox-contract';
import type {
  InventoryAckRequest,
  InventoryPullRequest,
  InventoryAckResponse,
  InventoryAckResult,
  InventoryPullResponse,
} from '../../../shared-types/src/inventory/inventory-contract';
import {
  INVENTORY_ACK_ACTION,
  INVENTORY_PULL_ACTION,
} from '../../../shared-types/src/inventory/inventory-contract';
import {
  BRIDGE_REACTIONS,
  CONNECTOR_ERRORS,
  isConnectorErrorCode,
  type ConnectorErrorCode,
} from '../../../shared-types/src/contract/connector-errors';
import { MAX_ORDERS_PER_UPSERT } from '../../../shared-types/src/contract/restlet-contract';
import type { TikTokOrder } from '../../../shared-types/src/tiktok/tiktok-order';
import type { TikTokReturn } from '../../../shared-types/src/returns/tiktok-return';
import {
  MAX_RETURNS_PER_UPSERT,
  RETURNS_UPSERT_ACTION,
  type ReturnsUpsertResponse,
} from '../../../shared-types/src/returns/returns-upsert';
import type { RefundsUpsertResponse } from '../../../shared-types/src/refunds/refunds-upsert';
import {
  MAX_REFUNDS_PER_UPSERT,
  REFUNDS_UPSERT_ACTION,
} from '../../../shared-types/src/refunds/refunds-upsert';
import type { TikTokRefund } from '../../../shared-types/src/refunds/tiktok-refund';
import type { NetSuiteSettings } from '../config';
import type { Random, Sleep } from '../core/sleep';
import { type Clock, unixSeconds } from '../../../shared-types/src/time/clock';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import { backoffDelay, parseRetryAfter, type BackoffPolicy } from '../net/backoff';
import { axiosSend, TransportError, type HttpSend } from '../net/http-transport';
import { Semaphore } from '../net/semaphore';
import { parseRestletError } from './restlet-error';
import { parseRestletResponse } from './schemas';
import { createTbaSigner, type TbaSigner } from './tba';

/** A RESTlet call that failed: HTTP status, NetSuite's code and message, the action, and when to retry. */
export class NetSuiteError extends BridgeError {
  readonly httpStatus: number;
  readonly netsuiteCode: string;
  readonly netsuiteMessage: string;
  readonly action: string;
  readonly retryAfterMs: number | undefined;
  /** The connector error code, when the RESTlet threw one on purpose; else null. */
  readonly connectorCode: ConnectorErrorCode | null;

  constructor(
    init: {
      action: string;
      httpStatus: number;
      netsuiteCode: string;
      netsuiteMessage: string;
      retryAfterMs?: number;
    },
    retryable: boolean,
  ) {
    const connectorCode = isConnectorErrorCode(init.netsuiteCode) ? init.netsuiteCode : null;
    const spec = connectorCode === null ? null : CONNECTOR_ERRORS[connectorCode];
    const hint =
      init.httpStatus === 401
        ? 'Check NETSUITE_ACCOUNT_ID, the consumer key/secret and the token id/secret (Setup > Users/Roles > View Login Audit Trail shows why).'
        : spec !== null
          ? `${spec.meaning} Written: ${spec.written}. The bridge's reaction: ${BRIDGE_REACTIONS[spec.bridge]}`
          : retryable
            ? 'NetSuite is busy or unavailable; the call is retried with backoff.'
            : 'Fix the request or the NetSuite setup the message names, then retry the job.';
    super(
      BRIDGE_ERROR_CODES.NETSUITE_ERROR,
      `NetSuite RESTlet ${init.action} failed (HTTP ${init.httpStatus}, ${init.netsuiteCode}: ${init.netsuiteMessage}). ${hint}`,
      { retryable: spec !== null ? spec.retryLater : retryable, details: { ...init } },
    );
    this.httpStatus = init.httpStatus;
    this.netsuiteCode = init.netsuiteCode;
    this.netsuiteMessage = init.netsuiteMessage;
    this.action = init.action;
    this.retryAfterMs = init.retryAfterMs;
    this.connectorCode = connectorCode;
  }
}

export class NetSuiteNetworkError extends BridgeError {
  constructor(action: string, detail: string) {
    super(
      BRIDGE_ERROR_CODES.NETSUITE_NETWORK_ERROR,
      `NetSuite RESTlet ${action} unreachable (${detail}); retried with backoff.`,
      {
        retryable: true,
      },
    );
  }
}

export interface NetSuiteCallObserver {
  onNetSuiteCall(action: string, outcome: string, durationMs: number): void;
}

export interface NetSuiteClientOptions {
  clock: Clock;
  sleep: Sleep;
  random: Random;
  send?: HttpSend;
  concurrency?: number;
  maxRetries?: number;
  backoff?: BackoffPolicy;
  timeoutMs?: number;
  observer?: NetSuiteCallObserver;
  logger?: Logger;
  nonce?: () => string;
}

export class NetSuiteClient {
  private readonly send: HttpSend;
  private readonly semaphore: Semaphore;
  private readonly signer: TbaSigner;
  private readonly maxRetries: number;
  private readonly backoff: BackoffPolicy;

  constructor(
    private readonly settings: NetSuiteSettings,
    private readonly options: NetSuiteClientOptions,
  ) {
    this.send = options.send ?? axiosSend;
    this.semaphore = new Semaphore(options.concurrency ?? 4);
    this.signer = createTbaSigner(settings, () => unixSeconds(options.clock), options.nonce);
    this.maxRetries = options.maxRetries ?? 5;
    this.backoff = options.backoff ?? { baseMs: 1000, capMs: 30_000 };
  }

  /** Most calls that ran at the same time so far (for tests and metrics). */
  get peakConcurrency(): number {
    return this.semaphore.peak;
  }

  ping(): Promise<PingResponse> {
    const separator = this.settings.restletUrl.includes('?') ? '&' : '?';
    return this.call<PingResponse>(
      'ping',
      'GET',
      `${this.settings.restletUrl}${separator}action=ping`,
      undefined,
    );
  }

  upsertShop(shop: ShopInfo): Promise<ShopUpsertResponse> {
    return this.post<ShopUpsertResponse>({ action: 'shop.upsert', shop });
  }

  /** Records the shop's TikTok warehouses in NetSuite (`customrecord_tts_warehouse`), keeping admins' location links. */
  /** `complete`: `warehouses` is the shop's whole TikTok list, so the records not in it are marked DELETED. */
  upsertWarehouses(
    shopId: string,
    warehouses: TikTokWarehouseInfo[],
    complete = false,
  ): Promise<WarehousesUpsertResponse> {
    return this.post<WarehousesUpsertResponse>({
      action: 'warehouses.upsert',
      shopId,
      warehouses,
      ...(complete ? { complete } : {}),
    });
  }

  upsertOrders(shopId: string, orders: TikTokOrder[]): Promise<OrdersUpsertResponse> {
    if (orders.length < 1 || orders.length > MAX_ORDERS_PER_UPSERT) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.BAD_REQUEST,
        `orders.upsert takes 1..${MAX_ORDERS_PER_UPSERT} orders, got ${orders.length}; split the batch.`,
      );
    }
    return this.post<OrdersUpsertResponse>({ action: 'orders.upsert', shopId, orders });
  }

  /** One page of the quantities NetSuite's inventory export queued for a shop (docs/contracts.md). */
  pullInventory(shopId: string, after?: string, limit?: number): Promise<InventoryPullResponse> {
    return this.post<InventoryPullResponse>({
      action: INVENTORY_PULL_ACTION,
      shopId,
      ...(after === undefined ? {} : { after }),
      ...(limit === undefined ? {} : { limit }),
    });
  }

  /** Each pair's outcome at TikTok (confirmed, not listed, failed with the fix). */
  ackInventory(shopId: string, results: InventoryAckResult[]): Promise<InventoryAckResponse> {
    return this.post<InventoryAckResponse>({ action: INVENTORY_ACK_ACTION, shopId, results });
  }

  /** TikTok returns (1..20) to the RESTlet's `returns.upsert`: each that sends goods back becomes one RMA. */
  upsertReturns(shopId: string, returns: TikTokReturn[]): Promise<ReturnsUpsertResponse> {
    if (returns.length < 1 || returns.length > MAX_RETURNS_PER_UPSERT) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.BAD_REQUEST,
        `returns.upsert takes 1..${MAX_RETURNS_PER_UPSERT} returns, got ${returns.length}; split the batch.`,
      );
    }
    return this.post<ReturnsUpsertResponse>({ action: RETURNS_UPSERT_ACTION, shopId, returns });
  }

  /** TikTok products (at most 100 SKUs) to the RESTlet's `products.upsert`: one NetSuite item per SKU (issue #19). */
  upsertProducts(shopId: string, products: CatalogProduct[]): Promise<ProductsUpsertResponse> {
    const skus = products.reduce((n, p) => n + p.skus.length, 0);
    if (products.length < 1 || skus > MAX_SKUS_PER_UPSERT) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.BAD_REQUEST,
        `products.upsert takes 1..${MAX_SKUS_PER_UPSERT} SKUs, got ${skus}; split the batch (chunkProducts).`,
      );
    }
    return this.postAction<ProductsUpsertResponse>({ action: PRODUCTS_UPSERT_ACTION, shopId, products });
  }

  /** One part of the TikTok side of the SKU audit (`catalog.snapshot`, at most 5,000 SKUs). */
  saveCatalogSnapshot(request: Omit<CatalogSnapshotRequest, 'action'>): Promise<CatalogSnapshotResponse> {
    return this.postAction<CatalogSnapshotResponse>({ action: CATALOG_SNAPSHOT_ACTION, ...request });
  }

  /** The shop's catalog settings and Force product catalog resync; `clearForce` clears the latter; `progress` goes to Product Catalog Progress. */
  catalogStatus(shopId: string, clearForce = false, progress?: string): Promise<CatalogStatusResponse> {
    return this.postAction<CatalogStatusResponse>({
      action: CATALOG_STATUS_ACTION,
      shopId,
      ...(clearForce ? { clearForce } : {}),
      ...(progress === undefined ? {} : { progress }),
    });
  }

  /** A page of products NetSuite wants pushed to TikTok (`catalog.push.pull`, issue #20). */
  pullProductPush(shopId: string, after: string | null, limit: number): Promise<CatalogPushPullResponse> {
    return this.postAction<CatalogPushPullResponse>({
      action: CATALOG_PUSH_PULL_ACTION,
      shopId,
      ...(after === null ? {} : { after }),
      limit,
    });
  }

  /** What TikTok said per product (`catalog.push.ack`, 1..50 results). */
  ackProductPush(shopId: string, results: PushAckResult[]): Promise<CatalogPushAckResponse> {
    return this.postAction<CatalogPushAckResponse>({ action: CATALOG_PUSH_ACK_ACTION, shopId, results });
  }

  /** Audit results of pushed products (`catalog.push.audit`, 1..100). */
  recordProductAudits(shopId: string, results: AuditResult[]): Promise<CatalogPushAuditResponse> {
    return this.postAction<CatalogPushAuditResponse>({ action: CATALOG_PUSH_AUDIT_ACTION, shopId, results });
  }

  /** One product image's bytes from the File Cabinet (`catalog.image`, at most 5 MB). */
  productImage(shopId: string, fileId: string): Promise<CatalogImageResponse> {
    return this.postAction<CatalogImageResponse>({ action: CATALOG_IMAGE_ACTION, shopId, fileId });
  }

  /** Pending outbox rows, oldest first (`limit` 1..100), of one shop or of all shops. */
  pullOutbox(shopId: string | undefined, limit: number): Promise<OutboxPullResponse> {
    const body: OutboxPullRequest = { action: 'outbox.pull', limit };
    if (shopId !== undefined) body.shopId = shopId;
    return this.post<OutboxPullResponse>(body);
  }

  /** Results of delivered outbox rows (1..100). */
  ackOutbox(results: OutboxAckResult[]): Promise<OutboxAckResponse> {
    return this.post<OutboxAckResponse>({ action: 'outbox.ack', results });
  }

  /** TikTok Shipping labels to the File Cabinet, linked from the order and fulfillment (issue #15). */
  attachLabels(request: Omit<LabelsAttachRequest, 'action'>): Promise<LabelsAttachResponse> {
    return this.call<LabelsAttachResponse>(
      LABELS_ATTACH_ACTION,
      'POST',
      this.settings.restletUrl,
      JSON.stringify({ action: LABELS_ATTACH_ACTION, ...request }),
    );
  }

  /** Packages shipped outside NetSuite, to become (or complete) item fulfillments (issue #15). */
  upsertShipments(shopId: string, shipments: TikTokShipment[]): Promise<ShipmentsUpsertResponse> {
    return this.call<ShipmentsUpsertResponse>(
      SHIPMENTS_UPSERT_ACTION,
      'POST',
      this.settings.restletUrl,
      JSON.stringify({ action: SHIPMENTS_UPSERT_ACTION, shopId, shipments }),
    );
  }

  /** Completed TikTok refunds to their NetSuite documents (`refunds.upsert`, 1..20; docs/contracts.md). */
  upsertRefunds(shopId: string, refunds: TikTokRefund[]): Promise<RefundsUpsertResponse> {
    if (refunds.length < 1 || refunds.length > MAX_REFUNDS_PER_UPSERT) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.BAD_REQUEST,
        `refunds.upsert takes 1..${MAX_REFUNDS_PER_UPSERT} refunds, got ${refunds.length}; split the batch.`,
      );
    }
    const body = { action: REFUNDS_UPSERT_ACTION, shopId, refunds };
    return this.call<RefundsUpsertResponse>(
      body.action,
      'POST',
      this.settings.restletUrl,
      JSON.stringify(body),
    );
  }

  /** A POST of an action with its own contract module (the catalog's: shared-types/src/catalog/products-upsert.ts). */
  private postAction<T>(body: { action: string } & Record<string, unknown>): Promise<T> {
    return this.call<T>(body.action, 'POST', this.settings.restletUrl, JSON.stringify(body));
  }

  /** The bridge's facts about each shop and its URL, for the connector home (`bridge.heartbeat`, issue #21). */
  heartbeat(request: HeartbeatRequest): Promise<HeartbeatResponse> {
    return this.call<HeartbeatResponse>(
      request.action,
      'POST',
      this.settings.restletUrl,
      JSON.stringify(request),
    );
  }

  private post<T>(body: RestletPostRequest | InventoryPullRequest | InventoryAckRequest): Promise<T> {
    return this.call<T>(body.action, 'POST', this.settings.restletUrl, JSON.stringify(body));
  }

  private async call<T>(
    action: string,
    method: 'GET' | 'POST',
    url: string,
    body: string | undefined,
  ): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      let failure: BridgeError;
      try {
        return await this.semaphore.run(() => this.attempt<T>(action, method, url, body));
      } catch (error) {
        if (!(error instanceof BridgeError)) throw error;
        failure = error;
      }
      // A connector error is the RESTlet's answer, not a hiccup: the caller reacts to it.
      const answered = failure instanceof NetSuiteError && failure.connectorCode !== null;
      if (!failure.retryable || answered || attempt >= this.maxRetries) throw failure;
      const retryAfterMs = failure instanceof NetSuiteError ? failure.retryAfterMs : undefined;
      const delay = retryAfterMs ?? backoffDelay(attempt + 1, this.backoff, this.options.random);
      this.options.logger?.warn(
        { action, attempt: attempt + 1, delayMs: delay, err: failure.message },
        'NetSuite call failed; retrying',
      );
      await this.options.sleep(delay);
    }
  }

  private async attempt<T>(
    action: string,
    method: 'GET' | 'POST',
    url: string,
    body: string | undefined,
  ): Promise<T> {
    const started = this.options.clock.now();
    const headers: Record<string, string> = {
      authorization: this.signer.authorizationHeader(method, url),
      accept: 'application/json',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response;
    try {
      response = await this.send({ method, url, headers, body, timeoutMs: this.options.timeoutMs ?? 60_000 });
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      this.options.observer?.onNetSuiteCall(action, 'network', this.options.clock.now() - started);
      throw new NetSuiteNetworkError(action, error.transportCode);
    }
    this.options.observer?.onNetSuiteCall(
      action,
      String(response.status),
      this.options.clock.now() - started,
    );
    if (response.status >= 200 && response.status < 300) {
      let value: { ok?: unknown } | null = null;
      try {
        value = JSON.parse(response.text) as { ok?: unknown } | null;
      } catch {
        value = null;
      }
      if (value && value.ok === true) return parseRestletResponse(action, value) as T;
      const restletError = parseRestletError(response.text);
      throw new NetSuiteError(
        {
          action,
          httpStatus: response.status,
          netsuiteCode: restletError?.code ?? 'UNEXPECTED_RESPONSE',
          netsuiteMessage:
            restletError?.message ?? `the RESTlet answered without ok: true (${response.text.slice(0, 120)})`,
        },
        false,
      );
    }
    const restletError = parseRestletError(response.text) ?? {
      code: `HTTP_${response.status}`,
      message: response.text.slice(0, 200),
    };
    const retryable =
      restletError.code === 'SSS_REQUEST_LIMIT_EXCEEDED' || response.status === 429 || response.status >= 500;
    throw new NetSuiteError(
      {
        action,
        httpStatus: response.status,
        netsuiteCode: restletError.code,
        netsuiteMessage: restletError.message,
        retryAfterMs: parseRetryAfter(response.headers['retry-after'], this.options.clock.now()),
      },
      retryable,
    );
  }
}
