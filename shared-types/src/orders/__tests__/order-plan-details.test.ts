/// <reference types="jest" />
import type { OrderPlanContext, SalesOrderPlan } from '../order-plan';
import { formatOrderProblems, MEMO_MAX_LENGTH, PERSON_NAME_MAX_LENGTH, planSalesOrder } from '../order-plan';
import type { TikTokOrder } from '../../tiktok/tiktok-order';
import { lineItem, order, shop } from '../../../../test/support/tiktok-order-builder';

/**
 * The order plan's details that the mutation run (npm run mutation) showed untested: how buyer
 * names, notes, ids and settings are cleaned of surrounding spaces, where texts are cut, the SKU
 * messages' wording, and which problems stop an order.
 */

function context(overrides: Partial<OrderPlanContext> = {}): OrderPlanContext {
  return { shop: shop(), items: { 'MUG-RED': '501', 'MUG-BLUE': '502' }, ...overrides };
}

function planOf(o: TikTokOrder, c: OrderPlanContext = context()): SalesOrderPlan {
  const result = planSalesOrder(o, c);
  if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.problems)}`);
  return result.plan;
}

function problemsOf(o: TikTokOrder, c: OrderPlanContext = context()): { code: string; message: string }[] {
  const result = planSalesOrder(o, c);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

const perBuyer = context({ shop: shop({ perBuyerCustomer: true }) });

function newBuyer(o: TikTokOrder) {
  const customer = planOf(o, perBuyer).customer;
  if (customer.kind !== 'new') throw new Error('expected a new customer');
  return customer.customer;
}

function withAddress(address: TikTokOrder['recipient_address']): TikTokOrder {
  return order({ recipient_address: { ...order().recipient_address, ...address } });
}

describe('a new buyer customer: names and e-mail', () => {
  it('trims first and last name', () => {
    expect(newBuyer(withAddress({ first_name: '  Jane ', last_name: ' Doe  ' }))).toMatchObject({
      firstName: 'Jane',
      lastName: 'Doe',
    });
  });

  it('fills the missing half of a name: TikTok for a first name, Buyer for a last name', () => {
    expect(newBuyer(withAddress({ first_name: '', last_name: 'Doe' }))).toMatchObject({
      firstName: 'TikTok',
      lastName: 'Doe',
    });
    expect(newBuyer(withAddress({ first_name: 'Jane', last_name: '  ' }))).toMatchObject({
      firstName: 'Jane',
      lastName: 'Buyer',
    });
  });

  it('splits a full name at its last space, trimmed, when there is no first or last name', () => {
    const full = (name: string) => withAddress({ first_name: '', last_name: '', name });
    expect(newBuyer(full('  Mary  Ann   Smith '))).toMatchObject({
      firstName: 'Mary  Ann',
      lastName: 'Smith',
    });
    expect(newBuyer(full(' Cher '))).toMatchObject({ firstName: 'Cher', lastName: 'Buyer' });
  });

  it(`keeps a name of exactly ${PERSON_NAME_MAX_LENGTH} characters, and cuts a longer one without a trailing space`, () => {
    const exact = 'A'.repeat(PERSON_NAME_MAX_LENGTH);
    expect(newBuyer(withAddress({ first_name: exact, last_name: 'Doe' })).firstName).toBe(exact);
    const cutAtSpace = `${'B'.repeat(PERSON_NAME_MAX_LENGTH - 1)} Longname`;
    expect(newBuyer(withAddress({ first_name: cutAtSpace, last_name: 'Doe' })).firstName).toBe(
      'B'.repeat(PERSON_NAME_MAX_LENGTH - 1),
    );
  });

  it("trims the buyer's relay e-mail, and an empty one is none", () => {
    expect(newBuyer(order({ buyer_email: '  x@chat.seller.tiktok.com ' })).email).toBe(
      'x@chat.seller.tiktok.com',
    );
    expect(newBuyer(order({ buyer_email: '   ' })).email).toBeNull();
  });
});

describe('texts cut to their field', () => {
  it(`keeps a memo of exactly ${MEMO_MAX_LENGTH} characters`, () => {
    const prefix = `TikTok Shop order ${order().id} (${shop().name}); buyer note: `;
    const note = 'n'.repeat(MEMO_MAX_LENGTH - prefix.length);
    const memo = planOf(order({ buyer_message: note })).memo;
    expect(memo).toBe(`${prefix}${note}`);
    expect(memo).toHaveLength(MEMO_MAX_LENGTH);
  });

  it('keeps problems that fit the field exactly, and cuts longer ones to the field with "..."', () => {
    const problem = { code: 'no_lines' as const, message: 'x'.repeat(20) };
    expect(formatOrderProblems([problem], 20)).toBe('x'.repeat(20));
    expect(formatOrderProblems([problem, problem], 20)).toBe(`${'x'.repeat(17)}...`);
  });
});

describe('settings and ids read with surrounding spaces', () => {
  it('reads the Order Status setting trimmed, in any case', () => {
    const c = context({ shop: shop({ orderOptions: { platformDiscountItemId: '61', orderStatus: ' a ' } }) });
    expect(planOf(order(), c).orderStatus).toBe('A');
  });

  it("looks up the order's warehouse by its trimmed id", () => {
    const c = context({
      warehouse: { recordId: '9', warehouseId: '7000714532876273410', name: 'LA', locationId: '12' },
    });
    expect(planOf(order({ warehouse_id: ' 7000714532876273410 ' }), c).locationId).toBe('12');
    const noDefault = context({ shop: shop({ locationId: null }) });
    expect(planOf(order({ warehouse_id: '   ' }), noDefault).locationId).toBeNull();
    expect(problemsOf(order({ warehouse_id: ' 7000714532876273410 ' }), noDefault)[0].message).toContain(
      'The order ships from TikTok warehouse 7000714532876273410, which is not linked',
    );
  });

  it('records a replacement order by its flag or by the replaced order id, trimmed', () => {
    expect(planOf(order({ replaced_order_id: ' 576461413038700001 ' })).replacement).toEqual({
      originalOrderId: '576461413038700001',
      originalSalesOrderId: null,
    });
    expect(planOf(order({ is_replacement_order: true })).replacement).toEqual({
      originalOrderId: '',
      originalSalesOrderId: null,
    });
    expect(planOf(order({ is_replacement_order: false, replaced_order_id: '  ' })).replacement).toBeNull();
    expect(planOf(order()).replacement).toBeNull();
  });
});

describe('problems that stop an order', () => {
  it('names one unmatched SKU in the singular, several in the plural', () => {
    const one = problemsOf(order({ line_items: [lineItem({ id: '1', seller_sku: 'HAT' })] }));
    expect(one[0].message).toMatch(/^1 TikTok SKU matches no active NetSuite item \(shop Acme US\): "HAT"/);
    const two = problemsOf(
      order({
        line_items: [lineItem({ id: '1', seller_sku: 'HAT' }), lineItem({ id: '2', seller_sku: 'CAP' })],
      }),
    );
    expect(two[0].message).toMatch(
      /^2 TikTok SKUs match no active NetSuite item \(shop Acme US\): "HAT" .*; "CAP"/,
    );
  });

  it('is not ambiguous when the SKU names one item only', () => {
    const c = context({ ambiguousSkus: { 'MUG-RED': ['501'] } });
    expect(planOf(order(), c).lines.map((l) => l.itemId)).toEqual(['501']);
  });

  it('lists several ambiguous SKUs, separated by semicolons', () => {
    const c = context({ ambiguousSkus: { 'MUG-RED': ['501', '601'], 'MUG-BLUE': ['502', '602'] } });
    const o = order({
      line_items: [lineItem({ id: '1' }), lineItem({ id: '2', seller_sku: 'MUG-BLUE' })],
    });
    expect(problemsOf(o, c)[0].message).toContain(
      'matches items 501, 601; "MUG-BLUE" (Ceramic Mug; line item 2) matches items 502, 602. Fix:',
    );
  });

  it('explains an order left without lines by cancellations', () => {
    const o = order({ line_items: [lineItem({ id: '1', display_status: 'CANCELLED' })] });
    expect(problemsOf(o)).toEqual([
      {
        code: 'no_lines',
        message: `TikTok order ${o.id} has no line item left that is not cancelled, so there is nothing to import. Fix: check the order in TikTok Shop Seller Center; when TikTok cancels the whole order the inbox record becomes cancelled.`,
      },
    ]);
  });

  it('stops on a discount the shop has no discount item for', () => {
    const problems = problemsOf(order(), context({ shop: shop({ orderOptions: {} }) }));
    expect(problems.map((p) => p.code)).toEqual(['no_discount_item']);
    expect(problems[0].message).toContain('has a TikTok-funded platform discount of 2.00 USD');
  });

  it('stops on a location the order cannot use, naming the order', () => {
    const c = context({ locations: { '3': { name: 'Main', inactive: true } } });
    const problems = problemsOf(order(), c);
    expect(problems.map((p) => p.code)).toEqual(['location']);
    expect(
      problems[0].message.startsWith(
        `TikTok order ${order().id}: The Default Location of shop Acme US is location "Main" (3), which is inactive.`,
      ),
    ).toBe(true);
  });

  it("names the shop's region and its currency when the order is in another", () => {
    const problems = problemsOf(
      order(),
      context({ shop: shop({ region: 'GB', currency: null, taxRemitter: 'TikTok' }) }),
    );
    expect(problems).toEqual([
      {
        code: 'currency_mismatch',
        message: expect.stringContaining(
          'is in USD, but shop Acme US is in region GB, whose TikTok currency is GBP;',
        ),
      },
    ]);
  });
});
