/**
 * The TikTok Shop simulator: its options and `startTikTokSimulator`, which starts the Open API, auth
 * and admin hosts.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { AdminApi } from './admin/admin-api';
import { createAdminRouter } from './admin/admin-router';
import { createGateway } from './api/gateway';
import { eventRoutes } from './api/handlers/events';
import { externalOrderRoutes } from './api/handlers/external-orders';
import { fulfillmentRoutes } from './api/handlers/fulfillment';
import { inventoryRoutes } from './api/handlers/inventory';
import { logisticsRoutes } from './api/handlers/logistics';
import { orderRoutes } from './api/handlers/orders';
import { productRoutes } from './api/handlers/products';
import { returnRoutes } from './api/handlers/returns';
import { shopRoutes } from './api/handlers/shops';
import { RateLimiter, type RateLimitConfig } from './api/rate-limiter';
import type { RouteDef } from './api/route-table';
import { CONSENT_PATH, createAuthRouter } from './auth/auth-router';
import { AuthorizationExpiryNotices } from './auth/authorization-expiry';
import { TokenService } from './auth/token-service';
import { systemClock, type Clock } from '../../../shared-types/src/time/clock';
import { IdFactory } from './domain/ids';
import { Cancellations } from './domain/cancellations';
import { OrderLifecycle } from './domain/order-lifecycle';
import { Packages } from './domain/packages';
import { Returns, type ReturnAutopilot, type ReturnHours } from './domain/returns';
import { DOCUMENT_PATH, ShippingDocuments } from './domain/shipping-documents';
import { ShipByDeadlines } from './domain/ship-by';
import type { OrderFeeMix } from './domain/order-factory';
import { seedState, type SeedOptions } from './domain/seed';
import { SimulatorState } from './domain/state';
import { EnvelopeWriter } from './envelope';
import { applyFaults, NO_FAULTS, type Faults } from './faults';
import { Random } from './random';
import { Scheduler } from './scheduler';
import { DEFAULT_RETRY_SCHEDULE_MS, WebhookSender } from './webhooks/sender';

export const ALL_SCOPES: readonly string[] = [
  'seller.authorization.info',
  'seller.order.info',
  'seller.order.ext_ref.write',
  'seller.order.ext_ref.read',
  'seller.product.basic',
  'seller.product.write',
  'seller.logistics',
  'seller.fulfillment.basic',
  'seller.fulfillment.package.write',
  'seller.return_refund.basic',
];

export interface TikTokSimulatorOptions {
  appKey?: string;
  appSecret?: string;
  serviceId?: string;
  /** Redirect URL configured on the app (Partner Center); the consent page redirects here. */
  redirectUrl?: string;
  /** App-level webhook URL; per-shop subscriptions (Event API) take precedence. */
  webhookUrl?: string | null;
  clock?: Clock;
  seed?: SeedOptions;
  /** Seed of the PRNG behind ids, generated orders and fault draws (default 1). */
  randomSeed?: number;
  faults?: Partial<Faults>;
  /** Access-token lifetime (default 7 days = 604 800 s). */
  tokenLifetimeSeconds?: number;
  /**
   * Authorization (and so refresh-token) lifetime (default 365 days); UPCOMING_AUTHORIZATION_EXPIRATION
   * is sent from 30 days before it ends.
   */
  refreshTokenLifetimeSeconds?: number;
  /** Delay after each failed webhook attempt (default +2 min, +30 min, +3 h, +12 h). */
  webhookRetryScheduleMs?: readonly number[];
  /** Divides simulated delays (webhook retries, ON_HOLD window, product audit); default 1. */
  timeScale?: number;
  /** ON_HOLD (buyer remorse) window, default 3600 s. */
  holdSeconds?: number;
  /**
   * Hours a seller has to answer a buyer's cancellation request before TikTok approves it, by region
   * (default 24 in ID, MY, PH, SG, TH, VN and 48 elsewhere; divided by `timeScale`).
   */
  buyerCancelResponseHours?: Record<string, number>;
  /**
   * Return deadlines in hours (divided by `timeScale`): `respond` (the seller answers a request before
   * TikTok approves it, default 48), `buyerShip` (the buyer ships the goods back before the request
   * closes, default 168), `receive` (the seller confirms a delivered return parcel before TikTok does,
   * default 48). See domain/returns.ts.
   */
  returnHours?: Partial<ReturnHours>;
  /**
   * Seconds between a refund's RETURN_OR_REFUND_REQUEST_SUCCESS and _COMPLETE (default 0: at once;
   * divided by `timeScale`; the admin `complete-refund` completes one earlier).
   */
  returnRefundSeconds?: number;
  /**
   * Buyers ship returns back `shipAfterHours` after approval and carriers deliver them to the seller
   * `deliverAfterHours` later, without admin calls (default off; divided by `timeScale`).
   */
  returnAutopilot?: ReturnAutopilot;
  /**
   * Hours after shipping within which Update (Package) Shipping Info is accepted in the US, GB and SEA
   * markets (default 72; divided by `timeScale`).
   */
  shippingInfoUpdateHours?: number;
  /**
   * Hours after AWAITING_SHIPMENT at which TikTok's fulfilment centre ships an FBT order (default 24,
   * divided by `timeScale`; 0: only the admin `ship` action ships them).
   */
  fbtDispatchHours?: number;
  /**
   * TikTok cancels seller-fulfilled orders left unshipped past `shipping_due_time` (and, in SEA,
   * uncollected past `collection_due_time`); default true. The deadlines are calendar times of the
   * shop's zone (business-day cut-offs), not divided by `timeScale`.
   */
  shipByAutoCancel?: boolean;
  /** How long a shipping document's `doc_url` works (default 24 h, TikTok's; divided by `timeScale`). */
  shippingDocumentHours?: number;
  /** Create/Edit Product → audit result (ACTIVATE or FAILED), default 60 s. */
  productAuditSeconds?: number;
  /** Product audit failures (issue #20; also admin `PUT /_admin/product-audit`): see AdminApi.setProductAudit. */
  productAudit?: { failRate?: number; failSellerSkus?: string[] };
  /** Buyer-paid fees on generated orders: `{ rate, fees? }` (default none; see domain/buyer-fees.ts). */
  orderFees?: OrderFeeMix;
  /**
   * Token bucket per app × shop × API: a number (default 50 QPS for every API; 0 disables) or
   * `{ qps, perApi: { 'POST /order/202309/orders/search': 5 } }` (see api/rate-limiter.ts).
   */
  rateLimitQps?: number | RateLimitConfig;
  /** Real ms a webhook receiver has to answer (default 3000). */
  webhookTimeoutMs?: number;
  /** Enforce TikTok's webhook address rules (https, domain, no port); default false for local receivers. */
  strictWebhookAddresses?: boolean;
  /** Scopes an authorization grants (default: every scope the simulator knows). */
  grantedScopes?: string[];
  host?: string;
  ports?: { api?: number; auth?: number; admin?: number };
  /** Real-time interval at which due jobs run (default 25 ms; 0 = only on requests and `tick()`). */
  pumpIntervalMs?: number;
}

export interface TikTokSimulator {
  /** Token host, e.g. `http://127.0.0.1:PORT` (paths `/api/v2/token/get`, `/api/v2/token/refresh`). */
  authBaseUrl: string;
  /** Open API host; request paths are TikTok's exactly (`/order/202309/orders/search`). */
  apiBaseUrl: string;
  /** Seller consent page (`<authBaseUrl>/open/authorize`), takes `service_id` and `state`. */
  authorizeUrl: string;
  /** Admin JSON API (`<admin host>/_admin`). */
  adminBaseUrl: string;
  app: { appKey: string; appSecret: string; serviceId: string };
  state: SimulatorState;
  clock: Clock;
  webhooks: WebhookSender;
  admin: AdminApi;
  /** Runs jobs due on the clock and waits for webhook deliveries in flight. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

function listen(app: Express, host: string, port: number): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    const server = http.createServer(app);
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function urlOf(server: http.Server, host: string): string {
  const { port } = server.address() as AddressInfo;
  return `http://${host}:${port}`;
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts the TikTok Shop simulator as three HTTP servers on `host` (default 127.0.0.1, ports 0):
 * the Open API host (TikTok's paths at the root, so the signed path equals the URL path), the
 * auth host (consent page + token endpoints) and the admin host (`/_admin`).
 */
export async function startTikTokSimulator(options: TikTokSimulatorOptions = {}): Promise<TikTokSimulator> {
  const clock = options.clock ?? systemClock;
  const random = new Random(options.randomSeed ?? 1);
  const ids = new IdFactory(random);
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0)) throw new Error('timeScale must be > 0');
  const host = options.host ?? '127.0.0.1';
  const appKey = options.appKey ?? randomBytes(7).toString('hex').slice(0, 13);
  const appSecret = options.appSecret ?? randomBytes(20).toString('hex');
  const serviceId =
    options.serviceId ??
    `7${String(BigInt(`0x${randomBytes(8).toString('hex')}`))
      .padStart(18, '0')
      .slice(0, 18)}`;
  const state = new SimulatorState({
    appKey,
    appSecret,
    serviceId,
    redirectUrl: options.redirectUrl ?? 'http://127.0.0.1:3000/oauth/tiktok/callback',
    webhookUrl: options.webhookUrl ?? null,
    grantedScopes: [...(options.grantedScopes ?? ALL_SCOPES)],
    denyConsent: false,
  });
  seedState(state, ids, Math.floor(clock.now() / 1000), options.seed ?? {});

  const faults = applyFaults({ ...NO_FAULTS }, options.faults ?? {});
  state.productAudit.failRate = options.productAudit?.failRate ?? 0;
  state.productAudit.failSellerSkus = [...(options.productAudit?.failSellerSkus ?? [])];
  const scheduler = new Scheduler(clock);
  const webhooks = new WebhookSender({
    state,
    clock,
    scheduler,
    random,
    ids,
    faults,
    retryScheduleMs: options.webhookRetryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
    timeScale,
    timeoutMs: options.webhookTimeoutMs ?? 3000,
  });
  const expiryNotices = new AuthorizationExpiryNotices({ state, clock, scheduler, webhooks });
  const tokens = new TokenService({
    state,
    ids,
    clock,
    accessTokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 7 * 86_400,
    refreshTokenLifetimeSeconds: options.refreshTokenLifetimeSeconds ?? 365 * 86_400,
    onAuthorized: (authorization) => expiryNotices.watch(authorization),
  });
  const orders = new OrderLifecycle({
    state,
    ids,
    random,
    clock,
    scheduler,
    webhooks,
    holdMs: ((options.holdSeconds ?? 3600) * 1000) / timeScale,
  });
  orders.setFeeMix(options.orderFees);
  const cancellations = new Cancellations({
    state,
    ids,
    clock,
    scheduler,
    webhooks,
    orders,
    remorseMs: ((options.holdSeconds ?? 3600) * 1000) / timeScale,
    timeScale,
    responseHours: options.buyerCancelResponseHours,
  });
  const packages = new Packages({
    state,
    ids,
    random,
    clock,
    webhooks,
    orders,
    scheduler,
    updateWindowMs: ((options.shippingInfoUpdateHours ?? 72) * 3_600_000) / timeScale,
    fbtDispatchMs: ((options.fbtDispatchHours ?? 24) * 3_600_000) / timeScale,
  });
  new ShipByDeadlines({
    state,
    clock,
    scheduler,
    orders,
    cancellations,
    autoCancel: options.shipByAutoCancel ?? true,
  });
  const documents = new ShippingDocuments({
    state,
    clock,
    packages,
    validityMs: ((options.shippingDocumentHours ?? 24) * 3_600_000) / timeScale,
  });
  const returns = new Returns({
    state,
    ids,
    clock,
    scheduler,
    webhooks,
    orders,
    random,
    timeScale,
    hours: options.returnHours,
    refundSeconds: options.returnRefundSeconds,
    autopilot: options.returnAutopilot,
  });
  const limiter = new RateLimiter(options.rateLimitQps ?? 50);
  const envelope = new EnvelopeWriter(ids, clock);
  const routes: RouteDef[] = [
    ...shopRoutes(state),
    ...orderRoutes(state),
    ...externalOrderRoutes(state, clock),
    ...productRoutes({
      state,
      ids,
      clock,
      scheduler,
      webhooks,
      auditMs: ((options.productAuditSeconds ?? 60) * 1000) / timeScale,
    }),
    ...inventoryRoutes(state, clock),
    ...logisticsRoutes(state),
    ...fulfillmentRoutes(state, packages, documents),
    ...returnRoutes(state, cancellations, returns),
    ...eventRoutes(state, clock, options.strictWebhookAddresses ?? false),
  ];
  const admin = new AdminApi({
    state,
    ids,
    orders,
    packages,
    cancellations,
    returns,
    random,
    tokens,
    webhooks,
    faults,
    clock,
    scheduler,
    limiter,
  });

  const apiApp = express();
  apiApp.disable('x-powered-by');
  apiApp.use(express.raw({ type: () => true, limit: '10mb' }));
  const gateway = createGateway({
    state,
    tokens,
    clock,
    envelope,
    scheduler,
    faults,
    random,
    limiter,
    routes,
  });
  apiApp.get(`${DOCUMENT_PATH}/:token`, (req, res) => {
    const found = documents.fetch(String(req.params.token));
    if (found.kind === 'ok') {
      res
        .status(200)
        .type('application/pdf')
        .setHeader('content-disposition', `inline; filename="${found.document.fileName}"`)
        .send(found.document.bytes);
      return;
    }
    res
      .status(found.kind === 'expired' ? 403 : 404)
      .type('text/plain')
      .send(found.kind === 'expired' ? 'AccessDenied: the document URL has expired' : 'NoSuchKey');
  });
  apiApp.use((req, res) => {
    void gateway(req, res);
  });

  const authApp = express();
  authApp.disable('x-powered-by');
  authApp.use(createAuthRouter({ state, tokens, envelope }));
  authApp.use((_req, res) => {
    res.status(404).json({
      code: 36009009,
      data: null,
      message: 'Invalid path. The specified path does not match any available endpoint.',
      request_id: ids.requestId(new Date(clock.now())),
    });
  });

  const adminApp = express();
  adminApp.disable('x-powered-by');
  adminApp.use('/_admin', createAdminRouter(admin));

  const ports = options.ports ?? {};
  const apiServer = await listen(apiApp, host, ports.api ?? 0);
  const authServer = await listen(authApp, host, ports.auth ?? 0);
  const adminServer = await listen(adminApp, host, ports.admin ?? 0);
  const pumpMs = options.pumpIntervalMs ?? 25;
  const pump = pumpMs > 0 ? setInterval(() => scheduler.runDue(), pumpMs) : null;
  pump?.unref();

  documents.setBaseUrl(urlOf(apiServer, host));
  const authBaseUrl = urlOf(authServer, host);
  let stopped = false;
  return {
    authBaseUrl,
    apiBaseUrl: urlOf(apiServer, host),
    authorizeUrl: `${authBaseUrl}${CONSENT_PATH}`,
    adminBaseUrl: `${urlOf(adminServer, host)}/_admin`,
    app: { appKey, appSecret, serviceId },
    state,
    clock,
    webhooks,
    admin,
    tick: () => admin.tick(),
    async stop() {
      if (stopped) return;
      stopped = true;
      if (pump) clearInterval(pump);
      webhooks.stop();
      await Promise.all([close(apiServer), close(authServer), close(adminServer)]);
    },
  };
}
