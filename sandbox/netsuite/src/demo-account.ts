/**
 * A small, typical NetSuite account for the sandbox: what an admin would have set up before
 * connecting TikTok Shop (locations, payment methods, a default customer, a shipping item, discount
 * items, an other-charge item for the tax TikTok collects, items whose Item Name/Number matches the
 * TikTok seller SKUs). Used by `npm start`, tests and benchmarks. It follows the emulator's account
 * profile (the seed's `account`): a subsidiary only with OneWorld, stock per location only with
 * Multi-Location Inventory (company-wide otherwise), and the profile's currencies and tax codes.
 */
import type { Seed } from './data/seed';
import type { RecordStore } from './data/store';
import type { AccountProfile } from './profiles/account-profile';
import { DEFAULT_PROFILE, profileHas } from './profiles/account-profile';
import { FEATURE } from './profiles/features';
import { ADMINISTRATOR_USER } from './context';

export interface DemoAccount {
  /** The account profile the demo account was seeded for. */
  profile: AccountProfile;
  /** The subsidiary the shop books into; null in an account without OneWorld. */
  subsidiaryId: number | null;
  locationIds: { main: number; east: number };
  /** Currency internal ids by ISO code (the profile's currencies; the base currency is 1). */
  currencyIds: Record<string, number>;
  /** Tax code (sales tax item) internal ids by name (`S`, `Z`, `E` in a UK account). */
  taxCodeIds: Record<string, number>;
  paymentMethodIds: Record<string, number>;
  customerId: number;
  shipItemId: number;
  /** Discount items for TikTok's seller-funded and platform-funded (TikTok-paid) discounts. */
  discountItemIds: { seller: number; platform: number };
  /** The other-charge item the tax TikTok collected is booked on (the shop's Tax Item). */
  taxItemId: number;
  /** The other-charge item buyer-paid fees are booked on (the shop's Buyer Fee Item). */
  feeItemId: number;
  itemIds: Record<string, number>;
}

export interface DemoAccountOptions {
  /** Item Name/Number of each inventory item (the TikTok seller SKUs). */
  skus: readonly string[];
  /** Quantity on hand at the main location for each item (default 500). */
  onHand?: number;
}

export function seedDemoAccount(seed: Seed, options: DemoAccountOptions): DemoAccount {
  const profile = seed.account?.profile ?? DEFAULT_PROFILE;
  if (!profileHas(profile, FEATURE.LOCATIONS)) {
    throw new Error(
      `The demo account needs the Locations feature, which account profile ${profile.id} does not have.`,
    );
  }
  const subsidiaryId = profileHas(profile, FEATURE.SUBSIDIARIES)
    ? seed.subsidiary('Honeycomb Mfg. (US)')
    : null;
  const inSubsidiary = subsidiaryId === null ? {} : { subsidiary: subsidiaryId };
  const main = seed.location('Main Warehouse', inSubsidiary);
  const east = seed.location('East Coast 3PL', inSubsidiary);
  const paymentMethodIds: Record<string, number> = {
    'Credit Card': seed.paymentMethod('Credit Card'),
    PayPal: seed.paymentMethod('PayPal'),
    'Apple Pay': seed.paymentMethod('Apple Pay'),
    'Google Pay': seed.paymentMethod('Google Pay'),
  };
  const customerId = seed.customer({ companyname: 'TikTok Shop Customer', entityid: 'TikTok Shop Customer' });
  const shipItemId = seed.shipItem('TikTok Shipping');
  const discountItemIds = {
    seller: seed.discountItem('TikTok Seller Discount'),
    platform: seed.discountItem('TikTok Platform Discount'),
  };
  const taxItemId = seed.record('otherchargeitem', { itemid: 'TikTok Collected Tax' });
  const feeItemId = seed.record('otherchargeitem', { itemid: 'TikTok Buyer Fees' });
  const itemIds: Record<string, number> = {};
  for (const sku of options.skus) {
    itemIds[sku] = seed.inventoryItem({ itemid: sku, quantities: { [main]: options.onHand ?? 500 } });
  }
  return {
    profile,
    subsidiaryId,
    locationIds: { main, east },
    currencyIds: { ...(seed.account?.setup.currencyIds ?? {}) },
    taxCodeIds: { ...(seed.account?.setup.taxCodeIds ?? {}) },
    paymentMethodIds,
    customerId,
    shipItemId,
    discountItemIds,
    taxItemId,
    feeItemId,
    itemIds,
  };
}

/**
 * TikTok payment method names (`payment_method_name`) → NetSuite payment methods of the demo account.
 * Klarna is left out on purpose: the sandbox shows how an unmapped payment method becomes an
 * exception that says what to fix.
 */
export function demoPaymentMethodMap(account: DemoAccount): Record<string, string> {
  return {
    CCDC: String(account.paymentMethodIds['Credit Card']),
    PayPal: String(account.paymentMethodIds.PayPal),
    'Apple Pay': String(account.paymentMethodIds['Apple Pay']),
    'Google Pay': String(account.paymentMethodIds['Google Pay']),
  };
}

/**
 * The Tax Code an admin of the profile's account sets on the shop (README, tax by who remits it): in
 * a VAT account the standard rate (`S`: the profile's UK seller remits its VAT); with SuiteTax the
 * exempt code for the zero tax details of TikTok-remitted tax; none with US legacy tax (TikTok remits).
 */
export function demoShopTaxCode(account: DemoAccount): number | null {
  if (account.profile.tax === 'non-us-legacy') return account.taxCodeIds.S ?? null;
  if (account.profile.tax === 'suitetax') {
    const exempt = account.profile.taxCodes.find((code) => code.exempt === true);
    return exempt ? (account.taxCodeIds[exempt.name] ?? null) : null;
  }
  return null;
}

/**
 * Fill in a connected shop's settings the way an admin would in the NetSuite UI, after the bridge
 * created the shop record (the Tax Code per `demoShopTaxCode`). Returns the shop record's internal id.
 */
export function configureDemoShop(
  seed: Seed,
  store: RecordStore,
  shopId: string,
  account: DemoAccount,
  overrides: Record<string, unknown> = {},
): number {
  const shop = store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`);
  if (!shop) throw new Error(`No TikTok Shop record for shop ${shopId}: connect the shop first.`);
  const rec = seed.service.load({ type: 'customrecord_tts_shop', id: shop.id });
  const values: Record<string, unknown> = {
    custrecord_tts_shop_customer: account.customerId,
    ...(account.subsidiaryId === null ? {} : { custrecord_tts_shop_subsidiary: account.subsidiaryId }),
    custrecord_tts_shop_location: account.locationIds.main,
    custrecord_tts_shop_ship_item: account.shipItemId,
    custrecord_tts_shop_seller_disc_item: account.discountItemIds.seller,
    custrecord_tts_shop_plat_disc_item: account.discountItemIds.platform,
    custrecord_tts_shop_tax_item: account.taxItemId,
    custrecord_tts_shop_fee_item: account.feeItemId,
    ...(demoShopTaxCode(account) === null ? {} : { custrecord_tts_shop_tax_code: demoShopTaxCode(account) }),
    custrecord_tts_shop_pm_map: JSON.stringify(demoPaymentMethodMap(account)),
    // The daily summary email: the account's administrator (the sender) and a team address.
    custrecord_tts_shop_notify: `${ADMINISTRATOR_USER.id}, ops@honeycomb.example`,
    ...overrides,
  };
  for (const [fieldId, value] of Object.entries(values)) rec.setValue({ fieldId, value });
  return seed.service.save(rec, {});
}
