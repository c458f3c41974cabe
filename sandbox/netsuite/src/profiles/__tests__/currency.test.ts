import { currentInvocation } from '../../context';
import type { CurrencyModule } from '../../data/misc/currency';
import type { RecordModule } from '../../data/record/module';
import type { ProfileWorld } from './profile-harness';
import { startProfile } from './profile-harness';

/**
 * Currencies in an account with Multiple Currencies: the profile's currency records and exchange
 * rates (settable per test), a transaction's currency and exchange rate as NetSuite defaults them, and
 * the refusals: a currency the customer does not trade in, a currency the account does not have, a
 * changed currency on a saved transaction.
 */

describe('currencies in a US OneWorld account with Multiple Currencies', () => {
  let w: ProfileWorld;
  let record: RecordModule;
  let usd: number;
  let gbp: number;

  beforeEach(async () => {
    w = await startProfile('us-oneworld');
    record = w.module<RecordModule>('N/record');
    usd = w.account.currencyIds.USD!;
    gbp = w.account.currencyIds.GBP!;
  });
  afterEach(async () => {
    await w.ns.stop();
  });

  /** A sales order saved by a script in standard mode, with `fields` set on it. */
  function order(fields: Record<string, unknown>, customer = w.account.customerId): number {
    return w.run(() => {
      const so = record.create({ type: 'salesorder' });
      so.setValue({ fieldId: 'entity', value: customer });
      so.setValue({ fieldId: 'paymentmethod', value: w.account.paymentMethodIds['Credit Card'] });
      so.setValue({ fieldId: 'location', value: w.account.locationIds.main });
      for (const [fieldId, value] of Object.entries(fields)) so.setValue({ fieldId, value });
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: w.account.itemIds['SKU-A'] });
      so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 });
      so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: 0, value: 10 });
      return so.save();
    });
  }

  function customerTradingIn(primary: number, others: number[] = []): number {
    return w.ns.seed.record(
      'customer',
      { companyname: `Buyer ${primary}-${others.join('-')}`, currency: primary },
      { currency: others.map((c) => ({ currency: c })) },
    );
  }

  it('has the profile currencies as records, the base one first with rate 1', () => {
    const currencies = w.ns.store
      .all('currency')
      .map((c) => [c.id, c.fields.symbol, c.fields.isbasecurrency, c.fields.exchangerate]);
    expect(currencies).toEqual([
      [1, 'USD', true, 1],
      [2, 'GBP', false, 1.27],
      [3, 'CAD', false, 0.73],
      [4, 'EUR', false, 1.08],
    ]);
  });

  it('gives a customer without a currency the base currency, and an order its customer currency at the base rate', () => {
    expect(w.ns.store.get('customer', w.account.customerId)?.fields.currency).toBe(String(usd));
    const so = w.ns.store.get('salesorder', order({}));
    expect(so?.fields).toMatchObject({ currency: String(usd), exchangerate: 1 });
  });

  it("defaults an order to a GBP customer's currency at the GBP rate, which a test can change", () => {
    const buyer = customerTradingIn(gbp);
    expect(w.ns.store.get('salesorder', order({}, buyer))?.fields).toMatchObject({
      currency: String(gbp),
      exchangerate: 1.27,
    });
    w.ns.setExchangeRate('GBP', 1.31);
    expect(w.ns.store.get('salesorder', order({}, buyer))?.fields).toMatchObject({
      currency: String(gbp),
      exchangerate: 1.31,
    });
    expect(w.ns.store.get('salesorder', order({ exchangerate: 1.25 }, buyer))?.fields.exchangerate).toBe(
      1.25,
    );
  });

  it('refuses an order in a currency the customer does not trade in, and accepts it once the customer lists it', () => {
    const e = w.refusal(() => order({ currency: gbp }));
    expect([e.name, e.message]).toEqual([
      'INVALID_KEY_OR_REF',
      `Invalid currency reference key ${gbp} for entity ${w.account.customerId}.`,
    ]);
    expect(w.ns.store.all('salesorder')).toHaveLength(0);
    const buyer = customerTradingIn(usd, [gbp]);
    expect(w.ns.store.get('salesorder', order({ currency: gbp }, buyer))?.fields).toMatchObject({
      currency: String(gbp),
      exchangerate: 1.27,
    });
  });

  it('refuses a currency the account does not have with the select reference error', () => {
    const e = w.refusal(() => order({ currency: 99 }));
    expect([e.name, e.message]).toEqual(['INVALID_KEY_OR_REF', 'Invalid currency reference key 99.']);
  });

  it('refuses to change the currency of a saved order', () => {
    const buyer = customerTradingIn(usd, [gbp]);
    const id = order({}, buyer);
    const e = w.refusal(() =>
      record.load({ type: 'salesorder', id }).setValue({ fieldId: 'currency', value: gbp }).save(),
    );
    expect([e.name, e.message]).toEqual([
      'USER_ERROR',
      expect.stringContaining('You cannot change the currency of a saved transaction'),
    ]);
  });

  it('sources the currency and its rate as a dynamic-mode script sets the customer, and the rate as it sets the currency', () => {
    const buyer = customerTradingIn(gbp, [usd]);
    const read = w.run(() => {
      const so = record.create({ type: 'salesorder', isDynamic: true });
      so.setValue({ fieldId: 'entity', value: buyer });
      const sourced = [so.getValue('currency'), so.getValue('exchangerate')];
      so.setValue({ fieldId: 'currency', value: usd });
      return [sourced, [so.getValue('currency'), so.getValue('exchangerate')]];
    });
    expect(read).toEqual([
      [String(gbp), 1.27],
      [String(usd), 1],
    ]);
  });

  it('answers N/currency exchangeRate from the same rates, for ids or ISO codes, at 10 units', () => {
    const currency = w.module<CurrencyModule>('N/currency');
    const out = w.run(() => {
      const rates = [
        currency.exchangeRate({ source: 'GBP', target: 'USD' }),
        currency.exchangeRate({ source: gbp, target: usd, date: new Date() }),
        currency.exchangeRate({ source: 'USD', target: 'USD' }),
      ];
      return { rates, used: currentInvocation().meter.used };
    });
    expect(out).toEqual({ rates: [1.27, 1.27, 1], used: 30 });
    w.ns.setExchangeRate('EUR', 1.1);
    expect(w.run(() => currency.exchangeRate({ source: 'EUR', target: 'USD' }))).toBe(1.1);
    expect(w.refusal(() => currency.exchangeRate({ source: 'JPY', target: 'USD' }))).toMatchObject({
      name: 'SSS_INVALID_CURRENCY_ID',
    });
    expect(w.refusal(() => currency.exchangeRate({ source: 'CAD', target: 'GBP' })).message).toContain(
      'is not a base currency',
    );
    expect(w.refusal(() => currency.exchangeRate({ source: 'GBP', target: '' }))).toMatchObject({
      name: 'SSS_MISSING_REQD_ARGUMENT',
    });
  });

  it('refuses exchange rates it cannot set', () => {
    expect(() => w.ns.setExchangeRate('USD', 2)).toThrow('USD is the base currency');
    expect(() => w.ns.setExchangeRate('JPY', 150)).toThrow('Account profile us-oneworld has no currency JPY');
    expect(() => w.ns.setExchangeRate('GBP', 0)).toThrow('An exchange rate must be a positive number');
  });
});

describe('currencies in a UK account without Multiple Currencies', () => {
  it('has only the GBP base currency, loadable by id, and exchange rates of 1', async () => {
    const w = await startProfile('uk-vat');
    try {
      expect(w.ns.store.all('currency').map((c) => c.fields.symbol)).toEqual(['GBP']);
      const record = w.module<RecordModule>('N/record');
      expect(w.run(() => record.load({ type: 'currency', id: 1 }).getValue('symbol'))).toBe('GBP');
      expect(
        w.run(() => w.module<CurrencyModule>('N/currency').exchangeRate({ source: 'GBP', target: 'GBP' })),
      ).toBe(1);
    } finally {
      await w.ns.stop();
    }
  });
});
