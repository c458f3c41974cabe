import { allocateProportionally, allocateTikTokTax } from '../order-tax';
import { lineItem, order } from './order-factory';

describe('allocateProportionally', () => {
  it('splits a total in integer parts that add up exactly, largest remainders first', () => {
    expect(allocateProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateProportionally(7, [300, 100])).toEqual([5, 2]);
    expect(allocateProportionally(0, [5, 5])).toEqual([0, 0]);
  });

  it('puts everything on the first line when no line has an amount (zero-price sample orders)', () => {
    expect(allocateProportionally(50, [0, 0])).toEqual([50, 0]);
    expect(allocateProportionally(9, [])).toEqual([]);
  });
});

describe('allocateTikTokTax', () => {
  const withTax = (id: string, amount: string) =>
    lineItem({ id, item_tax: [{ tax_type: 'SALES_TAX', tax_amount: amount, tax_rate: '0.0825' }] });

  it("uses TikTok's own item tax per unit when every unit carries it and it adds up", () => {
    const o = order({
      line_items: [withTax('1', '1.03'), withTax('2', '1.03'), withTax('3', '0.50')],
      payment: { ...order().payment, tax: '3.06', product_tax: '2.56', shipping_fee_tax: '0.50' },
    });
    const result = allocateTikTokTax(o, [
      { lineIds: ['1', '2'], amountMinor: 2500 },
      { lineIds: ['3'], amountMinor: 1000 },
    ]);
    expect(result).toEqual({ lineTaxMinor: [206, 50], shippingTaxMinor: 50 });
  });

  it('spreads the product tax by line amount when item taxes are missing, to the cent', () => {
    const o = order({ payment: { ...order().payment, tax: '2.06' } });
    const result = allocateTikTokTax(o, [
      { lineIds: ['1001'], amountMinor: 1250 },
      { lineIds: ['1002'], amountMinor: 1250 },
    ]);
    expect(result).toEqual({ lineTaxMinor: [103, 103], shippingTaxMinor: 0 });
  });

  it('never lets shipping tax exceed the tax, and the parts always add up to TikTok tax', () => {
    const o = order({ payment: { ...order().payment, tax: '1.00', shipping_fee_tax: '2.00' } });
    const result = allocateTikTokTax(o, [{ lineIds: ['1001', '1002'], amountMinor: 2500 }]);
    expect(result).toEqual({ lineTaxMinor: [0], shippingTaxMinor: 100 });
  });
});
