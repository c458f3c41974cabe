import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import { US_ONEWORLD } from '../../sandbox/netsuite/src/profiles/account-profile';
import { FEATURE } from '../../sandbox/netsuite/src/profiles/features';
import { letDefaultCustomerTradeIn, withoutFeature } from '../support/account-profiles';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';

/**
 * Issue #10, currency: the sales order carries the TikTok order's currency. Before, it was never
 * set, so NetSuite took the customer's primary currency and a GBP shop's amounts were booked as
 * USD in a USD account. A buyer's customer trades in the order's currency (its primary currency
 * when created; added to its Currencies sublist when it was made in another one), and an order in
 * a currency the account does not have waits with the fix.
 */
let world: ConnectorAccount | undefined;

afterEach(async () => {
  await world?.ns.stop();
  world = undefined;
});

/** A GBP shop (region GB) in the account; the default customer trades in GBP unless told otherwise. */
async function gbpShop(
  options: { perBuyer?: boolean; customerCurrency?: 'GBP' | 'USD'; profile?: typeof US_ONEWORLD } = {},
) {
  const profile = options.profile ?? US_ONEWORLD;
  world = await startConnectorAccount(
    { profile },
    {
      custrecord_tts_shop_region: 'GB',
      custrecord_tts_shop_currency: 'GBP',
      // A US company selling in the UK is an overseas seller there: TikTok remits the VAT.
      custrecord_tts_shop_seller_type: 'CROSS_BORDER',
      custrecord_tts_shop_per_buyer: options.perBuyer ?? false,
    },
  );
  if (world.account.currencyIds.GBP !== undefined && (options.customerCurrency ?? 'GBP') === 'GBP') {
    letDefaultCustomerTradeIn(world.ns, world.account, 'GBP');
  }
  return world;
}

async function importOrders(count: number, seed = 3, buyers?: number): Promise<StoredRecord[]> {
  const orders = makeOrders({ count, seed, currency: 'GBP', taxRate: 0, region: 'GB', buyers });
  await world!.upsertOrders(orders);
  await world!.ns.runQueuedTasks();
  return orders.map((o) =>
    world!.ns.store.findByExternalId('customrecord_tts_order', `tts_${DEMO_SHOP.shopId}_${o.id}`)!,
  );
}

const salesOrders = (): StoredRecord[] => world!.ns.store.all('salesorder');

describe('the sales order currency (issue #10)', () => {
  it("books a GBP order in GBP in a USD account, at NetSuite's exchange rate, its total TikTok's", async () => {
    await gbpShop();
    world!.ns.setExchangeRate('GBP', 1.31);
    const inbox = await importOrders(3);
    expect(inbox.map((r) => r.fields.custrecord_tts_ord_state)).toEqual(['imported', 'imported', 'imported']);
    const orders = makeOrders({ count: 3, seed: 3, currency: 'GBP', taxRate: 0, region: 'GB' });
    for (const [i, so] of salesOrders().entries()) {
      expect(so.fields.currency).toBe(String(world!.account.currencyIds.GBP));
      expect(so.fields.exchangerate).toBe(1.31);
      expect(so.fields.total).toBe(Number(orders[i].payment.total_amount));
      expect(so.fields.custbody_tts_tieout).toBe(true);
    }
  });

  it("waits with the fix when the default customer does not trade in the order's currency", async () => {
    await gbpShop({ customerCurrency: 'USD' });
    const [record] = await importOrders(1);
    expect(salesOrders()).toHaveLength(0);
    expect(record.fields.custrecord_tts_ord_state).toBe('error');
    expect(record.fields.custrecord_tts_ord_error).toContain("does not trade in the order's currency");
    expect(record.fields.custrecord_tts_ord_error).toContain('Currencies subtab');
  });

  it("creates a buyer's customer in GBP, and adds GBP to an existing buyer's customer made in USD", async () => {
    await gbpShop({ perBuyer: true });
    const gbp = String(world!.account.currencyIds.GBP);
    const [first] = makeOrders({ count: 1, seed: 4, currency: 'GBP', taxRate: 0, region: 'GB' });
    // A customer an earlier version made for this buyer, in the base currency (USD).
    const existing = world!.ns.seed.customer({
      entityid: 'TikTok earlier buyer',
      firstname: 'Buyer',
      lastname: 'Earlier',
      isperson: true,
      externalid: `tts_buyer_${DEMO_SHOP.shopId}_${first.user_id}`,
      subsidiary: world!.account.subsidiaryId ?? undefined,
    });
    const fresh = makeOrders({
      count: 1,
      seed: 5,
      currency: 'GBP',
      taxRate: 0,
      region: 'GB',
      firstOrderId: 576461413038800000n,
    });
    fresh[0].user_id = '7021436810468299999';
    await world!.upsertOrders([first, ...fresh]);
    await world!.ns.runQueuedTasks();
    const states = world!.ns.store
      .all('customrecord_tts_order')
      .map((r) => [r.fields.custrecord_tts_ord_state, r.fields.custrecord_tts_ord_error ?? null]);
    expect(states).toEqual([
      ['imported', null],
      ['imported', null],
    ]);
    const updated = world!.ns.store.get('customer', existing)!;
    expect(String(updated.fields.currency)).toBe(String(world!.account.currencyIds.USD));
    expect((updated.sublists.currency ?? []).map((l) => String(l.fields.currency))).toContain(gbp);
    const created = world!.ns.store.findByExternalId(
      'customer',
      `tts_buyer_${DEMO_SHOP.shopId}_7021436810468299999`,
    )!;
    expect(String(created.fields.currency)).toBe(gbp);
    expect(salesOrders().map((so) => String(so.fields.currency))).toEqual([gbp, gbp]);
  });

  it('waits with the fix when the account has no record of the currency', async () => {
    await gbpShop();
    const orders = makeOrders({ count: 1, seed: 6, currency: 'SGD', taxRate: 0 });
    const shop = world!.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${DEMO_SHOP.shopId}`)!;
    const rec = world!.ns.seed.service.load({ type: 'customrecord_tts_shop', id: shop.id });
    rec.setValue({ fieldId: 'custrecord_tts_shop_region', value: 'SG' });
    rec.setValue({ fieldId: 'custrecord_tts_shop_currency', value: 'SGD' });
    world!.ns.seed.service.save(rec, {});
    await world!.upsertOrders(orders);
    await world!.ns.runQueuedTasks();
    const [record] = world!.ns.store.all('customrecord_tts_order');
    expect(salesOrders()).toHaveLength(0);
    expect(record.fields.custrecord_tts_ord_state).toBe('error');
    expect(record.fields.custrecord_tts_ord_error).toContain('has no SGD currency');
    expect(record.fields.custrecord_tts_ord_error).toContain('Lists > Accounting > Currencies');
  });

  it("waits with the fix in an account without Multiple Currencies whose one currency is not the order's", async () => {
    await gbpShop({ profile: withoutFeature(US_ONEWORLD, FEATURE.MULTICURRENCY) });
    const [record] = await importOrders(1);
    expect(salesOrders()).toHaveLength(0);
    expect(record.fields.custrecord_tts_ord_state).toBe('error');
    expect(record.fields.custrecord_tts_ord_error).toContain('has one currency, USD');
    expect(record.fields.custrecord_tts_ord_error).toContain('enable Multiple Currencies');
  });
});
