/**
 * Warehouses, delivery options and shipping providers (TikTok's Get Warehouse List, TikTok's Get Shipping Providers): a shop's options and the
 * providers of each (domain/seed.ts); an option of another shop or unknown answers 21008116, the option
 * of orders fulfilled by TikTok 21008117 (Get Shipping Providers error table).
 */
import type { SimulatorState } from '../../domain/state';
import { Business } from '../../errors';
import { requireShopId } from '../body';
import type { RouteDef } from '../route-table';

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
          delivery_options: state.deliveryOptions
            .filter((o) => o.shopId === warehouse.shopId)
            .map((o) => ({
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
        const option = state.deliveryOptions.find(
          (o) => o.id === ctx.params.delivery_option_id && o.shopId === requireShopId(ctx.shop),
        );
        if (!option) throw Business.deliveryOptionUnknown();
        if (option.fulfilledByTikTok) throw Business.deliveryOptionByTikTok();
        return {
          shipping_providers: option.providerIds
            .map((id) => state.shippingProviders.find((p) => p.id === id))
            .filter((p) => p !== undefined)
            .map((p) => ({ id: p.id, name: p.name })),
        };
      },
    },
  ];
}
