import { TestClock } from '../../../../../test/support/test-clock';
import { NetSuiteEmulator } from '../../emulator';
import { UI_FIXTURE_ROOT, callShopRestlet } from './ui-helpers';

/**
 * Account preferences are settings a test changes while the account runs, as an administrator would
 * on Setup > Accounting > Accounting Preferences: the next record operation follows them.
 */
describe('account preferences at run time', () => {
  let ns: NetSuiteEmulator;

  beforeEach(async () => {
    ns = await NetSuiteEmulator.start({
      projectRoot: UI_FIXTURE_ROOT,
      clock: new TestClock('2026-01-15T12:00:00Z'),
    });
  });

  afterEach(async () => {
    await ns.stop();
  });

  it('requires a payment method on sales orders until the preference is turned off, and again once it is back on', async () => {
    const customer = ns.seed.customer({ companyname: 'Buyer' });
    const location = ns.seed.location('Main');
    const item = ns.seed.inventoryItem({ itemid: 'SKU-1', quantities: { [location]: 5 } });
    const order = () =>
      callShopRestlet(ns, {
        action: 'order',
        fields: { entity: customer, location },
        lines: [{ item, quantity: 1, rate: 3 }],
      });

    expect(ns.preferences.requirePaymentMethod).toBe(true);
    const refused = await order();
    expect([refused.status, refused.json.error?.code]).toEqual([400, 'USER_ERROR']);
    expect(JSON.parse(refused.json.error?.message ?? '{}').message).toContain('Payment Method');

    ns.setPreferences({ requirePaymentMethod: false });
    const accepted = await order();
    expect(accepted.status).toBe(200);
    expect(ns.store.get('salesorder', Number(accepted.json.id))?.fields.paymentmethod ?? null).toBeNull();

    ns.setPreferences({ requirePaymentMethod: true });
    expect((await order()).status).toBe(400);
    expect(ns.store.all('salesorder')).toHaveLength(1);
  });

  it('changes how item fulfillments treat commitment', () => {
    const location = ns.seed.location('Main');
    const empty = ns.seed.location('Empty');
    const customer = ns.seed.customer({ companyname: 'Buyer' });
    const paymentmethod = ns.seed.paymentMethod('Card');
    const item = ns.seed.inventoryItem({ itemid: 'SKU-1', quantities: { [location]: 5 } });
    const so = ns.seed.record(
      'salesorder',
      { entity: customer, paymentmethod, location: empty },
      { item: [{ item, quantity: 1, rate: 3 }] },
    );
    const fulfil = () => {
      const f = ns.seed.service.transform({ fromType: 'salesorder', fromId: so, toType: 'itemfulfillment' });
      return ns.seed.service.save(f, {});
    };
    expect(ns.preferences.fulfillBasedOnCommitment).toBe('LIMIT_TO_COMMITTED');
    expect(fulfil).toThrow(expect.objectContaining({ name: 'VALID_LINE_ITEM_REQD' }));
    ns.setPreferences({ fulfillBasedOnCommitment: 'IGNORE_COMMITMENT' });
    expect(fulfil()).toBeGreaterThan(0);
  });
});
