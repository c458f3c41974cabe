/**
 * Shipments already recorded in NetSuite are not sent again (bridge/src/workers/recorded-shipments.ts):
 * a shipped order's later status changes queue its `order.shipments` job again, and only a package
 * whose tracking number or line items changed, or that NetSuite has not recorded, goes to
 * `shipments.upsert`.
 */
import type {
  ShipmentOutcome,
  TikTokShipment,
} from '../../../../shared-types/src/fulfillments/shipments-upsert';
import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import type { NetSuiteClient } from '../../netsuite/client';
import type { JobRecord } from '../../store/types';
import type { TikTokClient } from '../../tiktok/client';
import type { BatchContext } from '../job-runner';
import { JOB_KINDS } from '../job-kinds';
import { RecordedShipments } from '../recorded-shipments';
import { orderShipmentsHandler } from '../shipments';

const SHOP = '7494049642642441621';
const ORDER = '576461413038700001';

function order(tracking: string): TikTokOrder {
  return {
    id: ORDER,
    update_time: 1_700_000_100,
    line_items: [
      {
        id: '11',
        package_id: 'P1',
        package_status: 'COMPLETED',
        tracking_number: tracking,
        shipping_provider_name: 'USPS',
      },
      {
        id: '12',
        package_id: 'P2',
        package_status: 'PROCESSING',
        tracking_number: 'T2',
        shipping_provider_name: 'USPS',
      },
    ],
  } as unknown as TikTokOrder;
}

function job(id: number): JobRecord {
  return {
    id,
    kind: JOB_KINDS.ORDER_SHIPMENTS,
    shopId: SHOP,
    dedupeKey: null,
    payload: { shopId: SHOP, orderId: ORDER },
    state: 'running',
    attempts: 1,
    leaseExpiries: 0,
    runAfter: 0,
    leaseOwner: 'w',
    leaseExpiresAt: null,
    lastError: null,
    deadReason: null,
    createdAt: 0,
  } as unknown as JobRecord;
}

function world(outcomes: Record<string, ShipmentOutcome>) {
  let current = order('T1');
  const sent: string[][] = [];
  const tiktok = { getOrderDetail: () => Promise.resolve([current]) } as unknown as TikTokClient;
  const netsuite = {
    upsertShipments: (_shop: string, chunk: TikTokShipment[]) => {
      sent.push(chunk.map((s) => `${s.packageId}:${s.trackingNumber}`));
      return Promise.resolve({
        ok: true,
        results: chunk.map((s) => ({
          packageId: s.packageId,
          outcome: outcomes[s.packageId] ?? 'created',
          fulfillmentId: '1',
          message: null,
        })),
      });
    },
  } as unknown as NetSuiteClient;
  const handler = orderShipmentsHandler(
    { tiktok, netsuite, sendShop: () => Promise.resolve() },
    new RecordedShipments(),
  );
  const run = (id: number) => handler.run([job(id)], {} as BatchContext);
  return { sent, run, retrack: (t: string) => (current = order(t)) };
}

describe('order.shipments with packages NetSuite already recorded', () => {
  it('sends each recorded package once, and again only when its tracking number changes', async () => {
    const w = world({});
    await w.run(1);
    await w.run(2);
    await w.run(3);
    expect(w.sent).toEqual([['P1:T1', 'P2:T2']]);
    w.retrack('T1-corrected');
    await w.run(4);
    expect(w.sent).toEqual([['P1:T1', 'P2:T2'], ['P1:T1-corrected']]);
  });

  it('keeps sending a package NetSuite has not recorded (waiting for the import, or refused)', async () => {
    const w = world({ P2: 'waiting' });
    const first = await w.run(1);
    const second = await w.run(2);
    expect(w.sent).toEqual([['P1:T1', 'P2:T2'], ['P2:T2']]);
    expect(first && first.failed?.has(1)).toBe(true);
    expect(second && second.failed?.has(2)).toBe(true);
  });

  it('forgets the oldest packages beyond its capacity', () => {
    const memo = new RecordedShipments(2);
    const shipment = (packageId: string): TikTokShipment => ({
      orderId: ORDER,
      packageId,
      trackingNumber: 'T',
      carrier: '',
      lineItemIds: ['1'],
      updateTime: 0,
    });
    for (const id of ['A', 'B', 'C']) memo.note(SHOP, shipment(id), 'created');
    expect(memo.size).toBe(2);
    expect(memo.isRecorded(SHOP, shipment('A'))).toBe(false);
    expect(memo.isRecorded(SHOP, shipment('C'))).toBe(true);
  });
});
