/// <reference types="jest" />
import type { SalesOrderLineState, SalesOrderState } from '../order-update-plan';
import { lineAmountMinor, planOrderUpdate } from '../order-update-plan';
import { tiktokRemaining } from '../../orders/order-remaining';
import { checkUpdatedTotals, openAmountAfter } from '../order-update-totals';
import { mapShipAddress } from '../../orders/ship-address';
import type { TikTokLineItem, TikTokOrder } from '../../tiktok/tiktok-order';
import { lineItem, order } from '../../../../test/support/tiktok-order-builder';

/**
 * Partial cancellations at rates that are not exact in binary (19.99 × 100 = 1998.9999999999998,
 * 0.29 × 100 = 28.999999999999996, 4.35 × 100 = 434.99999999999994), and the totals re-check that
 * follows every update.
 */

const TAX_ITEM = '56';

function unit(id: string, sku: string, price: string, tax: string, extra: Partial<TikTokLineItem> = {}) {
  return lineItem({
    id,
    seller_sku: sku,
    product_name: sku,
    original_price: price,
    sale_price: price,
    seller_discount: '0.00',
    platform_discount: '0.00',
    item_tax: [{ tax_type: 'SALES_TAX', tax_amount: tax, tax_rate: '0.0550' }],
    ...extra,
  });
}

/** Three hats at 19.99 (1.10 tax each) and seven pins at 0.29 (0.15 tax each): 62.00 + 4.35 tax + 5.99 shipping. */
const hatsAndPins: TikTokOrder = order({
  payment: {
    currency: 'USD',
    sub_total: '62.00',
    shipping_fee: '5.99',
    seller_discount: '0.00',
    platform_discount: '0.00',
    total_amount: '72.34',
    original_total_product_price: '62.00',
    original_shipping_fee: '5.99',
    tax: '4.35',
  },
  line_items: [
    ...['h1', 'h2', 'h3'].map((id) => unit(id, 'HAT', '19.99', '1.10')),
    ...['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'].map((id) => unit(id, 'PIN', '0.29', '0.15')),
  ],
});

function soLine(overrides: Partial<SalesOrderLineState>): SalesOrderLineState {
  return {
    index: 0,
    itemId: '11',
    itemName: null,
    quantity: 1,
    quantityFulfilled: 0,
    isClosed: false,
    rate: null,
    amount: null,
    lineIds: [],
    ...overrides,
  };
}

/** The sales order the import made of hatsAndPins: two item lines and the TikTok tax line. */
const imported: SalesOrderState = {
  id: '500',
  tranId: 'SO77',
  shipAddress: mapShipAddress(order().recipient_address),
  lines: [
    soLine({
      index: 0,
      itemId: '11',
      itemName: 'HAT',
      quantity: 3,
      rate: 19.99,
      amount: 59.97,
      lineIds: ['h1', 'h2', 'h3'],
    }),
    soLine({
      index: 1,
      itemId: '12',
      itemName: 'PIN',
      quantity: 7,
      rate: 0.29,
      amount: 2.03,
      lineIds: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'],
    }),
    soLine({ index: 2, itemId: TAX_ITEM, itemName: 'TikTok Tax', quantity: 1, rate: 4.35, amount: 4.35 }),
  ],
};

function cancel(o: TikTokOrder, ids: readonly string[]): TikTokOrder {
  return {
    ...o,
    update_time: o.update_time + 600,
    line_items: o.line_items.map((l) =>
      ids.includes(l.id) ? { ...l, display_status: 'CANCELLED', cancel_user: 'BUYER' } : l,
    ),
  };
}

describe('order updates at rates not exact in binary', () => {
  it('reduces 19.99 and 0.29 lines and the 4.35 tax line to the cent', () => {
    const cancelled = cancel(hatsAndPins, ['h2', 'p3', 'p5']);
    const plan = planOrderUpdate(cancelled, imported, TAX_ITEM);
    expect(plan.exceptions).toEqual([]);
    expect(plan.lineChanges).toEqual([
      // 1.10 + 0.15 + 0.15 refunded: 4.35 − 1.40.
      {
        kind: 'amount',
        index: 2,
        amount: 2.95,
        reason: 'TikTok refunds 1.40 USD tax with the cancelled units',
      },
      expect.objectContaining({
        kind: 'reduce',
        index: 0,
        quantity: 2,
        amount: 39.98,
        lineIds: ['h1', 'h3'],
      }),
      expect.objectContaining({
        kind: 'reduce',
        index: 1,
        quantity: 5,
        amount: 1.45,
        lineIds: ['p1', 'p2', 'p4', 'p6', 'p7'],
      }),
    ]);
    expect(plan.applied).toEqual([
      'TikTok tax line 3 (TikTok Tax) 4.35 → 2.95 USD: TikTok refunds 1.40 USD tax with the cancelled units',
      'line 1 (HAT) quantity 3 → 2, amount 39.98 USD: TikTok cancelled line item h2 (by buyer)',
      'line 2 (PIN) quantity 7 → 5, amount 1.45 USD: TikTok cancelled line item p3, p5 (by buyer)',
    ]);
  });

  it('rounds each rate to the nearest minor unit, never down', () => {
    expect(lineAmountMinor(19.99, 1, 'USD')).toBe(1999);
    expect(lineAmountMinor(19.99, 2, 'USD')).toBe(3998);
    expect(lineAmountMinor(0.29, 5, 'USD')).toBe(145);
    expect(lineAmountMinor(4.35, 1, 'USD')).toBe(435);
    expect(lineAmountMinor(1.005, 1, 'USD')).toBe(100);
    expect(lineAmountMinor(2999, 2, 'JPY')).toBe(5998);
    expect(lineAmountMinor(1.2345, 1, 'KWD')).toBe(1235);
  });

  it('cancels unit by unit, each update re-checked, down to the last unit of each line', () => {
    let state = imported;
    let current = hatsAndPins;
    for (const id of ['p1', 'h1', 'p2', 'p4', 'h3']) {
      current = cancel(current, [id]);
      const plan = planOrderUpdate(current, state, TAX_ITEM);
      const totals = checkUpdatedTotals(current, state, plan);
      expect(totals).toMatchObject({ ties: true, message: null });
      state = applied(state, plan.lineChanges);
    }
    expect(state.lines.map((l) => [l.quantity, l.amount, l.isClosed])).toEqual([
      [1, 19.99, false],
      [4, 1.16, false],
      [1, 1.7, false],
    ]);
  });
});

describe('an order with buyer-paid fees (issue #11)', () => {
  const FEE_ITEM = '57';
  const withFees: TikTokOrder = {
    ...hatsAndPins,
    payment: {
      ...hatsAndPins.payment,
      handling_fee: '1.00',
      retail_delivery_fee: '0.27',
      total_amount: '73.61',
    },
  };
  const importedWithFees: SalesOrderState = {
    ...imported,
    lines: [
      ...imported.lines,
      soLine({ index: 3, itemId: FEE_ITEM, itemName: 'Buyer fee', quantity: 1, rate: 0.27, amount: 0.27 }),
      soLine({ index: 4, itemId: FEE_ITEM, itemName: 'Buyer fee', quantity: 1, rate: 1, amount: 1 }),
    ],
  };

  it('keeps the fee lines through a partial cancellation, and the re-check counts them: it ties', () => {
    const cancelled = cancel(withFees, ['h2', 'p3']);
    const plan = planOrderUpdate(cancelled, importedWithFees, TAX_ITEM);
    expect(plan.exceptions).toEqual([]);
    expect(plan.lineChanges.map((c) => c.index).sort()).toEqual([0, 1, 2]);
    expect(checkUpdatedTotals(cancelled, importedWithFees, plan)).toMatchObject({
      ties: true,
      netsuiteMinor: 6200 - 1999 - 29 + 435 - 110 - 15 + 127,
      tiktokMinor: 6200 - 1999 - 29 + 435 - 110 - 15 + 127,
    });
  });

  it('names the fees in the message when the lines are off', () => {
    const cancelled = cancel(withFees, ['h2']);
    const plan = planOrderUpdate(cancelled, importedWithFees, TAX_ITEM);
    const offByOneCent: SalesOrderState = {
      ...importedWithFees,
      lines: importedWithFees.lines.map((l) => (l.index === 4 ? { ...l, rate: 1.01, amount: 1.01 } : l)),
    };
    expect(checkUpdatedTotals(cancelled, offByOneCent, plan)?.message).toMatch(
      /\(merchandise 42\.01 USD \+ tax 3\.25 USD \+ buyer-paid fees 1\.27 USD, without shipping\), off by 0\.01 USD/,
    );
  });
});

/** The sales order after the changes, as NetSuite would load it next time. */
function applied(
  state: SalesOrderState,
  changes: ReturnType<typeof planOrderUpdate>['lineChanges'],
): SalesOrderState {
  return {
    ...state,
    lines: state.lines.map((line) => {
      const change = changes.find((c) => c.index === line.index);
      if (change === undefined) return line;
      if (change.kind === 'close') return { ...line, isClosed: true };
      if (change.kind === 'amount') return { ...line, rate: change.amount, amount: change.amount };
      return { ...line, quantity: change.quantity, amount: change.amount, lineIds: change.lineIds };
    }),
  };
}

describe('tiktokRemaining', () => {
  it("is TikTok's sub_total and tax less the cancelled units' sale price and tax", () => {
    expect(tiktokRemaining(hatsAndPins)).toEqual({ merchandiseMinor: 6200, taxMinor: 435, totalMinor: 7234 });
    expect(tiktokRemaining(cancel(hatsAndPins, ['h2', 'p3']))).toEqual({
      merchandiseMinor: 6200 - 1999 - 29,
      taxMinor: 435 - 110 - 15,
      totalMinor: 7234 - 1999 - 29 - 110 - 15,
    });
  });

  it('counts a cancelled unit without item tax as refunding no tax', () => {
    const noTax = { ...unit('x1', 'HAT', '19.99', '0'), item_tax: undefined };
    const o = {
      ...hatsAndPins,
      line_items: [...hatsAndPins.line_items, { ...noTax, display_status: 'CANCELLED' }],
    };
    expect(tiktokRemaining(o)).toEqual({
      merchandiseMinor: 6200 - 1999,
      taxMinor: 435,
      totalMinor: 7234 - 1999,
    });
  });
});

describe('openAmountAfter', () => {
  it('adds the open lines as they will be: reduced, re-priced, closed or unchanged', () => {
    expect(openAmountAfter(imported, [], 'USD')).toBe(5997 + 203 + 435);
    expect(
      openAmountAfter(
        imported,
        [
          { kind: 'close', index: 0, reason: 'r' },
          { kind: 'reduce', index: 1, quantity: 5, amount: 1.45, lineIds: [], reason: 'r' },
          { kind: 'amount', index: 2, amount: 2.95, reason: 'r' },
        ],
        'USD',
      ),
    ).toBe(145 + 295);
  });

  it('leaves out lines closed before, and cannot tell when an open line has no amount', () => {
    const closed = { ...imported, lines: imported.lines.map((l) => ({ ...l, isClosed: l.index === 0 })) };
    expect(openAmountAfter(closed, [], 'USD')).toBe(203 + 435);
    const noAmount = { ...imported, lines: [soLine({ index: 0, amount: null })] };
    expect(openAmountAfter(noAmount, [], 'USD')).toBeNull();
    expect(
      openAmountAfter(
        noAmount,
        [{ kind: 'reduce', index: 0, quantity: 1, amount: null, lineIds: [], reason: 'r' }],
        'USD',
      ),
    ).toBeNull();
    expect(openAmountAfter({ ...closed, lines: [closed.lines[0]] }, [], 'USD')).toBe(0);
  });

  it('counts discount lines (negative amounts) and 0-decimal currencies', () => {
    const yen: SalesOrderState = {
      ...imported,
      lines: [
        soLine({ index: 0, quantity: 2, rate: 1500, amount: 3000 }),
        soLine({ index: 1, itemId: '61', rate: -200, amount: -200 }),
      ],
    };
    expect(openAmountAfter(yen, [], 'JPY')).toBe(2800);
  });
});

describe('checkUpdatedTotals: the re-check after every update', () => {
  it('ties when the open lines equal what TikTok still charges', () => {
    const cancelled = cancel(hatsAndPins, ['h2', 'p3', 'p5']);
    const plan = planOrderUpdate(cancelled, imported, TAX_ITEM);
    expect(checkUpdatedTotals(cancelled, imported, plan)).toEqual({
      netsuiteMinor: 3998 + 145 + 295,
      tiktokMinor: 6200 - 1999 - 58 + 435 - 140,
      ties: true,
      message: null,
    });
  });

  it('is an exception when the update would leave the order a cent off, naming both figures and the fix', () => {
    const cancelled = cancel(hatsAndPins, ['h2']);
    const plan = planOrderUpdate(cancelled, imported, TAX_ITEM);
    const oneCentLow = {
      ...plan,
      lineChanges: plan.lineChanges.map((c) => (c.kind === 'reduce' ? { ...c, amount: 39.97 } : c)),
    };
    const totals = checkUpdatedTotals(cancelled, imported, oneCentLow);
    expect(totals).toMatchObject({ ties: false, netsuiteMinor: 3997 + 203 + 325, tiktokMinor: 4201 + 325 });
    expect(totals?.message).toBe(
      "After the TikTok update of order 576461413038785752, the open lines of sales order SO77 add up to 45.25 USD, but TikTok still charges 45.26 USD for the order's products and tax (merchandise 42.01 USD + tax 3.25 USD, without shipping), off by -0.01 USD. The cancelled units were taken off and sales order SO77 is marked Ties Out = F (custbody_tts_tieout). To do: compare sales order SO77 with the order in TikTok Seller Center; correct the line amounts (a discount line still carries the discount of a cancelled unit, for example), tick Ties Out, then set this inbox record's State to imported.",
    );
  });

  it("flags a cancelled unit's platform discount left on the discount line", () => {
    // Seller-price lines: 15.00 rate (sale 12.50 + platform 2.50), platform discount line −5.00.
    const discounted = order({
      payment: {
        currency: 'USD',
        sub_total: '25.00',
        shipping_fee: '0.00',
        seller_discount: '0.00',
        platform_discount: '5.00',
        total_amount: '25.00',
        original_total_product_price: '30.00',
        original_shipping_fee: '0.00',
        tax: '0.00',
      },
      line_items: ['d1', 'd2'].map((id) =>
        lineItem({
          id,
          original_price: '15.00',
          sale_price: '12.50',
          seller_discount: '0.00',
          platform_discount: '2.50',
        }),
      ),
    });
    const so: SalesOrderState = {
      ...imported,
      tranId: null,
      lines: [
        soLine({ index: 0, quantity: 2, rate: 15, amount: 30, lineIds: ['d1', 'd2'] }),
        soLine({ index: 1, itemId: '61', rate: -5, amount: -5 }),
      ],
    };
    const cancelled = cancel(discounted, ['d1']);
    const totals = checkUpdatedTotals(cancelled, so, planOrderUpdate(cancelled, so));
    expect(totals).toMatchObject({ ties: false, netsuiteMinor: 1000, tiktokMinor: 1250 });
    expect(totals?.message).toContain('the open lines of sales order 500 add up to 10.00 USD');
    expect(totals?.message).toContain('off by -2.50 USD');
  });

  it('has nothing to re-check without line changes, for a whole cancellation, after an exception, or without amounts', () => {
    expect(checkUpdatedTotals(hatsAndPins, imported, planOrderUpdate(hatsAndPins, imported))).toBeNull();
    const whole = cancel(
      hatsAndPins,
      hatsAndPins.line_items.map((l) => l.id),
    );
    const closing = planOrderUpdate(whole, imported, TAX_ITEM);
    expect(closing.lineChanges).toHaveLength(3);
    expect(checkUpdatedTotals(whole, imported, closing)).toBeNull();
    const statusCancelled = { ...cancel(hatsAndPins, ['h1']), status: 'CANCELLED' as const };
    expect(
      checkUpdatedTotals(statusCancelled, imported, planOrderUpdate(statusCancelled, imported)),
    ).toBeNull();
    const fulfilled = {
      ...imported,
      lines: imported.lines.map((l) => ({ ...l, quantityFulfilled: l.index === 0 ? 1 : 0 })),
    };
    const partly = cancel(hatsAndPins, ['h2', 'p1']);
    const withException = planOrderUpdate(partly, fulfilled, TAX_ITEM);
    expect(withException.exceptions).toHaveLength(1);
    expect(withException.lineChanges.length).toBeGreaterThan(0);
    expect(checkUpdatedTotals(partly, fulfilled, withException)).toBeNull();
    const noRate = { ...imported, lines: [soLine({ index: 0, quantity: 3, lineIds: ['h1', 'h2', 'h3'] })] };
    const cancelled = cancel(hatsAndPins, ['h2']);
    expect(checkUpdatedTotals(cancelled, noRate, planOrderUpdate(cancelled, noRate))).toBeNull();
  });
});
