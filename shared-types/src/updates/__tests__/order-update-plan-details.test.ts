/// <reference types="jest" />
import type { SalesOrderLineState, SalesOrderState } from '../order-update-plan';
import {
  cancelledTaxMinor,
  changesSalesOrder,
  formatExceptions,
  formatShipAddress,
  planOrderUpdate,
  sameShipAddress,
} from '../order-update-plan';
import type { NetSuiteShipAddress } from '../../orders/ship-address';
import { mapShipAddress } from '../../orders/ship-address';
import type { TikTokLineItem, TikTokOrder } from '../../tiktok/tiktok-order';
import { lineItem, order } from '../../../../test/support/tiktok-order-builder';

/**
 * The update plan's details that the mutation run (npm run mutation) showed untested: the exact
 * wording of what it applied and of its exceptions, which line is the TikTok tax line, and how
 * addresses are compared and shown.
 */

const TAX = '56';
const taxOf = (amount: string): TikTokLineItem['item_tax'] => [
  { tax_type: 'SALES_TAX', tax_amount: amount, tax_rate: '0.0825' },
];

const base = order({
  line_items: [
    lineItem({ id: '1001', item_tax: taxOf('1.03') }),
    lineItem({ id: '1002', item_tax: taxOf('1.03') }),
    lineItem({ id: '2001', seller_sku: 'TEE', sale_price: '20.00', item_tax: taxOf('1.65') }),
  ],
});
const address = mapShipAddress(base.recipient_address) as NetSuiteShipAddress;

function line(overrides: Partial<SalesOrderLineState>): SalesOrderLineState {
  return {
    index: 0,
    itemId: '11',
    itemName: 'MUG-RED',
    quantity: 2,
    quantityFulfilled: 0,
    isClosed: false,
    rate: 12.5,
    amount: 25,
    lineIds: ['1001', '1002'],
    ...overrides,
  };
}

const tee = (overrides: Partial<SalesOrderLineState> = {}) =>
  line({
    index: 1,
    itemId: '12',
    itemName: 'TEE',
    quantity: 1,
    rate: 20,
    amount: 20,
    lineIds: ['2001'],
    ...overrides,
  });
const taxLine = (overrides: Partial<SalesOrderLineState> = {}) =>
  line({
    index: 2,
    itemId: TAX,
    itemName: 'TikTok Tax',
    quantity: 1,
    rate: 3.71,
    amount: 3.71,
    lineIds: [],
    ...overrides,
  });

function salesOrder(lines: SalesOrderLineState[], overrides: Partial<SalesOrderState> = {}): SalesOrderState {
  return { id: '500', tranId: 'SO1042', lines, shipAddress: address, ...overrides };
}

function cancel(o: TikTokOrder, ids: string[], extra: Partial<TikTokLineItem> = {}): TikTokOrder {
  return {
    ...o,
    line_items: o.line_items.map((l) =>
      ids.includes(l.id) ? { ...l, display_status: 'CANCELLED', ...extra } : l,
    ),
  };
}

describe('what an update says it applied', () => {
  it('names the line by its item, or its item id when NetSuite gave no name, and the closing reason', () => {
    const plan = planOrderUpdate(
      cancel(base, ['2001'], { cancel_user: 'SELLER' }),
      salesOrder([line({}), tee({ itemName: null })]),
    );
    expect(plan.applied).toEqual(['line 2 (item 12) closed: TikTok cancelled line item 2001 (by seller)']);
  });

  it('says who cancelled and why only when TikTok says so, the reason trimmed', () => {
    const silent = planOrderUpdate(cancel(base, ['2001']), salesOrder([line({}), tee()]));
    expect(silent.applied).toEqual(['line 2 (TEE) closed: TikTok cancelled line item 2001']);
    const reasoned = planOrderUpdate(
      { ...cancel(base, ['2001']), cancel_reason: '  Out of stock ', cancellation_initiator: 'SYSTEM' },
      salesOrder([line({}), tee()]),
    );
    expect(reasoned.applied).toEqual([
      'line 2 (TEE) closed: TikTok cancelled line item 2001 (by system; reason: Out of stock)',
    ]);
  });

  it('shows no amount for a line without a rate', () => {
    const plan = planOrderUpdate(cancel(base, ['1002']), salesOrder([line({ rate: null, amount: null })]));
    expect(plan.applied).toEqual(['line 1 (MUG-RED) quantity 2 → 1: TikTok cancelled line item 1002']);
  });

  it('closes a line whose TikTok units are all cancelled even when its quantity says more are left', () => {
    const edited = salesOrder([line({ quantity: 5, lineIds: ['1001'] })]);
    expect(planOrderUpdate(cancel(base, ['1001']), edited).lineChanges).toEqual([
      { kind: 'close', index: 0, reason: 'TikTok cancelled line item 1001' },
    ]);
  });

  it('closes the tax line when the refund takes all of it', () => {
    const plan = planOrderUpdate(
      cancel(base, ['2001']),
      salesOrder([line({}), tee(), taxLine({ amount: 1.65 })]),
      TAX,
    );
    expect(plan.lineChanges[0]).toEqual({
      kind: 'close',
      index: 2,
      reason: 'TikTok refunds 1.65 USD tax with the cancelled units',
    });
    expect(plan.applied[0]).toBe(
      'TikTok tax line 3 (TikTok Tax) closed: TikTok refunds 1.65 USD tax with the cancelled units',
    );
  });
});

describe('which line is the TikTok tax line', () => {
  it("is the open line of the shop's Tax Item without TikTok units: not a closed one, not a discount line", () => {
    const lines = [
      line({}),
      tee(),
      line({ index: 2, itemId: '61', itemName: 'Discount', quantity: 1, rate: -2, amount: -2, lineIds: [] }),
      taxLine({ index: 3, isClosed: true }),
      taxLine({ index: 4 }),
    ];
    const plan = planOrderUpdate(cancel(base, ['1002']), salesOrder(lines), TAX);
    expect(plan.lineChanges[0]).toMatchObject({ kind: 'amount', index: 4, amount: 2.68 });
  });

  it('is never a line that carries TikTok units, even of the same item', () => {
    const sameItem = [line({ itemId: TAX }), tee()];
    const plan = planOrderUpdate(cancel(base, ['2001']), salesOrder(sameItem), TAX);
    expect(plan.exceptions).toEqual([
      `TikTok refunds 1.65 USD tax with the units it cancelled on TikTok order ${base.id}, but sales order SO1042 has no open line of the shop's Tax Item (item 56) to take it off. To do: reduce the TikTok tax line of sales order SO1042 by 1.65 USD.`,
    ]);
  });

  it('says when the shop has no Tax Item set, naming the order by its id when it has no number', () => {
    const plan = planOrderUpdate(
      cancel(base, ['2001']),
      salesOrder([line({}), tee(), taxLine()], { tranId: null }),
    );
    expect(plan.exceptions).toEqual([
      `TikTok refunds 1.65 USD tax with the units it cancelled on TikTok order ${base.id}, but sales order 500 has no open line of the shop's Tax Item (the shop has none set) to take it off. To do: reduce the TikTok tax line of sales order 500 by 1.65 USD.`,
    ]);
  });

  it('refunds no tax for units on a fulfilled line, nor for cancelled units on a closed line', () => {
    const fulfilled = salesOrder([line({ quantityFulfilled: 1 }), tee({ isClosed: true }), taxLine()]);
    expect(cancelledTaxMinor(cancel(base, ['1002', '2001']), fulfilled)).toBe(0);
    const plan = planOrderUpdate(cancel(base, ['1002', '2001']), fulfilled, TAX);
    expect(plan.lineChanges).toEqual([]);
  });
});

describe('exceptions, word for word', () => {
  it('lists every fulfilled line when TikTok cancels a shipped order', () => {
    const shipped = salesOrder([line({ quantityFulfilled: 2 }), tee({ quantityFulfilled: 1 })]);
    const plan = planOrderUpdate({ ...base, status: 'CANCELLED' }, shipped);
    expect(plan.exceptions[0]).toContain(
      'after sales order SO1042 was fulfilled (line 1 (MUG-RED): 2 of 2; line 2 (TEE): 1 of 1).',
    );
  });

  it('names every cancelled unit of a fulfilled line', () => {
    const plan = planOrderUpdate(
      cancel(base, ['1001', '1002']),
      salesOrder([line({ quantityFulfilled: 1 })]),
    );
    expect(plan.exceptions[0]).toBe(
      "TikTok cancelled 2 unit(s) of line 1 (MUG-RED) of sales order SO1042 (TikTok line item 1001, 1002), but 1 of its 2 units are already fulfilled, so the connector did not change the line. To do: if a cancelled unit was shipped, create a Return Authorization (or a refund) for it; otherwise reduce the line's quantity by 2 on sales order SO1042.",
    );
  });

  it('keeps exceptions that fit the field exactly, and cuts longer ones with "..."', () => {
    expect(formatExceptions(['x'.repeat(10)], 10)).toBe('x'.repeat(10));
    expect(formatExceptions(['x'.repeat(11)], 10)).toBe('xxxxxxx...');
  });
});

describe('addresses', () => {
  const moved: TikTokOrder = {
    ...base,
    recipient_address: { ...base.recipient_address, address_line1: '9 Elm St' },
  };

  it('does not change the address once any line is partly fulfilled', () => {
    const plan = planOrderUpdate(moved, salesOrder([line({ quantityFulfilled: 1 }), tee()]));
    expect(plan.shipAddress).toBeNull();
    expect(plan.exceptions).toEqual([expect.stringContaining('changed the ship-to address')]);
  });

  it('sees runs of spaces inside a field as one space', () => {
    expect(sameShipAddress(address, { ...address, city: 'Los   Angeles' })).toBe(true);
    expect(sameShipAddress(address, { ...address, city: 'LosAngeles' })).toBe(false);
  });

  it('shows the filled fields only, comma-separated, in NetSuite order', () => {
    expect(
      formatShipAddress({
        country: 'US',
        addressee: 'Jane Doe',
        addr1: '1 Main St',
        addr2: '  ',
        addr3: null,
        city: 'Los Angeles',
        state: 'CA',
        zip: '90001',
        addrphone: null,
      }),
    ).toBe('US, Jane Doe, 1 Main St, Los Angeles, CA, 90001');
  });
});

describe('changesSalesOrder', () => {
  it('is true for line changes alone, for an address alone, false for neither', () => {
    const none = { lineChanges: [], shipAddress: null, exceptions: [], applied: [] };
    expect(changesSalesOrder(none)).toBe(false);
    expect(changesSalesOrder({ ...none, lineChanges: [{ kind: 'close', index: 0, reason: 'r' }] })).toBe(
      true,
    );
    expect(changesSalesOrder({ ...none, shipAddress: address })).toBe(true);
  });
});
