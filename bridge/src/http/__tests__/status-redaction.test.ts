import pino from 'pino';
import { TestClock } from '../../../../test/support/test-clock';
import { describeError } from '../../core/errors';
import { formatStatus } from '../../cli';
import { SqliteStore } from '../../store/sqlite-store';
import { TikTokBusinessError } from '../../tiktok/errors';
import { NetSuiteError } from '../../netsuite/client';
import { JobRunner } from '../../workers/job-runner';
import { orderUpsertJob } from '../../workers/job-kinds';
import { renderStatus, statusSnapshot } from '../status-routes';

const SECRETS = /S3CR3T|AC0DE|T0KEN|B3ARER|0AUTHSIG/;

describe('secrets in TikTok and NetSuite error text never reach the recent errors or the status page', () => {
  it('a dead-lettered job quoting a TikTok error body with tokens is stored and shown scrubbed', async () => {
    const store = new SqliteStore(':memory:');
    const clock = new TestClock();
    await store.enqueueJob(orderUpsertJob('1', '11', clock.now()), clock.now());
    const runner = new JobRunner({
      store,
      clock,
      random: () => 0.5,
      owner: 'w',
      logger: pino({ level: 'silent' }),
      every: () => () => undefined,
      handlers: [
        {
          kind: 'order.upsert',
          batchSize: 50,
          run: async () => {
            throw new TikTokBusinessError({
              endpoint: '/order/202309/orders',
              httpStatus: 400,
              tiktokCode: 12345,
              tiktokMessage:
                'bad request /api/v2/token/refresh?app_secret=S3CR3T&refresh_token=T0KEN (Authorization: Bearer B3ARER)',
            });
          },
        },
      ],
    });
    expect(await runner.runOnce()).toMatchObject({ dead: 1 });
    const [job] = await store.listJobs({});
    expect(`${job?.lastError} ${job?.deadReason}`).not.toMatch(SECRETS);
    expect(job?.deadReason).toContain('app_secret=[redacted]');
    const snapshot = await statusSnapshot(store);
    expect(snapshot.recentErrors[0]?.message).toContain('TikTok /order/202309/orders failed');
    expect(JSON.stringify(snapshot)).not.toMatch(SECRETS);
    await store.close();
  });

  it('rows written before scrubbing (or by another store) are scrubbed when rendered', async () => {
    const store = new SqliteStore(':memory:');
    const leak =
      'NetSuite said {"error":{"code":"UNEXPECTED_ERROR","message":"oauth_token=\\"T0KEN\\" oauth_signature=\\"0AUTHSIG\\""}} code=AC0DE';
    store.db
      .prepare('INSERT INTO recent_errors (at, source, shop_id, message) VALUES (?, ?, ?, ?)')
      .run(1, 'job:order.upsert', '1', leak);
    store.db
      .prepare(
        `INSERT INTO jobs (kind, shop_id, dedupe_key, payload, state, attempts, run_after, dead_reason, created_at, updated_at)
         VALUES ('order.upsert', '1', NULL, '{}', 'dead', 1, 0, ?, 0, 0)`,
      )
      .run(leak);
    const snapshot = await statusSnapshot(store);
    expect(renderStatus(snapshot)).not.toMatch(SECRETS);
    expect(formatStatus(snapshot)).not.toMatch(SECRETS);
    expect(formatStatus(snapshot)).toContain('UNEXPECTED_ERROR');
    await store.close();
  });

  it('describeError (job errors, recent errors) scrubs a NetSuite error that quotes the request', () => {
    const error = new NetSuiteError(
      {
        action: 'orders.upsert',
        httpStatus: 500,
        netsuiteCode: 'UNEXPECTED_ERROR',
        netsuiteMessage: 'echo: Authorization: OAuth oauth_token="T0KEN", oauth_signature="0AUTHSIG"',
      },
      true,
    );
    expect(error.message).toMatch(SECRETS);
    expect(describeError(error)).not.toMatch(SECRETS);
    expect(describeError(error)).toContain('NETSUITE_ERROR: NetSuite RESTlet orders.upsert failed');
  });
});
