import type { SimulatorState } from '../../domain/state';
import { Business } from '../../errors';
import { requireShopId } from '../body';
import type { RouteDef } from '../route-table';

/** Warehouses, delivery options and shipping providers (reference §6.4, §6.5). */
export function logisticsRoutes(state: SimulatorState): RouteDef[] {
  return [
    {
      method: 'GET',
      pattern: '/logistics/202309/warehouses',
      scope: 'seller.logistics',
      shopLevel: true,
      handler: (ctx) => ({
        warehouses: state.warehousesOf(requireShopId(ctx.shop)).map((w) => ({
          id: w.id,
          entity_id: w.entityId,
          name: w.name,
          effect_status: w.effectStatus,
          type: w.type,
          sub_type: w.subType,
          is_default: w.isDefault,
          address: { ...w.address },
        })),
      }),
    },
    {
      method: 'GET',
      pattern: '/logistics/202309/warehouses/{warehouse_id}/delivery_options',
      scope: 'seller.logistics',
      shopLevel: true,
      handler: (ctx) => {
        const warehouse = state.warehouses.get(ctx.params.warehouse_id ?? '');
        if (!warehouse || warehouse.shopId !== requireShopId(ctx.shop)) throw Business.warehouseNotExist();
        return {
          delivery_options: state.deliveryOptions.map((o) => ({
            id: o.id,
            name: o.name,
            type: o.type,
            description: o.name,
            platform: ['TIKTOK_SHOP'],
          })),
        };
      },
    },
    {
      method: 'GET',
      pattern: '/logistics/202309/delivery_options/{delivery_option_id}/shipping_providers',
      scope: 'seller.logistics',
      shopLevel: true,
      handler: (ctx) => {
        if (!state.deliveryOptions.some((o) => o.id === ctx.params.delivery_option_id)) {
          throw Business.shippingProviderUnknown();
        }
        return { shipping_providers: state.shippingProviders.map((p) => ({ id: p.id, name: p.name })) };
      },
    },
  ];
}
