import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import { jobsForWebhook } from '../../webhooks/events';
import { JOB_KINDS } from '../job-kinds';
import { shippedPackagesOf } from '../shipments';

/**
 * Shipments into NetSuite (issue #15): which webhooks queue an `order.shipments` job, and which of an
 * order's packages are sent to `shipments.upsert`.
 */
const SHOP = '7494049642642441621';

function parsed(type: number, data: Record<string, unknown>) {
  return { type, shopId: SHOP, notificationId: 'n1', timestamp: 1_700_000_000, data };
}

describe('order.shipments jobs from webhooks', () => {
  it('queues one per order a PACKAGE_UPDATE names', () => {
    const jobs = jobsForWebhook(
      parsed(4, {
        sc_type: 'SPLIT',
        package_list: [
          { package_id: '1153000000000000001', order_id_list: ['576461413038700001'] },
          { package_id: '1153000000000000002', order_id_list: ['576461413038700001', '576461413038700002'] },
        ],
      }),
      'n1',
      0,
    );
    expect(jobs.map((j) => [j.kind, j.dedupeKey])).toEqual([
      [JOB_KINDS.ORDER_SHIPMENTS, `shipments:${SHOP}:576461413038700001`],
      [JOB_KINDS.ORDER_SHIPMENTS, `shipments:${SHOP}:576461413038700002`],
    ]);
  });

  it('adds one to the upsert when an order status says it shipped, not before', () => {
    const shipped = jobsForWebhook(
      parsed(1, { order_id: '576461413038700001', order_status: 'AWAITING_COLLECTION' }),
      'n',
      0,
    );
    expect(shipped.map((j) => j.kind)).toEqual([JOB_KINDS.ORDER_UPSERT, JOB_KINDS.ORDER_SHIPMENTS]);
    const paid = jobsForWebhook(
      parsed(1, { order_id: '576461413038700001', order_status: 'AWAITING_SHIPMENT' }),
      'n',
      0,
    );
    expect(paid.map((j) => j.kind)).toEqual([JOB_KINDS.ORDER_UPSERT]);
  });
});

describe('shippedPackagesOf', () => {
  it('groups shipped lines by package with tracking and carrier, leaving unshipped ones out', () => {
    const order = {
      id: '576461413038700001',
      update_time: 1_700_000_100,
      line_items: [
        {
          id: '11',
          package_id: 'P1',
          package_status: 'PROCESSING',
          tracking_number: 'T1',
          shipping_provider_name: 'USPS',
        },
        {
          id: '12',
          package_id: 'P1',
          package_status: 'PROCESSING',
          tracking_number: 'T1',
          shipping_provider_name: 'USPS',
        },
        { id: '13', package_id: 'P2', package_status: 'TO_FULFILL' },
        { id: '14', package_id: 'P3', package_status: 'COMPLETED', tracking_number: 'T3' },
      ],
    } as unknown as TikTokOrder;
    expect(shippedPackagesOf(order)).toEqual([
      {
        orderId: order.id,
        packageId: 'P1',
        trackingNumber: 'T1',
        carrier: 'USPS',
        lineItemIds: ['11', '12'],
        updateTime: 1_700_000_100,
      },
      {
        orderId: order.id,
        packageId: 'P3',
        trackingNumber: 'T3',
        carrier: '',
        lineItemIds: ['14'],
        updateTime: 1_700_000_100,
      },
    ]);
  });
});
