/// <reference types="jest" />
import type { ParsedInboxRow, PendingInboxRow } from '../import-work';
import {
  buildImportWork,
  buyersToLookUp,
  ownSalesOrdersToLookUp,
  parseInboxPayload,
  pendingLeftOver,
  selectForRun,
  skusToLookUp,
} from '../import-work';
import type { ShopSettings } from '../../settings/shop-settings';
import { lineItem, order, shop } from '../../../../test/support/tiktok-order-builder';

function row(id: string, payload: string | null, shopRecordId = '7'): PendingInboxRow {
  return { id, shopRecordId, orderId: '576461413038785752', payload, attempts: 1 };
}

function parsedRow(id: string, o = order(), shopRecordId = '7'): ParsedInboxRow {
  return parseInboxPayload(row(id, JSON.stringify(o), shopRecordId));
}

describe('parseInboxPayload', () => {
  it('reads a stored order', () => {
    const parsed = parsedRow('1');
    expect(parsed.problem).toBeNull();
    expect(parsed.order).toEqual(order());
  });

  it('explains an empty, non-JSON or unreadable payload', () => {
    expect(parseInboxPayload(row('1', null)).problem).toBe(
      'Inbox record 1 has no order payload. Fix: resend TikTok order 576461413038785752 from the bridge.',
    );
    expect(parseInboxPayload(row('1', '{oops')).problem).toMatch(
      /^Inbox record 1 holds a payload that is not JSON \(.+\)\. Fix: resend TikTok order 576461413038785752 from the bridge\.$/,
    );
    expect(parseInboxPayload(row('1', '{"id":"x"}')).problem).toContain(
      'Inbox record 1 holds an order payload the connector cannot read: payload.id: "x" is not a TikTok order id',
    );
  });
});

describe('lookups of an import run', () => {
  const shops = new Map<string, ShopSettings>([
    ['7', shop()],
    ['8', shop({ recordId: '8', shopId: '42', perBuyerCustomer: true })],
    ['9', shop({ recordId: '9', shopId: '43', pushOrders: false, perBuyerCustomer: true })],
  ]);
  const rows = [
    parsedRow(
      '1',
      order({ line_items: [lineItem({ id: '1', seller_sku: 'B' }), lineItem({ id: '2', seller_sku: 'A' })] }),
    ),
    parsedRow(
      '2',
      order({
        line_items: [
          lineItem({ id: '3', seller_sku: 'A' }),
          lineItem({ id: '4', seller_sku: '', sku_id: '99' }),
        ],
      }),
      '8',
    ),
    parsedRow('3', order({ status: 'UNPAID', line_items: [lineItem({ seller_sku: 'WAITING' })] })),
    parsedRow('4', order({ line_items: [lineItem({ seller_sku: 'HELD' })] }), '9'),
    parseInboxPayload(row('5', null)),
  ];

  it('looks up the SKUs of orders that will be planned, once each', () => {
    expect(skusToLookUp(rows, shops)).toEqual(['99', 'A', 'B']);
  });

  it('looks up per-buyer customers of shops that use them', () => {
    expect(buyersToLookUp(rows, shops)).toEqual(['tts_buyer_42_7021436810468230000']);
  });
});

describe('buildImportWork', () => {
  const shops = new Map<string, ShopSettings>([
    ['7', shop()],
    ['8', shop({ recordId: '8', shopId: '42', perBuyerCustomer: true })],
    ['9', shop({ recordId: '9', pushOrders: false })],
  ]);
  const skuMap = { items: { 'MUG-RED': '501', OTHER: '600' }, ambiguous: { 'MUG-BLUE': ['1', '2'] } };

  it('gives each inbox record its order, shop and only its own lookups', () => {
    const o = order({
      line_items: [
        lineItem({ id: '1' }),
        lineItem({ id: '2', seller_sku: 'MUG-BLUE' }),
        lineItem({ id: '3', seller_sku: 'NEW' }),
      ],
    });
    const work = buildImportWork([parsedRow('11', o, '8')], shops, skuMap, {
      tts_buyer_42_7021436810468230000: '900',
    });
    expect(work).toEqual({
      items: {
        '11': {
          inboxId: '11',
          attempts: 1,
          shop: shops.get('8'),
          order: o,
          blocked: null,
          items: { 'MUG-RED': '501' },
          ambiguousSkus: { 'MUG-BLUE': ['1', '2'] },
          buyerCustomerId: '900',
          warehouse: null,
          replacedSalesOrderId: null,
          salesOrderId: null,
          updateTime: null,
        },
      },
      held: [],
    });
  });

  it("links an order's own sales order, found by externalid or already on the inbox record, and hands out the run's claim token", () => {
    const o = order({ id: '576461413038785001' });
    const other = order({ id: '576461413038785002', user_id: '7021436810468230999' });
    expect(ownSalesOrdersToLookUp([parsedRow('31', o, '8'), parsedRow('32', other, '8')], shops)).toEqual([
      'tts_42_576461413038785001',
      'tts_42_576461413038785002',
    ]);
    const linked = { ...parsedRow('32', other, '8'), salesOrderId: '77', updateTime: 1700000100 };
    const work = buildImportWork(
      [parsedRow('31', o, '8'), linked],
      shops,
      skuMap,
      {},
      {
        salesOrders: { tts_42_576461413038785001: '7001' },
        claimToken: 'customdeploy_tts_mr_import_sched:1700000200:abc123',
      },
    );
    expect(work.items['31']).toMatchObject({
      salesOrderId: '7001',
      claimToken: 'customdeploy_tts_mr_import_sched:1700000200:abc123',
    });
    expect(work.items['32']).toMatchObject({ salesOrderId: '77', updateTime: 1700000100 });
  });

  it("takes one order per new buyer in a run and holds the buyer's others for the next run", () => {
    const first = order({ id: '576461413038785001' });
    const second = order({ id: '576461413038785002' });
    const other = order({ id: '576461413038785003', user_id: '7021436810468230999' });
    const rows = [parsedRow('21', first, '8'), parsedRow('22', second, '8'), parsedRow('23', other, '8')];
    const fresh = buildImportWork(rows, shops, skuMap, {});
    expect(Object.keys(fresh.items).sort()).toEqual(['21', '23']);
    expect(fresh.held).toEqual(['22']);
    const known = buildImportWork(rows, shops, skuMap, { tts_buyer_42_7021436810468230000: '900' });
    expect(Object.keys(known.items).sort()).toEqual(['21', '22', '23']);
    expect(known.held).toEqual([]);
  });

  it('holds back orders of shops with Push orders off', () => {
    const work = buildImportWork([parsedRow('12', order(), '9'), parsedRow('13')], shops, skuMap, {});
    expect(work.held).toEqual(['12']);
    expect(Object.keys(work.items)).toEqual(['13']);
    expect(work.items['13'].buyerCustomerId).toBeNull();
  });

  it('blocks unreadable payloads and orders of missing shops with a message', () => {
    const work = buildImportWork(
      [parseInboxPayload(row('14', '')), parsedRow('15', order(), '404')],
      shops,
      skuMap,
      {},
    );
    expect(work.items['14']).toMatchObject({
      order: null,
      blocked: expect.stringContaining('has no order payload'),
    });
    expect(work.items['15']).toMatchObject({
      order: null,
      blocked:
        'Inbox record 15 points to TikTok Shop record 404, which does not exist. Fix: reconnect the shop from the bridge (it re-creates the shop record), then resend TikTok order 576461413038785752.',
      shop: { recordId: '404', pushOrders: false },
    });
  });
});

describe('pendingLeftOver', () => {
  const shops = new Map([
    ['7', { pushOrders: true }],
    ['9', { pushOrders: false }],
  ]);

  it('counts pending orders this run did not take, of shops that push orders', () => {
    const pending = [
      { id: '1', shopRecordId: '7' },
      { id: '2', shopRecordId: '7' },
      { id: '3', shopRecordId: '9' },
    ];
    expect(pendingLeftOver(pending, shops, new Set(['1']))).toEqual(['2']);
    expect(pendingLeftOver(pending, shops, new Set(['1', '2']))).toEqual([]);
  });
});

describe('selectForRun', () => {
  const shops = new Map([
    ['7', { pushOrders: true }],
    ['9', { pushOrders: false }],
  ]);
  const pending = [
    { id: '1', shopRecordId: '9' },
    { id: '2', shopRecordId: '7' },
    { id: '3', shopRecordId: '404' },
    { id: '4', shopRecordId: '7' },
  ];

  it('takes the oldest records of shops that push orders, up to the cap', () => {
    expect(selectForRun(pending, shops, 10).map((r) => r.id)).toEqual(['2', '3', '4']);
    expect(selectForRun(pending, shops, 2).map((r) => r.id)).toEqual(['2', '3']);
  });

  it('leaves what the cap cut off for the next run', () => {
    expect(pendingLeftOver(pending, shops, new Set(['2', '3']))).toEqual(['4']);
  });
});
