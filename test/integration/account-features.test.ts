import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import { US_ONEWORLD } from '../../sandbox/netsuite/src/profiles/account-profile';
import { FEATURE } from '../../sandbox/netsuite/src/profiles/features';
import type { AccountProfile } from '../../sandbox/netsuite/src/profiles/account-profile';
import { ORDER_FLOW_FEATURES, withoutFeature } from '../support/account-profiles';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';

/**
 * Issue #10, features: NetSuite removes the fields that depend on an absent feature when it
 * installs the SuiteApp (the shop record's Subsidiary, Department, Class; the sales order's
 * subsidiary, currency, department, class; the item line's location without Multi-Location
 * Inventory), and the emulator installs it the same way. The import asks
 * `runtime.isFeatureInEffect` before it selects or sets any of them, so orders import in an account
 * without each feature (before: the shop settings' SuiteQL named the removed Subsidiary, Department
 * or Class column and every import failed; without Multi-Location Inventory the line location was
 * set and the sales order refused), and the fields are still set where the feature is on.
 */
let world: ConnectorAccount | undefined;

afterEach(async () => {
  await world?.ns.stop();
  world = undefined;
});

async function importIn(profile: AccountProfile, perBuyer = false): Promise<StoredRecord[]> {
  const has = (feature: string): boolean => profile.features.includes(feature);
  world = await startConnectorAccount({ profile }, {});
  const seed = world.ns.seed;
  const settings: Record<string, unknown> = { custrecord_tts_shop_per_buyer: perBuyer };
  if (has(FEATURE.DEPARTMENTS)) {
    settings.custrecord_tts_shop_department = seed.record('department', { name: 'E-commerce' });
  }
  if (has(FEATURE.CLASSES)) {
    settings.custrecord_tts_shop_class = seed.record('classification', { name: 'TikTok Shop' });
  }
  const shop = world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${DEMO_SHOP.shopId}`)!;
  const rec = seed.service.load({ type: 'customrecord_tts_shop', id: shop.id });
  for (const [fieldId, value] of Object.entries(settings)) rec.setValue({ fieldId, value });
  seed.service.save(rec, {});
  const orders = makeOrders({ count: 4, seed: 11 });
  await world.upsertOrders(orders);
  const tasks = await world.ns.runQueuedTasks();
  expect(tasks.map((t) => t.error)).toEqual(tasks.map(() => null));
  const inbox = world.ns.store.all('customrecord_tts_order');
  expect(
    inbox.map((r) => [r.fields.custrecord_tts_ord_state, r.fields.custrecord_tts_ord_error ?? null]),
  ).toEqual(orders.map(() => ['imported', null]));
  return world.ns.store.all('salesorder');
}

function expectFeatureFields(salesOrders: StoredRecord[], profile: AccountProfile): void {
  const has = (feature: string): boolean => profile.features.includes(feature);
  const account = world!.account;
  for (const so of salesOrders) {
    expect(so.fields.subsidiary ?? null).toBe(
      has(FEATURE.SUBSIDIARIES) ? String(account.subsidiaryId) : null,
    );
    expect(so.fields.department === undefined || so.fields.department === null).toBe(
      !has(FEATURE.DEPARTMENTS),
    );
    expect(so.fields.class === undefined || so.fields.class === null).toBe(!has(FEATURE.CLASSES));
    expect(so.fields.location).toBe(String(account.locationIds.main));
    const itemLines = (so.sublists.item ?? []).filter((l) =>
      Object.values(account.itemIds).map(String).includes(String(l.fields.item)),
    );
    for (const line of itemLines) {
      expect(line.fields.location ?? null).toBe(
        has(FEATURE.MULTILOCINVT) ? String(account.locationIds.main) : null,
      );
    }
  }
}

describe('the order import in accounts without a feature (issue #10)', () => {
  it('sets subsidiary, department, class and line locations in a US OneWorld account with every feature', async () => {
    const salesOrders = await importIn(US_ONEWORLD);
    expect(salesOrders).toHaveLength(4);
    expectFeatureFields(salesOrders, US_ONEWORLD);
  });

  it.each(ORDER_FLOW_FEATURES.map((feature) => [feature]))(
    'imports every order without %s, touching none of its fields',
    async (feature) => {
      const profile = withoutFeature(US_ONEWORLD, feature);
      const salesOrders = await importIn(profile);
      expect(salesOrders).toHaveLength(4);
      expectFeatureFields(salesOrders, profile);
    },
  );

  it('creates per-buyer customers without OneWorld (no subsidiary on the customer)', async () => {
    const profile = withoutFeature(US_ONEWORLD, FEATURE.SUBSIDIARIES);
    const salesOrders = await importIn(profile, true);
    expect(salesOrders).toHaveLength(4);
    const buyers = world!.ns.store
      .all('customer')
      .filter((c) => String(c.externalId ?? '').startsWith('tts_buyer_'));
    expect(buyers).toHaveLength(4);
    expect(buyers.every((c) => c.fields.subsidiary === undefined || c.fields.subsidiary === null)).toBe(true);
  });
});
