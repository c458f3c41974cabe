import { formatMinor, toMinor } from '../../shared-types/src/money/money';
import type { TikTokOrder, TikTokRecipientAddress } from '../../shared-types/src/tiktok/tiktok-order';
import { US_ONEWORLD } from '../../sandbox/netsuite/src/profiles/account-profile';
import { letDefaultCustomerTradeIn, withCurrencies } from '../support/account-profiles';
import type { ConnectorAccount } from '../support/connector-account';
import { startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import { importOrders, inboxOf, linesOf, salesOrderOf } from '../support/order-updates';

/**
 * Shops whose currency has no cents: TikTok sends JPY, IDR and VND amounts in whole units
 * (`"1500"`; TikTok's samples: `"5000"` for IDR), and the sales order must carry them
 * as they are — an amount divided by 100 would be 100× too small and fail the tie-out. Imported end
 * to end in the emulator (a US account that has the shop's currency, its default customer trading
 * in it; the sales order in that currency), next to a USD shop (2 decimals). No TikTok market settles in a 3-decimal
 * currency (region-currency.ts); that path is covered by the money module and mapper unit tests.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

const MONEY_FIELDS = [
  'sub_total',
  'shipping_fee',
  'seller_discount',
  'platform_discount',
  'total_amount',
  'original_total_product_price',
  'original_shipping_fee',
  'tax',
  'product_tax',
  'shipping_fee_tax',
] as const;
const LINE_MONEY_FIELDS = ['original_price', 'sale_price', 'platform_discount', 'seller_discount'] as const;

/**
 * The generated USD order in another currency: every USD cent becomes `factor` minor units of
 * `currency`, so TikTok's money identities still hold.
 */
function inCurrency(order: TikTokOrder, currency: string, factor: number, address: TikTokRecipientAddress) {
  const convert = (amount: string): string => formatMinor(toMinor(amount, 'USD') * factor, currency);
  const payment = { ...order.payment, currency };
  for (const field of MONEY_FIELDS) {
    const value = order.payment[field];
    if (value !== undefined) payment[field] = convert(value);
  }
  return {
    ...order,
    payment,
    recipient_address: address,
    line_items: order.line_items.map((line) => {
      const converted = { ...line, currency };
      for (const field of LINE_MONEY_FIELDS) converted[field] = convert(line[field]);
      return converted;
    }),
  };
}

const SHOPS: { region: string; currency: string; factor: number; address: TikTokRecipientAddress }[] = [
  {
    region: 'JP',
    currency: 'JPY',
    factor: 1,
    address: {
      name: '山田 太郎',
      phone_number: '(+81)3-5555-0100',
      address_line1: '1-2-3 Shibuya',
      postal_code: '150-0002',
      region_code: 'JP',
      district_info: [
        { address_level_name: 'Country', address_name: 'Japan', address_level: 'L0' },
        { address_level_name: 'Prefecture', address_name: 'Tokyo', address_level: 'L1' },
        { address_level_name: 'City', address_name: 'Shibuya-ku', address_level: 'L3' },
      ],
    },
  },
  {
    region: 'ID',
    currency: 'IDR',
    factor: 100,
    address: {
      name: 'Budi Santoso',
      phone_number: '(+62)21-5555-0100',
      address_line1: 'Jl. Sudirman No. 1',
      postal_code: '10220',
      region_code: 'ID',
      district_info: [
        { address_level_name: 'Country', address_name: 'Indonesia', address_level: 'L0' },
        { address_level_name: 'Province', address_name: 'DKI Jakarta', address_level: 'L1' },
        { address_level_name: 'City', address_name: 'Jakarta Pusat', address_level: 'L3' },
      ],
    },
  },
  {
    region: 'VN',
    currency: 'VND',
    factor: 100,
    address: {
      name: 'Nguyen Van An',
      phone_number: '(+84)28-5555-0100',
      address_line1: '1 Le Loi',
      postal_code: '700000',
      region_code: 'VN',
      district_info: [
        { address_level_name: 'Country', address_name: 'Vietnam', address_level: 'L0' },
        { address_level_name: 'Province', address_name: 'Ho Chi Minh City', address_level: 'L1' },
        { address_level_name: 'District', address_name: 'District 1', address_level: 'L3' },
      ],
    },
  },
];

describe('import in currencies without cents (emulator, real HTTP)', () => {
  it.each(SHOPS)(
    '$currency shop: line amounts, shipping, tax and total exactly as TikTok sent them, and it ties out',
    async ({ region, currency, factor, address }) => {
      world = await startConnectorAccount(
        { profile: withCurrencies(US_ONEWORLD, [{ symbol: currency, exchangeRate: 0.0001 }]) },
        {
          custrecord_tts_shop_region: region,
          custrecord_tts_shop_currency: currency,
          custrecord_tts_shop_tax_remitter: 'TikTok',
        },
      );
      letDefaultCustomerTradeIn(world.ns, world.account, currency);
      const orders = makeOrders({ count: 6, seed: 23 }).map((o) => inCurrency(o, currency, factor, address));
      await importOrders(world, orders);

      for (const order of orders) {
        const so = salesOrderOf(world, order.id);
        const major = (amount: string): number => toMinor(amount, currency);
        expect(so.fields.currency).toBe(String(world.account.currencyIds[currency]));
        expect(so.fields.total).toBe(major(order.payment.total_amount));
        expect(so.fields.shippingcost ?? 0).toBe(major(order.payment.shipping_fee));
        expect(so.fields.custbody_tts_tax).toBe(major(order.payment.tax));
        expect(so.fields.custbody_tts_tax_variance).toBe(0);
        expect(so.fields.custbody_tts_tieout).toBe(true);
        const itemLines = linesOf(so).filter((l) => l.lineIds !== '');
        for (const line of itemLines) {
          const units = order.line_items.filter((u) => line.lineIds.split(',').includes(u.id));
          // Seller-price lines: the sale price plus TikTok's platform discount (none in these orders).
          expect(line.amount).toBe(units.reduce((sum, u) => sum + major(u.sale_price), 0));
          expect(Number.isInteger(line.amount)).toBe(true);
        }
        expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('imported');
        expect(so.subrecords.shippingaddress?.fields.country).toBe(region);
      }
    },
  );

  it('a USD shop next to them keeps its two decimals', async () => {
    world = await startConnectorAccount();
    const orders = makeOrders({ count: 3, seed: 23 });
    await importOrders(world, orders);
    for (const order of orders) {
      const so = salesOrderOf(world, order.id);
      expect(so.fields.total).toBe(Number(order.payment.total_amount));
      expect(so.fields.custbody_tts_tieout).toBe(true);
    }
  });
});
