/// <reference types="jest" />
import { unitTaxMinor } from '../order-tax';
import { lineItem } from '../../../../test/support/tiktok-order-builder';

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
