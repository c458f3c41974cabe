import { TestClock } from '../../../../test/support/test-clock';
import type { DoctorCheckId } from '../../../../shared-types/src/doctor/doctor-checks';
import { BACKLOG_WARN, checkById, DOCTOR_CHECK_IDS } from '../../../../shared-types/src/doctor/doctor-checks';
import type { HeartbeatRequest } from '../../../../shared-types/src/doctor/heartbeat';
import { validateHeartbeat } from '../../../../shared-types/src/doctor/heartbeat';
import { renderDoctor } from '../../http/status-routes';
import { SqliteStore } from '../../store/sqlite-store';
import { orderUpsertJob } from '../../workers/job-kinds';
import { RECONCILE_CATCH_CURSOR } from '../../workers/reconcile';
import {
  bridgeDoctor,
  formatDoctor,
  gatherBridgeFacts,
  sendHeartbeat,
  WEBHOOK_ARRIVAL_CURSOR,
  WebhookArrivals,
  withRunNotes,
  FlowRuns,
} from '../bridge-doctor';

const DAY = 86_400_000;

async function world() {
  const store = new SqliteStore(':memory:');
  const clock = new TestClock();
  await store.upsertShop(
    {
      shopId: '1001',
      name: 'Mugs <US>',
      region: 'US',
      sellerType: 'LOCAL',
      cipher: 'c',
      code: '',
      state: 'connected',
    },
    clock.now(),
  );
  await store.saveTokens({
    shopId: '1001',
    grantId: 'g',
    accessTokenEnc: 'a',
    refreshTokenEnc: 'r',
    accessExpiresAt: clock.now() + DAY,
    refreshExpiresAt: clock.now() + 200 * DAY,
    updatedAt: clock.now(),
    authorizedAt: clock.now(),
  });
  return { store, clock };
}

describe('bridge facts and doctor', () => {
  it('gathers connection, authorization expiry, webhook arrivals, backlog and dead letters per flow', async () => {
    const { store, clock } = await world();
    const arrivals = new WebhookArrivals();
    arrivals.note('1001', clock.now() - 60_000);
    await store.enqueueJob(orderUpsertJob('1001', '7', clock.now()), clock.now());
    const { id } = await store.enqueueJob(orderUpsertJob('1001', '8', clock.now()), clock.now());
    await store.claimJobs({ owner: 'w', now: clock.now(), leaseMs: 1000, limit: 2 });
    await store.failJob(
      id,
      'w',
      { kind: 'dead', error: 'x', reason: 'NetSuite refused: no customer' },
      clock.now(),
    );
    const runs = new FlowRuns();
    runs.notePass('inventory', clock.now());
    const noted = withRunNotes(
      { kind: 'order.upsert', batchSize: 50, run: async () => undefined },
      runs,
      clock,
    );
    await noted.run([{ ...(await store.getJob(id))!, shopId: '1001' }], {} as never);
    const [facts] = await gatherBridgeFacts(store, clock, arrivals, runs);
    expect(facts).toMatchObject({
      shopId: '1001',
      connection: 'connected',
      refreshTokenExpiresAt: new Date(clock.now() + 200 * DAY).toISOString(),
      lastWebhookAt: new Date(clock.now() - 60_000).toISOString(),
      lastReconcileCatchAt: null,
      flows: {
        orders: {
          backlog: 1,
          dead: 1,
          lastError: 'NetSuite refused: no customer',
          lastRunAt: new Date(clock.now()).toISOString(),
        },
        inventory: { lastRunAt: new Date(clock.now()).toISOString() },
        fulfillments: { lastRunAt: null },
      },
    });
    // The arrival is kept in the store: a restart (a new tracker) still knows it.
    const [again] = await gatherBridgeFacts(store, clock, new WebhookArrivals());
    expect(again?.lastWebhookAt).toBe(facts?.lastWebhookAt);
    await store.close();
  });

  it('sends a heartbeat the RESTlet validation accepts, with the bridge URL', async () => {
    const { store, clock } = await world();
    const sent: HeartbeatRequest[] = [];
    const answer = await sendHeartbeat({
      store,
      clock,
      publicUrl: 'https://bridge.example.com',
      netsuite: {
        heartbeat: async (request) => {
          sent.push(request);
          return { ok: true, written: 1, unknownShops: [] };
        },
      },
    });
    expect(answer.written).toBe(1);
    expect(sent[0]?.bridgeUrl).toBe('https://bridge.example.com');
    expect(validateHeartbeat(JSON.parse(JSON.stringify(sent[0])))).toMatchObject({ ok: true });
    await store.close();
  });

  it('refuses to send a heartbeat without a usable bridge URL, naming the setting', async () => {
    const { store, clock } = await world();
    await expect(
      sendHeartbeat({
        store,
        clock,
        publicUrl: 'bridge',
        netsuite: { heartbeat: async () => ({ ok: true, written: 0, unknownShops: [] }) },
      }),
    ).rejects.toThrow(/PUBLIC_URL/);
    await store.close();
  });

  it('runs every check of the registry: dead letters broken, authorization expiring warned, settings unknown here', async () => {
    const { store, clock } = await world();
    await store.saveTokens({
      ...(await store.getTokens('1001'))!,
      refreshExpiresAt: clock.now() + 3 * DAY,
    });
    const { id } = await store.enqueueJob(orderUpsertJob('1001', '8', clock.now()), clock.now());
    await store.claimJobs({ owner: 'w', now: clock.now(), leaseMs: 1000, limit: 1 });
    await store.failJob(id, 'w', { kind: 'dead', error: 'x', reason: 'gone' }, clock.now());
    await store.setCursor('1001', RECONCILE_CATCH_CURSOR, clock.now() - 60_000, clock.now());
    const report = await bridgeDoctor(store, clock, 'INVALID_LOGIN_ATTEMPT');
    const findings = report.shops[0]!.findings;
    expect(findings.map((f) => f.id)).toEqual(DOCTOR_CHECK_IDS);
    const result = (id: string) => findings.find((f) => f.id === id)?.result;
    expect(result('dead-letters')).toBe('broken');
    expect(result('authorization-expiry')).toBe('warn');
    expect(result('netsuite-connection')).toBe('broken');
    expect(result('webhooks-arriving')).toBe('broken');
    expect(result('tiktok-authorization')).toBe('ok');
    expect(result('payment-method-map')).toBe('unknown');
    expect(report.broken).toBe(true);
    const text = formatDoctor(report);
    expect(text).toContain('[broken] dead-letters');
    expect(text).toContain('fix: Fix what the dead letter says');
    const html = renderDoctor(report);
    expect(html).toContain('Mugs &#60;US&#62;');
    for (const checkId of DOCTOR_CHECK_IDS) expect(html).toContain(`<td>${checkId}</td>`);
    await store.close();
  });

  it('a healthy shop with NetSuite answering has nothing broken', async () => {
    const { store, clock } = await world();
    const report = await bridgeDoctor(store, clock, null);
    expect(report.broken).toBe(false);
    expect(formatDoctor({ shops: [], broken: false })).toMatch(/No shop connected yet/);
    await store.close();
  });
});

/**
 * Every check the bridge judges, broken in the bridge's store and repaired (README, the doctor
 * table's B): each case breaks the real state (the shop's connection, its tokens, cursors, jobs, the
 * late-dispatch watch, NetSuite's answer), sees the check fail with its fix in the report and in the
 * CLI's text, repairs it and sees it pass.
 */
describe('each bridge check broken in the store, then repaired', () => {
  type World = Awaited<ReturnType<typeof world>>;
  interface Case {
    id: DoctorCheckId;
    result: 'broken' | 'warn';
    detail: string;
    breakIt: (w: World) => Promise<void>;
    repair: (w: World) => Promise<void>;
    /** NetSuite's answer to the doctor's ping while broken (null: it answered). */
    netsuiteError?: string;
  }

  async function deadOrderJob({ store, clock }: World): Promise<void> {
    const { id } = await store.enqueueJob(orderUpsertJob('1001', '9', clock.now()), clock.now());
    await store.claimJobs({ owner: 'w', now: clock.now(), leaseMs: 1000, limit: 1 });
    await store.failJob(
      id,
      'w',
      { kind: 'dead', error: 'x', reason: 'NetSuite refused: no customer' },
      clock.now(),
    );
  }

  const cases: Case[] = [
    {
      id: 'tiktok-authorization',
      result: 'broken',
      detail: 'needs_reauth: refresh token revoked',
      breakIt: ({ store, clock }) =>
        store.setShopState('1001', 'needs_reauth', 'refresh token revoked', clock.now()),
      repair: ({ store, clock }) => store.setShopState('1001', 'connected', null, clock.now()),
    },
    {
      id: 'netsuite-connection',
      result: 'broken',
      detail: 'the last RESTlet call failed: INVALID_LOGIN_ATTEMPT',
      netsuiteError: 'INVALID_LOGIN_ATTEMPT',
      breakIt: async () => undefined,
      repair: async () => undefined,
    },
    {
      id: 'authorization-expiry',
      result: 'warn',
      detail: 'the authorization expires on',
      breakIt: async ({ store, clock }) =>
        store.saveTokens({ ...(await store.getTokens('1001'))!, refreshExpiresAt: clock.now() + 3 * DAY }),
      repair: async ({ store, clock }) =>
        store.saveTokens({ ...(await store.getTokens('1001'))!, refreshExpiresAt: clock.now() + 365 * DAY }),
    },
    {
      id: 'authorization-expiry',
      result: 'broken',
      detail: 'the authorization expired on',
      breakIt: async ({ store, clock }) =>
        store.saveTokens({ ...(await store.getTokens('1001'))!, refreshExpiresAt: clock.now() - DAY }),
      repair: async ({ store, clock }) =>
        store.saveTokens({ ...(await store.getTokens('1001'))!, refreshExpiresAt: clock.now() + 365 * DAY }),
    },
    {
      id: 'webhooks-arriving',
      result: 'broken',
      detail: 'that no webhook brought; last webhook never',
      breakIt: ({ store, clock }) =>
        store.setCursor('1001', RECONCILE_CATCH_CURSOR, clock.now() - 60_000, clock.now()),
      repair: ({ store, clock }) => store.setCursor('1001', WEBHOOK_ARRIVAL_CURSOR, clock.now(), clock.now()),
    },
    {
      id: 'dead-letters',
      result: 'broken',
      detail: 'orders: 1',
      breakIt: deadOrderJob,
      // `npm run bridge -- retry-dead` after the fix.
      repair: async ({ store, clock }) => {
        expect(await store.requeueDeadJobs({ shopId: '1001' }, clock.now())).toBe(1);
      },
    },
    {
      id: 'late-dispatch',
      result: 'warn',
      detail: '1 order(s) late',
      breakIt: ({ store, clock }) =>
        store.observeDispatch(
          [
            {
              shopId: '1001',
              orderId: '576',
              shipBy: Math.floor(clock.now() / 1000) - 60,
              orderUpdateTime: 1,
            },
          ],
          clock.now(),
        ),
      // Shipped: TikTok's next payload of the order has no ship-by left.
      repair: ({ store, clock }) =>
        store.observeDispatch(
          [{ shopId: '1001', orderId: '576', shipBy: null, orderUpdateTime: 2 }],
          clock.now(),
        ),
    },
    {
      id: 'queue-backlog',
      result: 'warn',
      detail: `orders: ${BACKLOG_WARN + 1} waiting`,
      breakIt: async ({ store, clock }) => {
        for (let i = 0; i <= BACKLOG_WARN; i += 1)
          await store.enqueueJob(orderUpsertJob('1001', String(1000 + i), clock.now()), clock.now());
      },
      repair: async ({ store, clock }) => {
        const jobs = await store.claimJobs({ owner: 'w', now: clock.now(), leaseMs: 60_000, limit: 1000 });
        for (const job of jobs) await store.completeJob(job.id, 'w', clock.now());
      },
    },
  ];

  it.each(cases.map((c) => [c.id, c.detail, c] as const))('%s: %s, then repaired', async (id, detail, c) => {
    const w = await world();
    await c.breakIt(w);
    const broken = await bridgeDoctor(w.store, w.clock, c.netsuiteError ?? null);
    const finding = broken.shops[0]!.findings.find((f) => f.id === id)!;
    expect({ id, result: finding.result }).toEqual({ id, result: c.result });
    expect(finding.detail).toContain(detail);
    expect(broken.broken).toBe(c.result === 'broken');
    const text = formatDoctor(broken);
    expect(text).toContain(`[${c.result}] ${id}`);
    expect(text).toContain(`fix: ${checkById(id).fix}`);
    await c.repair(w);
    const repaired = await bridgeDoctor(w.store, w.clock, null);
    expect(repaired.shops[0]!.findings.find((f) => f.id === id)?.result).toBe('ok');
    expect(repaired.broken).toBe(false);
    await w.store.close();
  });
});
