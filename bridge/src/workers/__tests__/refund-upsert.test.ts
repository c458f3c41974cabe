/**
 * `refund.upsert` (issue #18): completed refund webhooks become one job per refund, the job reads the
 * refund again from TikTok and sends it to `refunds.upsert`; NetSuite's `waiting`/`error`/`not_done`
 * fail the job for a retry, `created`/`unchanged`/`flow_off` complete it.
 */
import { jobsForWebhook } from '../../webhooks/events';
import type { JobRecord } from '../../store/types';
import type { RefundUpsertDeps } from '../refund-upsert';
import { refundUpsertHandler } from '../refund-upsert';
import { JOB_KINDS, refundUpsertJob } from '../job-kinds';
import type { RefundsUpsertResponse } from '../../../../shared-types/src/refunds/refunds-upsert';
import type { TikTokRefund } from '../../../../shared-types/src/refunds/tiktok-refund';

const SHOP = '7495316114751490001';

function job(id: number, source: 'return' | 'cancellation', refundId: string): JobRecord {
  const made = refundUpsertJob(SHOP, source, refundId, 0);
  return {
    id,
    kind: made.kind,
    shopId: SHOP,
    dedupeKey: made.dedupeKey,
    payload: made.payload,
    state: 'running',
    attempts: 1,
    leaseExpiries: 0,
    runAfter: 0,
  } as unknown as JobRecord;
}

const amount = { currency: 'USD', refund_total: '10.80', refund_subtotal: '10.00', refund_tax: '0.80' };

/** The webhook's jobs without the return's own RMA job (issue #17 queues one for every return webhook). */
function jobsForWebhookOf(...args: Parameters<typeof jobsForWebhook>) {
  return jobsForWebhook(...args).filter((j) => j.kind !== JOB_KINDS.RETURN_UPSERT);
}

describe('refund webhooks', () => {
  it('queue a refund job only when TikTok has paid the buyer back', () => {
    const at = (type: number, data: Record<string, unknown>) =>
      jobsForWebhookOf(
        {
          type,
          shopId: SHOP,
          notificationId: 'n',
          timestamp: 1,
          data: { order_id: '576461413038785001', ...data },
        },
        'n',
        0,
      );
    expect(
      at(12, { return_id: '4035', return_status: 'RETURN_OR_REFUND_REQUEST_COMPLETE' }).map((j) => [
        j.kind,
        j.dedupeKey,
      ]),
    ).toEqual([[JOB_KINDS.REFUND_UPSERT, `refund:${SHOP}:return:4035`]]);
    expect(at(12, { return_id: '4035', return_status: 'AWAITING_BUYER_SHIP' })).toEqual([]);
    expect(
      at(11, { cancel_id: '9001', cancel_status: 'CANCELLATION_REQUEST_COMPLETE' }).map((j) => j.kind),
    ).toEqual([JOB_KINDS.ORDER_UPSERT_CANCELLATION, JOB_KINDS.REFUND_UPSERT]);
  });
});

describe('refund.upsert handler', () => {
  it('reads each refund from TikTok, sends them in one call and retries those NetSuite cannot book yet', async () => {
    const sent: TikTokRefund[][] = [];
    const deps: RefundUpsertDeps = {
      tiktok: {
        searchReturns: async () =>
          [
            {
              return_id: '4035',
              order_id: '1',
              return_status: 'RETURN_OR_REFUND_REQUEST_COMPLETE',
              refund_amount: amount,
              return_line_items: [{ order_line_item_id: '11' }],
            },
          ] as never,
        searchCancellations: async () =>
          [
            {
              cancel_id: '9001',
              order_id: '2',
              cancel_status: 'CANCELLATION_REQUEST_COMPLETE',
              refund_amount: amount,
              cancel_line_items: [],
            },
          ] as never,
      },
      netsuite: {
        upsertRefunds: async (_shop, refunds): Promise<RefundsUpsertResponse> => {
          sent.push(refunds);
          return {
            ok: true,
            results: [
              {
                refundId: '4035',
                outcome: 'created',
                documentType: 'creditmemo',
                documentId: '77',
                tiesOut: true,
                message: null,
              },
              {
                refundId: '9001',
                outcome: 'waiting',
                documentType: null,
                documentId: null,
                tiesOut: null,
                message: 'not a sales order yet',
              },
            ],
          };
        },
      },
      sendShop: async () => undefined,
    };
    const jobs = [job(1, 'return', '4035'), job(2, 'cancellation', '9001'), job(3, 'return', '4036')];
    const result = await refundUpsertHandler(deps).run(jobs, {
      isLeaseLost: () => false,
      confirmLeases: async () => new Set([1, 2, 3]),
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.map((r) => [r.source, r.refund_id])).toEqual([
      ['return', '4035'],
      ['cancellation', '9001'],
    ]);
    expect([...(result?.failed.keys() ?? [])].sort()).toEqual([2, 3]);
  });
});
