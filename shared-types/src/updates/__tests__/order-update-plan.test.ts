/// <reference types="jest" />
import type { SalesOrderLineState, SalesOrderState } from '../order-update-plan';
import {
  cancelledTaxMinor,
  changesSalesOrder,
  formatExceptions,
  isOrderCancelled,
  lineAmountMinor,
  planOrderUpdate,
  sameShipAddress,
} from '../order-update-plan';
import type { NetSuiteShipAddress } from '../../orders/ship-address';
import { mapShipAddress } from '../../orders/ship-address';
import type { TikTokOrder } from '../../tiktok/tiktok-order';
import { lineItem, order } from '../../../../test/support/tiktok-order-builder';

/** A three-unit mug line (1001, 1002, 1003) and a one-unit tee line (2001) at 12.50 and 20.00. */
const base = order({
  line_items: [
    lineItem({ id: '1001' }),
    lineItem({ id: '1002' }),
    lineItem({ id: '1003' }),
    lineItem({ id: '2001', seller_sku: 'TEE', sale_price: '20.00' }),
  ],
});

const address = mapShipAddress(base.recipient_address) as NetSuiteShipAddress;

function line(overrides: Partial<SalesOrderLineState>): SalesOrderLineState {
  return {
    index: 0,
    itemId: '11',
    itemName: 'MUG-RED',
    quantity: 3,
    quantityFulfilled: 0,
    isClosed: false,
    rate: 12.5,
    amount: 37.5,
    lineIds: ['1001', '1002', '1003'],
    ...overrides,
  };
}

function salesOrder(
  lines?: SalesOrderLineState[],
  shipAddress: NetSuiteShipAddress | null = address,
): SalesOrderState {
  return {
    id: '500',
    tranId: 'SO1042',
    lines: lines ?? [
      line({}),
      line({ index: 1, itemId: '12', itemName: 'TEE', quantity: 1, rate: 20, amount: 20, lineIds: ['2001'] }),
    ],
    shipAddress,
  };
}

function cancelLines(o: TikTokOrder, ids: string[], extra: Partial<TikTokOrder> = {}): TikTokOrder {
  return {
    ...o,
    ...extra,
    line_items: o.line_items.map((l) =>
      ids.includes(l.id)
        ? { ...l, display_status: 'CANCELLED', cancel_user: 'BUYER', cancel_reason: 'No longer needed' }
        : l,
    ),
  };
}

describe('planOrderUpdate: nothing new', () => {
  it('plans nothing for a payload that matches the sales order', () => {
    const plan = planOrderUpdate(base, salesOrder());
    expect(plan).toEqual({ lineChanges: [], shipAddress: null, exceptions: [], applied: [] });
    expect(changesSalesOrder(plan)).toBe(false);
  });

  it.each(['AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED'] as const)(
    'a %s status after fulfillment changes nothing and raises nothing',
    (status) => {
      const fulfilled = salesOrder([line({ quantityFulfilled: 3 })]);
      expect(planOrderUpdate({ ...base, status }, fulfilled)).toEqual({
        lineChanges: [],
        shipAddress: null,
        exceptions: [],
        applied: [],
      });
    },
  );
});

describe('planOrderUpdate: whole-order cancellation', () => {
  const cancelled: TikTokOrder = {
    ...base,
    status: 'CANCELLED',
    cancellation_initiator: 'BUYER',
    cancel_reason: 'Changed mind',
  };

  it('closes every open line before fulfillment', () => {
    const plan = planOrderUpdate(cancelled, salesOrder());
    expect(plan.lineChanges).toEqual([
      { kind: 'close', index: 0, reason: 'order cancelled' },
      { kind: 'close', index: 1, reason: 'order cancelled' },
    ]);
    expect(plan.exceptions).toEqual([]);
    expect(plan.applied[0]).toContain('by buyer');
    expect(plan.applied[0]).toContain('Changed mind');
  });

  it('treats an order whose every line item is cancelled as cancelled, whatever its status', () => {
    const allLines = cancelLines(base, ['1001', '1002', '1003', '2001']);
    expect(isOrderCancelled(allLines)).toBe(true);
    expect(planOrderUpdate(allLines, salesOrder()).lineChanges.map((c) => c.kind)).toEqual([
      'close',
      'close',
    ]);
  });

  it('skips lines already closed, so a second run plans nothing', () => {
    const closed = salesOrder([
      line({ isClosed: true }),
      line({ index: 1, isClosed: true, lineIds: ['2001'], quantity: 1 }),
    ]);
    const plan = planOrderUpdate(cancelled, closed);
    expect(plan.lineChanges).toEqual([]);
    expect(changesSalesOrder(plan)).toBe(false);
  });

  it('raises an exception and changes nothing once anything is fulfilled', () => {
    const partly = salesOrder([
      line({ quantityFulfilled: 1 }),
      line({ index: 1, quantity: 1, lineIds: ['2001'] }),
    ]);
    const plan = planOrderUpdate(cancelled, partly);
    expect(plan.lineChanges).toEqual([]);
    expect(plan.shipAddress).toBeNull();
    expect(plan.exceptions).toHaveLength(1);
    expect(plan.exceptions[0]).toContain('was cancelled in TikTok Shop (by buyer; reason: Changed mind)');
    expect(plan.exceptions[0]).toContain('SO1042');
    expect(plan.exceptions[0]).toContain('1 of 3');
    expect(plan.exceptions[0]).toContain('Return Authorization');
  });

  it('ignores a changed address on a cancelled order', () => {
    const moved: TikTokOrder = {
      ...cancelled,
      recipient_address: { ...base.recipient_address, postal_code: '10001' },
    };
    expect(planOrderUpdate(moved, salesOrder()).shipAddress).toBeNull();
  });

  it('an order without line items is not cancelled by its lines', () => {
    expect(isOrderCancelled({ status: 'AWAITING_SHIPMENT', line_items: [] })).toBe(false);
  });
});

describe('planOrderUpdate: line cancellations', () => {
  it('reduces the aggregated line by the cancelled units and drops their ids', () => {
    const plan = planOrderUpdate(cancelLines(base, ['1002']), salesOrder());
    expect(plan.lineChanges).toEqual([
      {
        kind: 'reduce',
        index: 0,
        quantity: 2,
        amount: 25,
        lineIds: ['1001', '1003'],
        reason: 'TikTok cancelled line item 1002 (by buyer; reason: No longer needed)',
      },
    ]);
    expect(plan.applied[0]).toContain('quantity 3 → 2, amount 25.00 USD');
    expect(plan.exceptions).toEqual([]);
  });

  describe("TikTok's tax of cancelled units", () => {
    const taxedUnit = (id: string, tax: string, extra = {}) =>
      lineItem({ id, item_tax: [{ tax_type: 'SALES_TAX', tax_amount: tax, tax_rate: '0.0825' }], ...extra });
    const taxed = order({
      line_items: [
        taxedUnit('1001', '1.03'),
        taxedUnit('1002', '1.03'),
        taxedUnit('1003', '1.04'),
        taxedUnit('2001', '1.65', { seller_sku: 'TEE', sale_price: '20.00' }),
      ],
    });
    /** The two item lines and the TikTok tax line (item 56, no TikTok units): 4.75. */
    const withTaxLine = salesOrder([
      line({}),
      line({ index: 1, itemId: '12', itemName: 'TEE', quantity: 1, rate: 20, amount: 20, lineIds: ['2001'] }),
      line({
        index: 2,
        itemId: '56',
        itemName: 'TikTok Collected Tax',
        quantity: 0,
        rate: 4.75,
        amount: 4.75,
        lineIds: [],
      }),
    ]);

    it('comes off the tax line, to the cent, with the units', () => {
      const cancelled = cancelLines(taxed, ['1002']);
      expect(cancelledTaxMinor(cancelled, withTaxLine)).toBe(103);
      const plan = planOrderUpdate(cancelled, withTaxLine, '56');
      expect(plan.lineChanges).toEqual([
        {
          kind: 'amount',
          index: 2,
          amount: 3.72,
          reason: 'TikTok refunds 1.03 USD tax with the cancelled units',
        },
        expect.objectContaining({ kind: 'reduce', index: 0, quantity: 2, amount: 25 }),
      ]);
      expect(plan.applied[0]).toBe(
        'TikTok tax line 3 (TikTok Collected Tax) 4.75 → 3.72 USD: TikTok refunds 1.03 USD tax with the cancelled units',
      );
    });

    it('closes the tax line when every taxed unit is cancelled by TikTok line by line', () => {
      const allButOne = cancelLines(taxed, ['1001', '1002', '1003', '2001']);
      // Every unit cancelled is a whole cancellation: all open lines close, the tax line with them.
      expect(planOrderUpdate(allButOne, withTaxLine, '56').lineChanges.map((c) => [c.kind, c.index])).toEqual(
        [
          ['close', 0],
          ['close', 1],
          ['close', 2],
        ],
      );
      const tee = cancelLines(order({ line_items: [lineItem({ id: '1001' }), taxedUnit('2001', '1.65')] }), [
        '2001',
      ]);
      const teeOnlyTax = salesOrder([
        line({ quantity: 1, amount: 12.5, lineIds: ['1001'] }),
        line({ index: 1, itemId: '12', quantity: 1, rate: 20, amount: 20, lineIds: ['2001'] }),
        line({ index: 2, itemId: '56', quantity: 0, rate: 1.65, amount: 1.65, lineIds: [] }),
      ]);
      expect(planOrderUpdate(tee, teeOnlyTax, '56').lineChanges.map((c) => [c.kind, c.index])).toEqual([
        ['close', 2],
        ['close', 1],
      ]);
    });

    it('plans nothing again once the units are off the sales order (restart-safe)', () => {
      const cancelled = cancelLines(taxed, ['1002']);
      const applied = salesOrder([
        line({ quantity: 2, amount: 25, lineIds: ['1001', '1003'] }),
        line({ index: 1, itemId: '12', quantity: 1, rate: 20, amount: 20, lineIds: ['2001'] }),
        line({ index: 2, itemId: '56', quantity: 0, rate: 3.72, amount: 3.72, lineIds: [] }),
      ]);
      expect(cancelledTaxMinor(cancelled, applied)).toBe(0);
      expect(changesSalesOrder(planOrderUpdate(cancelled, applied, '56'))).toBe(false);
    });

    it("counts a cancelled virtual bundle's tax once, though its id is on each component unit", () => {
      // Bundle 3001 imported as its components (bundle-split.ts): 2 units of item 21, 1 of item 22.
      const bundleOrder = order({
        line_items: [taxedUnit('1001', '1.03'), taxedUnit('3001', '7.01', { seller_sku: 'BUNDLE' })],
      });
      const components = salesOrder([
        line({ quantity: 1, amount: 12.5, lineIds: ['1001'] }),
        line({ index: 1, itemId: '21', quantity: 2, rate: 30, amount: 60, lineIds: ['3001', '3001'] }),
        line({ index: 2, itemId: '22', quantity: 1, rate: 25, amount: 25, lineIds: ['3001'] }),
        line({ index: 3, itemId: '56', quantity: 0, rate: 8.04, amount: 8.04, lineIds: [] }),
      ]);
      const cancelled = cancelLines(bundleOrder, ['3001']);
      expect(cancelledTaxMinor(cancelled, components)).toBe(701);
      expect(planOrderUpdate(cancelled, components, '56').lineChanges).toEqual([
        expect.objectContaining({ kind: 'amount', index: 3, amount: 1.03 }),
        expect.objectContaining({ kind: 'close', index: 1 }),
        expect.objectContaining({ kind: 'close', index: 2 }),
      ]);
    });

    it("is an exception when the sales order has no line of the shop's Tax Item", () => {
      const plan = planOrderUpdate(cancelLines(taxed, ['1002']), salesOrder(), '56');
      expect(plan.exceptions).toEqual([
        "TikTok refunds 1.03 USD tax with the units it cancelled on TikTok order 576461413038785752, but sales order SO1042 has no open line of the shop's Tax Item (item 56) to take it off. To do: reduce the TikTok tax line of sales order SO1042 by 1.03 USD.",
      ]);
      expect(plan.lineChanges).toEqual([expect.objectContaining({ kind: 'reduce', index: 0 })]);
    });
  });

  it('closes a line when all its units are cancelled, leaving the others', () => {
    const plan = planOrderUpdate(cancelLines(base, ['2001']), salesOrder());
    expect(plan.lineChanges).toEqual([
      {
        kind: 'close',
        index: 1,
        reason: 'TikTok cancelled line item 2001 (by buyer; reason: No longer needed)',
      },
    ]);
  });

  it('handles cancellations on several lines at once', () => {
    const plan = planOrderUpdate(cancelLines(base, ['1001', '1003', '2001']), salesOrder());
    expect(plan.lineChanges.map((c) => [c.kind, c.index])).toEqual([
      ['reduce', 0],
      ['close', 1],
    ]);
    expect(plan.lineChanges[0]).toMatchObject({ quantity: 1, amount: 12.5, lineIds: ['1002'] });
  });

  it('plans nothing again once the reduction is on the sales order (restart-safe)', () => {
    const after = salesOrder([
      line({ quantity: 2, lineIds: ['1001', '1003'] }),
      line({ index: 1, itemId: '12', quantity: 1, rate: 20, lineIds: ['2001'] }),
    ]);
    expect(changesSalesOrder(planOrderUpdate(cancelLines(base, ['1002']), after))).toBe(false);
  });

  it('ignores cancelled line items that were never imported (cancelled before the import)', () => {
    const withExtra: TikTokOrder = {
      ...base,
      line_items: [...base.line_items, lineItem({ id: '3001', display_status: 'CANCELLED' })],
    };
    expect(planOrderUpdate(withExtra, salesOrder()).lineChanges).toEqual([]);
  });

  it('does not touch a fulfilled line: exception naming the units, other lines still reduced', () => {
    const partly = salesOrder([
      line({ quantityFulfilled: 1 }),
      line({ index: 1, itemId: '12', itemName: 'TEE', quantity: 1, rate: 20, amount: 20, lineIds: ['2001'] }),
    ]);
    const plan = planOrderUpdate(cancelLines(base, ['1002', '2001']), partly);
    expect(plan.lineChanges).toEqual([{ kind: 'close', index: 1, reason: expect.stringContaining('2001') }]);
    expect(plan.exceptions).toHaveLength(1);
    expect(plan.exceptions[0]).toContain('line 1 (MUG-RED)');
    expect(plan.exceptions[0]).toContain('TikTok line item 1002');
    expect(plan.exceptions[0]).toContain('1 of its 3 units are already fulfilled');
  });

  it('closes instead of reducing when the quantity would reach zero', () => {
    const odd = salesOrder([line({ quantity: 1, lineIds: ['1001', '1002'] })]);
    expect(planOrderUpdate(cancelLines(base, ['1001']), odd).lineChanges).toEqual([
      expect.objectContaining({ kind: 'close', index: 0 }),
    ]);
  });

  it('leaves the amount to NetSuite when the line has no rate', () => {
    const noRate = salesOrder([line({ rate: null })]);
    expect(planOrderUpdate(cancelLines(base, ['1001']), noRate).lineChanges[0]).toMatchObject({
      amount: null,
    });
  });
});

describe('planOrderUpdate: ship-to address', () => {
  const moved: TikTokOrder = {
    ...base,
    recipient_address: { ...base.recipient_address, address_line1: '9 Elm St', postal_code: '90002' },
  };

  it('replaces the address while nothing is fulfilled', () => {
    const plan = planOrderUpdate(moved, salesOrder());
    expect(plan.shipAddress).toMatchObject({ addr1: '9 Elm St', zip: '90002', country: 'US', state: 'CA' });
    expect(plan.applied).toEqual([expect.stringContaining('9 Elm St')]);
    expect(changesSalesOrder(plan)).toBe(true);
  });

  it('raises an exception after fulfillment and keeps the old address', () => {
    const plan = planOrderUpdate(moved, salesOrder([line({ quantityFulfilled: 3 })]));
    expect(plan.shipAddress).toBeNull();
    expect(plan.exceptions).toEqual([expect.stringContaining('changed the ship-to address')]);
    expect(plan.exceptions[0]).toContain('9 Elm St');
  });

  it('sets an address on a sales order that has none', () => {
    expect(planOrderUpdate(base, salesOrder(undefined, null)).shipAddress).toEqual(address);
  });

  it('does nothing when TikTok sends no address', () => {
    expect(planOrderUpdate({ ...base, recipient_address: undefined }, salesOrder()).shipAddress).toBeNull();
  });

  it('compares ignoring case, surrounding spaces and empty-vs-missing', () => {
    const same: NetSuiteShipAddress = { ...address, addr1: ' 1 MAIN st ', addr2: address.addr2 };
    expect(sameShipAddress(address, same)).toBe(true);
    expect(sameShipAddress({ ...address, addrphone: null }, { ...address, addrphone: '' })).toBe(true);
    expect(sameShipAddress(address, { ...address, zip: '90003' })).toBe(false);
    expect(sameShipAddress(address, null)).toBe(false);
  });

  describe('lines 3 and 4', () => {
    const fourLines: TikTokOrder = {
      ...base,
      recipient_address: { ...base.recipient_address, address_line3: 'Floor 3', address_line4: 'Desk 12' },
    };
    const imported = mapShipAddress(fourLines.recipient_address) as NetSuiteShipAddress;

    it('sees an unchanged address as unchanged', () => {
      expect(imported).toMatchObject({ addr2: 'Apt 2', addr3: 'Floor 3, Desk 12' });
      const plan = planOrderUpdate(fourLines, salesOrder(undefined, imported));
      expect(plan.shipAddress).toBeNull();
      expect(changesSalesOrder(plan)).toBe(false);
    });

    it('sees an order imported with lines 2-4 joined in addr2 as unchanged', () => {
      const joined: NetSuiteShipAddress = { ...imported, addr2: 'Apt 2, Floor 3, Desk 12', addr3: null };
      const plan = planOrderUpdate(fourLines, salesOrder(undefined, joined));
      expect(plan.shipAddress).toBeNull();
      expect(plan.exceptions).toEqual([]);
    });

    it('sees a phone stored before it was reduced to digits as unchanged', () => {
      expect(
        sameShipAddress(
          { ...imported, addrphone: '+44 (0)20 7946-0958 x1' },
          { ...imported, addrphone: '+44020794609581' },
        ),
      ).toBe(true);
      expect(
        sameShipAddress({ ...imported, addrphone: '+1 213' }, { ...imported, addrphone: '+1 214' }),
      ).toBe(false);
      expect(
        sameShipAddress({ ...imported, addrphone: 'ask desk' }, { ...imported, addrphone: 'ask gate' }),
      ).toBe(false);
    });

    it('detects a change in line 4', () => {
      const changed: TikTokOrder = {
        ...fourLines,
        recipient_address: { ...fourLines.recipient_address, address_line4: 'Desk 14' },
      };
      const plan = planOrderUpdate(changed, salesOrder(undefined, imported));
      expect(plan.shipAddress).toMatchObject({ addr2: 'Apt 2', addr3: 'Floor 3, Desk 14' });
      expect(plan.applied).toEqual([expect.stringContaining('Desk 14')]);
    });

    it('detects line 3 added to an order imported without it', () => {
      const plan = planOrderUpdate(fourLines, salesOrder());
      expect(plan.shipAddress).toMatchObject({ addr3: 'Floor 3, Desk 12' });
    });

    it('does not apply a new address that is too long, and says what to do', () => {
      const long = 'Z'.repeat(151);
      const changed: TikTokOrder = {
        ...fourLines,
        recipient_address: { ...fourLines.recipient_address, address_line3: long },
      };
      const plan = planOrderUpdate(changed, salesOrder(undefined, imported));
      expect(plan.shipAddress).toBeNull();
      expect(changesSalesOrder(plan)).toBe(false);
      expect(plan.exceptions).toEqual([expect.stringContaining(`TikTok order ${base.id}`)]);
      expect(plan.exceptions[0]).toContain('Address 3 (addr3');
      expect(plan.exceptions[0]).toContain(
        `has ${long.length + ', Desk 12'.length} characters; NetSuite allows 150`,
      );
      expect(plan.exceptions[0]).toContain('sales order SO1042 keeps its current ship-to address');
    });
  });

  it('applies a line cancellation and an address change together', () => {
    const plan = planOrderUpdate(cancelLines(moved, ['1003']), salesOrder());
    expect(plan.lineChanges).toHaveLength(1);
    expect(plan.shipAddress).not.toBeNull();
    expect(plan.applied).toHaveLength(2);
  });
});

describe('helpers', () => {
  it('computes line amounts in minor units of the currency', () => {
    expect(lineAmountMinor(12.5, 2, 'USD')).toBe(2500);
    expect(lineAmountMinor(1500, 3, 'JPY')).toBe(4500);
    expect(lineAmountMinor(0.1, 3, 'USD')).toBe(30);
    expect(lineAmountMinor(null, 3, 'USD')).toBeNull();
  });

  it('joins and cuts exception texts to the TEXTAREA size', () => {
    expect(formatExceptions(['a', 'b'])).toBe('a\nb');
    expect(formatExceptions(['x'.repeat(50)], 20)).toBe(`${'x'.repeat(17)}...`);
  });
});
