import { MAX_OUTBOX_ATTEMPTS, outboxExternalId, outboxVersionToken } from '../outbox';
import { ackTransition } from '../outbox-ack';
import type { PendingOutboxRecord } from '../outbox-pull';
import { pullDisposition } from '../outbox-pull';
import { POST_ACTIONS, validateRestletRequest } from '../../contract/restlet-validation';

const pending: PendingOutboxRecord = {
  id: '12',
  externalId: 'tts_out_order_cancel_1_2_order',
  kind: 'order.cancel',
  shopId: '1',
  orderId: '2',
  salesOrderId: '9',
  payload: '{"salesOrderId":"9","reason":"x","scope":"order","lineItemIds":[],"status":"H"}',
  attempts: 0,
  created: '2026-01-01T00:00:00.000Z',
  pullOrderUpdates: true,
  allowCancel: true,
};

describe('outbox keys', () => {
  it('builds externalids only from TikTok ids and safe versions', () => {
    expect(outboxExternalId('order.status', '1', '2', 'B-H')).toBe('tts_out_order_status_1_2_B-H');
    expect(outboxVersionToken('SO#1 2')).toBe('SO-1-2');
    expect(outboxVersionToken('')).toBe('0');
    expect(outboxVersionToken('x'.repeat(100))).toHaveLength(60);
    expect(() => outboxExternalId('order.status', 'shop', '2', 'v')).toThrow(/digits/);
  });
});

describe('ackTransition', () => {
  it('marks a success sent and counts the attempt', () => {
    expect(
      ackTransition({ state: 'pending', attempts: 1 }, { outboxId: '1', ok: true, message: 'done' }),
    ).toEqual({
      change: true,
      state: 'sent',
      attempts: 2,
      message: 'done',
    });
  });

  it('keeps a retryable failure pending until the last attempt, then fails it', () => {
    const retry = { outboxId: '1', ok: false, retryable: true, message: 'TikTok 503' };
    const early = ackTransition({ state: 'pending', attempts: 0 }, retry);
    expect(early).toMatchObject({ change: true, state: 'pending', attempts: 1 });
    const last = ackTransition({ state: 'pending', attempts: MAX_OUTBOX_ATTEMPTS - 1 }, retry);
    expect(last).toMatchObject({ change: true, state: 'failed', attempts: MAX_OUTBOX_ATTEMPTS });
    expect(last.change && last.message).toContain(
      `Gave up after ${MAX_OUTBOX_ATTEMPTS} attempts: TikTok 503`,
    );
  });

  it('fails a permanent failure at once and leaves rows that are no longer pending alone', () => {
    expect(
      ackTransition({ state: 'pending', attempts: 0 }, { outboxId: '1', ok: false, message: 'no' }),
    ).toMatchObject({
      state: 'failed',
      message: 'no',
    });
    expect(
      ackTransition({ state: 'sent', attempts: 1 }, { outboxId: '1', ok: false, retryable: true }),
    ).toEqual({
      change: false,
      state: 'sent',
      attempts: 1,
    });
  });
});

describe('pullDisposition', () => {
  it('delivers a readable row with its idempotency key', () => {
    const result = pullDisposition(pending);
    expect(result.action).toBe('deliver');
    expect(result.action === 'deliver' && result.row).toMatchObject({
      outboxId: '12',
      idempotencyKey: 'tts_out_order_cancel_1_2_order',
      payload: { scope: 'order' },
    });
  });

  it('skips rows whose flow was turned off and fails unreadable ones', () => {
    expect(pullDisposition({ ...pending, pullOrderUpdates: false }).action).toBe('skip');
    expect(pullDisposition({ ...pending, allowCancel: false }).action).toBe('skip');
    expect(pullDisposition({ ...pending, kind: 'order.status', allowCancel: false }).action).toBe('deliver');
    expect(pullDisposition({ ...pending, payload: 'not json' }).action).toBe('fail');
    expect(pullDisposition({ ...pending, kind: 'order.refund' }).action).toBe('fail');
  });

  it('delivers fulfillment rows whatever "Pull order updates" says, with the shop\'s Carrier Map', () => {
    const ful = {
      ...pending,
      kind: 'fulfillment.ship',
      pullOrderUpdates: false,
      payload: '{"fulfillmentId":"5","lineItemIds":["3"],"trackingNumbers":["T1"]}',
      carrierMap: '{"UPS Ground": "7002"}',
    };
    const result = pullDisposition(ful);
    expect(result.action === 'deliver' && result.row.payload).toMatchObject({
      carrierMap: { 'UPS Ground': '7002' },
    });
    const broken = pullDisposition({ ...ful, carrierMap: 'not json' });
    expect(broken.action === 'deliver' && broken.row.payload).toMatchObject({ carrierMap: {} });
  });
});

describe('outbox RESTlet validation', () => {
  it('accepts pull and ack bodies', () => {
    expect(POST_ACTIONS).toEqual(expect.arrayContaining(['outbox.pull', 'outbox.ack']));
    expect(validateRestletRequest({ action: 'outbox.pull' }).ok).toBe(true);
    expect(validateRestletRequest({ action: 'outbox.pull', shopId: '7', limit: 100 }).ok).toBe(true);
    expect(
      validateRestletRequest({
        action: 'outbox.ack',
        results: [{ outboxId: '3', ok: false, retryable: true, message: 'x' }],
      }).ok,
    ).toBe(true);
  });

  it('names every bad field', () => {
    const pull = validateRestletRequest({ action: 'outbox.pull', shopId: 'abc', limit: 101 });
    expect(pull.ok).toBe(false);
    expect(!pull.ok && pull.problems.join('\n')).toMatch(
      /shopId:[\s\S]*limit: number 101 is not a whole number from 1 to 100/,
    );
    const ack = validateRestletRequest({
      action: 'outbox.ack',
      results: [
        { outboxId: '3', ok: 'yes' },
        { outboxId: '3', ok: true },
        { outboxId: 'x', ok: true, retryable: 1 },
      ],
    });
    expect(!ack.ok && ack.problems).toEqual([
      'results[0].ok: "yes" is not a boolean; send true or false',
      'results[1].outboxId: "3" appears twice; send one result per row',
      'results[2].outboxId: "x" is not an outbox record id; send the outboxId outbox.pull returned, e.g. "42"',
      'results[2].retryable: number 1 is not a boolean; send true or false',
    ]);
    expect(validateRestletRequest({ action: 'outbox.ack', results: [] }).ok).toBe(false);
    const pkg = validateRestletRequest({
      action: 'outbox.ack',
      results: [{ outboxId: '3', ok: true, packageId: 'P-1' }],
    });
    expect(!pkg.ok && pkg.problems[0]).toContain('results[0].packageId: "P-1" is not a TikTok package id');
    expect(
      validateRestletRequest({
        action: 'outbox.ack',
        results: [{ outboxId: '3', ok: true, packageId: '1153' }],
      }).ok,
    ).toBe(true);
  });
});
