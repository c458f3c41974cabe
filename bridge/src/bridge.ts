/**
 * Builds the whole bridge from a live configuration: store, TikTok and NetSuite clients, the
 * Express app (webhooks, OAuth, health, metrics, status page), and the workers. Every clock,
 * sleep, random source, HTTP transport and the store can be injected for tests.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { LiveConfig } from './config';
import { type Random, type Sleep, realSleep } from './core/sleep';
import { type Clock, systemClock } from '../../shared-types/src/time/clock';
import { BridgeError, BRIDGE_ERROR_CODES, describeError } from './core/errors';
import { registerConfigSecrets } from './crypto/config-secrets';
import { TokenCipher } from './crypto/token-cipher';
import { AdminAuth } from './http/admin-auth';
import { AuthThrottle } from './http/auth-throttle';
import { CachedProbe } from './http/cached-probe';
import { errorHandler } from './http/error-handler';
import { healthRouter } from './http/health-routes';
import { securityHeaderList, securityHeaders } from './http/security-headers';
import { statusRouter } from './http/status-routes';
import { throttleGuard } from './http/throttle-guard';
import { createLogger } from './logger';
import { BridgeMetrics } from './metrics';
import type { BackoffPolicy } from './net/backoff';
import type { HttpSend } from './net/http-transport';
import { NetSuiteClient } from './netsuite/client';
import { OAUTH_CALLBACK_PATH, OAUTH_STATE_TTL_MS, oauthRouter } from './oauth/routes';
import { OAuthStateCookie } from './oauth/state-cookie';
import { openStore } from './store/open-store';
import type { BridgeStore } from './store/types';
import { createTikTokServices, type TikTokServices } from './tiktok/create-tiktok';
import { webhookRoutes } from './webhooks/route';
import type { HmacSha256 } from './webhooks/verify';
import {
  catalogPullJob,
  catalogPushJob,
  shopUpsertJob,
  shopWarehousesJob,
  URGENT_JOB_KINDS,
} from './workers/job-kinds';
import { JobRunner, type RunSummary } from './workers/job-runner';
import { jobHandlerList, jobHandlers } from './workers/job-handlers';
import { runOutboxAllShops, type OutboxAllResult, type OutboxOptions } from './workers/outbox-worker';
import {
  runInventoryAllShops,
  type InventoryAllResult,
  type InventoryOptions,
} from './workers/inventory-worker';
import { InventoryCatalog } from './inventory/catalog';
import type { HeartbeatResponse } from '../../shared-types/src/doctor/heartbeat';
import {
  bridgeDoctor,
  HEARTBEAT_INTERVAL_MS,
  sendHeartbeat,
  WebhookArrivals,
  type DoctorReport,
  FlowRuns,
  withRunNotes,
} from './doctor/bridge-doctor';
import { AlertHook } from './doctor/alerts';
import { axiosSend } from './net/http-transport';
import { reconcileAllShops, type ReconcileAllResult, type ReconcileOptions } from './workers/reconcile';
import { reconcileAllShopsReturns, type ReturnReconcileAllResult } from './workers/reconcile-returns';
import { reconcileAllShopsRefunds, type RefundReconcileAllResult } from './workers/reconcile-refunds';
import {
  pullAllShopsCatalog,
  type CatalogPullAllResult,
  type CatalogPullOptions,
} from './workers/catalog-pull';
import { pushShopToNetSuite } from './shops/shop-sync';
import {
  ProductPushCache,
  runProductPushAllShops,
  type ProductPushAllResult,
  type ProductPushOptions,
} from './workers/product-push';
import { TikTokProductApi } from './tiktok/product-api';

export interface BridgeDeps {
  clock?: Clock;
  sleep?: Sleep;
  random?: Random;
  logger?: Logger;
  /** A store the caller owns (not closed by `stop`); otherwise DATABASE_URL is opened. */
  store?: BridgeStore;
  send?: HttpSend;
  webhookHmac?: HmacSha256;
  webhookBodyLimitBytes?: number;
  /** Verified webhooks further ahead than this are processed and logged as a warning (default 30 s). */
  webhookClockSkewWarnMs?: number;
  /** Verified webhooks older than this are stored but not acted on (default 7 days). */
  webhookStaleAfterMs?: number;
  /** Most webhooks one group-commit transaction holds (default 256; 1 = a transaction per webhook). */
  webhookGroupCommitMaxBatch?: number;
  /** Group-commit transactions in flight at once (default 2 on PostgreSQL, 1 on SQLite). */
  webhookGroupCommitMaxInFlight?: number;
  /** How often a running job batch renews its leases (default a third of the lease). */
  jobHeartbeatMs?: number;
  workerOwner?: string;
  maxJobAttempts?: number;
  jobBackoff?: BackoffPolicy;
  jobLeaseMs?: number;
  workerPollMs?: number;
  reconcile?: ReconcileOptions & { intervalMs?: number };
  /** NetSuite → TikTok outbox pass (default BRIDGE_OUTBOX_INTERVAL_SECONDS, 60 s). */
  outbox?: OutboxOptions & { intervalMs?: number };
  /** NetSuite stock → TikTok pass (default BRIDGE_INVENTORY_INTERVAL_SECONDS, 60 s). */
  inventory?: InventoryOptions & { intervalMs?: number };
  /** TikTok warehouse refresh (default BRIDGE_WAREHOUSE_REFRESH_MINUTES, 60 min). */
  warehouseRefreshMs?: number;
  netsuiteConcurrency?: number;
  netsuitePingTtlMs?: number;
  /** Longest `/readyz` waits for a NetSuite ping in flight (default 2 s). */
  readyzNetsuiteWaitMs?: number;
  /** How long `/metrics` reuses a queue-depth snapshot (default 15 s). */
  metricsCacheMs?: number;
  tiktokMaxRetries?: number;
  tokenRefreshLeadMs?: number;
  /** Grace period for in-flight HTTP requests on `stop()` (default 10 s). */
  shutdownGraceMs?: number;
  /** How often the heartbeat goes to NetSuite (default 5 min; issue #21). */
  heartbeatMs?: number;
}

export interface Bridge {
  app: Express;
  store: BridgeStore;
  metrics: BridgeMetrics;
  logger: Logger;
  tiktok: TikTokServices;
  netsuite: NetSuiteClient;
  /**
   * Listens on `host` (default: the HOST setting, 127.0.0.1) and `port`. `address` is the interface
   * the server is bound to; `url` a URL this machine reaches it at.
   */
  start(port?: number, host?: string): Promise<{ url: string; port: number; address: string }>;
  stop(): Promise<void>;
  /**
   * Shutdown behind a load balancer: `/readyz` answers 503 (draining) from now on while every
   * route keeps serving, for `ms`; then resolves (the caller stops the bridge).
   */
  drain(ms: number): Promise<void>;
  /** Runs every due job until none is left (one worker pass: the urgent lane, then the main lane). */
  runWorkersOnce(): Promise<RunSummary>;
  /** One order-reconciliation pass over every connected shop. */
  reconcileOnce(options?: ReconcileOptions): Promise<ReconcileAllResult>;
  /** One return-reconciliation pass (Search Returns by `update_time`) over every connected shop. */
  reconcileReturnsOnce(options?: ReconcileOptions): Promise<ReturnReconcileAllResult>;
  /** One refund-reconciliation pass (completed returns and cancellations by `update_time`) over every connected shop. */
  reconcileRefundsOnce(options?: ReconcileOptions): Promise<RefundReconcileAllResult>;
  /** One NetSuite → TikTok outbox pass over every connected shop. */
  outboxOnce(options?: OutboxOptions): Promise<OutboxAllResult>;
  /** One NetSuite stock → TikTok pass over every connected shop. */
  inventoryOnce(options?: InventoryOptions): Promise<InventoryAllResult>;
  /** Queues a TikTok warehouse refresh (`shop.warehouses`) for every connected shop; the count queued. */
  refreshWarehouses(): Promise<number>;
  /** One catalog pull pass (Pull products from TikTok, issue #19) over every connected shop, run now. */
  catalogPullOnce(options?: CatalogPullOptions): Promise<CatalogPullAllResult>;
  /**
   * One product push pass (Push products to TikTok, issue #20) over every connected shop, or one shop, run
   * now; the audit checks it queues run later with the jobs.
   */
  productPushOnce(options?: ProductPushOptions & { shopId?: string }): Promise<ProductPushAllResult>;
  /** Sends the bridge's facts about each shop and its URL to NetSuite now (the connector home's heartbeat). */
  heartbeatOnce(): Promise<HeartbeatResponse>;
  /** The doctor as the bridge sees it (shared registry; NetSuite judged from a live ping). */
  doctor(): Promise<DoctorReport>;
  /** One alert pass (ALERT_WEBHOOK_URL): the number of alerts sent (0 without the setting). */
  alertOnce(): Promise<number>;
  /** Starts the job loop and the periodic reconciliation. */
  startWorkers(): void;
}

/** How long `stop()` waits for in-flight HTTP requests before closing their connections. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

function addSummaries(a: RunSummary, b: RunSummary): RunSummary {
  return {
    claimed: a.claimed + b.claimed,
    completed: a.completed + b.completed,
    retried: a.retried + b.retried,
    dead: a.dead + b.dead,
    leaseLost: a.leaseLost + b.leaseLost,
  };
}

/** True for an address that accepts connections on every interface (0.0.0.0, ::). */
export function isWildcardAddress(address: string): boolean {
  return address === '0.0.0.0' || address === '::' || address === '::ffff:0.0.0.0';
}

/** A URL this machine reaches a server bound to `address` at (loopback for a wildcard address). */
function localUrl(address: string, port: number): string {
  if (isWildcardAddress(address)) return `http://127.0.0.1:${port}`;
  return address.includes(':') ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}

function drainServer(server: Server, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    // A keep-alive connection turns idle once its request is answered: close it then, not after
    // the keep-alive timeout.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    force.unref();
    sweep.unref();
    server.close(() => {
      clearTimeout(force);
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export function createBridge(config: LiveConfig, deps: BridgeDeps = {}): Bridge {
  // Before anything can log or store text: every configured secret is scrubbed by value.
  registerConfigSecrets(config);
  const clock = deps.clock ?? systemClock;
  const sleep = deps.sleep ?? realSleep;
  const random = deps.random ?? Math.random;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const ownsStore = deps.store === undefined;
  const store = deps.store ?? openStore(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
  const metrics = new BridgeMetrics(store, { clock, queueDepthTtlMs: deps.metricsCacheMs });

  const netsuite = new NetSuiteClient(config.netsuite, {
    clock,
    sleep,
    random,
    send: deps.send,
    concurrency: deps.netsuiteConcurrency,
    observer: metrics,
    logger,
  });
  const tiktok = createTikTokServices(config.tiktok, {
    store,
    cipher: new TokenCipher(config.encryptionKey, config.previousEncryptionKeys ?? []),
    clock,
    sleep,
    random,
    send: deps.send,
    logger,
    observer: metrics,
    maxRetries: deps.tiktokMaxRetries,
    refreshLeadMs: deps.tokenRefreshLeadMs,
    onNeedsReauth: async (shopId) => {
      await store.enqueueJob(shopUpsertJob(shopId, clock.now()), clock.now());
    },
  });

  const owner = deps.workerOwner ?? `bridge-${process.pid}-${randomBytes(4).toString('hex')}`;
  const runs = new FlowRuns();
  // Category rules, brands and uploaded image URIs, shared by the push jobs and `productPushOnce`.
  const productPushCache = new ProductPushCache(clock);
  const handlers = jobHandlerList(
    jobHandlers({
      store,
      tiktok: tiktok.client,
      netsuite,
      tokens: tiktok.tokens,
      clock,
      publicUrl: config.publicUrl,
      logger,
      productPushCache,
      metrics,
    }),
  ).map((handler) => withRunNotes(handler, runs, clock));
  const runnerOptions = {
    store,
    clock,
    random,
    logger,
    metrics,
    maxAttempts: deps.maxJobAttempts,
    backoff: deps.jobBackoff,
    leaseMs:
      deps.jobLeaseMs ?? (config.jobLeaseSeconds === undefined ? undefined : config.jobLeaseSeconds * 1000),
    heartbeatMs: deps.jobHeartbeatMs,
    handlers,
  };
  // Two lanes: deauthorizations have their own, so they never wait behind order jobs that are
  // retrying against TikTok or NetSuite (the main lane leaves them alone).
  const runner = new JobRunner({ ...runnerOptions, owner, excludeKinds: URGENT_JOB_KINDS });
  const urgentRunner = new JobRunner({ ...runnerOptions, owner: `${owner}-urgent`, kinds: URGENT_JOB_KINDS });
  const reconcileDeps = { store, tiktok: tiktok.client, clock, logger };
  const catalogDeps = {
    store,
    tiktok: tiktok.client,
    netsuite,
    sendShop: (shopId: string) => pushShopToNetSuite(store, netsuite, shopId),
    clock,
    logger,
  };
  const productPushDeps = {
    store,
    products: new TikTokProductApi(tiktok.client),
    netsuite,
    sendShop: catalogDeps.sendShop,
    cache: productPushCache,
    clock,
    logger,
    metrics,
  };
  // The catalog poll queues each connected shop's catalog.pull job (one pending per shop, shared with
  // the product webhooks), so a poll and a webhook never run two passes of a shop side by side; and its
  // catalog.push job (issue #20): NetSuite answers which of the two the shop does, the other stops at once.
  const queueCatalogPulls = async (): Promise<number> => {
    let queued = 0;
    for (const shop of await store.listShops()) {
      if (shop.state !== 'connected') continue;
      const { created } = await store.enqueueJob(catalogPullJob(shop.shopId, clock.now()), clock.now());
      if (created) queued += 1;
      await store.enqueueJob(catalogPushJob(shop.shopId, clock.now()), clock.now());
    }
    return queued;
  };
  const outboxDeps = { store, tiktok: tiktok.client, netsuite, clock, logger, metrics };
  const inventoryDeps = {
    ...outboxDeps,
    catalog: new InventoryCatalog(tiktok.client, clock),
    // Orders whose webhooks came in are fetched first, so their units are held back (issue #16).
    beforePass: () => runner.runOnce(),
  };
  const inventoryDefaults = {
    reserveMarginMs: (config.inventoryReserveMarginSeconds ?? 60) * 1000,
  };
  const refreshWarehouses = async (): Promise<number> => {
    let queued = 0;
    for (const shop of await store.listShops()) {
      if (shop.state !== 'connected') continue;
      const r = await store.enqueueJob(shopWarehousesJob(shop.shopId, clock.now()), clock.now());
      if (r.created) queued += 1;
    }
    return queued;
  };

  const secureCookie = config.publicUrl.startsWith('https://');
  const throttle = new AuthThrottle({
    maxFailures: config.authMaxFailures,
    windowMs: config.authWindowSeconds * 1000,
    clock,
  });
  const adminAuth = new AdminAuth({
    adminToken: config.adminToken,
    ...(config.metricsToken === undefined ? {} : { metricsToken: config.metricsToken }),
    clock,
    secureCookie,
    store,
    throttle,
  });
  const stateCookie = new OAuthStateCookie({
    secret: config.adminToken,
    clock,
    secure: secureCookie,
    path: OAUTH_CALLBACK_PATH,
    ttlMs: OAUTH_STATE_TTL_MS,
  });
  const netsuitePing = new CachedProbe(() => netsuite.ping(), deps.netsuitePingTtlMs ?? 60_000, clock);
  const arrivals = new WebhookArrivals();
  let lastNetSuiteError: string | null = null;
  const heartbeatOnce = async (): Promise<HeartbeatResponse> => {
    try {
      const answer = await sendHeartbeat({
        store,
        clock,
        publicUrl: config.publicUrl,
        netsuite,
        arrivals,
        runs,
        lastNetSuiteError,
      });
      lastNetSuiteError = null;
      return answer;
    } catch (error) {
      lastNetSuiteError = describeError(error);
      throw error;
    }
  };
  const alerts =
    config.alertWebhookUrl === undefined
      ? undefined
      : new AlertHook(config.alertWebhookUrl, deps.send ?? axiosSend, logger);
  const doctor = async (): Promise<DoctorReport> => {
    const ping = await netsuitePing.get(deps.readyzNetsuiteWaitMs ?? 2000);
    const netsuiteError = ping.ok
      ? null
      : (ping.error ?? (ping.checking ? 'the NetSuite ping is still running' : 'unreachable'));
    return bridgeDoctor(store, clock, netsuiteError, arrivals);
  };

  const app = express();
  app.disable('x-powered-by');
  // Client addresses (for the sign-in throttle) come from X-Forwarded-For only behind trusted proxies.
  app.set('trust proxy', config.trustProxy ?? false);
  const answerHeaders = securityHeaderList({ consentPageUrl: config.tiktok.authorizeUrl });
  const webhooks = webhookRoutes({
    appKey: config.tiktok.appKey,
    appSecret: config.tiktok.appSecret,
    previousAppSecret: config.tiktok.previousAppSecret,
    store,
    clock,
    metrics,
    logger,
    hmac: deps.webhookHmac,
    maxBodyBytes: deps.webhookBodyLimitBytes,
    clockSkewWarnMs: deps.webhookClockSkewWarnMs,
    staleAfterMs: deps.webhookStaleAfterMs,
    groupCommitMaxBatch: deps.webhookGroupCommitMaxBatch,
    groupCommitMaxInFlight: deps.webhookGroupCommitMaxInFlight,
    onAccepted: (shopId, atMs) => arrivals.note(shopId, atMs),
    answerHeaders,
  });
  // TikTok's webhooks first, ahead of every other middleware: the server hands the exact path to
  // `webhooks.serve` without Express (start(), below); `fastPath` serves it when `app` is used alone.
  app.use(webhooks.rethrow);
  app.use(webhooks.fastPath);
  app.use(securityHeaders({ consentPageUrl: config.tiktok.authorizeUrl }));
  app.use(webhooks.router);
  app.use(throttleGuard(throttle));
  let draining = false;
  app.use(
    healthRouter({
      store,
      netsuitePing,
      metrics,
      adminAuth,
      draining: () => draining,
      netsuiteWaitMs: deps.readyzNetsuiteWaitMs,
    }),
  );
  app.use(
    oauthRouter({
      adminAuth,
      stateCookie,
      tokenClient: tiktok.tokenClient,
      authorizeUrl: config.tiktok.authorizeUrl,
      serviceId: config.tiktok.serviceId,
      store,
      vault: tiktok.vault,
      tiktok: tiktok.client,
      netsuite,
      clock,
      publicUrl: config.publicUrl,
      logger,
      afterConnect: heartbeatOnce,
    }),
  );
  app.use(statusRouter({ store, adminAuth, clock, doctor }));
  app.use((req, _res, next) => {
    next(new BridgeError(BRIDGE_ERROR_CODES.NOT_FOUND, `No route for ${req.method} ${req.path}.`));
  });
  app.use(errorHandler(logger));

  let server: Server | undefined;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  let workersOn = false;

  function track<T>(promise: Promise<T>): Promise<T> {
    running.add(promise);
    void promise.finally(() => running.delete(promise)).catch(() => undefined);
    return promise;
  }

  /**
   * Runs `task` now after `delayMs`, then every `everyMs`. The periodic passes (all but the job
   * lanes, which the queue's leases already share out) run under the store's lock of their name:
   * with several instances on PostgreSQL, one instance at a time runs a pass, as one instance would.
   */
  function schedule(name: string, delayMs: number, task: () => Promise<unknown>, everyMs: number): void {
    if (!workersOn) return;
    const exclusive = name !== 'jobs' && name !== 'urgent-jobs';
    const timer = setTimeout(() => {
      timers.delete(timer);
      void track(
        (exclusive ? store.withLock(`pass:${name}`, task) : task()).catch((error: unknown) => {
          logger.error({ err: describeError(error), loop: name }, 'worker loop iteration failed');
        }),
      ).finally(() => schedule(name, everyMs, task, everyMs));
    }, delayMs);
    timers.add(timer);
  }

  const bridge: Bridge = {
    app,
    store,
    metrics,
    logger,
    tiktok,
    netsuite,
    async start(port?: number, host?: string) {
      if (server) throw new BridgeError(BRIDGE_ERROR_CODES.INTERNAL, 'The bridge is already listening.');
      const bindTo = host ?? config.host;
      const listening = createServer((req, res) => webhooks.serve(req, res, app)).listen(
        port ?? config.port,
        bindTo,
      );
      server = listening;
      await new Promise<void>((resolve, reject) => {
        listening.once('listening', resolve);
        listening.once('error', reject);
      });
      const { port: actual, address } = listening.address() as AddressInfo;
      if (isWildcardAddress(address)) {
        logger.warn(
          { host: bindTo, address, port: actual },
          'bridge listening on EVERY network interface (HOST); make sure only your reverse proxy can reach this port',
        );
      } else {
        logger.info({ host: bindTo, address, port: actual }, 'bridge listening');
      }
      return { url: localUrl(address, actual), port: actual, address };
    },
    async drain(ms: number) {
      draining = true;
      logger.info({ drainMs: ms }, 'draining: /readyz answers 503 so the load balancer stops routing here');
      if (ms > 0) await sleep(ms);
    },
    async stop() {
      draining = true;
      workersOn = false;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      // Stop accepting connections at once, but let requests already in flight (a webhook being
      // committed, an OAuth code exchange) finish, up to the grace period; then cut what is left.
      const closing = server;
      server = undefined;
      const httpDrained = closing
        ? drainServer(closing, deps.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS)
        : Promise.resolve();
      await Promise.allSettled([...running]);
      await httpDrained;
      if (ownsStore) await store.close();
    },
    runWorkersOnce: () =>
      track(
        (async () => {
          const urgent = await urgentRunner.runOnce();
          const main = await runner.runOnce();
          const late = await urgentRunner.runOnce();
          return addSummaries(addSummaries(urgent, main), late);
        })(),
      ),
    reconcileOnce: (options?: ReconcileOptions) =>
      track(reconcileAllShops(reconcileDeps, { ...deps.reconcile, ...options })),
    reconcileReturnsOnce: (options?: ReconcileOptions) =>
      track(reconcileAllShopsReturns(reconcileDeps, { ...deps.reconcile, ...options })),
    reconcileRefundsOnce: (options?: ReconcileOptions) =>
      track(reconcileAllShopsRefunds(reconcileDeps, { ...deps.reconcile, ...options })),
    outboxOnce: (options?: OutboxOptions) =>
      track(runOutboxAllShops(outboxDeps, { ...deps.outbox, ...options })),
    inventoryOnce: (options?: InventoryOptions) =>
      track(runInventoryAllShops(inventoryDeps, { ...inventoryDefaults, ...deps.inventory, ...options })),
    refreshWarehouses: () => track(refreshWarehouses()),
    catalogPullOnce: (options?: CatalogPullOptions) => track(pullAllShopsCatalog(catalogDeps, options)),
    productPushOnce: (options?: ProductPushOptions & { shopId?: string }) =>
      track(runProductPushAllShops(productPushDeps, options)),
    heartbeatOnce: () => track(heartbeatOnce()),
    doctor: () => track(doctor()),
    alertOnce: () =>
      track(
        alerts === undefined
          ? Promise.resolve(0)
          : doctor().then((report) => alerts.notify(report, clock.now())),
      ),
    startWorkers() {
      if (workersOn) return;
      workersOn = true;
      const pollMs = deps.workerPollMs ?? 1000;
      const reconcileMs = deps.reconcile?.intervalMs ?? 10 * 60 * 1000;
      schedule('jobs', 0, () => runner.runOnce(), pollMs);
      schedule('urgent-jobs', 0, () => urgentRunner.runOnce(), pollMs);
      schedule(
        'reconcile',
        Math.min(5000, reconcileMs),
        () => reconcileAllShops(reconcileDeps, deps.reconcile),
        reconcileMs,
      );
      schedule('catalog', Math.min(5000, reconcileMs), queueCatalogPulls, reconcileMs);
      schedule(
        'reconcile-returns',
        Math.min(5000, reconcileMs),
        () => reconcileAllShopsReturns(reconcileDeps, deps.reconcile),
        reconcileMs,
      );
      schedule(
        'reconcile-refunds',
        Math.min(5000, reconcileMs),
        () => reconcileAllShopsRefunds(reconcileDeps, deps.reconcile),
        reconcileMs,
      );
      const outboxMs = deps.outbox?.intervalMs ?? (config.outboxIntervalSeconds ?? 60) * 1000;
      schedule(
        'outbox',
        Math.min(5000, outboxMs),
        async () => {
          const result = await runOutboxAllShops(outboxDeps, deps.outbox);
          runs.notePass('outbox', clock.now());
          return result;
        },
        outboxMs,
      );
      const inventoryMs = deps.inventory?.intervalMs ?? (config.inventoryIntervalSeconds ?? 60) * 1000;
      schedule(
        'inventory',
        Math.min(5000, inventoryMs),
        async () => {
          const result = await runInventoryAllShops(inventoryDeps, {
            ...inventoryDefaults,
            ...deps.inventory,
          });
          runs.notePass('inventory', clock.now());
          return result;
        },
        inventoryMs,
      );
      const warehousesMs = deps.warehouseRefreshMs ?? (config.warehouseRefreshMinutes ?? 60) * 60_000;
      schedule('warehouses', warehousesMs, refreshWarehouses, warehousesMs);
      const heartbeatMs = deps.heartbeatMs ?? HEARTBEAT_INTERVAL_MS;
      schedule('heartbeat', Math.min(5000, heartbeatMs), heartbeatOnce, heartbeatMs);
      if (alerts !== undefined) {
        schedule(
          'alerts',
          Math.min(5000, heartbeatMs),
          async () => alerts.notify(await doctor(), clock.now()),
          heartbeatMs,
        );
      }
    },
  };
  return bridge;
}
