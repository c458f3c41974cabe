/**
 * The simulator's fulfillment routes (TikTok's fulfillment API: ship packages, handover slots,
 * shipping services, shipping documents, package detail and search, shipping info updates).
 */
import type { Packages } from '../../domain/packages';
import type { ShippingDocuments } from '../../domain/shipping-documents';
import type { SimulatorState } from '../../domain/state';
import type { OrderRecord, PackageRecord } from '../../domain/types';
import { Business, Gateway } from '../../errors';
import {
  isPositiveDecimal,
  type HandoverMethod,
  type PackageDimension,
  type PackageWeight,
  type PickupSlot,
  type ShippingService,
} from '../../domain/handover';
import {
  optInt,
  optObject,
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

/** `handover_method` (PICKUP | DROP_OFF, 21001001 otherwise) and `pickup_slot{start_time, end_time}`. */
function handoverOf(body: Record<string, unknown>): {
  handoverMethod?: HandoverMethod;
  pickupSlot?: PickupSlot;
} {
  const handover = optString(body, 'handover_method');
  if (handover !== undefined && handover !== 'PICKUP' && handover !== 'DROP_OFF')
    throw Business.fulfillInvalidParams();
  const slot = optObject(body, 'pickup_slot');
  let pickupSlot: PickupSlot | undefined;
  if (slot) {
    const startTime = optInt(slot, 'start_time');
    const endTime = optInt(slot, 'end_time');
    if (startTime === undefined || endTime === undefined || endTime <= startTime)
      throw Business.fulfillInvalidParams();
    pickupSlot = { startTime, endTime };
  }
  return {
    ...(handover === undefined ? {} : { handoverMethod: handover }),
    ...(pickupSlot === undefined ? {} : { pickupSlot }),
  };
}

function shipInput(body: Record<string, unknown>) {
  const self = optObject(body, 'self_shipment');
  return { ...handoverOf(body), ...(self ? { selfShipment: trackingOf(self) } : {}) };
}

function shipPackage(packages: Packages, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  packages.shipPackage(shopId, ctx.params.package_id ?? '', shipInput(ctx.body));
  return {};
}

/** Batch Ship Packages: `packages[{id, handover_method, pickup_slot, self_shipment}]`, refusals in `errors`. */
function batchShip(packages: Packages, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const list = optObjectArray(ctx.body, 'packages');
  if (!list || list.length === 0) throw Business.fulfillInvalidParams();
  const items = list.map((item) => {
    const id = optString(item, 'id');
    if (!id) throw Business.fulfillInvalidParams();
    return { id, ...shipInput(item) };
  });
  const errors = packages.batchShip(shopId, items);
  return errors.length === 0 ? {} : { errors };
}

function handoverSlots(packages: Packages, ctx: ApiContext) {
  const options = packages.handoverOptions(requireShopId(ctx.shop), ctx.params.package_id ?? '');
  return {
    can_pickup: options.canPickup,
    can_drop_off: options.canDropOff,
    ...(options.canVanCollection === undefined ? {} : { can_van_collection: options.canVanCollection }),
    pickup_slots: options.pickupSlots.map((s) => ({
      start_time: s.startTime,
      end_time: s.endTime,
      avaliable: true,
    })),
  };
}

/** `weight{value, unit GRAM|POUND}` and `dimension{length, width, height, unit CM|INCH}` (21001001 when malformed). */
function sizeOf(body: Record<string, unknown>): { weight?: PackageWeight; dimension?: PackageDimension } {
  const weight = optObject(body, 'weight');
  const dimension = optObject(body, 'dimension');
  const out: { weight?: PackageWeight; dimension?: PackageDimension } = {};
  if (weight) {
    const unit = weight.unit;
    if (!isPositiveDecimal(weight.value) || (unit !== 'GRAM' && unit !== 'POUND'))
      throw Business.fulfillInvalidParams();
    out.weight = { value: weight.value, unit };
  }
  if (dimension) {
    const { length, width, height, unit } = dimension;
    if (
      !isPositiveDecimal(length) ||
      !isPositiveDecimal(width) ||
      !isPositiveDecimal(height) ||
      (unit !== 'CM' && unit !== 'INCH')
    )
      throw Business.fulfillInvalidParams();
    out.dimension = { length, width, height, unit };
  }
  return out;
}

function serviceView(s: ShippingService) {
  return {
    id: s.id,
    name: s.name,
    price: s.price,
    currency: s.currency,
    earliest_delivery_days: s.earliestDeliveryDays,
    latest_delivery_days: s.latestDeliveryDays,
    shipping_provider_id: s.shippingProviderId,
    shipping_provider_name: s.shippingProviderName,
  };
}

function eligibleServices(state: SimulatorState, packages: Packages, ctx: ApiContext) {
  const record = ownOrder(state, requireShopId(ctx.shop), ctx.params.order_id);
  const size = sizeOf(ctx.body);
  const lineIds = optStringArray(ctx.body, 'order_line_item_ids');
  const found = packages.eligibleServices(record, { orderLineItemIds: lineIds, ...size });
  return {
    order_id: record.order.id,
    order_line_id: found.lineIds,
    weight: found.weight,
    shipping_services: found.services.map((s) => ({ ...serviceView(s), is_default: s.isDefault })),
    ...(size.dimension ? { dimension: size.dimension } : {}),
  };
}

function createPackages(state: SimulatorState, packages: Packages, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const orderId = optString(ctx.body, 'order_id');
  if (!orderId) throw Business.fulfillInvalidParams();
  const record = ownOrder(state, shopId, orderId);
  const size = sizeOf(ctx.body);
  const { pkg, service, weight } = packages.createPackages(record, {
    orderLineItemIds: optStringArray(ctx.body, 'order_line_item_ids'),
    shippingServiceId: optString(ctx.body, 'shipping_service_id'),
    ...size,
  });
  return {
    order_id: record.order.id,
    order_line_item_ids: [...pkg.lineItemIds],
    ...(size.dimension ? { dimension: size.dimension } : {}),
    shipping_service_info: serviceView(service),
    package_id: pkg.packageId,
    weight,
    create_time: pkg.createTime,
  };
}

/** Get Package Detail `data` (TikTok's fulfillment API; weight, dimensions and insurance are not simulated). */
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
    ...(pkg.pickupSlot
      ? { pickup_slot: { start_time: pkg.pickupSlot.startTime, end_time: pkg.pickupSlot.endTime } }
      : {}),
    ...(pkg.weight ? { weight: { ...pkg.weight } } : {}),
    ...(pkg.dimension ? { dimension: { ...pkg.dimension } } : {}),
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
 * Mark Package As Shipped, Ship Package, Batch Ship Packages, Get Package Handover Time Slots, Get
 * Eligible Shipping Service, Create Packages, Get Package Shipping Document, Get Package Detail, Search
 * Package and Update (Package) Shipping Info (TikTok's fulfillment API; the rules live in domain/packages.ts,
 * domain/handover.ts and domain/shipping-documents.ts).
 */
export function fulfillmentRoutes(
  state: SimulatorState,
  packages: Packages,
  documents: ShippingDocuments,
): RouteDef[] {
  const route = (method: RouteDef['method'], pattern: string, handler: RouteDef['handler']): RouteDef => ({
    method,
    pattern,
    scope: 'seller.fulfillment.basic',
    shopLevel: true,
    handler,
  });
  return [
    route('POST', '/fulfillment/202309/packages/{package_id}/ship', (ctx) => shipPackage(packages, ctx)),
    route('POST', '/fulfillment/202309/packages/ship', (ctx) => batchShip(packages, ctx)),
    {
      method: 'GET',
      pattern: '/fulfillment/202309/packages/{package_id}/handover_time_slots',
      // The page's API package is "Package Split And Combine" (scope seller.fulfillment.package.write).
      scope: 'seller.fulfillment.package.write',
      shopLevel: true,
      handler: (ctx) => handoverSlots(packages, ctx),
    },
    route('POST', '/fulfillment/202309/orders/{order_id}/shipping_services/query', (ctx) =>
      eligibleServices(state, packages, ctx),
    ),
    route('POST', '/fulfillment/202309/packages', (ctx) => createPackages(state, packages, ctx)),
    {
      method: 'GET',
      pattern: '/fulfillment/202309/orders/{order_id}/tracking',
      scope: 'seller.logistics',
      shopLevel: true,
      handler: (ctx) => ({
        tracking: packages
          .trackingEvents(ownOrder(state, requireShopId(ctx.shop), ctx.params.order_id))
          .map((e) => ({ description: e.description, update_time_millis: e.updateTimeMillis })),
      }),
    },
    route('POST', '/fulfillment/202309/orders/{order_id}/packages', (ctx) =>
      markShipped(state, packages, ctx),
    ),
    route('GET', '/fulfillment/202309/packages/{package_id}', (ctx) =>
      packageDetail(state, packages, packages.owned(requireShopId(ctx.shop), ctx.params.package_id ?? '')),
    ),
    route('POST', '/fulfillment/202309/packages/search', (ctx) => searchPackages(state, ctx)),
    route('GET', '/fulfillment/202309/packages/{package_id}/shipping_documents', (ctx) => {
      const doc = documents.create(requireShopId(ctx.shop), ctx.params.package_id ?? '', {
        documentType: ctx.query.document_type || undefined,
        documentSize: ctx.query.document_size || undefined,
        documentFormat: ctx.query.document_format || undefined,
      });
      return { doc_url: doc.docUrl, tracking_number: doc.trackingNumber };
    }),
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
