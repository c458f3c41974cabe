/**
 * The NetSuite → TikTok outbox pass ("Pull order updates from NetSuite"), per connected shop: pull
 * pending rows (`outbox.pull`), deliver each to TikTok, acknowledge the results (`outbox.ack`).
 * Each row's result is kept in the bridge's store as soon as it is delivered (`outbox_acks`) and
 * sent to NetSuite in batches — before the next pull, when `ackBatch` results wait, at the end of
 * the pass, and first thing in the next pass for results a crash or an unreachable NetSuite left
 * behind — so a row TikTok has is not delivered again after a restart, and NetSuite is called once
 * per batch, not once per row. A row delivered but whose result was not kept (the process died in
 * between) is delivered again later: delivery is idempotent per row (outbox/deliver.ts). A retryable
 * failure stays pending in NetSuite and is tried again on a later pass, not in this one.
 */
import type { Logger } from 'pino';
import { DEFAULT_OUTBOX_PULL } from '../../../shared-types/src/outbox/outbox';
import type { Clock } from '../../../shared-types/src/time/clock';
import { describeError } from '../core/errors';
import type { BridgeMetrics } from '../metrics';
import type { NetSuiteClient } from '../netsuite/client';
import { withShopInNetSuite } from '../netsuite/connector-reactions';
import { pushShopToNetSuite } from '../shops/shop-sync';
import { deliverOutboxRow, type DeliveryOutcome } from '../outbox/deliver';
import { FulfillmentReads } from '../outbox/fulfillment-reads';
import type { BridgeStore, ShopRecord } from '../store/types';
import type { TikTokClient } from '../tiktok/client';

export interface OutboxWorkerDeps {
  store: BridgeStore;
  tiktok: TikTokClient;
  netsuite: NetSuiteClient;
  clock: Clock;
  logger: Logger;
  metrics?: BridgeMetrics;
}

export interface OutboxOptions {
  /** Rows per `outbox.pull` (1..100). */
  batchSize?: number;
  /** Most pulls per shop in one pass. */
  maxBatches?: number;
  /**
   * Most results per `outbox.ack` (1..100, default 100). 1 acknowledges every row on its own, the
   * benchmark's naive baseline (test/bench/fulfillment-cost.ts).
   */
  ackBatch?: number;
  /**
   * Fulfillment rows share the pass's TikTok reads (default true): orders read 50 per call, each
   * delivery option's providers once. False: every row reads for itself (the benchmark's baseline).
   */
  shareReads?: boolean;
}

export interface OutboxShopResult {
  shopId: string;
  pulled: number;
  /** Rows NetSuite set to skipped/failed while pulling (flow turned off, unreadable). */
  skippedByNetSuite: number;
  outcomes: Partial<Record<DeliveryOutcome, number>>;
}

export interface OutboxAllResult {
  results: OutboxShopResult[];
  failures: { shopId: string; error: string }[];
}

/** Most results `outbox.ack` takes in one call (docs/contracts.md). */
export const OUTBOX_ACK_LIMIT = 100;

/**
 * Sends every kept result to NetSuite, `batch` per `outbox.ack`, forgetting each batch NetSuite
 * answered; returns how many were acknowledged. A failed call leaves the rest kept (thrown).
 */
export async function flushOutboxAcks(
  deps: Pick<OutboxWorkerDeps, 'store' | 'netsuite' | 'logger'>,
  batch: number = OUTBOX_ACK_LIMIT,
): Promise<number> {
  const size = Math.min(OUTBOX_ACK_LIMIT, Math.max(1, Math.floor(batch)));
  let acknowledged = 0;
  for (;;) {
    const kept = await deps.store.listOutboxAcks(size);
    if (kept.length === 0) return acknowledged;
    await deps.netsuite.ackOutbox(kept.map((k) => k.result));
    await deps.store.deleteOutboxAcks(kept.map((k) => k.result.outboxId));
    acknowledged += kept.length;
    deps.logger.info(
      { shopIds: [...new Set(kept.map((k) => k.shopId))], acknowledged: kept.length },
      'outbox rows acknowledged',
    );
  }
}

export async function runOutboxForShop(
  deps: OutboxWorkerDeps,
  shop: ShopRecord,
  options: OutboxOptions = {},
): Promise<OutboxShopResult> {
  const limit = options.batchSize ?? DEFAULT_OUTBOX_PULL;
  const result: OutboxShopResult = { shopId: shop.shopId, pulled: 0, skippedByNetSuite: 0, outcomes: {} };
  const seen = new Set<string>();
  const reads = new FulfillmentReads(deps.tiktok, shop.shopId);
  const ackBatch = options.ackBatch ?? OUTBOX_ACK_LIMIT;
  // Results an earlier pass kept but could not send (a crash, NetSuite unreachable) go first: their
  // rows are still pending in NetSuite and would be pulled (and delivered) again.
  await flushOutboxAcks(deps, ackBatch);
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch += 1) {
    const pulled = await withShopInNetSuite(
      (id) => pushShopToNetSuite(deps.store, deps.netsuite, id),
      shop.shopId,
      () => deps.netsuite.pullOutbox(shop.shopId, limit),
    );
    result.skippedByNetSuite += pulled.skipped;
    const fresh = pulled.rows.filter((row) => !seen.has(row.outboxId));
    if (fresh.length === 0) break;
    result.pulled += fresh.length;
    let kept = 0;
    try {
      if (options.shareReads !== false) {
        // The batch's fulfillment orders in one Get Order Detail per 50 (a failed read: each row reads).
        await reads
          .prefetch(fresh.filter((row) => row.kind.startsWith('fulfillment.')).map((row) => row.orderId))
          .catch(() => undefined);
      }
      const ctx = {
        tiktok: deps.tiktok,
        region: shop.region,
        netsuite: deps.netsuite,
        ...(options.shareReads !== false ? { reads } : {}),
      };
      for (const row of fresh) {
        seen.add(row.outboxId);
        const delivery = await deliverOutboxRow(ctx, row);
        await deps.store.saveOutboxAcks([{ shopId: shop.shopId, result: delivery.result }], deps.clock.now());
        kept += 1;
        if (kept >= ackBatch) {
          await flushOutboxAcks(deps, ackBatch);
          kept = 0;
        }
        result.outcomes[delivery.outcome] = (result.outcomes[delivery.outcome] ?? 0) + 1;
        deps.metrics?.outboxRows.inc({ kind: row.kind, outcome: delivery.outcome });
        const log = delivery.result.ok
          ? deps.logger.info.bind(deps.logger)
          : deps.logger.warn.bind(deps.logger);
        log(
          {
            shopId: shop.shopId,
            outboxId: row.outboxId,
            key: row.idempotencyKey,
            kind: row.kind,
            outcome: delivery.outcome,
            message: delivery.result.message,
          },
          'outbox row delivered',
        );
      }
    } finally {
      // Before the next pull: rows not acknowledged would be pulled again.
      await flushOutboxAcks(deps, ackBatch);
    }
    if (pulled.rows.length < limit) break;
  }
  return result;
}

/** One pass over every connected shop; a failing shop is recorded and the others still run. */
export async function runOutboxAllShops(
  deps: OutboxWorkerDeps,
  options: OutboxOptions = {},
): Promise<OutboxAllResult> {
  const out: OutboxAllResult = { results: [], failures: [] };
  for (const shop of await deps.store.listShops()) {
    if (shop.state !== 'connected') continue;
    try {
      out.results.push(await runOutboxForShop(deps, shop, options));
    } catch (error) {
      const message = describeError(error);
      out.failures.push({ shopId: shop.shopId, error: message });
      deps.logger.warn({ shopId: shop.shopId, err: message }, 'outbox pass failed');
      await deps.store.recordError({
        at: deps.clock.now(),
        source: 'outbox',
        shopId: shop.shopId,
        message: `Sending NetSuite order updates to TikTok failed: ${message}`,
      });
    }
  }
  return out;
}
