/// <reference types="jest" />
import { planTaxLine, TAX_LINE_DESCRIPTION, unitTaxMinor } from '../order-tax';
import { lineItem, order, shop } from './order-factory';

describe('planTaxLine', () => {
  it("puts TikTok's whole tax (product and shipping tax) on one line of the shop's Tax Item", () => {
    const taxed = order({ payment: { ...order().payment, tax: '3.06', shipping_fee_tax: '0.50' } });
    expect(planTaxLine(taxed, shop({ taxItemId: '56' }))).toEqual({
      itemId: '56',
      amountMinor: 306,
      description: TAX_LINE_DESCRIPTION,
    });
  });

  it('has no line for an order without tax, whether or not the shop has a Tax Item', () => {
    const untaxed = order({ payment: { ...order().payment, tax: '0.00' } });
    expect(planTaxLine(untaxed, shop({ taxItemId: null }))).toBeNull();
    expect(planTaxLine(untaxed, shop({ taxItemId: '56' }))).toBeNull();
  });

  it('stops a taxed order of a shop without a Tax Item with the fix', () => {
    const problem = planTaxLine(order(), shop({ taxItemId: null }));
    expect(problem).toMatchObject({ code: 'no_tax_item' });
    expect(problem).toHaveProperty(
      'message',
      expect.stringContaining('shop Acme US has no Tax Item to book it on. Fix: open the TikTok Shop record'),
    );
  });
});

describe('unitTaxMinor', () => {
  it("is TikTok's tax on the unit, 0 when it carries none", () => {
    const taxed = lineItem({
      item_tax: [
        { tax_type: 'SALES_TAX', tax_amount: '1.03', tax_rate: '0.0825' },
        { tax_type: 'RETAIL_DELIVERY_FEE', tax_amount: '0.27', tax_rate: '0' },
      ],
    });
    expect(unitTaxMinor(taxed, 'USD')).toBe(130);
    expect(unitTaxMinor(lineItem({}), 'USD')).toBe(0);
  });
});
