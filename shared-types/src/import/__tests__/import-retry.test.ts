/// <reference types="jest" />
import {
  customerFailureMessage,
  failureOutcome,
  MAX_IMPORT_ATTEMPTS,
  retryDelaySeconds,
} from '../import-failure';
import type { PendingInboxRow } from '../import-work';
import {
  applyTestMode,
  locationsToLookUp,
  parseInboxPayload,
  pendingLeftOver,
  replacedOrdersToLookUp,
  warehousesToLookUp,
} from '../import-work';
import type { ShopSettings } from '../../settings/shop-settings';
import { pausedReason } from '../test-order-review';
import { validateWarehousesUpsert, warehouseChanged, warehouseFields } from '../../contract/warehouse-upsert';
import { order, shop } from '../../../../test/support/tiktok-order-builder';

describe('failureOutcome', () => {
  it('retries temporary failures with growing backoff until the maximum, then leaves them to a person', () => {
    const first = failureOutcome({ name: 'RCRD_HAS_BEEN_CHANGED', message: 'changed' }, 1, 1000, {
      orderId: '9',
    });
    expect(first.retryAt).toBe(1300);
    expect(first.message).toContain('attempt 1 of 5');
    expect(retryDelaySeconds(2)).toBe(1200);
    expect(retryDelaySeconds(20)).toBe(86400);
    const last = failureOutcome(
      { name: 'SSS_REQUEST_LIMIT_EXCEEDED', message: 'busy' },
      MAX_IMPORT_ATTEMPTS,
      1000,
      { orderId: '9' },
    );
    expect(last.retryAt).toBeNull();
    expect(last.message).toContain('Automatic retries have stopped');
  });

  it('does not retry a closed period or a validation error, and says what to fix', () => {
    const closed = failureOutcome({ name: 'CLOSED_TRAN_PRD', message: 'closed' }, 1, 1000, {
      orderId: '9',
      tranDate: '2026-01-03',
    });
    expect(closed).toEqual({
      retryAt: null,
      message: expect.stringContaining('the accounting period of 2026-01-03 is closed') as string,
    });
    expect(closed.message).toContain('Setup > Accounting > Manage Accounting Periods');
    const invalid = failureOutcome(
      { name: 'INVALID_KEY_OR_REF', message: 'Invalid location reference key 4.' },
      1,
      1000,
      { orderId: '9' },
    );
    expect(invalid.retryAt).toBeNull();
    expect(invalid.message).toContain('INVALID_KEY_OR_REF: Invalid location reference key 4.');
    expect(customerFailureMessage({ name: 'USER_ERROR', message: 'x' }, '9', '77')).toContain(
      'The customer for TikTok buyer 77 (order 9) could not be created: NetSuite said USER_ERROR: x',
    );
  });
});

describe('test mode and the run lookups', () => {
  const row = (id: string, orderId: string, overrides = {}, shopRecordId = '7'): PendingInboxRow => ({
    id,
    shopRecordId,
    orderId,
    payload: JSON.stringify(order({ id: orderId, ...overrides })),
    attempts: 0,
  });
  const testShop = shop({ orderOptions: { testMode: true } });
  const shops = new Map<string, ShopSettings>([
    ['7', testShop],
    ['8', shop({ recordId: '8', shopId: '42' })],
  ]);

  it('keeps one importable order per test-mode shop, or the chosen one', () => {
    const rows = [
      row('1', '11', { status: 'UNPAID' }),
      row('2', '12'),
      row('3', '13'),
      row('4', '14', {}, '8'),
      row('5', '15', {}, '8'),
    ].map(parseInboxPayload);
    const chosen = applyTestMode(rows, shops);
    expect(chosen.rows.map((r) => r.id)).toEqual(['2', '4', '5']);
    expect([...chosen.testOrders]).toEqual(['2']);
    const pinned = new Map(shops).set('7', shop({ orderOptions: { testMode: true, testOrderId: '13' } }));
    expect(applyTestMode(rows, pinned).rows.map((r) => r.id)).toEqual(['3', '4', '5']);
    expect(
      pendingLeftOver(
        [
          { id: '3', shopRecordId: '7' },
          { id: '9', shopRecordId: '8' },
        ],
        shops,
        new Set(),
      ),
    ).toEqual(['9']);
    expect(pausedReason('Acme', '12', '77')).toContain(
      'TikTok order 12 was imported in test mode (sales order 77)',
    );
  });

  it('lists the warehouses, replaced orders and locations to look up', () => {
    const plain = new Map<string, ShopSettings>([['7', shop({ orderOptions: { fbtLocationId: '5' } })]]);
    const rows = [row('1', '11', { warehouse_id: '70' }), row('2', '12', { replaced_order_id: '11' })].map(
      parseInboxPayload,
    );
    expect(warehousesToLookUp(rows, plain)).toEqual(['tts_wh_7495830000000000001_70']);
    expect(replacedOrdersToLookUp(rows, plain)).toEqual(['tts_7495830000000000001_11']);
    const linked = { recordId: '1', warehouseId: '70', name: 'LA', locationId: '8' };
    expect(locationsToLookUp(plain, { x: linked })).toEqual(['3', '5', '8']);
  });
});

describe('warehouses.upsert', () => {
  it('validates the request, naming each bad field', () => {
    const ok = validateWarehousesUpsert({
      action: 'warehouses.upsert',
      shopId: '1',
      warehouses: [{ id: '2', name: 'LA', type: 'SALES_WAREHOUSE', isDefault: true }],
    });
    expect(ok.ok).toBe(true);
    const bad = validateWarehousesUpsert({
      shopId: 'x',
      warehouses: [
        { id: '2', name: '', type: 'S', isDefault: 1 },
        { id: '2', name: 'b', type: 'S', isDefault: false },
      ],
    });
    expect(bad.ok === false && bad.problems).toEqual([
      'shopId: "x" is not a TikTok shop id; send its digits as a string',
      'warehouses[0].name: "" is not a name; send the warehouse name',
      'warehouses[0].isDefault: number 1 is not true or false',
      'warehouses[1].id: warehouse 2 is sent twice; send each warehouse once',
    ]);
    expect(validateWarehousesUpsert({ shopId: '1', warehouses: [] }).ok).toBe(false);
  });

  it('takes the bridge-owned values of a warehouse (trimmed), and compares them with the stored record', () => {
    const fields = warehouseFields('7', { id: '2', name: ' LA ', type: 'SALES_WAREHOUSE', isDefault: false });
    expect(fields).toEqual({
      shopRecordId: '7',
      warehouseId: '2',
      name: 'LA',
      type: 'SALES_WAREHOUSE',
      isDefault: false,
      status: 'ENABLED',
    });
    const stored = {
      id: '1',
      name: 'LA',
      type: 'SALES_WAREHOUSE',
      isDefault: false,
      locationId: '3',
      status: 'ENABLED',
    };
    expect(warehouseChanged(stored, { id: '2', name: 'LA', type: 'SALES_WAREHOUSE', isDefault: false })).toBe(
      false,
    );
    expect(warehouseChanged(stored, { id: '2', name: 'LA', type: 'SALES_WAREHOUSE', isDefault: true })).toBe(
      true,
    );
    const disabled = { id: '2', name: 'LA', type: 'SALES_WAREHOUSE', isDefault: false, status: 'DISABLED' };
    expect(warehouseChanged(stored, disabled)).toBe(true);
    expect(warehouseFields('7', disabled).status).toBe('DISABLED');
    expect(warehouseChanged({ ...stored, status: null }, { ...disabled, status: 'ENABLED' })).toBe(true);
  });

  it('refuses a warehouse status TikTok does not have', () => {
    const checked = validateWarehousesUpsert({
      shopId: '1',
      warehouses: [{ id: '2', name: 'LA', type: 'SALES_WAREHOUSE', isDefault: false, status: 'OPEN' }],
    });
    expect(checked).toEqual({
      ok: false,
      problems: [
        expect.stringContaining('warehouses[0].status: "OPEN" is not a TikTok warehouse status') as string,
      ],
    });
  });
});
