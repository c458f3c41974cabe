/**
 * `returns.upsert` (shared-types/src/returns/returns-upsert.ts): each TikTok return that sends goods
 * back becomes one return authorization, brought to TikTok's status on every newer payload.
 *
 * Per return: is there work (new, newer payload, or RMA not made yet)? → the TikTok sales order by
 * its externalid → the RMA by the record's link or its externalid (an earlier call may have saved it
 * and stopped) → none: plan (rma-plan.ts) and transform the sales order; one: plan the status change
 * (return-status.ts) and save it → the return record, with its state and what needs attention.
 * The RMA's externalid `tts_ret_<shopId>_<returnId>` makes NetSuite refuse a second one, whatever is
 * retried or sent twice. A return whose order is not a sales order yet is stored `waiting`; one the
 * plan or NetSuite refuses is stored `error` with the fix; the bridge sends both again later.
 *
 * Governance (RESTlet budget 5,000): shop 10 + stored returns 10 + warehouses 10 once, then per
 * return at most 140 (sales order and RMA lookups 30, sales order load 10, transform 10 + save 20,
 * on DUP_RCRD a lookup 10, load 10 + save 20, return record 6 and on DUP_RCRD 16, with room); a
 * call of 20 returns stays under 3,000. Before each return the remaining usage must cover its worst
 * case; when it does not, the call fails with TTS_USAGE_LIMIT naming the first return not handled
 * (those before it are stored).
 */
import type { SuiteScriptError } from 'N/error';
import { RESTLET_ERROR_CODES } from '../../../../shared-types/src/contract/restlet-contract';
import { returnExternalId, salesOrderExternalId } from '../../../../shared-types/src/ids/external-ids';
import type { ReturnWarehouseRow } from '../../../../shared-types/src/returns/rma-plan';
import {
  planReturnAuthorization,
  returnWarehouseLocation,
} from '../../../../shared-types/src/returns/rma-plan';
import { createStatus, planRmaStatus } from '../../../../shared-types/src/returns/return-status';
import type {
  ReturnsUpsertRequest,
  ReturnsUpsertResponse,
  ReturnUpsertResult,
  StoredReturn,
} from '../../../../shared-types/src/returns/returns-upsert';
import { pushReturnsOffNote, returnNeedsWork } from '../../../../shared-types/src/returns/returns-upsert';
import type { TikTokReturn } from '../../../../shared-types/src/returns/tiktok-return';
import { isRmaReturn, sellerDeadline } from '../../../../shared-types/src/returns/tiktok-return';
import {
  createRma,
  findReplacementSalesOrder,
  findRmaByExternalId,
  loadRma,
  readReturnableOrder,
  saveRmaChange,
} from '../dao/return-authorization-dao';
import { findReturnsByExternalId, findReturnShop, writeReturnRecord } from '../dao/return-dao';
import { findSalesOrderByExternalId } from '../dao/sales-order-dao';
import { findWarehousesOfShop } from '../dao/warehouse-dao';
import type { ReturnState } from '../mappers/return-mapper';
import { returnOutcomeWrites, returnPayloadWrites } from '../mappers/return-mapper';
import type { ReturnShop } from '../mappers/shop-mapper';
import { connectorError, errorMessage, errorName } from '../platform/errors';
import { remainingUsage } from '../platform/governance';

/** The worst case of one return (module note). */
export const UNITS_PER_RETURN_WORST = 140;

interface ShopContext {
  shop: ReturnShop;
  shopId: string;
  /** The linked return warehouse's location, read once per call when first needed. */
  returnLocation: () => string | null;
}

interface Work {
  state: ReturnState;
  outcome: ReturnUpsertResult['outcome'];
  rmaId: string | null;
  message: string | null;
}

function shopNotFound(shopId: string): SuiteScriptError {
  return connectorError(
    RESTLET_ERROR_CODES.SHOP_NOT_FOUND,
    `shopId: no TikTok Shop record for shop ${shopId} (externalid tts_shop_${shopId}). Fix: send {"action": "shop.upsert", "shop": {...}} for this shop first, then resend the returns.`,
  );
}

function usageLow(done: number, total: number, ret: TikTokReturn): SuiteScriptError {
  return connectorError(
    RESTLET_ERROR_CODES.USAGE_LIMIT,
    `The RESTlet usage budget ran low after ${done} of ${total} returns; return ${ret.return_id} and those after it were not handled. Fix: send those returns again in a smaller batch.`,
  );
}

function tiktokFields(ret: TikTokReturn, replacementSalesOrderId: string | null) {
  const tracking = ret.return_tracking_number?.trim() ?? '';
  return {
    returnId: ret.return_id,
    returnStatus: ret.return_status,
    deadline: sellerDeadline(ret),
    trackingNumber: tracking === '' ? null : tracking,
    replacementSalesOrderId,
  };
}

/** Brings an existing RMA to TikTok's status. */
function updateRma(ret: TikTokReturn, rmaId: string, replacement: string | null): Work {
  const loaded = loadRma(rmaId);
  const change = planRmaStatus(ret.return_status, loaded.state, ret.arbitration_status);
  saveRmaChange(loaded, change, tiktokFields(ret, replacement));
  return { state: 'created', outcome: 'updated', rmaId, message: change.attention };
}

function newRma(
  ret: TikTokReturn,
  context: ShopContext,
  salesOrderId: string,
  replacement: string | null,
): Work {
  const order = readReturnableOrder(salesOrderId);
  const planned = planReturnAuthorization(ret, {
    shopId: context.shopId,
    salesOrderId,
    orderLines: order.lines,
    returnWarehouseLocationId: context.returnLocation(),
    salesOrderLocationId: order.locationId,
    shopDefaultLocationId: context.shop.locationId,
    replacementSalesOrderId: replacement,
  });
  if (!planned.ok)
    return { state: 'error', outcome: 'error', rmaId: null, message: planned.problems.join(' ') };
  const made = createRma(planned.plan);
  if (made.kind === 'refused') {
    return {
      state: 'error',
      outcome: 'error',
      rmaId: null,
      message: `NetSuite refused to make a return authorization from sales order ${salesOrderId}: ${made.name}: ${made.message}. Fix: a sales order pending approval or closed cannot be returned; approve or reopen it, then the bridge's next send retries.`,
    };
  }
  if (made.kind === 'exists') return updateRma(ret, made.id, replacement);
  const status = createStatus(ret.return_status);
  const attention = planRmaStatus(
    ret.return_status,
    { orderStatus: status.orderStatus, closed: status.close, receivedUnits: 0 },
    ret.arbitration_status,
  ).attention;
  return { state: 'created', outcome: 'created', rmaId: made.id, message: attention };
}

function work(
  ret: TikTokReturn,
  context: ShopContext,
  stored: StoredReturn | null,
  externalId: string,
): Work {
  const salesOrderId = findSalesOrderByExternalId(salesOrderExternalId(context.shopId, ret.order_id));
  if (salesOrderId === null) {
    return {
      state: 'waiting',
      outcome: 'waiting',
      rmaId: null,
      message: `TikTok order ${ret.order_id} is not a sales order in NetSuite yet (see it in the order inbox): the return waits and the bridge sends it again; if the order is in error, fix its import first.`,
    };
  }
  const replacement = ret.return_type === 'REPLACEMENT' ? findReplacementSalesOrder(ret.order_id) : null;
  const rmaId = stored?.rmaId ?? findRmaByExternalId(externalId);
  const done =
    rmaId === null ? newRma(ret, context, salesOrderId, replacement) : updateRma(ret, rmaId, replacement);
  if (done.state === 'created' && replacement === null && ret.return_status === REPLACEMENT_ISSUED) {
    // TikTok issued the replacement as a new order that is not a sales order yet: the return waits, so
    // the bridge sends it again and the RMA is linked once the order import made it.
    return {
      ...done,
      state: 'waiting',
      outcome: 'waiting',
      message: `TikTok issued the replacement order of TikTok order ${ret.order_id}, which is not a sales order in NetSuite yet: the return authorization is linked to it (Replacement Sales Order) once the order import made it; the bridge sends the return again.`,
    };
  }
  return done;
}

/** The status in which TikTok has issued the replacement order (rma-plan.ts). */
const REPLACEMENT_ISSUED = 'REPLACEMENT_REQUEST_COMPLETE';

/** Any NetSuite error of one return is stored on its record, so the others still go through. */
function safeWork(
  ret: TikTokReturn,
  context: ShopContext,
  stored: StoredReturn | null,
  externalId: string,
): Work {
  try {
    return work(ret, context, stored, externalId);
  } catch (e) {
    if (errorName(e) === 'SSS_USAGE_LIMIT_EXCEEDED') throw e;
    return {
      state: 'error',
      outcome: 'error',
      rmaId: stored?.rmaId ?? null,
      message: `NetSuite refused the return authorization of TikTok return ${ret.return_id}: ${errorName(e)}: ${errorMessage(e)}. The bridge sends the return again; if it keeps failing, fix what the message names.`,
    };
  }
}

function handle(
  ret: TikTokReturn,
  context: ShopContext,
  stored: Map<string, StoredReturn>,
): ReturnUpsertResult {
  const externalId = returnExternalId(context.shopId, ret.return_id);
  const existing = stored.get(externalId) ?? null;
  if (returnNeedsWork(existing, ret) === 'none') {
    return { returnId: ret.return_id, outcome: 'unchanged', rmaId: existing?.rmaId ?? null, message: null };
  }
  const done = safeWork(ret, context, existing, externalId);
  writeReturnRecord(existing?.recordId ?? null, externalId, [
    ...returnPayloadWrites(context.shop.id, externalId, ret),
    ...returnOutcomeWrites(done.state, done.rmaId, done.message),
  ]);
  return { returnId: ret.return_id, outcome: done.outcome, rmaId: done.rmaId, message: done.message };
}

export function upsertReturns(request: ReturnsUpsertRequest): ReturnsUpsertResponse {
  const shop = findReturnShop(request.shopId);
  if (shop === null) throw shopNotFound(request.shopId);
  if (!shop.pushReturns) {
    const note = pushReturnsOffNote(shop.name);
    return {
      ok: true,
      results: request.returns.map((ret) => ({
        returnId: ret.return_id,
        outcome: isRmaReturn(ret) ? 'flow_off' : 'not_rma',
        rmaId: null,
        message: isRmaReturn(ret) ? note : null,
      })),
    };
  }
  const externalIds = request.returns
    .filter(isRmaReturn)
    .map((r) => returnExternalId(request.shopId, r.return_id));
  const stored =
    externalIds.length === 0 ? new Map<string, StoredReturn>() : findReturnsByExternalId(externalIds);
  let warehouses: ReturnWarehouseRow[] | null = null;
  const context: ShopContext = {
    shop,
    shopId: request.shopId,
    returnLocation: () => {
      warehouses ??= findWarehousesOfShop(shop.id).map((w) => ({
        recordId: w.recordId,
        type: w.type,
        isDefault: w.isDefault,
        status: w.status,
        locationId: w.locationId,
      }));
      return returnWarehouseLocation(warehouses);
    },
  };
  const results: ReturnUpsertResult[] = [];
  request.returns.forEach((ret, i) => {
    if (!isRmaReturn(ret)) {
      results.push({ returnId: ret.return_id, outcome: 'not_rma', rmaId: null, message: null });
      return;
    }
    if (remainingUsage() < UNITS_PER_RETURN_WORST) throw usageLow(i, request.returns.length, ret);
    results.push(handle(ret, context, stored));
  });
  return { ok: true, results };
}
