/**
 * `orders.upsert`: stores each order in the inbox, then queues the import.
 *
 * Governance for 50 orders (RESTlet budget 5,000): shop lookup 10 + one inbox lookup for all
 * orders 10 + per order at most 6 (create 2 + save 4; an update is one submitFields, 2) + task
 * submits 2 × 20 = 360 units. Each order is one write, so an order is either stored or not; before
 * each write the remaining usage must cover the worst case of that order plus both task submits.
 * When it does not, the orders stored so far are queued, the execution log says what was stored,
 * and the call fails with TTS_USAGE_LIMIT naming the first order not stored.
 *
 * A newer payload of an order that already is a sales order is stored and flagged for the
 * order-updates map/reduce, which is submitted after the batch.
 */
import type { SuiteScriptError } from 'N/error';
import * as log from 'N/log';
import { inboxExternalId } from '../../../../shared-types/src/ids/external-ids';
import type { InboxDecision, InboxSnapshot } from '../../../../shared-types/src/inbox/inbox-upsert';
import {
  decideInboxUpsert,
  hasSalesOrder,
  pushOrdersOffNote,
} from '../../../../shared-types/src/inbox/inbox-upsert';
import type {
  OrdersUpsertRequest,
  OrdersUpsertResponse,
  OrderUpsertOutcome,
} from '../../../../shared-types/src/contract/restlet-contract';
import { RESTLET_ERROR_CODES } from '../../../../shared-types/src/contract/restlet-contract';
import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import { createInbox, findInboxesByExternalId, updateInbox } from '../dao/order-inbox-dao';
import { findShop } from '../dao/shop-dao';
import type { ShopRef } from '../mappers/shop-mapper';
import { connectorError, isDuplicateRecord } from '../platform/errors';
import { remainingUsage } from '../platform/governance';
import { submitImport, TASK_SUBMIT_UNITS } from '../platform/import-task';
import { submitOrderUpdates } from '../platform/update-task';

/** Worst case of one order: create 2 + save 4, and on DUP_RCRD a lookup 10 + submitFields 2. */
const UNITS_PER_ORDER_WORST = 18;
/** The import (main, then continuation deployment) and the order updates may all be submitted. */
const SUBMIT_UNITS = 3 * TASK_SUBMIT_UNITS;

interface Queued {
  importNeeded: boolean;
  updatesNeeded: boolean;
}

function submitQueued(queued: Queued): { importQueued: boolean; updatesQueued: boolean } {
  return {
    importQueued: queued.importNeeded ? submitImport() : false,
    updatesQueued: queued.updatesNeeded ? submitOrderUpdates() : false,
  };
}

function pausedNoteOf(shop: ShopRef): string | null {
  return shop.pushOrders ? null : pushOrdersOffNote(shop.name);
}

function shopNotFound(shopId: string): SuiteScriptError {
  return connectorError(
    RESTLET_ERROR_CODES.SHOP_NOT_FOUND,
    `shopId: no TikTok Shop record for shop ${shopId} (externalid tts_shop_${shopId}). Fix: send {"action": "shop.upsert", "shop": {...}} for this shop first (the bridge does this when the shop is connected), then resend the orders.`,
  );
}

function usageLow(stored: number, total: number, order: TikTokOrder): SuiteScriptError {
  return connectorError(
    RESTLET_ERROR_CODES.USAGE_LIMIT,
    `The RESTlet usage budget ran low after storing ${stored} of ${total} orders; order ${order.id} and those after it were not stored. Fix: send those orders again in a smaller batch (orders already stored come back "unchanged").`,
  );
}

function writeOrder(
  decision: InboxDecision,
  existing: InboxSnapshot | null,
  externalId: string,
  order: TikTokOrder,
  shop: ShopRef,
): { outcome: OrderUpsertOutcome; inboxId: string } {
  if (decision.outcome === 'created') {
    try {
      return {
        outcome: 'created',
        inboxId: createInbox(externalId, `TikTok order ${order.id}`, decision.values),
      };
    } catch (e) {
      // A concurrent call stored the same order between the lookup and the save: decide again.
      const raced = isDuplicateRecord(e)
        ? (findInboxesByExternalId([externalId]).get(externalId) ?? null)
        : null;
      if (raced === null) {
        throw e;
      }
      const again = decideInboxUpsert(raced, order, shop.id, pausedNoteOf(shop));
      return writeOrder(again, raced, externalId, order, shop);
    }
  }
  if (existing === null) {
    throw new Error(`inbox record ${externalId} vanished while it was being updated`);
  }
  if (decision.outcome === 'updated') {
    updateInbox(existing.id, decision.values);
  }
  return { outcome: decision.outcome, inboxId: existing.id };
}

function snapshotAfter(
  decision: InboxDecision,
  before: InboxSnapshot | null,
  inboxId: string,
): InboxSnapshot | null {
  if (decision.outcome === 'created' || decision.outcome === 'updated') {
    const { state, updateTime } = decision.values;
    return {
      id: inboxId,
      updateTime: updateTime ?? before?.updateTime ?? null,
      state: state ?? before?.state ?? null,
      salesOrderId: before?.salesOrderId ?? null,
    };
  }
  return before;
}

export function upsertOrders(request: OrdersUpsertRequest): OrdersUpsertResponse {
  const shop = findShop(request.shopId);
  if (shop === null) {
    throw shopNotFound(request.shopId);
  }
  const externalIds = request.orders.map((order) => inboxExternalId(request.shopId, order.id));
  const known = findInboxesByExternalId(externalIds);
  const results: OrdersUpsertResponse['results'] = [];
  const queued: Queued = { importNeeded: false, updatesNeeded: false };
  for (const [index, order] of request.orders.entries()) {
    const externalId = externalIds[index];
    const existing = known.get(externalId) ?? null;
    const decision = decideInboxUpsert(existing, order, shop.id, pausedNoteOf(shop));
    if (decision.outcome === 'created' || decision.outcome === 'updated') {
      if (remainingUsage() < UNITS_PER_ORDER_WORST + SUBMIT_UNITS) {
        const { importQueued, updatesQueued } = submitQueued(queued);
        const error = usageLow(index, request.orders.length, order);
        log.error({
          title: 'orders.upsert stopped: usage low',
          details: `shop ${request.shopId}: ${error.message} Stored: ${results.map((r) => `${r.orderId}=${r.outcome}`).join(', ') || 'none'}; import queued: ${importQueued}; updates queued: ${updatesQueued}`,
        });
        throw error;
      }
    }
    const written = writeOrder(decision, existing, externalId, order, shop);
    const after = snapshotAfter(decision, existing, written.inboxId);
    if (after !== null) {
      // The same order twice in one call: the second sees the first.
      known.set(externalId, after);
    }
    const stored = written.outcome !== 'unchanged' && written.outcome !== 'stale';
    queued.importNeeded ||= stored && after?.state === 'pending';
    queued.updatesNeeded ||= stored && after !== null && hasSalesOrder(after);
    results.push({ orderId: order.id, inboxId: written.inboxId, outcome: written.outcome });
  }
  const { importQueued, updatesQueued } = submitQueued(queued);
  log.audit({
    title: 'orders.upsert',
    details: `shop ${request.shopId}: ${results.map((r) => `${r.orderId}=${r.outcome}`).join(', ')}; import queued: ${importQueued}; updates queued: ${updatesQueued}`,
  });
  return { ok: true, results, importQueued, updatesQueued };
}
