import type { ShopSettings } from '../../shared-types/src/settings/shop-settings';
import type { TikTokLineItem, TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';

/** Test data: a paid US order shaped like TikTok's order detail, with overridable parts. */
export function lineItem(overrides: Partial<TikTokLineItem> = {}): TikTokLineItem {
  return {
    id: '577086512123755123',
    sku_id: '1729592969712207000',
    product_id: '1729587769570287000',
    product_name: 'Ceramic Mug',
    sku_name: 'Red',
    seller_sku: 'MUG-RED',
    original_price: '15.00',
    sale_price: '12.50',
    platform_discount: '1.00',
    seller_discount: '1.50',
    currency: 'USD',
    display_status: 'AWAITING_SHIPMENT',
    ...overrides,
  };
}

export function order(overrides: Partial<TikTokOrder> = {}): TikTokOrder {
  return {
    id: '576461413038785752',
    status: 'AWAITING_SHIPMENT',
    create_time: 1700000000,
    update_time: 1700000100,
    paid_time: 1700000050,
    user_id: '7021436810468230000',
    buyer_email: 'v2b2V5@chat.seller.tiktok.com',
    buyer_message: '',
    payment: {
      currency: 'USD',
      sub_total: '25.00',
      shipping_fee: '5.99',
      seller_discount: '3.00',
      platform_discount: '2.00',
      total_amount: '33.05',
      original_total_product_price: '30.00',
      original_shipping_fee: '5.99',
      tax: '2.06',
    },
    payment_method_name: 'CCDC',
    recipient_address: {
      name: 'Jane Doe',
      first_name: 'Jane',
      last_name: 'Doe',
      phone_number: '(+1)213-555-0100',
      full_address: '1 Main St, Apt 2, Los Angeles, California, 90001, United States',
      address_line1: '1 Main St',
      address_line2: 'Apt 2',
      postal_code: '90001',
      region_code: 'US',
      district_info: [
        { address_level_name: 'Country', address_name: 'United States', address_level: 'L0' },
        { address_level_name: 'State', address_name: 'California', address_level: 'L1' },
        { address_level_name: 'County', address_name: 'Los Angeles County', address_level: 'L2' },
        { address_level_name: 'City', address_name: 'Los Angeles', address_level: 'L3' },
      ],
    },
    line_items: [lineItem({ id: '1001' }), lineItem({ id: '1002' })],
    ...overrides,
  };
}

export function shop(overrides: Partial<ShopSettings> = {}): ShopSettings {
  return {
    recordId: '7',
    shopId: '7495830000000000001',
    name: 'Acme US',
    currency: 'USD',
    pushOrders: true,
    perBuyerCustomer: false,
    customerId: '101',
    subsidiaryId: '1',
    locationId: '3',
    departmentId: null,
    classId: null,
    shippingItemId: '55',
    taxItemId: '56',
    paymentMethodMap: '{"CCDC": "4", "*": "9"}',
    orderOptions: { platformDiscountItemId: '61' },
    ...overrides,
  };
}
