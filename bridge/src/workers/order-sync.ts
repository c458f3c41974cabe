import type { TikTokOrder } from '../../../shared-types/src/tiktok-order';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import { NetSuiteError, type NetSuiteClient } from '../netsuite/client';
import type { TikTokClient } from '../tiktok/client';
import { MAX_ORDER_DETAIL_IDS } from '../tiktok/types';
import type { BatchResult, JobHandler } from './job-runner';
import { JOB_KINDS, type OrderSyncPayload } from './job-kinds';

/**
 * `order.sync` jobs of one shop, up to 50 at a time: fetch the current orders from TikTok in one
 * detail call, send them to NetSuite in one `orders.upsert`. An order TikTok does not return
 * fails alone (and is retried); the others complete. Jobs whose lease was lost are left out.
 * The RESTlet refuses a whole batch when one order is invalid (it validates before writing
 * anything); the batch is then sent again one order at a time, so only the invalid order's job
 * fails (dead-lettered with the RESTlet's reason) and the others are stored.
 */

/** True when NetSuite refused the request as invalid (TTS_INVALID_REQUEST): nothing was written. */
function refusedAsInvalid(error: unknown): boolean {
  return error instanceof NetSuiteError && error.netsuiteCode === 'TTS_INVALID_REQUEST';
}

/** Sends the orders in one call, or — when that call is refused as invalid — one by one; the refused ones by id. */
async function upsertIsolating(
  netsuite: NetSuiteClient,
  shopId: string,
  orders: TikTokOrder[],
): Promise<Map<string, unknown>> {
  const refused = new Map<string, unknown>();
  try {
    await netsuite.upsertOrders(shopId, orders);
    return refused;
  } catch (error) {
    if (orders.length < 2 || !refusedAsInvalid(error)) throw error;
  }
  for (const order of orders) {
    try {
      await netsuite.upsertOrders(shopId, [order]);
    } catch (error) {
      if (!refusedAsInvalid(error)) throw error;
      refused.set(order.id, error);
    }
  }
  return refused;
}
export function orderSyncHandler(deps: { tiktok: TikTokClient; netsuite: NetSuiteClient }): JobHandler {
  return {
    kind: JOB_KINDS.ORDER_SYNC,
    batchSize: MAX_ORDER_DETAIL_IDS,
    async run(jobs, context): Promise<BatchResult> {
      const shopId = jobs[0]?.shopId;
      if (!shopId) throw new BridgeError(BRIDGE_ERROR_CODES.BAD_REQUEST, 'order.sync job without a shop id');
      const orderIds = [...new Set(jobs.map((job) => (job.payload as OrderSyncPayload).orderId))];
      const wanted = new Set(orderIds);
      const byId = new Map<string, TikTokOrder>();
      for (const order of await deps.tiktok.getOrderDetail(shopId, orderIds)) {
        if (wanted.has(order.id)) byId.set(order.id, order);
      }
      // The TikTok call may have waited out throttling for minutes: send only the orders whose jobs
      // this process still leases, so a job another process took over is not written twice.
      const held = await context.confirmLeases();
      const stillOurs = new Set(
        jobs.filter((job) => held.has(job.id)).map((job) => (job.payload as OrderSyncPayload).orderId),
      );
      const orders = [...byId.values()].filter((order) => stillOurs.has(order.id));
      const refused = orders.length > 0 ? await upsertIsolating(deps.netsuite, shopId, orders) : new Map();
      const found = new Set(byId.keys());
      const failed = new Map<number, unknown>();
      for (const job of jobs) {
        const { orderId } = job.payload as OrderSyncPayload;
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
