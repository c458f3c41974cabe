import { choosePickupSlot, labelSettingsOf, planLabel } from '../label-plan';
import {
  labelRequestOnFulfillment,
  labelSettingsProblems,
  labelWhenOf,
  shopLabelSettingsOf,
} from '../label-request';
import { base64Bytes, MAX_LABEL_BYTES, validateLabelsAttach } from '../labels-attach';
import type { ShipmentContext, TikTokShipment } from '../shipments-upsert';
import { decideShipment, validateShipmentsUpsert } from '../shipments-upsert';
import type { TikTokOrder } from '../../tiktok/tiktok-order';

/** Issue #15: when a label is asked for, what TikTok is asked, the RESTlet's label limit, and what a package shipped outside NetSuite becomes. */
describe('label settings and requests', () => {
  it('reads the settings leniently, with the defaults', () => {
    expect(labelWhenOf('When packed')).toBe('packed');
    expect(labelWhenOf('when picked')).toBe('picked');
    expect(labelWhenOf('Never')).toBe('never');
    expect(labelWhenOf('')).toBe('import');
    expect(labelSettingsOf({ handoverMethod: 'Drop-off', pickupFromHour: '9', documentSize: 'a5' })).toEqual({
      handoverMethod: 'DROP_OFF',
      pickupFromHour: 9,
      documentSize: 'A5',
    });
    expect(labelSettingsOf({ pickupFromHour: 25 })).toEqual({
      handoverMethod: 'PICKUP',
      pickupFromHour: null,
      documentSize: 'A6',
    });
  });

  it('names settings the connector cannot use; blanks are the defaults', () => {
    expect(
      labelSettingsProblems({ labelWhen: '', handoverMethod: null, pickupFromHour: null, documentSize: ' ' }),
    ).toEqual([]);
    expect(
      labelSettingsProblems({
        labelWhen: 'When packed',
        handoverMethod: 'Drop-off',
        pickupFromHour: 23,
        documentSize: 'a5',
      }),
    ).toEqual([]);
    expect(
      labelSettingsProblems({
        labelWhen: 'Later',
        handoverMethod: 'Courier',
        pickupFromHour: 24,
        documentSize: 'A4',
      }),
    ).toHaveLength(4);
  });

  it('asks once when the fulfillment first reaches the status, never for one saved Shipped', () => {
    const base = {
      shopId: '7494049642642441621',
      shopRecordId: '1',
      orderId: '576461413038700000',
      salesOrderId: '2',
      fulfillmentId: '3',
      tiktokShipping: true,
      fbt: false,
      shop: shopLabelSettingsOf({ labelWhen: 'When picked' }),
    };
    expect(labelRequestOnFulfillment({ ...base, statusBefore: null, statusAfter: 'A' })?.externalId).toBe(
      'tts_out_label_request_7494049642642441621_576461413038700000_3',
    );
    expect(labelRequestOnFulfillment({ ...base, statusBefore: 'A', statusAfter: 'B' })).toBeNull();
    expect(labelRequestOnFulfillment({ ...base, statusBefore: null, statusAfter: 'C' })).toBeNull();
    expect(
      labelRequestOnFulfillment({ ...base, tiktokShipping: false, statusBefore: null, statusAfter: 'A' }),
    ).toBeNull();
  });

  it('picks the first pickup slot from the shop hour', () => {
    // 2026-12-07 09:00 and 13:00 in London (UTC in winter).
    const slots = [
      { startTime: 1796302800, endTime: 1796313600 },
      { startTime: 1796288400, endTime: 1796299200 },
    ];
    expect(choosePickupSlot(slots, 12, 'Europe/London')?.startTime).toBe(1796302800);
    expect(choosePickupSlot(slots, null, 'Europe/London')?.startTime).toBe(1796288400);
    expect(choosePickupSlot([], 9, 'Europe/London')).toBeNull();
  });

  it('buys the label in the US, ships the packages elsewhere, fetches once arranged', () => {
    const order = {
      id: '1',
      status: 'AWAITING_SHIPMENT',
      shipping_type: 'TIKTOK',
      fulfillment_type: 'FULFILLMENT_BY_SELLER',
      line_items: [{ id: '11', package_id: '21' }],
    } as unknown as TikTokOrder;
    expect(planLabel(order, 'US')).toEqual({ action: 'buy_label', lineItemIds: ['11'] });
    expect(planLabel(order, 'GB')).toEqual({ action: 'ship_packages', packageIds: ['21'] });
    const arranged = {
      ...order,
      line_items: [{ id: '11', package_id: '21', package_status: 'PROCESSING', tracking_number: 'T1' }],
    } as unknown as TikTokOrder;
    expect(planLabel(arranged, 'US')).toEqual({
      action: 'fetch',
      packages: [{ packageId: '21', trackingNumber: 'T1', lineItemIds: ['11'] }],
    });
    expect(planLabel({ ...order, shipping_type: 'SELLER' } as TikTokOrder, 'US').action).toBe('refuse');
    const untracked = {
      ...order,
      line_items: [{ id: '11', package_id: '21', package_status: 'PROCESSING' }],
    } as unknown as TikTokOrder;
    expect(planLabel(untracked, 'US').action).toBe('wait');
  });
});

describe('labels.attach limit', () => {
  /** Base64 of a PDF of `bytes` bytes (`bytes` a multiple of 3, plus 0 or 1). */
  const pdfBase64 = (bytes: number): string => {
    const whole = Math.floor(bytes / 3) * 4;
    return bytes % 3 === 0 ? `JVBERi${'A'.repeat(whole - 6)}` : `JVBERi${'A'.repeat(whole - 6)}AA==`;
  };
  const request = (bytes: number) => ({
    action: 'labels.attach',
    shopId: '7494049642642441621',
    orderId: '576461413038700000',
    fulfillmentId: null,
    labels: [
      {
        packageId: '1153000000000000001',
        trackingNumber: 'T1',
        carrier: 'USPS',
        contentBase64: pdfBase64(bytes),
      },
    ],
  });

  it('takes 7,815,168 bytes and refuses one more, naming the fix', () => {
    expect(MAX_LABEL_BYTES).toBe(((10 * 1024 * 1024 - 64 * 1024) * 3) / 4);
    expect(validateLabelsAttach(request(MAX_LABEL_BYTES)).ok).toBe(true);
    const over = validateLabelsAttach(request(MAX_LABEL_BYTES + 1));
    expect(over.ok).toBe(false);
    expect(JSON.stringify(over)).toContain('Seller Center');
    expect(base64Bytes('AAAAAAAAAAAAAA==')).toBe(10);
    expect(base64Bytes(pdfBase64(MAX_LABEL_BYTES + 1))).toBe(MAX_LABEL_BYTES + 1);
  });
});

describe('shipments.upsert decisions', () => {
  const shipment: TikTokShipment = {
    orderId: '1',
    packageId: '2',
    trackingNumber: 'T9',
    carrier: 'USPS',
    lineItemIds: ['11', '12'],
    updateTime: null,
  };
  const ctx: ShipmentContext = {
    flowOn: true,
    salesOrder: {
      id: '50',
      fbt: false,
      labelTracking: [],
      lines: [
        { line: '1', tiktokLineIds: ['11', '13'] },
        { line: '2', tiktokLineIds: ['12'] },
      ],
    },
    fbtFulfillment: null,
    existing: null,
    netsuiteShipments: [],
    labelRequested: false,
  };

  it('creates a fulfillment of the package lines', () => {
    expect(decideShipment(shipment, ctx)).toEqual({
      action: 'create',
      lines: [
        { line: '1', quantity: 1 },
        { line: '2', quantity: 1 },
      ],
    });
  });

  it('does nothing twice, nor for NetSuite or label shipments', () => {
    expect(decideShipment(shipment, { ...ctx, existing: { id: '9' } })).toMatchObject({
      outcome: 'unchanged',
    });
    expect(
      decideShipment(shipment, {
        ...ctx,
        netsuiteShipments: [{ fulfillmentId: '8', trackingNumbers: ['X'], lineItemIds: ['12'] }],
      }),
    ).toMatchObject({ outcome: 'netsuite' });
    expect(decideShipment(shipment, { ...ctx, labelRequested: true })).toMatchObject({ outcome: 'label' });
    expect(decideShipment(shipment, { ...ctx, flowOn: false })).toMatchObject({ outcome: 'flow_off' });
    expect(decideShipment(shipment, { ...ctx, salesOrder: null })).toMatchObject({ outcome: 'waiting' });
    expect(decideShipment(shipment, { ...ctx, salesOrder: null, inboxState: 'skipped' })).toMatchObject({
      outcome: 'not_imported',
    });
  });

  it('adds tracking to the FBT fulfillment only', () => {
    const fbt = { ...ctx, salesOrder: { ...ctx.salesOrder!, fbt: true } };
    expect(decideShipment(shipment, fbt)).toMatchObject({ outcome: 'waiting' });
    expect(decideShipment(shipment, { ...fbt, fbtFulfillment: { id: '7', trackingNumbers: [] } })).toEqual({
      action: 'add_tracking',
      fulfillmentId: '7',
    });
    expect(
      decideShipment(shipment, { ...fbt, fbtFulfillment: { id: '7', trackingNumbers: ['T9'] } }),
    ).toMatchObject({ outcome: 'unchanged' });
  });

  it('ships every component unit of a virtual bundle imported as components', () => {
    const bundle = {
      ...ctx,
      salesOrder: {
        ...ctx.salesOrder!,
        lines: [
          { line: '1', tiktokLineIds: ['11', '11'] },
          { line: '2', tiktokLineIds: ['11'] },
          { line: '3', tiktokLineIds: ['12'] },
        ],
      },
    };
    expect(decideShipment({ ...shipment, lineItemIds: ['11'] }, bundle)).toEqual({
      action: 'create',
      lines: [
        { line: '1', quantity: 2 },
        { line: '2', quantity: 1 },
      ],
    });
  });

  it('names unknown line items, and validates the request', () => {
    expect(decideShipment({ ...shipment, lineItemIds: ['99'] }, ctx)).toMatchObject({ action: 'error' });
    expect(validateShipmentsUpsert({ shopId: '1', shipments: [shipment, shipment] }).ok).toBe(false);
    expect(validateShipmentsUpsert({ shopId: '1', shipments: [shipment] }).ok).toBe(true);
  });
});
