/**
 * actOnce (outbox/deliver.ts), the shape of every outbox delivery that acts on something TikTok may have
 * changed meanwhile: a settled plan ends without a call; a call that TikTok refuses is read and planned
 * again, so an earlier delivery whose acknowledgement was lost counts as done; a retryable failure is thrown
 * for the worker to retry.
 */
import type { OutboxRow } from '../../../../shared-types/src/outbox/outbox-contract';
import { TikTokApiError } from '../../tiktok/errors';
import { actOnce } from '../deliver';

const ROW: OutboxRow = {
  outboxId: '41',
  idempotencyKey: 'tts_ob_1',
  kind: 'order.cancel',
  shopId: '7494',
  orderId: '5769',
  salesOrderId: '12',
  payload: {} as OutboxRow['payload'],
  attempts: 0,
  created: null,
};

type Plan = { action: 'done' | 'refuse' | 'call'; message: string };

function refusedBy(code: number, retryable = false): TikTokApiError {
  return new TikTokApiError(
    { endpoint: 'x', httpStatus: 200, tiktokCode: code, tiktokMessage: 'Order status not allowed' },
    'hint',
    retryable,
  );
}

describe('actOnce', () => {
  it('ends without a call when the plan is already done or refused, or must wait', async () => {
    const act = jest.fn(async () => 'sent');
    const refusal = () => 'refused';
    await expect(
      actOnce<Plan>(ROW, async () => ({ action: 'done', message: 'already cancelled' }), act, refusal),
    ).resolves.toEqual({
      outcome: 'already_done',
      result: { outboxId: '41', ok: true, message: 'already cancelled' },
    });
    await expect(
      actOnce<Plan>(ROW, async () => ({ action: 'refuse', message: 'shipped' }), act, refusal),
    ).resolves.toMatchObject({
      outcome: 'refused',
      result: { ok: false, retryable: false, message: 'shipped' },
    });
    await expect(
      actOnce<Plan>(ROW, async () => ({ action: 'retry' as const, message: 'not yet' }), act, refusal),
    ).resolves.toMatchObject({ outcome: 'retry', result: { ok: false, retryable: true } });
    await expect(
      actOnce<Plan>(ROW, async () => ({ action: 'fail' as const, message: 'no order' }), act, refusal),
    ).resolves.toMatchObject({ outcome: 'failed', result: { message: 'no order' } });
    expect(act).not.toHaveBeenCalled();
  });

  it('makes the call once and reports its message', async () => {
    const act = jest.fn(async (plan: Plan) => `${plan.message}: sent`);
    await expect(
      actOnce<Plan>(
        ROW,
        async () => ({ action: 'call', message: 'cancel 2 lines' }),
        act,
        () => 'x',
      ),
    ).resolves.toEqual({
      outcome: 'sent',
      result: { outboxId: '41', ok: true, message: 'cancel 2 lines: sent' },
    });
    expect(act).toHaveBeenCalledTimes(1);
  });

  it('after a refusal, a re-read that shows it done is already done (the earlier ack was lost)', async () => {
    const plans: Plan[] = [
      { action: 'call', message: 'cancel' },
      { action: 'done', message: 'TikTok order 5769 is already cancelled.' },
    ];
    const plan = jest.fn(async () => plans.shift()!);
    const delivery = await actOnce<Plan>(
      ROW,
      plan,
      async () => {
        throw refusedBy(21011001);
      },
      () => 'TikTok refused',
    );
    expect(delivery).toMatchObject({
      outcome: 'already_done',
      result: { message: 'TikTok order 5769 is already cancelled.' },
    });
    expect(plan).toHaveBeenCalledTimes(2);
  });

  it("after a refusal the re-read cannot explain, the refusal is TikTok's in the delivery's words", async () => {
    const delivery = await actOnce<Plan>(
      ROW,
      async () => ({ action: 'call', message: 'cancel' }),
      async () => {
        throw refusedBy(21011001);
      },
      (error) => `TikTok refused the cancellation: ${error.tiktokMessage} (code ${error.tiktokCode}).`,
    );
    expect(delivery).toEqual({
      outcome: 'refused',
      result: {
        outboxId: '41',
        ok: false,
        retryable: false,
        message: 'TikTok refused the cancellation: Order status not allowed (code 21011001).',
      },
    });
  });

  it('throws a retryable TikTok error and any other error for the worker, without re-reading', async () => {
    const plan = jest.fn(async (): Promise<Plan> => ({ action: 'call', message: 'cancel' }));
    await expect(
      actOnce<Plan>(
        ROW,
        plan,
        async () => {
          throw refusedBy(36009003, true);
        },
        () => 'x',
      ),
    ).rejects.toBeInstanceOf(TikTokApiError);
    await expect(
      actOnce<Plan>(
        ROW,
        plan,
        async () => {
          throw new Error('socket hang up');
        },
        () => 'x',
      ),
    ).rejects.toThrow('socket hang up');
    expect(plan).toHaveBeenCalledTimes(2);
  });
});
