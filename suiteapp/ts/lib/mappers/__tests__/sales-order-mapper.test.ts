import { order, shop } from '../../../../../test/support/tiktok-order-builder';
import type { SalesOrderPlan } from '../../../../../shared-types/src/orders/order-plan';
import { planSalesOrder } from '../../../../../shared-types/src/orders/order-plan';
import type { OrderUpdatePlan } from '../../../../../shared-types/src/updates/order-update-plan';
import type { FieldValue, RecordWrite } from '../record-declaration';
import {
  newSalesOrderWrite,
  READ_BACK_COLUMNS,
  readBackFromLookup,
  SALES_ORDER,
  salesOrderUpdateWrite,
} from '../sales-order-mapper';

/**
 * The sales order mapper's writes and read-back, without NetSuite: which fields a TikTok order
 * becomes (none a US legacy-tax sales order lacks) and what the tie-out reads.
 */

function plan(): SalesOrderPlan {
  const result = planSalesOrder(order(), { shop: shop(), items: { 'MUG-RED': '501' } });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

function body(write: RecordWrite): Record<string, FieldValue> {
  return Object.fromEntries(write.body);
}

function lines(write: RecordWrite): Record<string, FieldValue>[] {
  return write.sublists.flatMap((s) => s.lines.map((line) => Object.fromEntries(line.fields)));
}

describe('newSalesOrderWrite', () => {
  const write = newSalesOrderWrite(plan(), '101');

  it("books TikTok's tax on one non-taxable line of the shop's Tax Item, with nothing taxable", () => {
    expect(lines(write)).toEqual([
      {
        item: '501',
        quantity: 2,
        price: '-1',
        rate: 13.5,
        amount: 27,
        location: '3',
        istaxable: false,
        custcol_tts_line_ids: '1001,1002',
      },
      { item: '61', price: '-1', rate: -2, amount: -2, istaxable: false },
      {
        item: '56',
        price: '-1',
        rate: 2.06,
        amount: 2.06,
        istaxable: false,
        description: 'Tax collected and remitted by TikTok Shop (marketplace facilitator)',
      },
    ]);
    expect(body(write)).toMatchObject({
      istaxable: false,
      custbody_tts_tax: 2.06,
      custbody_tts_tax_variance: 0,
    });
  });

  it('sets no tax amount field: a US legacy-tax sales order has neither tax1amt nor shippingtax1amt', () => {
    const ids = [...write.body.map(([id]) => id), ...lines(write).flatMap((line) => Object.keys(line))];
    expect(ids).not.toContain('tax1amt');
    expect(ids).not.toContain('shippingtax1amt');
  });

  it('charges shipping as ship method + shipping cost and writes the ship-to address, country first', () => {
    expect(body(write)).toMatchObject({ shipmethod: '55', shippingcost: 5.99, entity: '101' });
    expect(write.subrecords).toEqual([
      {
        fieldId: 'shippingaddress',
        fields: [
          ['country', 'US'],
          ['addressee', 'Jane Doe'],
          ['addr1', '1 Main St'],
          ['addr2', 'Apt 2'],
          ['city', 'Los Angeles'],
          ['state', 'CA'],
          ['zip', '90001'],
          ['addrphone', '(+1)213-555-0100'],
        ],
      },
    ]);
  });

  it('writes no tax line for an order without tax', () => {
    const untaxed = planSalesOrder(
      order({ payment: { ...order().payment, tax: '0.00', total_amount: '30.99' } }),
      {
        shop: shop({ taxItemId: null }),
        items: { 'MUG-RED': '501' },
      },
    );
    if (!untaxed.ok) throw new Error(JSON.stringify(untaxed.problems));
    expect(lines(newSalesOrderWrite(untaxed.plan, '101')).map((line) => line.item)).toEqual(['501', '61']);
  });
});

describe('the tie-out read-back', () => {
  it('reads transaction search columns that exist: total, shippingamount, taxtotal (not subtotal, shippingcost)', () => {
    expect(READ_BACK_COLUMNS).toEqual(
      expect.arrayContaining([
        'total',
        'shippingamount',
        'taxtotal',
        'tranid',
        'entity',
        'location',
        'paymentmethod',
      ]),
    );
    expect(READ_BACK_COLUMNS).not.toContain('subtotal');
    expect(READ_BACK_COLUMNS).not.toContain('shippingcost');
  });

  it('turns lookupFields values into the figures and names', () => {
    expect(
      readBackFromLookup({
        total: '33.05',
        shippingamount: '5.99',
        taxtotal: '',
        tranid: 'SO1001',
        entity: [{ value: '101', text: 'TikTok Shop Customer' }],
        location: [{ value: '3', text: 'Main Warehouse' }],
        paymentmethod: [],
      }),
    ).toEqual({
      total: '33.05',
      shipping: '5.99',
      taxTotal: '',
      tranId: 'SO1001',
      customerId: '101',
      customer: 'TikTok Shop Customer',
      location: 'Main Warehouse',
      paymentMethod: null,
    });
  });
});

describe('salesOrderUpdateWrite', () => {
  it('closes, reduces and re-prices the tax line by line index', () => {
    const update: OrderUpdatePlan = {
      lineChanges: [
        { kind: 'amount', index: 2, amount: 1.03, reason: 'refund' },
        { kind: 'reduce', index: 0, quantity: 1, amount: 13.5, lineIds: ['1001'], reason: 'cancel' },
        { kind: 'close', index: 1, reason: 'cancel' },
      ],
      shipAddress: null,
      exceptions: [],
      applied: [],
    };
    expect(salesOrderUpdateWrite(update)).toEqual({
      body: [],
      sublists: [
        {
          sublistId: SALES_ORDER.sublists.item.id,
          lines: [
            {
              line: 2,
              fields: [
                ['rate', 1.03],
                ['amount', 1.03],
              ],
            },
            {
              line: 0,
              fields: [
                ['quantity', 1],
                ['amount', 13.5],
                ['custcol_tts_line_ids', '1001'],
              ],
            },
            { line: 1, fields: [['isclosed', true]] },
          ],
        },
      ],
      subrecords: [],
    });
  });
});
