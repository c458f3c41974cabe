/**
 * The simulator's order routes: Get Order List (search) and Get Order Detail (at most 50 ids),
 * versions 202309 and 202507.
 */
import { TIKTOK_ORDER_STATUSES } from '../../../../../shared-types/src/tiktok/tiktok-order';
import type { SimulatorState } from '../../domain/state';
import type { OrderRecord } from '../../domain/types';
import { Business, Gateway } from '../../errors';
import {
  optBool,
  optInt,
  optString,
  optStringArray,
  readSortField,
  readSortOrder,
  requireShopId,
  sortBy,
} from '../body';
import { orderView } from '../order-view';
import { paginate, pagingScope, readPageSize } from '../paging';
import type { ApiContext, RouteDef } from '../route-table';

export const MAX_DETAIL_IDS = 50;

function searchOrders(state: SimulatorState, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const pageSize = readPageSize(ctx.query, 1, 100);
  const sortField = readSortField(ctx.query, ['create_time', 'update_time'] as const, 'create_time');
  const sortOrder = readSortOrder(ctx.query, 'DESC');
  const status = optString(ctx.body, 'order_status');
  if (status !== undefined && !(TIKTOK_ORDER_STATUSES as readonly string[]).includes(status)) {
    throw Gateway.invalidParam(`order_status "${status}" is not a valid order status`);
  }
  const createGe = optInt(ctx.body, 'create_time_ge');
  const createLt = optInt(ctx.body, 'create_time_lt');
  const updateGe = optInt(ctx.body, 'update_time_ge');
  const updateLt = optInt(ctx.body, 'update_time_lt');
  const buyer = optString(ctx.body, 'buyer_user_id');
  const shippingType = optString(ctx.body, 'shipping_type');
  if (shippingType !== undefined && shippingType !== 'TIKTOK' && shippingType !== 'SELLER') {
    throw Gateway.invalidParam('shipping_type must be TIKTOK or SELLER');
  }
  const buyerCancel = optBool(ctx.body, 'is_buyer_request_cancel');
  const warehouseIds = optStringArray(ctx.body, 'warehouse_ids');
  if (warehouseIds && warehouseIds.length > 100)
    throw Gateway.invalidParam('warehouse_ids allows at most 100 ids');
  const matches = [...state.orders.values()].filter((record) => {
    const o = record.order;
    return (
      record.shopId === shopId &&
      (status === undefined || o.status === status) &&
      (createGe === undefined || o.create_time >= createGe) &&
      (createLt === undefined || o.create_time < createLt) &&
      (updateGe === undefined || o.update_time >= updateGe) &&
      (updateLt === undefined || o.update_time < updateLt) &&
      (buyer === undefined || o.user_id === buyer) &&
      (shippingType === undefined || o.shipping_type === shippingType) &&
      (buyerCancel === undefined || (o.is_buyer_request_cancel === true) === buyerCancel) &&
      (warehouseIds === undefined || (o.warehouse_id !== undefined && warehouseIds.includes(o.warehouse_id)))
    );
  });
  const sorted = sortBy(
    matches,
    (r: OrderRecord) => (sortField === 'update_time' ? r.order.update_time : r.order.create_time),
    (r) => r.order.id,
    sortOrder,
  );
  const scope = pagingScope(['orders', shopId, sortField, sortOrder, ctx.body, pageSize]);
  const page = paginate(sorted, pageSize, ctx.query.page_token || undefined, scope);
  return {
    next_page_token: page.nextPageToken,
    total_count: page.totalCount,
    orders: page.items.map((record) => orderView(record, 'list')),
  };
}

function orderDetail(state: SimulatorState, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const raw = ctx.query.ids;
  if (!raw) throw Gateway.invalidParam('ids is required');
  const ids = raw.split(',').map((id) => id.trim());
  if (ids.some((id) => id === ''))
    throw Gateway.invalidParam('ids must be a comma-separated list of order ids');
  if (ids.length > MAX_DETAIL_IDS) {
    throw Gateway.invalidParam(`ids accepts at most ${MAX_DETAIL_IDS} order ids, got ${ids.length}`);
  }
  const orders = ids.map((id) => {
    const record = state.orders.get(id);
    if (!record || record.shopId !== shopId) throw Business.orderNotOwned();
    return orderView(record, 'detail');
  });
  return { orders };
}

/** Order search and detail (TikTok's Get Order Detail). */
export function orderRoutes(state: SimulatorState): RouteDef[] {
  return [
    {
      method: 'POST',
      pattern: '/order/202309/orders/search',
      scope: 'seller.order.info',
      shopLevel: true,
      handler: (ctx) => searchOrders(state, ctx),
    },
    {
      method: 'GET',
      pattern: '/order/202309/orders',
      scope: 'seller.order.info',
      shopLevel: true,
      handler: (ctx) => orderDetail(state, ctx),
    },
    {
      method: 'GET',
      pattern: '/order/202507/orders',
      scope: 'seller.order.info',
      shopLevel: true,
      handler: (ctx) => orderDetail(state, ctx),
    },
  ];
}
