/// <reference types="jest" />
import { TEXTAREA_MAX_LENGTH } from '../../netsuite/netsuite-ids';
import type { SalesOrderPlan } from '../order-plan';
import { PERSON_NAME_MAX_LENGTH, planSalesOrder } from '../order-plan';
import { lineItem, order, shop } from '../../../../test/support/tiktok-order-builder';

/** Plans that NetSuite would refuse to save: values longer than the fields they go into. */

function planOf(...args: Parameters<typeof planSalesOrder>): SalesOrderPlan {
  const result = planSalesOrder(...args);
  if (!result.ok) {
    throw new Error(`expected a plan, got ${JSON.stringify(result.problems)}`);
  }
  return result.plan;
}

const items = { 'MUG-RED': '501' };

describe('planSalesOrder: TikTok line item ids fit custcol_tts_line_ids (TEXTAREA, 4,000 characters)', () => {
  it('splits 400 units of one SKU at one price over lines whose joined ids each fit', () => {
    const units = Array.from({ length: 400 }, (_, i) =>
      lineItem({
        id: String(577086512123456789n + BigInt(i)),
        platform_discount: '0.00',
        sale_price: '1.00',
      }),
    );
    const plan = planOf(order({ line_items: units }), { shop: shop(), items });
    expect(plan.lines.length).toBeGreaterThan(1);
    for (const line of plan.lines) {
      expect(line.lineIds.join(',').length).toBeLessThanOrEqual(TEXTAREA_MAX_LENGTH);
      expect(line.quantity).toBe(line.lineIds.length);
      expect(line.itemId).toBe('501');
    }
    expect(plan.lines.flatMap((line) => line.lineIds)).toEqual(units.map((unit) => unit.id));
    expect(plan.lines.reduce((sum, line) => sum + line.amountMinor, 0)).toBe(40000);
  });
});

describe('planSalesOrder: a new buyer customer fits First Name / Last Name (32 characters each)', () => {
  const perBuyer = { shop: shop({ perBuyerCustomer: true }), items, buyerCustomerId: null };

  it('cuts long first and last names', () => {
    const plan = planOf(
      order({
        recipient_address: {
          first_name: 'Maria Guadalupe Esperanza Concepcion',
          last_name: 'Fernandez-Rodriguez de la Santisima Trinidad',
        },
      }),
      perBuyer,
    );
    const customer = plan.customer.kind === 'new' ? plan.customer.customer : null;
    expect(customer).not.toBeNull();
    expect(customer?.firstName.length).toBeLessThanOrEqual(PERSON_NAME_MAX_LENGTH);
    expect(customer?.lastName.length).toBeLessThanOrEqual(PERSON_NAME_MAX_LENGTH);
    expect(customer?.firstName).toBe('Maria Guadalupe Esperanza Concep');
  });

  it('cuts a long full name split at its last space', () => {
    const plan = planOf(
      order({ recipient_address: { name: 'Alexandria Montgomery-Whitfield Catherine Josephine Smith' } }),
      perBuyer,
    );
    const customer = plan.customer.kind === 'new' ? plan.customer.customer : null;
    expect(customer?.firstName.length).toBeLessThanOrEqual(PERSON_NAME_MAX_LENGTH);
    expect(customer?.lastName).toBe('Smith');
  });
});
