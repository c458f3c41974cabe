/**
 * The six tax set-ups the connector books tax in, for tests that walk each of them: US legacy tax,
 * UK VAT and SuiteTax, each with TikTok remitting and with the seller remitting (the shop's Tax
 * Remitter, seller type and tax code as an admin sets them), and the orders TikTok sends there.
 * Used by test/integration/order-update-tax-cases.test.ts and refund-tax-cases.test.ts.
 */
import type { ConnectorAccount } from './connector-account';
import { startConnectorAccount } from './connector-account';
import type { OrderBatchOptions } from './tiktok-order-builder';

export interface TaxSetup {
  name: string;
  profile: 'us-oneworld' | 'uk-vat' | 'us-suitetax';
  /** Shop record values. */
  shop: Record<string, unknown>;
  /** The shop's Tax Code, by name in the profile's tax codes. */
  taxCode?: string;
  orders: Partial<OrderBatchOptions>;
}

const UK_SHOP = { custrecord_tts_shop_region: 'GB', custrecord_tts_shop_currency: 'GBP' };
const UK_ORDERS: Partial<OrderBatchOptions> = { currency: 'GBP', taxRate: 0, region: 'GB' };
const SELLER_REMITS = { custrecord_tts_shop_tax_remitter: 'Seller' };

/** In this order: US legacy (TikTok, seller), UK VAT (seller, TikTok), SuiteTax (TikTok, seller). */
export const TAX_SETUPS: readonly TaxSetup[] = [
  { name: 'US legacy, TikTok remits', profile: 'us-oneworld', shop: {}, orders: { unitTax: true } },
  {
    name: 'US legacy, the seller remits',
    profile: 'us-oneworld',
    shop: SELLER_REMITS,
    taxCode: 'CA Sales Tax',
    orders: { unitTax: true },
  },
  { name: 'UK VAT, the seller remits', profile: 'uk-vat', shop: UK_SHOP, taxCode: 'S', orders: UK_ORDERS },
  {
    name: 'UK VAT, TikTok remits',
    profile: 'uk-vat',
    shop: { ...UK_SHOP, custrecord_tts_shop_seller_type: 'CROSS_BORDER' },
    taxCode: 'Z',
    orders: { ...UK_ORDERS, taxRate: 0.2, unitTax: true },
  },
  {
    name: 'SuiteTax, TikTok remits',
    profile: 'us-suitetax',
    shop: {},
    taxCode: 'US_EXEMPT',
    orders: { unitTax: true },
  },
  {
    name: 'SuiteTax, the seller remits',
    profile: 'us-suitetax',
    shop: SELLER_REMITS,
    taxCode: 'US_CA',
    orders: { unitTax: true },
  },
];

/** The set-up with `suffix` added to its name (": what this case shows"), for test titles. */
export function taxSetupNamed(setup: TaxSetup, suffix: string): TaxSetup {
  return { ...setup, name: `${setup.name}${suffix}` };
}

/** A connector account of the set-up's profile with its shop settings (the tax code resolved to its id). */
export async function startTaxSetupAccount(setup: TaxSetup): Promise<ConnectorAccount> {
  const probe = await startConnectorAccount({ profile: setup.profile });
  const codes = probe.account.taxCodeIds;
  await probe.ns.stop();
  const code = setup.taxCode === undefined ? {} : { custrecord_tts_shop_tax_code: codes[setup.taxCode] };
  return startConnectorAccount({ profile: setup.profile }, { ...setup.shop, ...code });
}
