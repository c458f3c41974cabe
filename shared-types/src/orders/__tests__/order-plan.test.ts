/// <reference types="jest" />
import type { OrderPlanContext, SalesOrderPlan } from '../order-plan';
import { formatOrderProblems, lineSkuKey, orderSkuKeys, planSalesOrder } from '../order-plan';
import { lineItem, order, shop } from '../../../../test/support/tiktok-order-builder';

/** A unit without a platform discount: its NetSuite rate is its sale price. */
function plainLine(overrides: Parameters<typeof lineItem>[0] = {}): ReturnType<typeof lineItem> {
  return lineItem({ platform_discount: '0.00', ...overrides });
}

function context(overrides: Partial<OrderPlanContext> = {}): OrderPlanContext {
  return { shop: shop(), items: { 'MUG-RED': '501', 'MUG-BLUE': '502', 'CAP ': '503' }, ...overrides };
}

function planOf(...args: Parameters<typeof planSalesOrder>): SalesOrderPlan {
  const result = planSalesOrder(...args);
  if (!result.ok) {
    throw new Error(`expected a plan, got ${JSON.stringify(result.problems)}`);
  }
  return result.plan;
}

function problemsOf(...args: Parameters<typeof planSalesOrder>): { code: string; message: string }[] {
  const result = planSalesOrder(...args);
  if (result.ok) {
    throw new Error('expected problems');
  }
  return result.problems;
}

describe('planSalesOrder: a complete plan', () => {
  it('plans header, address, lines, shipping and totals', () => {
    expect(planOf(order(), context())).toEqual({
      externalId: 'tts_7495830000000000001_576461413038785752',
      otherRefNum: '576461413038785752',
      tiktokOrderId: '576461413038785752',
      shopRecordId: '7',
      customer: { kind: 'existing', id: '101' },
      tranDateUnix: 1700000000,
      timeZone: 'America/Los_Angeles',
      tranDate: '2023-11-14',
      currency: 'USD',
      currencyId: null,
      subsidiaryId: '1',
      locationId: '3',
      departmentId: null,
      classId: null,
      paymentMethodId: '4',
      memo: 'TikTok Shop order 576461413038785752 (Acme US)',
      shipAddress: {
        country: 'US',
        addressee: 'Jane Doe',
        addr1: '1 Main St',
        addr2: 'Apt 2',
        addr3: null,
        city: 'Los Angeles',
        state: 'CA',
        zip: '90001',
        addrphone: '(+1)213-555-0100',
      },
      lines: [
        {
          itemId: '501',
          sku: 'MUG-RED',
          quantity: 2,
          rateMinor: 1350,
          amountMinor: 2700,
          lineIds: ['1001', '1002'],
          locationId: '3',
        },
      ],
      shipping: { shipMethodId: '55', costMinor: 599 },
      taxLine: {
        itemId: '56',
        amountMinor: 206,
        description: 'Tax collected and remitted by TikTok Shop (marketplace facilitator)',
        taxable: false,
      },
      // A US shop: TikTok remits (marketplace facilitator); US legacy tax: nothing taxable.
      booking: {
        remitter: 'tiktok',
        engine: 'us-legacy',
        taxable: false,
        taxItemId: null,
        taxRate: null,
        taxDetailsOverride: false,
        shippingTaxCodeId: null,
        shippingCostMinor: 599,
        itemLines: [{ taxable: false }],
        discountLines: [{ taxable: false }],
        feeLines: [],
        taxLine: {
          itemId: '56',
          amountMinor: 206,
          description: 'Tax collected and remitted by TikTok Shop (marketplace facilitator)',
          taxable: false,
        },
        taxDetails: [],
        expected: { merchandiseMinor: 2500, shippingMinor: 599, taxMinor: 206 },
      },
      feeLines: [],
      totals: {
        linesMinor: 2700,
        discountsMinor: -200,
        subTotalMinor: 2500,
        shippingMinor: 599,
        taxMinor: 206,
        feesMinor: 0,
        totalMinor: 3305,
      },
      cancelledLineIds: [],
      discounts: [{ kind: 'platform', itemId: '61', amountMinor: -200 }],
      formId: null,
      orderStatus: 'B',
      shipDateUnix: null,
      shipByUnix: null,
      tiktokShipping: false,
      shipDate: null,
      sample: false,
      fbt: false,
      replacement: null,
      tiktokTaxMinor: 206,
      expectedTaxVarianceMinor: 0,
    });
  });

  it('carries department and class when the shop sets them', () => {
    const plan = planOf(order(), context({ shop: shop({ departmentId: '8', classId: '9' }) }));
    expect([plan.departmentId, plan.classId]).toEqual(['8', '9']);
  });

  it('adds the buyer note to the memo and cuts it at 999 characters', () => {
    expect(planOf(order({ buyer_message: ' gift wrap please ' }), context()).memo).toBe(
      'TikTok Shop order 576461413038785752 (Acme US); buyer note: gift wrap please',
    );
    const long = planOf(order({ buyer_message: 'x'.repeat(2000) }), context()).memo;
    expect(long).toHaveLength(999);
    expect(long.endsWith('...')).toBe(true);
  });

  it('plans no ship address when TikTok sent none', () => {
    expect(planOf(order({ recipient_address: undefined }), context()).shipAddress).toBeNull();
  });

  it('plans a three-line address into addr1-addr3', () => {
    const base = order();
    const threeLines = order({
      recipient_address: { ...base.recipient_address, address_line3: 'Floor 3', address_line4: 'Desk 12' },
    });
    expect(planOf(threeLines, context()).shipAddress).toMatchObject({
      addr1: '1 Main St',
      addr2: 'Apt 2',
      addr3: 'Floor 3, Desk 12',
    });
  });

  it('stops the order when an address field is longer than NetSuite holds, without cutting it', () => {
    const base = order();
    const line = `Building ${'X'.repeat(160)}`;
    const problems = problemsOf(
      order({ recipient_address: { ...base.recipient_address, address_line2: line } }),
      context(),
    );
    expect(problems).toEqual([{ code: 'ship_address_too_long', message: expect.any(String) as string }]);
    expect(problems[0].message).toContain(`TikTok order ${base.id}`);
    expect(problems[0].message).toContain(
      `Address 2 (addr2, from TikTok's address line 2) has ${line.length} characters; NetSuite allows 150`,
    );
    expect(problems[0].message).toContain(
      'have the address corrected in TikTok (Seller Center or the buyer)',
    );
  });

  it('imports a long phone reduced to its digits and +', () => {
    const base = order();
    const plan = planOf(
      order({
        recipient_address: { ...base.recipient_address, phone_number: '(+1) 213-555-0100 ext. 4567' },
      }),
      context(),
    );
    expect(plan.shipAddress?.addrphone).toBe('+121355501004567');
  });
});

describe('planSalesOrder: line aggregation', () => {
  it('aggregates one-line-per-unit items by (SKU, unit sale price), keeping first-seen order', () => {
    const lines = [
      plainLine({ id: '1', seller_sku: 'MUG-BLUE', sale_price: '9.99' }),
      plainLine({ id: '2', seller_sku: 'MUG-RED', sale_price: '12.50' }),
      plainLine({ id: '3', seller_sku: 'MUG-BLUE', sale_price: '9.99' }),
      plainLine({ id: '4', seller_sku: 'MUG-BLUE', sale_price: '8.00' }),
      plainLine({ id: '5', seller_sku: 'MUG-BLUE', sale_price: '9.990' }),
      plainLine({ id: '6', seller_sku: 'MUG-RED', sale_price: '12.5' }),
    ];
    const plan = planOf(order({ line_items: lines }), context());
    expect(
      plan.lines.map(({ sku, quantity, rateMinor, amountMinor, lineIds, itemId }) => ({
        sku,
        quantity,
        rateMinor,
        amountMinor,
        lineIds,
        itemId,
      })),
    ).toEqual([
      {
        sku: 'MUG-BLUE',
        quantity: 3,
        rateMinor: 999,
        amountMinor: 2997,
        lineIds: ['1', '3', '5'],
        itemId: '502',
      },
      { sku: 'MUG-RED', quantity: 2, rateMinor: 1250, amountMinor: 2500, lineIds: ['2', '6'], itemId: '501' },
      { sku: 'MUG-BLUE', quantity: 1, rateMinor: 800, amountMinor: 800, lineIds: ['4'], itemId: '502' },
    ]);
    expect(plan.totals.linesMinor).toBe(2997 + 2500 + 800);
  });

  it('sums many cents exactly', () => {
    const lines = Array.from({ length: 30 }, (_, i) => plainLine({ id: String(i + 1), sale_price: '0.10' }));
    const plan = planOf(order({ line_items: lines }), context());
    expect(plan.lines).toHaveLength(1);
    expect(plan.lines[0].quantity).toBe(30);
    expect(plan.lines[0].amountMinor).toBe(300);
  });

  it('keeps a free gift unit on its own line at rate 0', () => {
    const lines = [plainLine({ id: '1' }), plainLine({ id: '2', sale_price: '0', is_gift: true })];
    const plan = planOf(order({ line_items: lines }), context());
    expect(plan.lines.map((l) => [l.quantity, l.rateMinor])).toEqual([
      [1, 1250],
      [1, 0],
    ]);
  });

  it('leaves out line items TikTok cancelled, and lists them', () => {
    const lines = [plainLine({ id: '1' }), plainLine({ id: '2', display_status: 'CANCELLED' })];
    const plan = planOf(order({ line_items: lines }), context());
    expect(plan.lines.map((l) => l.lineIds)).toEqual([['1']]);
    expect(plan.cancelledLineIds).toEqual(['2']);
  });

  it('refuses an order whose line items are all cancelled', () => {
    const lines = [plainLine({ id: '1', display_status: 'CANCELLED' })];
    expect(problemsOf(order({ line_items: lines }), context()).map((p) => p.code)).toEqual(['no_lines']);
  });

  it('uses zero-decimal currencies as they are', () => {
    const jpy = order({
      payment: {
        ...order().payment,
        currency: 'JPY',
        sub_total: '3000',
        shipping_fee: '500',
        tax: '0',
        total_amount: '3500',
      },
      line_items: [
        plainLine({ id: '1', currency: 'JPY', sale_price: '1500' }),
        plainLine({ id: '2', currency: 'JPY', sale_price: '1500' }),
      ],
    });
    const plan = planOf(jpy, context({ shop: shop({ currency: 'JPY' }) }));
    expect(plan.lines[0]).toMatchObject({ quantity: 2, rateMinor: 1500, amountMinor: 3000 });
    expect(plan.shipping).toEqual({ shipMethodId: '55', costMinor: 500 });
  });
});

describe('planSalesOrder: SKU matching', () => {
  it('lists every unmatched SKU at once, with product names, line ids and the fix', () => {
    const lines = [
      lineItem({ id: '1', seller_sku: 'MUG-GREEN', product_name: 'Green Mug' }),
      lineItem({ id: '2', seller_sku: 'MUG-RED' }),
      lineItem({ id: '3', seller_sku: 'HAT', product_name: 'Hat', sale_price: '5.00' }),
      lineItem({ id: '4', seller_sku: 'MUG-GREEN', product_name: 'Green Mug' }),
    ];
    expect(problemsOf(order({ line_items: lines }), context())).toEqual([
      {
        code: 'unmatched_skus',
        message:
          '2 TikTok SKUs match no active NetSuite item (shop Acme US): "MUG-GREEN" (Green Mug; line item 1, 4); "HAT" (Hat; line item 3). SKUs match exactly, including case and spaces. Fix: for each SKU create the item with that Item Name/Number, or set the TikTok SKU field (custitem_tts_sku) of the existing item to exactly that SKU, then retry the order.',
      },
    ]);
  });

  it('matches exactly: case and whitespace count', () => {
    const lines = [
      lineItem({ id: '1', seller_sku: 'mug-red' }),
      lineItem({ id: '2', seller_sku: 'MUG-RED ' }),
      lineItem({ id: '3', seller_sku: 'CAP' }),
      lineItem({ id: '4', seller_sku: 'CAP ' }),
    ];
    const problems = problemsOf(order({ line_items: lines }), context());
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('3 TikTok SKUs match no active NetSuite item');
    expect(problems[0].message).toContain('"mug-red" (Ceramic Mug; line item 1)');
    expect(problems[0].message).toContain('"MUG-RED " (Ceramic Mug; line item 2)');
    expect(problems[0].message).toContain('"CAP" (Ceramic Mug; line item 3)');
    expect(problems[0].message).not.toContain('"CAP "');
  });

  it('matches a line without a seller SKU by its TikTok SKU id', () => {
    const line = lineItem({ id: '1', seller_sku: '', sku_id: '1729592969712207000' });
    expect(lineSkuKey(line)).toBe('1729592969712207000');
    const plan = planOf(order({ line_items: [line] }), context({ items: { '1729592969712207000': '77' } }));
    expect(plan.lines[0]).toMatchObject({ itemId: '77', sku: '1729592969712207000' });
    const problems = problemsOf(order({ line_items: [line] }), context());
    expect(problems[0].message).toContain(
      '"1729592969712207000" (Ceramic Mug, no Seller SKU in TikTok so matched by TikTok SKU id; line item 1)',
    );
  });

  it('stops on a SKU that several items match', () => {
    const problems = problemsOf(order(), context({ ambiguousSkus: { 'MUG-RED': ['501', '601'] } }));
    expect(problems).toEqual([
      {
        code: 'ambiguous_skus',
        message:
          'TikTok SKU matched by several active NetSuite items (shop Acme US): "MUG-RED" (Ceramic Mug; line item 1001, 1002) matches items 501, 601. Fix: keep each SKU on one item only (its Item Name/Number or its TikTok SKU field custitem_tts_sku), then retry the order.',
      },
    ]);
  });

  it('lists the SKU keys of an order once each', () => {
    const lines = [
      lineItem({ id: '1' }),
      lineItem({ id: '2' }),
      lineItem({ id: '3', seller_sku: '', sku_id: '9' }),
    ];
    expect(orderSkuKeys(order({ line_items: lines }))).toEqual(['MUG-RED', '9']);
  });
});

describe('planSalesOrder: payment method', () => {
  it('uses the "*" default for an unmapped method', () => {
    expect(planOf(order({ payment_method_name: 'PayPal' }), context()).paymentMethodId).toBe('9');
  });

  it('stops with the Payment Method Map message when nothing maps', () => {
    const problems = problemsOf(order(), context({ shop: shop({ paymentMethodMap: '{"PayPal": "3"}' }) }));
    expect(problems).toEqual([
      {
        code: 'unmapped_payment_method',
        message:
          'TikTok payment method "CCDC" has no entry in the Payment Method Map of shop Acme US. Fix: open the TikTok Shop record (Customization > TikTok Shops), add "CCDC": "<NetSuite payment method internal id>" (or a "*" default) to Payment Method Map, save, then retry the order.',
      },
    ]);
  });

  it('stops when the map itself is broken', () => {
    const problems = problemsOf(order(), context({ shop: shop({ paymentMethodMap: '{"CCDC": "Visa"}' }) }));
    expect(problems.map((p) => p.code)).toEqual(['invalid_payment_method_map']);
    expect(problems[0].message).toContain(
      'the value "Visa" for "CCDC" is not a NetSuite payment method internal id',
    );
  });

  it('an empty map stops every order', () => {
    expect(
      problemsOf(order(), context({ shop: shop({ paymentMethodMap: null }) })).map((p) => p.code),
    ).toEqual(['unmapped_payment_method']);
  });
});

describe('planSalesOrder: customer', () => {
  it('stops when the shop has no default customer', () => {
    expect(problemsOf(order(), context({ shop: shop({ customerId: null }) }))).toEqual([
      {
        code: 'no_customer',
        message:
          'Shop Acme US has no Default Customer and does not create one customer per buyer. Fix: open the TikTok Shop record (Customization > TikTok Shops), set Default Customer (or tick the one-customer-per-buyer option), save, then retry the order.',
      },
    ]);
  });

  it('uses the existing per-buyer customer', () => {
    const plan = planOf(
      order(),
      context({ shop: shop({ perBuyerCustomer: true, customerId: null }), buyerCustomerId: '888' }),
    );
    expect(plan.customer).toEqual({ kind: 'existing', id: '888' });
  });

  it('plans a new per-buyer customer when the buyer has none', () => {
    const plan = planOf(order(), context({ shop: shop({ perBuyerCustomer: true }), buyerCustomerId: null }));
    expect(plan.customer).toEqual({
      kind: 'new',
      customer: {
        externalId: 'tts_buyer_7495830000000000001_7021436810468230000',
        entityId: 'TikTok 7495830000000000001 7021436810468230000',
        firstName: 'Jane',
        lastName: 'Doe',
        email: 'v2b2V5@chat.seller.tiktok.com',
        subsidiaryId: '1',
        currencyId: null,
      },
    });
  });

  it('names a new buyer from the full name, or generically when there is none', () => {
    const perBuyer = context({ shop: shop({ perBuyerCustomer: true }) });
    const fromName = planOf(
      order({ recipient_address: { name: 'Mary Ann Lee' }, buyer_email: '' }),
      perBuyer,
    );
    expect(fromName.customer).toMatchObject({
      customer: { firstName: 'Mary Ann', lastName: 'Lee', email: null },
    });
    const single = planOf(order({ recipient_address: { name: 'Cher' } }), perBuyer);
    expect(single.customer).toMatchObject({ customer: { firstName: 'Cher', lastName: 'Buyer' } });
    const none = planOf(order({ recipient_address: undefined }), perBuyer);
    expect(none.customer).toMatchObject({
      customer: { firstName: 'TikTok', lastName: 'Buyer 7021436810468230000' },
    });
    const firstOnly = planOf(order({ recipient_address: { first_name: 'Bo' } }), perBuyer);
    expect(firstOnly.customer).toMatchObject({ customer: { firstName: 'Bo', lastName: 'Buyer' } });
  });
});

describe('planSalesOrder: shipping', () => {
  it('omits the shipping charge when the fee is zero, even without a shipping item', () => {
    const free = order({ payment: { ...order().payment, shipping_fee: '0.00' } });
    expect(planOf(free, context({ shop: shop({ shippingItemId: null }) })).shipping).toBeNull();
  });

  it('stops when there is a fee but no shipping item', () => {
    expect(problemsOf(order(), context({ shop: shop({ shippingItemId: null }) }))).toEqual([
      {
        code: 'no_shipping_item',
        message:
          'TikTok order 576461413038785752 charges 5.99 USD shipping but shop Acme US has no Shipping Item. Fix: open the TikTok Shop record (Customization > TikTok Shops), set Shipping Item to the NetSuite shipping item for TikTok orders, save, then retry the order.',
      },
    ]);
  });
});

describe('planSalesOrder: order-level checks', () => {
  it.each(['UNPAID', 'ON_HOLD', 'CANCELLED'] as const)('refuses a %s order', (status) => {
    expect(problemsOf(order({ status }), context()).map((p) => p.code)).toEqual(['not_importable']);
  });

  it('stops when the order currency differs from the shop', () => {
    const problems = problemsOf(order(), context({ shop: shop({ currency: 'GBP' }) }));
    expect(problems.map((p) => p.code)).toEqual(['currency_mismatch']);
    expect(problems[0].message).toContain('is in USD but shop Acme US is set to GBP');
  });

  it('accepts any currency when the shop has none recorded', () => {
    expect(planSalesOrder(order(), context({ shop: shop({ currency: null }) })).ok).toBe(true);
  });

  it('reports every problem together', () => {
    const broken = context({
      shop: shop({
        customerId: null,
        shippingItemId: null,
        taxItemId: null,
        paymentMethodMap: '[]',
        currency: 'EUR',
      }),
      items: {},
    });
    expect(problemsOf(order(), broken).map((p) => p.code)).toEqual([
      'currency_mismatch',
      'unmatched_skus',
      'invalid_payment_method_map',
      'no_customer',
      'no_shipping_item',
      'no_tax_item',
    ]);
  });
});

describe('formatOrderProblems', () => {
  it('joins messages, one per line, and keeps within the field size', () => {
    expect(
      formatOrderProblems([
        { code: 'no_lines', message: 'a' },
        { code: 'no_customer', message: 'b' },
      ]),
    ).toBe('a\nb');
    const long = formatOrderProblems([{ code: 'no_lines', message: 'x'.repeat(5000) }]);
    expect(long).toHaveLength(3900);
    expect(formatOrderProblems([{ code: 'no_lines', message: 'abcdef' }], 5)).toBe('ab...');
  });
});
