import { Problems } from '../../contract/validation-problems';
import type { ReturnableOrderLine, ReturnWarehouseRow, RmaPlanContext } from '../rma-plan';
import { planReturnAuthorization, returnedLines, returnWarehouseLocation } from '../rma-plan';
import { returnNeedsWork, validateReturnsUpsert } from '../returns-upsert';
import { byTimeLeft, returnsOffNotes } from '../return-review';
import { createStatus, planRmaStatus, RETURN_STATUS_TABLE } from '../return-status';
import { checkTikTokReturn, isRmaReturn, sellerDeadline, TIKTOK_RETURN_STATUSES } from '../tiktok-return';
import { returnLines, SHOP_ID, tiktokReturn } from './return-fixtures';

function problemsOf(value: unknown): string[] {
  const problems = new Problems();
  checkTikTokReturn(problems, 'returns[0]', value);
  return problems.toList();
}

const lines: ReturnableOrderLine[] = [
  {
    line: '1',
    itemId: '10',
    tiktokLineIds: ['576461413038785753', '576461413038785754'],
    quantity: 2,
    isClosed: false,
  },
  { line: '2', itemId: '11', tiktokLineIds: ['576461413038785755'], quantity: 1, isClosed: false },
  // A virtual bundle's component line: the bundle's id once per component unit.
  {
    line: '3',
    itemId: '12',
    tiktokLineIds: ['576461413038785756', '576461413038785756'],
    quantity: 2,
    isClosed: false,
  },
  { line: '4', itemId: '99', tiktokLineIds: [], quantity: 1, isClosed: false },
];

function context(overrides: Partial<RmaPlanContext> = {}): RmaPlanContext {
  return {
    shopId: SHOP_ID,
    salesOrderId: '900',
    orderLines: lines,
    returnWarehouseLocationId: null,
    salesOrderLocationId: '2',
    shopDefaultLocationId: '3',
    replacementSalesOrderId: null,
    ...overrides,
  };
}

describe('TikTok return validation', () => {
  it('accepts a return as Search Returns gives it', () => {
    expect(problemsOf(tiktokReturn())).toEqual([]);
  });

  it('names the field and the fix for each bad value', () => {
    const problems = problemsOf({
      ...tiktokReturn(),
      return_id: 4035318504,
      return_type: 'EXCHANGE',
      return_status: 'RETURN_OR_REFUND__REQUEST_CANCELLED',
      update_time: '1764900100',
      seller_next_action_response: [{ action: 'SELLER_RESPOND_RETURN' }],
      return_line_items: [
        { return_line_item_id: '1', order_line_item_id: '576461413038785753' },
        { return_line_item_id: '2', order_line_item_id: '576461413038785753' },
      ],
    });
    expect(problems).toEqual([
      expect.stringMatching(/^returns\[0\]\.return_id: number 4035318504 is not a TikTok id/),
      expect.stringMatching(
        /^returns\[0\]\.return_type: "EXCHANGE" is not a TikTok return type; send one of REFUND, RETURN_AND_REFUND, REPLACEMENT/,
      ),
      expect.stringMatching(
        /^returns\[0\]\.return_status: "RETURN_OR_REFUND__REQUEST_CANCELLED" is not a TikTok return status/,
      ),
      expect.stringMatching(/^returns\[0\]\.update_time: .* is not a time; send Unix seconds/),
      expect.stringMatching(/^returns\[0\]\.seller_next_action_response\[0\]: an object is not/),
      expect.stringMatching(
        /^returns\[0\]\.return_line_items\[1\]\.order_line_item_id: order line item 576461413038785753 is returned twice/,
      ),
    ]);
  });

  it('refuses a return without line items', () => {
    expect(problemsOf(tiktokReturn({ return_line_items: [] }))).toEqual([
      expect.stringMatching(/^returns\[0\]\.return_line_items: an array of 0 is not a non-empty array/),
    ]);
  });

  it('sends goods back only for returns and replacements; the earliest deadline counts', () => {
    expect(isRmaReturn(tiktokReturn({ return_type: 'REFUND' }))).toBe(false);
    expect(isRmaReturn(tiktokReturn({ return_type: 'REPLACEMENT' }))).toBe(true);
    expect(
      sellerDeadline(
        tiktokReturn({
          seller_next_action_response: [
            { action: 'A', deadline: 300 },
            { action: 'B', deadline: 200 },
          ],
        }),
      ),
    ).toBe(200);
    expect(sellerDeadline(tiktokReturn({ seller_next_action_response: [] }))).toBeNull();
  });
});

describe('return status table', () => {
  it('has a row for every TikTok status', () => {
    expect(Object.keys(RETURN_STATUS_TABLE).sort()).toEqual([...TIKTOK_RETURN_STATUSES].sort());
  });

  it('creates pending requests for approval, approved ones pending receipt, refused ones closed', () => {
    expect(createStatus('RETURN_OR_REFUND_REQUEST_PENDING')).toEqual({ orderStatus: 'A', close: false });
    expect(createStatus('AWAITING_BUYER_SHIP')).toEqual({ orderStatus: 'B', close: false });
    expect(createStatus('BUYER_SHIPPED_ITEM')).toEqual({ orderStatus: 'B', close: false });
    expect(createStatus('REFUND_OR_RETURN_REQUEST_REJECT')).toEqual({ orderStatus: 'B', close: true });
    expect(createStatus('REPLACEMENT_REQUEST_CANCEL')).toEqual({ orderStatus: 'B', close: true });
  });

  it('approves once, closes once and never moves back', () => {
    const pending = { orderStatus: 'A' as const, closed: false, receivedUnits: 0 };
    const approved = { orderStatus: 'B' as const, closed: false, receivedUnits: 0 };
    expect(planRmaStatus('AWAITING_BUYER_SHIP', pending, '')).toEqual({
      approve: true,
      close: false,
      attention: null,
    });
    expect(planRmaStatus('AWAITING_BUYER_SHIP', approved, '')).toEqual({
      approve: false,
      close: false,
      attention: null,
    });
    expect(planRmaStatus('RETURN_OR_REFUND_REQUEST_PENDING', approved, undefined)).toEqual({
      approve: false,
      close: false,
      attention: null,
    });
    expect(planRmaStatus('RETURN_OR_REFUND_REQUEST_CANCEL', approved, '')).toEqual({
      approve: false,
      close: true,
      attention: null,
    });
    // NetSuite closes only an approved RMA: a rejected or cancelled pending one is approved and closed.
    for (const status of ['REFUND_OR_RETURN_REQUEST_REJECT', 'REPLACEMENT_REQUEST_CANCEL'] as const) {
      expect(planRmaStatus(status, pending, '')).toEqual({ approve: true, close: true, attention: null });
    }
    const closedPending = { orderStatus: 'A' as const, closed: true, receivedUnits: 0 };
    expect(planRmaStatus('REFUND_OR_RETURN_REQUEST_REJECT', closedPending, '')).toEqual({
      approve: true,
      close: false,
      attention: null,
    });
    const closed = { orderStatus: 'B' as const, closed: true, receivedUnits: 0 };
    expect(planRmaStatus('RETURN_OR_REFUND_REQUEST_CANCEL', closed, '')).toEqual({
      approve: false,
      close: false,
      attention: null,
    });
    expect(planRmaStatus('AWAITING_BUYER_SHIP', closed, '').attention).toMatch(
      /the RMA is closed: reopen its lines/,
    );
  });

  it('says when TikTok received the goods and NetSuite has no receipt, and when TikTok arbitrates', () => {
    const approved = { orderStatus: 'B' as const, closed: false, receivedUnits: 0 };
    expect(planRmaStatus('RETURN_OR_REFUND_REQUEST_SUCCESS', approved, '').attention).toMatch(
      /package was received .* NetSuite has no item receipt: receive the goods on the RMA/,
    );
    expect(
      planRmaStatus('RETURN_OR_REFUND_REQUEST_SUCCESS', { ...approved, receivedUnits: 1 }, '').attention,
    ).toBeNull();
    expect(planRmaStatus('BUYER_SHIPPED_ITEM', approved, 'IN_PROGRESS').attention).toBe(
      "In TikTok arbitration (IN_PROGRESS): wait for TikTok's decision",
    );
  });
});

describe('RMA plan', () => {
  it('returns the units whose TikTok ids are on a line, one per id', () => {
    const plan = planReturnAuthorization(
      tiktokReturn({ return_line_items: returnLines(['576461413038785754', '576461413038785756']) }),
      context(),
    );
    expect(plan).toEqual({
      ok: true,
      plan: expect.objectContaining({
        externalId: `tts_ret_${SHOP_ID}_4035318504086604100`,
        salesOrderId: '900',
        orderStatus: 'A',
        closeLines: false,
        lines: [
          {
            orderLine: '1',
            orderLineIds: '576461413038785753,576461413038785754',
            itemId: '10',
            quantity: 1,
            returnedIds: ['576461413038785754'],
          },
          {
            orderLine: '3',
            orderLineIds: '576461413038785756,576461413038785756',
            itemId: '12',
            quantity: 2,
            returnedIds: ['576461413038785756'],
          },
        ],
        reason: 'Wrong size',
        deadline: 1765072800,
        memo: 'TikTok return 4035318504086604100: Wrong size',
      }),
    });
  });

  it('refuses ids on no open line, naming them and the fix', () => {
    const closedLines = lines.map((l) => (l.line === '2' ? { ...l, isClosed: true } : l));
    const plan = planReturnAuthorization(
      tiktokReturn({ return_line_items: returnLines(['576461413038785755', '111']) }),
      context({ orderLines: closedLines }),
    );
    expect(plan).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(
          /order line item\(s\) 576461413038785755, 111 of order .* on no open line of sales order 900 \(TikTok Line Item IDs, custcol_tts_line_ids\)\. Fix:/,
        ),
      ],
    });
  });

  it('takes the return warehouse, else the sales order, else the shop default location', () => {
    const where = (c: Partial<RmaPlanContext>) => {
      const r = planReturnAuthorization(tiktokReturn(), context(c));
      return r.ok ? [r.plan.locationId, r.plan.locationSource] : null;
    };
    expect(where({ returnWarehouseLocationId: '7' })).toEqual(['7', 'return warehouse']);
    expect(where({})).toEqual(['2', 'sales order']);
    expect(where({ salesOrderLocationId: null })).toEqual(['3', 'shop default']);
    expect(where({ salesOrderLocationId: null, shopDefaultLocationId: null })).toEqual([null, 'none']);
  });

  it('links a replacement to the replacement order’s sales order, and only a replacement', () => {
    const replacement = planReturnAuthorization(
      tiktokReturn({ return_type: 'REPLACEMENT', return_status: 'REPLACEMENT_REQUEST_COMPLETE' }),
      context({ replacementSalesOrderId: '950' }),
    );
    expect(replacement.ok && replacement.plan.replacementSalesOrderId).toBe('950');
    expect(replacement.ok && replacement.plan.orderStatus).toBe('B');
    const plain = planReturnAuthorization(tiktokReturn(), context({ replacementSalesOrderId: '950' }));
    expect(plain.ok && plain.plan.replacementSalesOrderId).toBeNull();
  });

  it('counts nothing on closed lines or lines without TikTok ids', () => {
    expect(returnedLines(lines, [])).toEqual({ lines: [], unmatched: [] });
  });
});

describe('return warehouse location', () => {
  const row = (recordId: string, overrides: Partial<ReturnWarehouseRow> = {}): ReturnWarehouseRow => ({
    recordId,
    type: 'RETURN_WAREHOUSE',
    isDefault: false,
    status: 'ENABLED',
    locationId: `L${recordId}`,
    ...overrides,
  });

  it('takes a linked return warehouse, TikTok’s default first, never a sales or deleted one', () => {
    expect(returnWarehouseLocation([row('3'), row('2')])).toBe('L2');
    expect(returnWarehouseLocation([row('2'), row('3', { isDefault: true })])).toBe('L3');
    expect(
      returnWarehouseLocation([
        row('1', { type: 'SALES_WAREHOUSE' }),
        row('2', { status: 'DELETED', isDefault: true }),
        row('3', { locationId: null }),
      ]),
    ).toBeNull();
  });
});

describe('returns.upsert validation and decision', () => {
  it('takes 1 to 20 distinct valid returns of a shop', () => {
    expect(
      validateReturnsUpsert({ action: 'returns.upsert', shopId: SHOP_ID, returns: [tiktokReturn()] }).ok,
    ).toBe(true);
    const bad = validateReturnsUpsert({ shopId: 'x', returns: [tiktokReturn(), tiktokReturn()] });
    expect(bad).toEqual({
      ok: false,
      problems: [
        'shopId: "x" is not a TikTok shop id; send its digits as a string',
        'returns[1].return_id: return 4035318504086604100 is sent twice; send each return once',
      ],
    });
    const many = validateReturnsUpsert({
      shopId: SHOP_ID,
      returns: Array.from({ length: 21 }, () => tiktokReturn()),
    });
    expect(many).toEqual({ ok: false, problems: ['returns: 21 returns sent; send at most 20 per call'] });
  });

  it('works on new, newer and unfinished returns; never on older payloads', () => {
    const stored = { recordId: '5', updateTime: 100, state: 'created', rmaId: '9' };
    expect(returnNeedsWork(null, { update_time: 1 })).toBe('new');
    expect(returnNeedsWork(stored, { update_time: 101 })).toBe('newer');
    expect(returnNeedsWork(stored, { update_time: 100 })).toBe('none');
    expect(returnNeedsWork(stored, { update_time: 99 })).toBe('none');
    expect(returnNeedsWork({ ...stored, state: 'waiting', rmaId: null }, { update_time: 100 })).toBe('retry');
  });
});

describe('returns on the exceptions page', () => {
  it('lists returns with a deadline by time left, then the others', () => {
    const rows = [
      { id: 'a', deadline: null },
      { id: 'b', deadline: '2026-12-07 10:00' },
      { id: 'c', deadline: '2026-12-06 23:30' },
    ];
    expect(byTimeLeft(rows).map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });

  it('says the flow is off for each such shop', () => {
    expect(returnsOffNotes(['Honeycomb US'])).toEqual([
      expect.stringMatching(
        /^Push returns to NetSuite as Return Authorizations is off for shop Honeycomb US: TikTok returns are not brought into NetSuite/,
      ),
    ]);
  });
});
