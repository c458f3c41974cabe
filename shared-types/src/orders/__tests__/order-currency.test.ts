import { describeImportFailure } from '../../import/import-failure';
import { ALL_FEATURES } from '../../netsuite/account-setup';
import { chooseCurrency } from '../order-currency';
import { planSalesOrder } from '../order-plan';
import { lineItem, order, shop } from '../../../../test/support/tiktok-order-builder';

/** The sales order's currency is the TikTok order's, as the account's currency record (issue #10). */

const account = { features: ALL_FEATURES, currencies: { USD: '1', GBP: '2' }, baseCurrency: 'USD' };
const single = { ...account, features: { ...ALL_FEATURES, multiCurrency: false }, currencies: { USD: '1' } };

describe('chooseCurrency', () => {
  it("is the currency record of the order's ISO code with Multiple Currencies", () => {
    expect(chooseCurrency('9', 'GBP', account)).toEqual({ currencyId: '2' });
    expect(chooseCurrency('9', 'USD', account)).toEqual({ currencyId: '1' });
  });

  it('names the fix when the account has no such currency', () => {
    const choice = chooseCurrency('9', 'EUR', account);
    expect(choice).toEqual({
      code: 'currency_missing',
      message: expect.stringContaining(
        'TikTok order 9 is in EUR, but this NetSuite account has no EUR currency (it has GBP, USD). Fix: add EUR in Lists > Accounting > Currencies',
      ),
    });
  });

  it('sets nothing without Multiple Currencies, and names the feature when the order is not in the one currency', () => {
    expect(chooseCurrency('9', 'USD', single)).toEqual({ currencyId: null });
    const choice = chooseCurrency('9', 'GBP', single);
    expect('message' in choice && choice.message).toContain(
      'has one currency, USD (Multiple Currencies is not enabled)',
    );
    expect('message' in choice && choice.message).toContain(
      'enable Multiple Currencies in Setup > Company > Enable Features',
    );
  });

  it('leaves the currency to NetSuite when the currencies were not read', () => {
    expect(chooseCurrency('9', 'GBP', { ...account, currencies: null })).toEqual({ currencyId: null });
  });
});

describe('planSalesOrder and the currency', () => {
  const gbpOrder = order({
    line_items: [lineItem({ id: '1001', currency: 'GBP' })],
    payment: {
      ...order().payment,
      currency: 'GBP',
      sub_total: '12.50',
      original_total_product_price: '15.00',
      seller_discount: '1.50',
      platform_discount: '1.00',
      total_amount: '20.55',
    },
  });
  const gbpShop = shop({ currency: 'GBP', region: 'GB', perBuyerCustomer: true, taxRemitter: 'TikTok' });

  it("puts the currency on the sales order and on a buyer's new customer", () => {
    const result = planSalesOrder(gbpOrder, { shop: gbpShop, items: { 'MUG-RED': '501' }, account });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan.currencyId).toBe('2');
    expect(result.plan.customer).toMatchObject({ kind: 'new', customer: { currencyId: '2' } });
  });

  it("adds the currency to a buyer's existing customer whose primary currency is another", () => {
    const plan = (primary: string | null) => {
      const result = planSalesOrder(gbpOrder, {
        shop: gbpShop,
        items: { 'MUG-RED': '501' },
        account,
        buyerCustomerId: '77',
        buyerCustomerCurrencyId: primary,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.plan.customer;
    };
    expect(plan('1')).toEqual({ kind: 'existing', id: '77', addCurrencyId: '2' });
    expect(plan('2')).toEqual({ kind: 'existing', id: '77' });
    expect(plan(null)).toEqual({ kind: 'existing', id: '77' });
  });

  it('stops the order with the fix when the currency is missing', () => {
    const result = planSalesOrder(gbpOrder, { shop: gbpShop, items: { 'MUG-RED': '501' }, account: single });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.code)).toEqual(['currency_missing']);
  });
});

describe('a sales order refused for its currency', () => {
  it("names the customer's Currencies subtab as the fix", () => {
    const text = describeImportFailure(
      { name: 'INVALID_KEY_OR_REF', message: 'Invalid currency reference key 2 for entity 45.' },
      '9',
    );
    expect(text).toContain(
      "The sales order for TikTok order 9 was refused: its customer does not trade in the order's currency",
    );
    expect(text).toContain("add the order's currency on its Currencies subtab");
    expect(
      describeImportFailure({ name: 'INVALID_KEY_OR_REF', message: 'Invalid item reference key 5.' }, '9'),
    ).toContain('was rejected by NetSuite');
  });
});
