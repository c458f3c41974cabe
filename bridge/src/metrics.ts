/**
 * Prometheus metrics of one bridge instance, on its own registry (no global state, so several
 * bridges can run in one process). Job depths come from the store at most once per
 * `queueDepthTtlMs` (default 15 s), however often `/metrics` is scraped: a scrape never queries the
 * store when a recent snapshot exists.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { systemClock, type Clock } from '../../shared-types/src/time/clock';
import type { BridgeStore, QueueDepth } from './store/types';
import type { TikTokCallObserver } from './tiktok/api-caller';
import type { TokenCallObserver } from './tiktok/token-client';
import type { TokenRefreshObserver } from './tiktok/token-manager';
import type { NetSuiteCallObserver } from './netsuite/client';
import type { GroupCommitObserver } from './webhooks/group-commit';

export interface BridgeMetricsOptions {
  clock?: Clock;
  queueDepthTtlMs?: number;
}
export class BridgeMetrics
  implements
    TikTokCallObserver,
    TokenCallObserver,
    TokenRefreshObserver,
    NetSuiteCallObserver,
    GroupCommitObserver
{
  readonly registry = new Registry();
  readonly webhooksReceived: Counter;
  readonly webhooksVerified: Counter;
  readonly webhooksRejected: Counter<'reason'>;
  readonly webhooksDuplicate: Counter;
  readonly webhooksStored: Counter;
  readonly webhookCommitBatch: Histogram;
  readonly webhookFutureSkew: Histogram;
  readonly jobs: Gauge<'kind' | 'state'>;
  readonly jobDuration: Histogram<'kind' | 'outcome'>;
  readonly tiktokCalls: Counter<'endpoint' | 'code'>;
  readonly tiktokCallDuration: Histogram<'endpoint'>;
  readonly tiktokTokenCalls: Counter<'grant_type' | 'outcome'>;
  readonly tokenRefreshes: Counter<'outcome'>;
  readonly netsuiteCalls: Counter<'action' | 'status'>;
  readonly netsuiteCallDuration: Histogram<'action'>;
  readonly outboxRows: Counter<'kind' | 'outcome'>;
  readonly inventoryPairs: Counter<'outcome'>;
  readonly productPushes: Counter<'outcome'>;
  readonly inventoryFreshness: Histogram;
  readonly ordersToShip: Gauge<'state'>;

  private depths: { at: number; value: QueueDepth[] } | undefined;
  private depthsLoading: Promise<QueueDepth[]> | undefined;

  constructor(
    private readonly store: BridgeStore,
    private readonly options: BridgeMetricsOptions = {},
  ) {
    const registers = [this.registry];
    const queueDepths = () => this.queueDepths();
    this.webhooksReceived = new Counter({
      name: 'tts_bridge_webhooks_received_total',
      help: 'TikTok webhook deliveries received',
      registers,
    });
    this.webhooksVerified = new Counter({
      name: 'tts_bridge_webhooks_verified_total',
      help: 'TikTok webhook deliveries with a valid signature',
      registers,
    });
    this.webhooksRejected = new Counter({
      name: 'tts_bridge_webhooks_rejected_total',
      help: 'TikTok webhook deliveries rejected, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.webhooksDuplicate = new Counter({
      name: 'tts_bridge_webhooks_duplicate_total',
      help: 'Verified webhook deliveries already recorded (same notification id)',
      registers,
    });
    this.webhooksStored = new Counter({
      name: 'tts_bridge_webhooks_stored_total',
      help: 'Verified webhook deliveries committed as new notifications (answered 200 after the commit)',
      registers,
    });
    this.webhookCommitBatch = new Histogram({
      name: 'tts_bridge_webhook_commit_batch_size',
      help: 'Webhooks per group-commit transaction (several concurrent deliveries share one commit)',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers,
    });
    this.webhookFutureSkew = new Histogram({
      name: 'tts_bridge_webhook_future_skew_seconds',
      help: "How far ahead of this server's clock verified webhooks were stamped (only those stamped in the future): this server's clock is behind TikTok's by at least that much",
      buckets: [1, 5, 30, 60, 300, 900, 3600, 86_400],
      registers,
    });
    this.jobs = new Gauge({
      name: 'tts_bridge_jobs',
      help: 'Jobs in the queue by kind and state',
      labelNames: ['kind', 'state'],
      registers,
      async collect() {
        const depths = await queueDepths();
        this.reset();
        for (const depth of depths) this.set({ kind: depth.kind, state: depth.state }, depth.count);
      },
    });
    this.jobDuration = new Histogram({
      name: 'tts_bridge_job_duration_seconds',
      help: 'Time to run a job batch, by kind and outcome',
      labelNames: ['kind', 'outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    this.tiktokCalls = new Counter({
      name: 'tts_bridge_tiktok_calls_total',
      help: 'TikTok Open API calls by endpoint and response code (network = no response)',
      labelNames: ['endpoint', 'code'],
      registers,
    });
    this.tiktokCallDuration = new Histogram({
      name: 'tts_bridge_tiktok_call_duration_seconds',
      help: 'TikTok Open API call latency',
      labelNames: ['endpoint'],
      registers,
    });
    this.tiktokTokenCalls = new Counter({
      name: 'tts_bridge_tiktok_token_calls_total',
      help: 'TikTok token endpoint calls by grant type and response code',
      labelNames: ['grant_type', 'outcome'],
      registers,
    });
    this.tokenRefreshes = new Counter({
      name: 'tts_bridge_token_refreshes_total',
      help: 'Access token refreshes by outcome (ok, dead = needs re-authorization, failed = transient)',
      labelNames: ['outcome'],
      registers,
    });
    this.netsuiteCalls = new Counter({
      name: 'tts_bridge_netsuite_calls_total',
      help: 'NetSuite RESTlet calls by action and HTTP status (network = no response)',
      labelNames: ['action', 'status'],
      registers,
    });
    this.netsuiteCallDuration = new Histogram({
      name: 'tts_bridge_netsuite_call_duration_seconds',
      help: 'NetSuite RESTlet call latency',
      labelNames: ['action'],
      registers,
    });
    const watched = this.store;
    const clock = this.options.clock ?? systemClock;
    this.ordersToShip = new Gauge({
      name: 'tts_bridge_orders_to_ship',
      help: "TikTok orders still to ship (late-dispatch watch), by state: late = past TikTok's ship-by time, on_time = not yet",
      labelNames: ['state'],
      registers,
      async collect() {
        const counts = await watched.countDispatchWatch(Math.floor(clock.now() / 1000));
        this.set({ state: 'late' }, counts.late);
        this.set({ state: 'on_time' }, counts.toShip - counts.late);
      },
    });
    this.outboxRows = new Counter({
      name: 'tts_bridge_outbox_rows_total',
      help: 'NetSuite outbox rows delivered to TikTok, by kind and outcome (sent, already_done, informational, refused, failed, retry)',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.inventoryPairs = new Counter({
      name: 'tts_bridge_inventory_pairs_total',
      help: 'Seller SKU × TikTok warehouse quantities pulled from NetSuite, by outcome (confirmed, not_listed, failed)',
      labelNames: ['outcome'],
      registers,
    });
    this.productPushes = new Counter({
      name: 'tts_bridge_product_push_total',
      help: 'Products the product push acknowledged to NetSuite, by outcome (created, edited, price_updated, rejected, invalid, not_allowed)',
      labelNames: ['outcome'],
      registers,
    });
    this.inventoryFreshness = new Histogram({
      name: 'tts_bridge_inventory_freshness_seconds',
      help: "From NetSuite's inventory export queueing a quantity to TikTok confirming it",
      buckets: [5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600],
      registers,
    });
  }

  batchCommitted(size: number): void {
    this.webhookCommitBatch.observe(size);
  }

  onCall(endpoint: string, outcome: string, durationMs: number): void {
    this.tiktokCalls.inc({ endpoint, code: outcome });
    this.tiktokCallDuration.observe({ endpoint }, durationMs / 1000);
  }

  onTokenCall(grantType: 'authorized_code' | 'refresh_token', outcome: string): void {
    this.tiktokTokenCalls.inc({ grant_type: grantType, outcome });
  }

  onRefresh(outcome: 'ok' | 'dead' | 'failed'): void {
    this.tokenRefreshes.inc({ outcome });
  }

  onNetSuiteCall(action: string, outcome: string, durationMs: number): void {
    this.netsuiteCalls.inc({ action, status: outcome });
    this.netsuiteCallDuration.observe({ action }, durationMs / 1000);
  }

  /** The queue depths, from a snapshot younger than the TTL when there is one (one store query in flight at most). */
  private async queueDepths(): Promise<QueueDepth[]> {
    const clock = this.options.clock ?? systemClock;
    const ttl = this.options.queueDepthTtlMs ?? 15_000;
    if (this.depths && clock.now() - this.depths.at < ttl) return this.depths.value;
    this.depthsLoading ??= this.store
      .queueDepths()
      .then((value) => {
        this.depths = { at: clock.now(), value };
        return value;
      })
      .finally(() => {
        this.depthsLoading = undefined;
      });
    return this.depthsLoading;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
