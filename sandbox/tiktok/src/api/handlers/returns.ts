/**
 * The simulator's return and refund routes (TikTok's return_refund API): search, approve and reject
 * cancellations and returns, reject reasons, return records, Create Return, Calculate Refund,
 * aftersale eligibility.
 */
import { checkSellerCancelReason } from '../../../../../shared-types/src/cancellations/tiktok-cancel-reasons';
import type { Cancellations } from '../../domain/cancellations';
import type { Returns } from '../../domain/returns';
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

/** `skus[{sku_id, quantity}]` of Create Return and Calculate Refund. */
function readSkus(body: Record<string, unknown>): { skuId: string; quantity: number }[] | undefined {
  const skus = optObjectArray(body, 'skus');
  return skus?.map((entry) => ({
    skuId: optString(entry, 'sku_id') ?? '',
    quantity: optInt(entry, 'quantity') ?? 0,
  }));
}

/** Reject bodies' `images[{image_id, mime_type?, height?, width?}]` (absent is fine). */
function validImages(images: unknown): boolean {
  return (
    images === undefined ||
    (Array.isArray(images) &&
      images.every(
        (i) =>
          typeof i === 'object' && i !== null && typeof (i as { image_id?: unknown }).image_id === 'string',
      ))
  );
}

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

/** A return as Search Returns shows it (fields of TikTok's Search Returns page). */
function returnView(state: SimulatorState, r: ReturnRecord) {
  const order = state.orders.get(r.orderId)?.order;
  const lines = order?.line_items.filter((l) => r.lineItemIds.includes(l.id)) ?? [];
  const view: Record<string, unknown> = {
    return_id: r.returnId,
    order_id: r.orderId,
    return_type: r.returnType,
    return_status: r.returnStatus,
    role: r.role,
    return_reason: r.returnReason,
    return_reason_text: r.returnReasonText,
    create_time: r.createTime,
    update_time: r.updateTime,
    seller_next_action_response: r.nextAction
      ? [
          r.nextAction.deadline === undefined
            ? { action: r.nextAction.action }
            : { action: r.nextAction.action, deadline: r.nextAction.deadline },
        ]
      : [],
    refund_amount: r.refund,
    discount_amount: [r.discount],
    shipping_fee_amount: [r.returnShippingFee],
    can_buyer_keep_item: r.canBuyerKeepItem,
    return_line_items: lines.map((line) => ({
      return_line_item_id: line.id,
      order_line_item_id: line.id,
      sku_id: line.sku_id,
      sku_name: line.sku_name ?? '',
      seller_sku: line.seller_sku,
      product_name: line.product_name,
      refund_amount: r.lineRefunds[line.id],
    })),
  };
  if (r.arbitrationStatus !== undefined) view.arbitration_status = r.arbitrationStatus;
  if (r.returnMethod !== undefined) {
    view.return_method = r.returnMethod;
    view.shipment_type = r.returnMethod === 'PLATFORM_SHIPPED' ? 'PLATFORM' : 'BUYER_ARRANGE';
    if (r.handoverMethod !== undefined) view.handover_method = r.handoverMethod;
    const warehouse = [...state.warehouses.values()].find(
      (w) => w.shopId === r.shopId && w.type === 'RETURN_WAREHOUSE',
    );
    if (warehouse) view.return_warehouse_address = { full_address: warehouse.address.full_address };
  }
  if (r.returnTrackingNumber !== undefined) {
    view.return_tracking_number = r.returnTrackingNumber;
    view.return_provider_id = r.returnProviderId;
    view.return_provider_name = r.returnProviderName;
  }
  if (r.sellerProposedReturnType !== undefined) {
    view.seller_proposed_return_type = r.sellerProposedReturnType;
    view.partial_refund = r.partialRefund;
    view.buyer_rejected_partial_refund = r.buyerRejectedPartialRefund === true;
  }
  return view;
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
  const arbitration = optStringArray(ctx.body, 'arbitration_status');
  const proposed = optStringArray(ctx.body, 'seller_proposed_return_type');
  const common = commonFilter(ctx, state);
  const matches = [...state.returns.values()].filter(
    (r) =>
      r.shopId === shopId &&
      (!returnIds || returnIds.includes(r.returnId)) &&
      (!types || types.includes(r.returnType)) &&
      (!statuses || statuses.includes(r.returnStatus)) &&
      (!arbitration || arbitration.includes(r.arbitrationStatus ?? '')) &&
      (!proposed || proposed.includes(r.sellerProposedReturnType ?? '')) &&
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

/** Cancellations and returns (TikTok's Search Cancellations, TikTok's Return and Refund API). */
export function returnRoutes(
  state: SimulatorState,
  cancellations: Cancellations,
  returns: Returns,
): RouteDef[] {
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
        if (!validImages(ctx.body.images)) throw Business.cancelInvalidParam();
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
    {
      method: 'POST',
      pattern: '/return_refund/202309/returns/{return_id}/approve',
      scope: 'seller.return_refund.basic',
      shopLevel: true,
      handler: (ctx) => {
        const keep = ctx.body.buyer_keep_item;
        if (keep !== undefined && typeof keep !== 'boolean') throw Business.cancelInvalidParam();
        const partial = ctx.body.partial_refund;
        if (
          partial !== undefined &&
          (typeof partial !== 'object' || partial === null || Array.isArray(partial))
        )
          throw Business.cancelInvalidParam();
        const offer = partial as { currency?: unknown; amount?: unknown } | undefined;
        returns.approve(
          requireShopId(ctx.shop),
          ctx.params.return_id ?? '',
          {
            decision: optString(ctx.body, 'decision'),
            ...(keep === undefined ? {} : { buyerKeepItem: keep }),
            ...(offer === undefined
              ? {}
              : {
                  partialRefund: {
                    currency: typeof offer.currency === 'string' ? offer.currency : undefined,
                    amount: typeof offer.amount === 'string' ? offer.amount : undefined,
                  },
                }),
          },
          ctx.query.idempotency_key,
        );
        return {};
      },
    },
    {
      method: 'POST',
      pattern: '/return_refund/202309/returns/{return_id}/reject',
      scope: 'seller.return_refund.basic',
      shopLevel: true,
      handler: (ctx) => {
        if (!validImages(ctx.body.images)) throw Business.cancelInvalidParam();
        const comment = ctx.body.comment;
        if (comment !== undefined && typeof comment !== 'string') throw Business.cancelInvalidParam();
        returns.reject(
          requireShopId(ctx.shop),
          ctx.params.return_id ?? '',
          {
            decision: optString(ctx.body, 'decision'),
            reason: optString(ctx.body, 'reject_reason'),
            ...(comment === undefined ? {} : { comment }),
          },
          ctx.query.idempotency_key,
        );
        return {};
      },
    },
    {
      method: 'GET',
      pattern: '/return_refund/202309/reject_reasons',
      scope: 'seller.return_refund.basic',
      shopLevel: true,
      handler: (ctx) => {
        const id = ctx.query.return_or_cancel_id;
        if (!id) throw Gateway.invalidParam('return_or_cancel_id is required');
        return {
          reasons: returns
            .rejectReasons(requireShopId(ctx.shop), id)
            .map((reason) => ({ name: reason.code, text: reason.text })),
        };
      },
    },
    {
      method: 'GET',
      pattern: '/return_refund/202309/returns/{return_id}/records',
      scope: 'seller.return_refund.basic',
      shopLevel: true,
      handler: (ctx) => ({
        records: returns.records(requireShopId(ctx.shop), ctx.params.return_id ?? '').map((event) => ({
          event: 'ORDER_RETURN',
          role: event.role,
          description: event.description,
          reason_text: event.reasonText,
          note: event.note,
          images: [],
          videos: [],
          create_time: event.createTime,
        })),
      }),
    },
    {
      method: 'POST',
      pattern: '/return_refund/202309/returns',
      scope: 'seller.return_refund.basic',
      shopLevel: true,
      handler: (ctx) => {
        if (Object.keys(ctx.body).length === 0) throw Gateway.invalidParam('request body is required');
        const shipment = optString(ctx.body, 'shipment_type');
        const handover = optString(ctx.body, 'handover_method');
        if (shipment !== undefined && shipment !== 'PLATFORM' && shipment !== 'BUYER_ARRANGE')
          throw Business.cancelInvalidParam();
        if (handover !== undefined && handover !== 'DROP_OFF' && handover !== 'PICKUP')
          throw Business.cancelInvalidParam();
        const ret = returns.sellerCreate(requireShopId(ctx.shop), {
          orderId: optString(ctx.body, 'order_id'),
          returnType: optString(ctx.body, 'return_type'),
          reason: optString(ctx.body, 'return_reason'),
          lineItemIds: optStringArray(ctx.body, 'order_line_item_ids'),
          skus: readSkus(ctx.body),
          refundTotal: optString(ctx.body, 'refund_total'),
          currency: optString(ctx.body, 'currency'),
          shipmentType: shipment,
          handoverMethod: handover,
        });
        return { return_id: ret.returnId, return_status: ret.returnStatus };
      },
    },
    {
      method: 'POST',
      pattern: '/return_refund/202309/refunds/calculate',
      scope: 'seller.return_refund.basic',
      shopLevel: true,
      handler: (ctx) => ({
        order_refund_amount: returns.calculate(requireShopId(ctx.shop), {
          orderId: optString(ctx.body, 'order_id'),
          requestType: optString(ctx.body, 'request_type'),
          reasonName: optString(ctx.body, 'reason_name'),
          lineItemIds: optStringArray(ctx.body, 'order_line_item_ids'),
          skus: readSkus(ctx.body),
        }),
      }),
    },
    {
      method: 'GET',
      pattern: '/return_refund/202309/orders/{order_id}/aftersale_eligibility',
      scope: 'seller.return_refund.basic',
      shopLevel: true,
      handler: (ctx) => {
        const user = ctx.query.initiate_aftersale_user || 'SELLER';
        if (user !== 'SELLER' && user !== 'BUYER')
          throw Gateway.invalidParam('initiate_aftersale_user must be SELLER or BUYER');
        return {
          sku_eligibility: returns.eligibility(requireShopId(ctx.shop), ctx.params.order_id ?? '', user),
        };
      },
    },
  ];
}
