import type { Packages } from '../../domain/packages';
import type { SimulatorState } from '../../domain/state';
import type { OrderRecord, PackageRecord } from '../../domain/types';
import { Business, Gateway } from '../../errors';
import {
  optInt,
  optObject,
  optString,
  optStringArray,
  readSortField,
  readSortOrder,
  requireShopId,
  sortBy,
} from '../body';
import { paginate, pagingScope, readPageSize } from '../paging';
import type { ApiContext, RouteDef } from '../route-table';

function ownOrder(state: SimulatorState, shopId: string, orderId: string | undefined): OrderRecord {
  const record = orderId ? state.orders.get(orderId) : undefined;
  if (!record || record.shopId !== shopId) throw Business.orderNotOwned();
  return record;
}

/** `{tracking_number, shipping_provider_id}`, both required (21001001 otherwise). */
function trackingOf(body: Record<string, unknown>): { trackingNumber: string; shippingProviderId: string } {
  const trackingNumber = optString(body, 'tracking_number');
  const shippingProviderId = optString(body, 'shipping_provider_id');
  if (!trackingNumber || !shippingProviderId) throw Business.fulfillInvalidParams();
  return { trackingNumber, shippingProviderId };
}

function markShipped(state: SimulatorState, packages: Packages, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const record = ownOrder(state, shopId, ctx.params.order_id);
  const tracking = trackingOf(ctx.body);
  const lineIds = optStringArray(ctx.body, 'order_line_item_ids');
  const { pkg, warning } = packages.markShipped(record, { ...tracking, orderLineItemIds: lineIds });
  return {
    order_id: record.order.id,
    order_line_item_ids: [...pkg.lineItemIds],
    package_id: pkg.packageId,
    ...(warning === undefined ? {} : { warning: { message: warning } }),
  };
}

function shipPackage(packages: Packages, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const handover = optString(ctx.body, 'handover_method') ?? 'PICKUP';
  if (handover !== 'PICKUP' && handover !== 'DROP_OFF') throw Business.fulfillInvalidParams();
  const self = optObject(ctx.body, 'self_shipment');
  packages.shipPackage(shopId, ctx.params.package_id ?? '', handover, self ? trackingOf(self) : undefined);
  return {};
}

/** Get Package Detail `data` (reference §6.6; weight, dimensions and insurance are not simulated). */
function packageDetail(state: SimulatorState, packages: Packages, pkg: PackageRecord) {
  const record = state.orders.get(pkg.orderId);
  const order = record?.order;
  const option = record ? packages.optionOf(record) : undefined;
  const warehouse = order?.warehouse_id ? state.warehouses.get(order.warehouse_id) : undefined;
  const skus = new Set(
    (order?.line_items ?? []).filter((l) => pkg.lineItemIds.includes(l.id)).map((l) => l.sku_id),
  );
  const recipient = order?.recipient_address;
  return {
    package_id: pkg.packageId,
    orders: [{ id: pkg.orderId }],
    package_status: pkg.status,
    split_and_combine_tag: pkg.splitTag,
    has_multi_skus: skus.size > 1,
    note_tag: order?.buyer_message ? 'BUYER_NOTED' : 'BUYER_UNNOTED',
    shipping_provider_name: pkg.shippingProviderName,
    shipping_provider_id: pkg.shippingProviderId,
    shipping_type: order?.shipping_type ?? 'SELLER',
    delivery_option_name: option?.name ?? '',
    delivery_option_id: option?.id ?? '',
    tracking_number: pkg.trackingNumber,
    create_time: pkg.createTime,
    update_time: pkg.updateTime,
    ...(pkg.handoverMethod ? { handover_method: pkg.handoverMethod } : {}),
    order_line_item_ids: [...pkg.lineItemIds],
    recipient_address: {
      full_address: recipient?.full_address ?? '',
      phone_number: recipient?.phone_number ?? '',
      name: recipient?.name ?? '',
      postal_code: recipient?.postal_code ?? '',
      region_code: recipient?.region_code ?? '',
    },
    ...(warehouse
      ? {
          sender_address: {
            full_address: warehouse.address.full_address,
            phone_number: warehouse.address.phone_number,
            name: warehouse.address.contact_person,
            postal_code: warehouse.address.postal_code,
            region_code: warehouse.address.region_code,
          },
        }
      : {}),
  };
}

const PACKAGE_STATUSES = ['PROCESSING', 'FULFILLING', 'COMPLETED', 'CANCELLED'];

/** Search Package: shipped packages of the shop (a package waiting to ship has no documented status). */
function searchPackages(state: SimulatorState, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const pageSize = readPageSize(ctx.query, 1, 50);
  const sortField = readSortField(
    ctx.query,
    ['create_time', 'update_time', 'order_pay_time'] as const,
    'create_time',
  );
  const sortOrder = readSortOrder(ctx.query, 'DESC');
  const status = optString(ctx.body, 'package_status');
  if (status !== undefined && !PACKAGE_STATUSES.includes(status))
    throw Gateway.invalidParam(`package_status must be one of ${PACKAGE_STATUSES.join(', ')}`);
  const createGe = optInt(ctx.body, 'create_time_ge');
  const createLt = optInt(ctx.body, 'create_time_lt');
  const updateGe = optInt(ctx.body, 'update_time_ge');
  const updateLt = optInt(ctx.body, 'update_time_lt');
  const matches = [...state.packages.values()].filter(
    (p) =>
      p.shopId === shopId &&
      p.status !== 'TO_FULFILL' &&
      (status === undefined || p.status === status) &&
      (createGe === undefined || p.createTime >= createGe) &&
      (createLt === undefined || p.createTime < createLt) &&
      (updateGe === undefined || p.updateTime >= updateGe) &&
      (updateLt === undefined || p.updateTime < updateLt),
  );
  const key = (p: PackageRecord) =>
    sortField === 'update_time'
      ? p.updateTime
      : sortField === 'order_pay_time'
        ? (state.orders.get(p.orderId)?.order.paid_time ?? 0)
        : p.createTime;
  const sorted = sortBy(matches, key, (p) => p.packageId, sortOrder);
  const page = paginate(
    sorted,
    pageSize,
    ctx.query.page_token || undefined,
    pagingScope(['packages', shopId, ctx.body, sortField, sortOrder]),
  );
  return {
    packages: page.items.map((p) => ({
      id: p.packageId,
      orders: [{ id: p.orderId }],
      create_time: p.createTime,
      update_time: p.updateTime,
      status: p.status,
      tracking_number: p.trackingNumber,
      shipping_provider_name: p.shippingProviderName,
      shipping_provider_id: p.shippingProviderId,
      order_line_item_ids: [...p.lineItemIds],
    })),
    total_count: page.totalCount,
    next_page_token: page.nextPageToken,
  };
}

/**
 * Mark Package As Shipped, Ship Package, Get Package Detail, Search Package and Update (Package)
 * Shipping Info (reference §6.6; the rules live in domain/packages.ts).
 */
export function fulfillmentRoutes(state: SimulatorState, packages: Packages): RouteDef[] {
  const route = (method: RouteDef['method'], pattern: string, handler: RouteDef['handler']): RouteDef => ({
    method,
    pattern,
    scope: 'seller.fulfillment.basic',
    shopLevel: true,
    handler,
  });
  return [
    route('POST', '/fulfillment/202309/packages/{package_id}/ship', (ctx) => shipPackage(packages, ctx)),
    route('POST', '/fulfillment/202309/orders/{order_id}/packages', (ctx) =>
      markShipped(state, packages, ctx),
    ),
    route('GET', '/fulfillment/202309/packages/{package_id}', (ctx) =>
      packageDetail(state, packages, packages.owned(requireShopId(ctx.shop), ctx.params.package_id ?? '')),
    ),
    route('POST', '/fulfillment/202309/packages/search', (ctx) => searchPackages(state, ctx)),
    route('POST', '/fulfillment/202309/orders/{order_id}/shipping_info/update', (ctx) => {
      const record = ownOrder(state, requireShopId(ctx.shop), ctx.params.order_id);
      packages.updateShippingInfo({ record }, trackingOf(ctx.body));
      return {};
    }),
    route('POST', '/fulfillment/202309/packages/{package_id}/shipping_info/update', (ctx) => {
      const pkg = packages.owned(requireShopId(ctx.shop), ctx.params.package_id ?? '');
      packages.updateShippingInfo({ pkg }, trackingOf(ctx.body));
      return {};
    }),
  ];
}
