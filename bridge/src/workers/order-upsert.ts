/**
 * `order.upsert` jobs of one shop, up to 50 at a time: fetch the current orders from TikTok in one
 * detail call (plus one Search Cancellations call when some have a pending buyer cancellation
 * request), send them to NetSuite in one `orders.upsert`. An order TikTok does not return
 * fails alone (and is retried); the others complete. Jobs whose lease was lost are left out.
 * NetSuite's connector errors get the reactions of shared-types/src/contract/connector-errors.ts
 * (netsuite/connector-reactions.ts): a shop NetSuite does not know is sent, then the batch again;
 * a batch over the RESTlet's usage budget is halved; a batch refused as invalid (the RESTlet
 * validates before writing anything) is sent one order at a time, so only the invalid order's job
 * fails (dead-lettered with the RESTlet's reason, naming the field) and the others are stored.
 * Every order fetched records the units it takes from TikTok's stock, and each order NetSuite stored
 * is marked so (the no-oversell window, shared-types/src/inventory/oversell.ts; issue #16).
 */
import {
  CANCELLATION_PENDING,
  pendingFromSearch,
} from '../../../shared-types/src/cancellations/buyer-cancel-request';
import { isWatched, shipByOf } from '../../../shared-types/src/fulfillments/ship-by';
import { reservationsOfOrder } from '../../../shared-types/src/inventory/oversell';
import type { TikTokOrder } from '../../../shared-types/src/tiktok/tiktok-order';
import type { Clock } from '../../../shared-types/src/time/clock';
import type { BridgeStore, DispatchObservation } from '../store/types';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import type { NetSuiteClient } from '../netsuite/client';
import { type SendShop, upsertOrdersReacting, withShopInNetSuite } from '../netsuite/connector-reactions';
import type { TikTokClient } from '../tiktok/client';
import { MAX_CANCELLATION_SEARCH_IDS } from '../tiktok/client';
import { MAX_ORDER_DETAIL_IDS } from '../tiktok/types';
import type { BatchResult, JobHandler } from './job-runner';
import { JOB_KINDS, type OrderUpsertPayload } from './job-kinds';

/**
 * Buyer cancellation requests: TikTok's order detail flags an order with a pending request
 * (`is_buyer_request_cancel`) but gives neither its cancel id nor its deadline, so those orders'
 * pending BUYER_CANCEL requests are read with one Search Cancellations call (per 50 orders) and added
 * as `pending_buyer_cancellation` (shared-types/src/cancellations/buyer-cancel-request.ts, docs/contracts.md).
 */
export async function addPendingCancellations(
  tiktok: Pick<TikTokClient, 'searchCancellations'>,
  shopId: string,
  orders: readonly TikTokOrder[],
): Promise<void> {
  const asking = orders.filter(
    (order) => order.is_buyer_request_cancel === true && order.status !== 'CANCELLED',
  );
  const byId = new Map(asking.map((order) => [order.id, order]));
  for (let start = 0; start < asking.length; start += MAX_CANCELLATION_SEARCH_IDS) {
    const records = await tiktok.searchCancellations(shopId, {
      orderIds: asking.slice(start, start + MAX_CANCELLATION_SEARCH_IDS).map((order) => order.id),
      types: ['BUYER_CANCEL'],
      statuses: [CANCELLATION_PENDING],
    });
    for (const record of records) {
      const pending = pendingFromSearch(record);
      const order = byId.get(record.order_id);
      if (pending !== null && order !== undefined) order.pending_buyer_cancellation = pending;
    }
  }
}

/**
 * The late-dispatch watch (shared-types/src/fulfillments/ship-by.ts): every order fetched tells the
 * store whether it is still to ship and by when; the status page and the metric read it.
 */
export function dispatchObservations(shopId: string, orders: readonly TikTokOrder[]): DispatchObservation[] {
  return orders.map((order) => ({
    shopId,
    orderId: order.id,
    shipBy: isWatched(order) ? shipByOf(order) : null,
    orderUpdateTime: order.update_time,
  }));
}

export function orderUpsertHandler(
  deps: {
    tiktok: TikTokClient;
    netsuite: NetSuiteClient;
    sendShop: SendShop;
    /** Where the late-dispatch watch is kept; absent: not kept. */
    dispatch?: { store: Pick<BridgeStore, 'observeDispatch'>; clock: Clock };
    /** Where stock reservations are kept (issue #16); absent: not kept. */
    stock?: { store: Pick<BridgeStore, 'reserveStock' | 'markStockUpserted'>; clock: Clock };
  },
  kind: string = JOB_KINDS.ORDER_UPSERT,
): JobHandler {
  return {
    kind,
    batchSize: MAX_ORDER_DETAIL_IDS,
    async run(jobs, context): Promise<BatchResult> {
      const shopId = jobs[0]?.shopId;
      if (!shopId)
        throw new BridgeError(BRIDGE_ERROR_CODES.BAD_REQUEST, 'order.upsert job without a shop id');
      const orderIds = [...new Set(jobs.map((job) => (job.payload as OrderUpsertPayload).orderId))];
      const wanted = new Set(orderIds);
      const byId = new Map<string, TikTokOrder>();
      for (const order of await deps.tiktok.getOrderDetail(shopId, orderIds)) {
        if (wanted.has(order.id)) byId.set(order.id, order);
      }
      await addPendingCancellations(deps.tiktok, shopId, [...byId.values()]);
      if (deps.dispatch) {
        await deps.dispatch.store.observeDispatch(
          dispatchObservations(shopId, [...byId.values()]),
          deps.dispatch.clock.now(),
        );
      }
      if (deps.stock) {
        const now = deps.stock.clock.now();
        for (const order of byId.values()) {
          const units = reservationsOfOrder(order).map(({ sellerSku, warehouseId, quantity }) => ({
            sellerSku,
            warehouseId,
            quantity,
          }));
          await deps.stock.store.reserveStock(shopId, order.id, units, now);
        }
      }
      // The TikTok call may have waited out throttling for minutes: send only the orders whose jobs
      // this process still leases, so a job another process took over is not written twice.
      const held = await context.confirmLeases();
      const stillOurs = new Set(
        jobs.filter((job) => held.has(job.id)).map((job) => (job.payload as OrderUpsertPayload).orderId),
      );
      const orders = [...byId.values()].filter((order) => stillOurs.has(order.id));
      const refused =
        orders.length > 0
          ? await withShopInNetSuite(deps.sendShop, shopId, () =>
              upsertOrdersReacting(deps.netsuite, shopId, orders),
            )
          : new Map<string, unknown>();
      if (deps.stock) {
        const stored = orders.map((o) => o.id).filter((id) => !refused.has(id));
        await deps.stock.store.markStockUpserted(shopId, stored, deps.stock.clock.now());
      }
      const found = new Set(byId.keys());
      const failed = new Map<number, unknown>();
      for (const job of jobs) {
        const { orderId } = job.payload as OrderUpsertPayload;
        if (refused.has(orderId)) {
          failed.set(job.id, refused.get(orderId));
        } else if (!found.has(orderId)) {
          failed.set(
            job.id,
            new BridgeError(
              BRIDGE_ERROR_CODES.NOT_FOUND,
              `TikTok returned no order ${orderId} for shop ${shopId}; retried in case it is not visible yet.`,
              { retryable: true },
            ),
          );
        }
      }
      return { failed };
    },
  };
}
