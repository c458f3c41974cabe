import type { OrderLifecycle } from '../../domain/order-lifecycle';
import type { SimulatorState } from '../../domain/state';
import type { OrderRecord } from '../../domain/types';
import { Business } from '../../errors';
import { optObject, optString, optStringArray, requireShopId } from '../body';
import type { ApiContext, RouteDef } from '../route-table';

function ownOrder(state: SimulatorState, shopId: string, orderId: string | undefined): OrderRecord {
  const record = orderId ? state.orders.get(orderId) : undefined;
  if (!record || record.shopId !== shopId) throw Business.orderNotOwned();
  return record;
}

function orderOfPackage(state: SimulatorState, shopId: string, packageId: string): OrderRecord {
  for (const record of state.orders.values()) {
    if (record.shopId !== shopId) continue;
    if ((record.order.packages ?? []).some((p) => p.id === packageId)) return record;
  }
  throw Business.orderNotOwned();
}

function markShipped(state: SimulatorState, orders: OrderLifecycle, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const record = ownOrder(state, shopId, ctx.params.order_id);
  const trackingNumber = optString(ctx.body, 'tracking_number');
  const shippingProviderId = optString(ctx.body, 'shipping_provider_id');
  const lineIds = optStringArray(ctx.body, 'order_line_item_ids');
  if (!trackingNumber || !shippingProviderId) throw Business.fulfillInvalidParams();
  if (!/^[A-Za-z0-9-]{4,64}$/.test(trackingNumber)) throw Business.trackingProviderInvalid();
  const shipped = orders.markShipped(record, {
    trackingNumber,
    shippingProviderId,
    orderLineItemIds: lineIds,
  });
  return {
    order_id: record.order.id,
    order_line_item_ids: shipped.lineItemIds,
    package_id: shipped.packageId,
  };
}

function shipPackage(state: SimulatorState, orders: OrderLifecycle, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const packageId = ctx.params.package_id ?? '';
  const record = orderOfPackage(state, shopId, packageId);
  const handover = optString(ctx.body, 'handover_method') ?? 'PICKUP';
  if (handover !== 'PICKUP' && handover !== 'DROP_OFF') throw Business.fulfillInvalidParams();
  const self = optObject(ctx.body, 'self_shipment');
  let tracking: { trackingNumber: string; shippingProviderId: string } | undefined;
  if (self) {
    const trackingNumber = optString(self, 'tracking_number');
    const shippingProviderId = optString(self, 'shipping_provider_id');
    if (!trackingNumber || !shippingProviderId) throw Business.fulfillInvalidParams();
    tracking = { trackingNumber, shippingProviderId };
  } else if (record.order.shipping_type === 'SELLER') {
    throw Business.fulfillInvalidParams();
  }
  orders.shipPackage(record, packageId, handover, tracking);
  return {};
}

/** Ship Package and Mark Package As Shipped (reference §6.6). */
export function fulfillmentRoutes(state: SimulatorState, orders: OrderLifecycle): RouteDef[] {
  return [
    {
      method: 'POST',
      pattern: '/fulfillment/202309/packages/{package_id}/ship',
      scope: 'seller.fulfillment.basic',
      shopLevel: true,
      handler: (ctx) => shipPackage(state, orders, ctx),
    },
    {
      method: 'POST',
      pattern: '/fulfillment/202309/orders/{order_id}/packages',
      scope: 'seller.fulfillment.basic',
      shopLevel: true,
      handler: (ctx) => markShipped(state, orders, ctx),
    },
  ];
}
