/**
 * The bridge's reactions to the connector error codes (shared-types/src/contract/connector-errors.ts says
 * which code gets which): the shop sent again before a call that met `TTS_SHOP_NOT_FOUND`, and
 * `orders.upsert` and `returns.upsert` batches halved on `TTS_USAGE_LIMIT` and isolated one item at a time on
 * `TTS_INVALID_REQUEST`. Codes whose reaction is a dead letter need nothing here: their
 * `NetSuiteError` is not retryable, so the job runner dead-letters the job with the message.
 */
import type { BridgeReaction } from '../../../shared-types/src/contract/connector-errors';
import { CONNECTOR_ERRORS } from '../../../shared-types/src/contract/connector-errors';
import type { TikTokOrder } from '../../../shared-types/src/tiktok/tiktok-order';
import type { TikTokReturn } from '../../../shared-types/src/returns/tiktok-return';
import type { ReturnUpsertResult } from '../../../shared-types/src/returns/returns-upsert';
import { NetSuiteError, type NetSuiteClient } from './client';

/** The reaction the shared list gives the error's connector code, or null for any other error. */
export function reactionTo(error: unknown): BridgeReaction | null {
  return error instanceof NetSuiteError && error.connectorCode !== null
    ? CONNECTOR_ERRORS[error.connectorCode].bridge
    : null;
}

/** Sends the shop to NetSuite (`shop.upsert`); the caller knows how (bridge/src/shops/shop-sync.ts). */
export type SendShop = (shopId: string) => Promise<unknown>;

/**
 * Runs a call for one shop; when NetSuite has no record of the shop (`TTS_SHOP_NOT_FOUND`), sends
 * the shop and runs the call once more. A second failure is thrown (the job is retried later).
 */
export async function withShopInNetSuite<T>(
  sendShop: SendShop,
  shopId: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (reactionTo(error) !== 'send_shop_then_retry') throw error;
  }
  await sendShop(shopId);
  return call();
}

/**
 * `orders.upsert` of a batch with the reactions: on `TTS_USAGE_LIMIT` the batch is halved and
 * each half sent (recursively); on `TTS_INVALID_REQUEST` it is sent one order at a time. Returns
 * the orders that failed alone, by id, with their error: those refused as invalid, and those of a
 * part that failed in another way (the rest of the batch still goes). When the whole batch fails
 * with any other error (or a single order is refused), that error is thrown.
 */
export async function upsertOrdersReacting(
  netsuite: Pick<NetSuiteClient, 'upsertOrders'>,
  shopId: string,
  orders: readonly TikTokOrder[],
): Promise<Map<string, unknown>> {
  const failed = new Map<string, unknown>();
  await sendPart(netsuite, shopId, orders, failed, true);
  return failed;
}

async function sendPart(
  netsuite: Pick<NetSuiteClient, 'upsertOrders'>,
  shopId: string,
  orders: readonly TikTokOrder[],
  failed: Map<string, unknown>,
  whole: boolean,
): Promise<void> {
  try {
    await netsuite.upsertOrders(shopId, [...orders]);
    return;
  } catch (error) {
    const reaction = reactionTo(error);
    const divisible =
      orders.length > 1 && (reaction === 'split_batch' || reaction === 'isolate_then_dead_letter');
    if (!divisible) {
      if (whole) throw error;
      for (const order of orders) failed.set(order.id, error);
      return;
    }
    const half = Math.ceil(orders.length / 2);
    const parts =
      reaction === 'split_batch' ? [orders.slice(0, half), orders.slice(half)] : orders.map((o) => [o]);
    for (const part of parts) await sendPart(netsuite, shopId, part, failed, false);
  }
}

/**
 * `returns.upsert` of a batch with the same reactions as orders (halved on `TTS_USAGE_LIMIT`, one
 * return at a time on `TTS_INVALID_REQUEST`). Returns NetSuite's result per return id, and the
 * returns that failed alone with their error.
 */
export async function upsertReturnsReacting(
  netsuite: Pick<NetSuiteClient, 'upsertReturns'>,
  shopId: string,
  returns: readonly TikTokReturn[],
): Promise<{ results: Map<string, ReturnUpsertResult>; failed: Map<string, unknown> }> {
  const results = new Map<string, ReturnUpsertResult>();
  const failed = new Map<string, unknown>();
  const send = async (part: readonly TikTokReturn[], whole: boolean): Promise<void> => {
    try {
      const answer = await netsuite.upsertReturns(shopId, [...part]);
      for (const result of answer.results) results.set(result.returnId, result);
      return;
    } catch (error) {
      const reaction = reactionTo(error);
      const divisible =
        part.length > 1 && (reaction === 'split_batch' || reaction === 'isolate_then_dead_letter');
      if (!divisible) {
        if (whole) throw error;
        for (const ret of part) failed.set(ret.return_id, error);
        return;
      }
      const half = Math.ceil(part.length / 2);
      const parts =
        reaction === 'split_batch' ? [part.slice(0, half), part.slice(half)] : part.map((r) => [r]);
      for (const piece of parts) await send(piece, false);
    }
  };
  await send(returns, true);
  return { results, failed };
}
