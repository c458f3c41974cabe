/**
 * The NetSuite → TikTok outbox pass ("Pull order updates from NetSuite"), per connected shop: pull
 * pending rows (`outbox.pull`), deliver each to TikTok, acknowledge the results (`outbox.ack`).
 * Rows are acknowledged even when the pass stops part-way (a shop needing re-authorization), and
 * a row delivered but not acknowledged (a crash, NetSuite unreachable) is delivered again later:
 * delivery is idempotent per row (outbox/deliver.ts). A retryable failure stays pending in NetSuite
 * and is tried again on a later pass, not in this one.
 */
import type { Logger } from 'pino';
import { DEFAULT_OUTBOX_PULL } from '../../../shared-types/src/outbox/outbox';
import type { OutboxAckResult } from '../../../shared-types/src/outbox/outbox-contract';
import type { Clock } from '../core/clock';
import { describeError } from '../core/errors';
import type { BridgeMetrics } from '../metrics';
import type { NetSuiteClient } from '../netsuite/client';
import { withShopInNetSuite } from '../netsuite/connector-reactions';
import { pushShopToNetSuite } from '../shops/shop-sync';
import { deliverOutboxRow, type DeliveryOutcome } from '../outbox/deliver';
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

async function acknowledge(
  deps: OutboxWorkerDeps,
  shopId: string,
  results: OutboxAckResult[],
): Promise<void> {
  if (results.length === 0) return;
  await deps.netsuite.ackOutbox(results);
  deps.logger.info({ shopId, acknowledged: results.length }, 'outbox rows acknowledged');
}

export async function runOutboxForShop(
  deps: OutboxWorkerDeps,
  shop: ShopRecord,
  options: OutboxOptions = {},
): Promise<OutboxShopResult> {
  const limit = options.batchSize ?? DEFAULT_OUTBOX_PULL;
  const result: OutboxShopResult = { shopId: shop.shopId, pulled: 0, skippedByNetSuite: 0, outcomes: {} };
  const seen = new Set<string>();
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
    const acks: OutboxAckResult[] = [];
    try {
      for (const row of fresh) {
        seen.add(row.outboxId);
        const delivery = await deliverOutboxRow({ tiktok: deps.tiktok, region: shop.region }, row);
        acks.push(delivery.result);
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
      await acknowledge(deps, shop.shopId, acks);
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
