import { checkSellerCancelReason } from '../../../../../shared-types/src/cancellations/tiktok-cancel-reasons';
import type { Cancellations } from '../../domain/cancellations';
import type { SimulatorState } from '../../domain/state';
import type { Cancellation, OrderRecord, ReturnRecord } from '../../domain/types';
import { Business, Gateway } from '../../errors';
import { parseMinor, formatMinor } from '../../money';
import {
  optInt,
  optObjectArray,
  optString,
  optStringArray,
  readSortField,
  readSortOrder,
  requireShopId,
  sortBy,
} from '../body';
import { paginate, pagingScope, readPageSize } from '../paging';
import type { ApiContext, RouteDef } from '../route-table';

const PARTIAL_CANCEL_REGIONS = ['US', 'GB'];

function lineRefunds(record: OrderRecord | undefined, lineIds: string[]) {
  const lines = record?.order.line_items.filter((l) => lineIds.includes(l.id)) ?? [];
  return lines.map((line) => {
    const sale = parseMinor(line.sale_price, line.currency) ?? 0;
    const tax = parseMinor(line.item_tax?.[0]?.tax_amount ?? '0', line.currency) ?? 0;
    return {
      line,
      refund_amount: {
        currency: line.currency,
        refund_total: formatMinor(sale + tax, line.currency),
        refund_subtotal: formatMinor(sale, line.currency),
        refund_shipping_fee: formatMinor(0, line.currency),
        refund_tax: formatMinor(tax, line.currency),
      },
    };
  });
}

function cancellationView(state: SimulatorState, c: Cancellation) {
  return {
    cancel_id: c.cancelId,
    order_id: c.orderId,
    cancel_type: c.cancelType,
    cancel_status: c.cancelStatus,
    role: c.role,
    cancel_reason: c.cancelReason,
    cancel_reason_text: c.cancelReasonText,
    create_time: c.createTime,
    update_time: c.updateTime,
    seller_next_action_response:
      c.deadline === undefined ? [] : [{ action: 'SELLER_RESPOND_CANCEL', deadline: c.deadline }],
    refund_amount: c.refund,
    cancel_line_items: lineRefunds(state.orders.get(c.orderId), c.lineItemIds).map(
      ({ line, refund_amount }) => ({
        cancel_line_item_id: line.id,
        order_line_item_id: line.id,
        sku_id: line.sku_id,
        sku_name: line.sku_name ?? '',
        product_name: line.product_name,
        seller_sku: line.seller_sku,
        refund_amount,
      }),
    ),
  };
}

function returnView(state: SimulatorState, r: ReturnRecord) {
  return {
    return_id: r.returnId,
    order_id: r.orderId,
    return_type: r.returnType,
    return_status: r.returnStatus,
    role: r.role,
    return_reason: r.returnReason,
    return_reason_text: r.returnReasonText,
    arbitration_status: '',
    create_time: r.createTime,
    update_time: r.updateTime,
    refund_amount: r.refund,
    return_line_items: lineRefunds(state.orders.get(r.orderId), r.lineItemIds).map(
      ({ line, refund_amount }) => ({
        return_line_item_id: line.id,
        order_line_item_id: line.id,
        sku_id: line.sku_id,
        seller_sku: line.seller_sku,
        product_name: line.product_name,
        refund_amount,
      }),
    ),
  };
}

interface CommonRecord {
  orderId: string;
  createTime: number;
  updateTime: number;
}

function commonFilter(ctx: ApiContext, state: SimulatorState) {
  const orderIds = optStringArray(ctx.body, 'order_ids');
  const buyers = optStringArray(ctx.body, 'buyer_user_ids');
  const createGe = optInt(ctx.body, 'create_time_ge');
  const createLt = optInt(ctx.body, 'create_time_lt');
  const updateGe = optInt(ctx.body, 'update_time_ge');
  const updateLt = optInt(ctx.body, 'update_time_lt');
  return (r: CommonRecord) =>
    (!orderIds || orderIds.includes(r.orderId)) &&
    (!buyers || buyers.includes(state.orders.get(r.orderId)?.order.user_id ?? '')) &&
    (createGe === undefined || r.createTime >= createGe) &&
    (createLt === undefined || r.createTime < createLt) &&
    (updateGe === undefined || r.updateTime >= updateGe) &&
    (updateLt === undefined || r.updateTime < updateLt);
}

function sortAndPage<T extends CommonRecord>(
  ctx: ApiContext,
  items: T[],
  id: (t: T) => string,
  minPage: number,
  scope: string,
) {
  const pageSize = readPageSize(ctx.query, minPage, 50, 10);
  const field = readSortField(ctx.query, ['create_time', 'update_time'] as const, 'create_time');
  const order = readSortOrder(ctx.query, 'ASC');
  const sorted = sortBy(items, (t) => (field === 'update_time' ? t.updateTime : t.createTime), id, order);
  return paginate(
    sorted,
    pageSize,
    ctx.query.page_token || undefined,
    pagingScope([scope, field, order, ctx.body, pageSize]),
  );
}

function searchCancellations(state: SimulatorState, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const cancelIds = optStringArray(ctx.body, 'cancel_ids');
  const types = optStringArray(ctx.body, 'cancel_types');
  // The request enum spells the closed status CANCELLATION_REQUEST_CANCEL, the response
  // CANCELLATION_REQUEST_CANCELLED (Search Cancellations page); both are taken.
  const statuses = optStringArray(ctx.body, 'cancel_status')?.map((status) =>
    status === 'CANCELLATION_REQUEST_CANCEL' ? 'CANCELLATION_REQUEST_CANCELLED' : status,
  );
  const common = commonFilter(ctx, state);
  const matches = [...state.cancellations.values()].filter(
    (c) =>
      c.shopId === shopId &&
      (!cancelIds || cancelIds.includes(c.cancelId)) &&
      (!types || types.includes(c.cancelType)) &&
      (!statuses || statuses.includes(c.cancelStatus)) &&
      common(c),
  );
  const page = sortAndPage(ctx, matches, (c) => c.cancelId, 1, `cancellations:${shopId}`);
  return {
    cancellations: page.items.map((c) => cancellationView(state, c)),
    total_count: page.totalCount,
    next_page_token: page.nextPageToken,
  };
}

function searchReturns(state: SimulatorState, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const returnIds = optStringArray(ctx.body, 'return_ids');
  const types = optStringArray(ctx.body, 'return_types');
  const statuses = optStringArray(ctx.body, 'return_status');
  const common = commonFilter(ctx, state);
  const matches = [...state.returns.values()].filter(
    (r) =>
      r.shopId === shopId &&
      (!returnIds || returnIds.includes(r.returnId)) &&
      (!types || types.includes(r.returnType)) &&
      (!statuses || statuses.includes(r.returnStatus)) &&
      common(r),
  );
  const page = sortAndPage(ctx, matches, (r) => r.returnId, 10, `returns:${shopId}`);
  return {
    return_orders: page.items.map((r) => returnView(state, r)),
    total_count: page.totalCount,
    next_page_token: page.nextPageToken,
  };
}

function sellerCancel(state: SimulatorState, cancellations: Cancellations, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const shop = state.requireShop(shopId);
  const orderId = optString(ctx.body, 'order_id');
  const reason = optString(ctx.body, 'cancel_reason');
  if (!orderId || !reason) throw Business.cancelInvalidParam();
  const record = state.orders.get(orderId);
  if (!record || record.shopId !== shopId) throw Business.cancelNoPermission();
  const status = record.order.status;
  if (status === 'CANCELLED') throw Business.cancelAlreadyInProcess();
  if (status === 'DELIVERED' || status === 'COMPLETED') throw Business.cancelOrderClosed();
  if (status === 'IN_TRANSIT' || (status === 'AWAITING_COLLECTION' && shop.region !== 'US')) {
    throw Business.cancelAlreadyShipped();
  }
  const check = checkSellerCancelReason(shop.region, status, reason);
  if (check === 'status_mismatch') throw Business.cancelReasonNotMatchStatus();
  if (check === 'retired') throw Business.cancelReasonOffline();
  if (check === 'unknown') throw Business.cancelUnknownReason();
  let lineIds = optStringArray(ctx.body, 'order_line_item_ids') ?? [];
  const skus = optObjectArray(ctx.body, 'skus') ?? [];
  for (const entry of skus) {
    const skuId = optString(entry, 'sku_id');
    const quantity = optInt(entry, 'quantity');
    if (!skuId || !quantity) throw Business.cancelInvalidParam();
    const open = record.order.line_items.filter(
      (l) => l.sku_id === skuId && l.display_status !== 'CANCELLED' && !lineIds.includes(l.id),
    );
    if (open.length < quantity) throw Business.cancelInvalidParam();
    lineIds = [...lineIds, ...open.slice(0, quantity).map((l) => l.id)];
  }
  const open = record.order.line_items.filter((l) => l.display_status !== 'CANCELLED');
  if (lineIds.some((id) => !open.some((l) => l.id === id))) throw Business.cancelInvalidParam();
  const partial = lineIds.length > 0 && lineIds.length < open.length;
  if (partial && !PARTIAL_CANCEL_REGIONS.includes(shop.region)) throw Business.cancelLineItemsNotAllowed();
  const cancellation = cancellations.cancel({ orderId, role: 'SELLER', reason, lineItemIds: lineIds });
  return { cancel_id: cancellation.cancelId, cancel_status: 'CANCELLATION_REQUEST_SUCCESS' };
}

/** Cancellations and returns (reference §6.7, §6.8). */
export function returnRoutes(state: SimulatorState, cancellations: Cancellations): RouteDef[] {
  return [
    {
      method: 'POST',
      pattern: '/return_refund/202309/cancellations/search',
      scope: 'seller.return_refund.basic',
      shopLevel: true,
      handler: (ctx) => searchCancellations(state, ctx),
    },
    {
      method: 'POST',
      pattern: '/return_refund/202309/returns/search',
      scope: 'seller.return_refund.basic',
      shopLevel: true,
      handler: (ctx) => searchReturns(state, ctx),
    },
    {
      method: 'POST',
      pattern: '/return_refund/202309/cancellations',
      scope: 'seller.return_refund.basic',
      shopLevel: true,
      handler: (ctx) => {
        if (Object.keys(ctx.body).length === 0) throw Gateway.invalidParam('request body is required');
        return sellerCancel(state, cancellations, ctx);
      },
    },
    {
      method: 'POST',
      pattern: '/return_refund/202309/cancellations/{cancel_id}/approve',
      scope: 'seller.return_refund.basic',
      shopLevel: true,
      handler: (ctx) => {
        cancellations.approve(requireShopId(ctx.shop), ctx.params.cancel_id ?? '', ctx.query.idempotency_key);
        return {};
      },
    },
    {
      method: 'POST',
      pattern: '/return_refund/202309/cancellations/{cancel_id}/reject',
      scope: 'seller.return_refund.basic',
      shopLevel: true,
      handler: (ctx) => {
        const images = ctx.body.images;
        if (
          images !== undefined &&
          (!Array.isArray(images) ||
            images.some(
              (i) =>
                typeof i !== 'object' ||
                i === null ||
                typeof (i as { image_id?: unknown }).image_id !== 'string',
            ))
        ) {
          throw Business.cancelInvalidParam();
        }
        const comment = ctx.body.comment;
        if (comment !== undefined && typeof comment !== 'string') throw Business.cancelInvalidParam();
        cancellations.reject(
          requireShopId(ctx.shop),
          ctx.params.cancel_id ?? '',
          { reason: optString(ctx.body, 'reject_reason'), comment },
          ctx.query.idempotency_key,
        );
        return {};
      },
    },
  ];
}
