/** `GET /authorization/202309/shops` — seller-level, no shop_cipher (TikTok's Get Authorized Shops). */
import type { SimulatorState } from '../../domain/state';
import type { RouteDef } from '../route-table';

export function shopRoutes(state: SimulatorState): RouteDef[] {
  return [
    {
      method: 'GET',
      pattern: '/authorization/202309/shops',
      scope: 'seller.authorization.info',
      shopLevel: false,
      handler: ({ authorization }) => ({
        shops: authorization.shopIds
          .map((id) => state.shops.get(id))
          .filter((shop) => shop !== undefined)
          .map((shop) => ({
            id: shop.id,
            name: shop.name,
            region: shop.region,
            seller_type: shop.sellerType,
            cipher: shop.cipher,
            code: shop.code,
          })),
      }),
    },
  ];
}
