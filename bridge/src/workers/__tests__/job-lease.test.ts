import pino from 'pino';
import { SqliteStore } from '../../store/sqlite-store';
import { TestClock } from '../../../../test/support/test-clock';
import type { TikTokOrder } from '../../../../shared-types/src/tiktok/tiktok-order';
import type { NetSuiteClient } from '../../netsuite/client';
import type { TikTokClient } from '../../tiktok/client';
import { JobRunner, type Every, type JobHandler, type RunSummary } from '../job-runner';
import { orderUpsertJob } from '../job-kinds';
import { orderUpsertHandler } from '../order-upsert';

describe('job leases after a crash', () => {
  it("a killed worker's leased job is re-claimed by a new process once the lease expires, not before", async () => {
    const store = new SqliteStore(':memory:');
    const clock = new TestClock();
    await store.enqueueJob(
      { kind: 'k', shopId: '1', dedupeKey: 'k:1', payload: {}, runAfter: clock.now() },
      clock.now(),
    );
    // The first process claims the job and dies without completing it.
    const leased = await store.claimJobs({
      owner: 'dead-worker',
      now: clock.now(),
      leaseMs: 120_000,
      limit: 10,
    });
    expect(leased).toHaveLength(1);

    const ran: number[] = [];
    const handler: JobHandler = {
      kind: 'k',
      batchSize: 10,
      run: async (jobs) => void ran.push(...jobs.map((j) => j.id)),
    };
    const runner = new JobRunner({
      store,
      handlers: [handler],
      clock,
      random: () => 0.5,
      owner: 'new-worker',
      logger: pino({ level: 'silent' }),
    });
    clock.advance(119_000);
    expect((await runner.runOnce()).claimed).toBe(0);
    clock.advance(1_000);
    expect(await runner.runOnce()).toMatchObject({ claimed: 1, completed: 1 });
    expect(ran).toEqual([leased[0]?.id]);
    expect((await store.getJob(leased[0]?.id ?? 0))?.state).toBe('done');
    await store.close();
  });
});

describe('lease renewal while a batch runs', () => {
  const T = Date.parse('2026-01-15T12:00:00Z');
  const silent = pino({ level: 'silent' });

  /** A heartbeat timer driven by the test: `tick()` runs every registered heartbeat once. */
  function manualTimer(): { every: Every; tick(): Promise<void>; active(): number } {
    const ticks = new Set<() => void>();
    return {
      every: (_ms, tick) => {
        ticks.add(tick);
        return () => ticks.delete(tick);
      },
      async tick() {
        for (const tick of ticks) tick();
        await new Promise((resolve) => setImmediate(resolve));
      },
      active: () => ticks.size,
    };
  }

  const order = (id: string): TikTokOrder => ({ id, status: 'AWAITING_SHIPMENT' }) as unknown as TikTokOrder;

  it('a batch that outlasts the 2-minute lease keeps it: a second process claims nothing and the job runs once', async () => {
    const store = new SqliteStore(':memory:');
    const clock = new TestClock(T);
    const timer = manualTimer();
    await store.enqueueJob(orderUpsertJob('1', '11', clock.now()), clock.now());
    const runs: string[] = [];
    const other = new JobRunner({
      store,
      clock,
      random: () => 0.5,
      owner: 'process-b',
      logger: silent,
      every: timer.every,
      handlers: [{ kind: 'order.upsert', batchSize: 50, run: async () => void runs.push('b') }],
    });
    let otherClaimed = -1;
    const slow: JobHandler = {
      kind: 'order.upsert',
      batchSize: 50,
      async run() {
        runs.push('a');
        // TikTok throttling: five retries a minute apart, the heartbeat firing every 40 s.
        for (let i = 0; i < 8; i += 1) {
          clock.advance(40_000);
          await timer.tick();
        }
        otherClaimed = (await other.runOnce()).claimed;
      },
    };
    const runner = new JobRunner({
      store,
      clock,
      random: () => 0.5,
      owner: 'process-a',
      logger: silent,
      every: timer.every,
      handlers: [slow],
    });
    expect(await runner.runOnce()).toMatchObject({ claimed: 1, completed: 1, leaseLost: 0 });
    expect(otherClaimed).toBe(0);
    expect(runs).toEqual(['a']);
    expect(timer.active()).toBe(0);
    await store.close();
  });

  it('a process that lost its lease (stalled past it) neither writes the order to NetSuite nor completes the job', async () => {
    const store = new SqliteStore(':memory:');
    const clock = new TestClock(T);
    const timer = manualTimer();
    const { id } = await store.enqueueJob(orderUpsertJob('1', '11', clock.now()), clock.now());
    const upserts: string[] = [];
    let stallNext = true;
    let otherSummary: RunSummary | undefined;
    const netsuite = {
      upsertOrders: async (_shopId: string, orders: TikTokOrder[]) => {
        upserts.push(...orders.map((o) => o.id));
      },
    } as unknown as NetSuiteClient;
    const makeRunner = (owner: string, tiktok: TikTokClient): JobRunner =>
      new JobRunner({
        store,
        clock,
        random: () => 0.5,
        owner,
        logger: silent,
        every: timer.every,
        handlers: [
          orderUpsertHandler({
            tiktok,
            netsuite,
            sendShop: () => Promise.reject(new Error('no shop sends in this test')),
          }),
        ],
      });
    const other = makeRunner('process-b', {
      getOrderDetail: async (_shop: string, ids: string[]) => ids.map(order),
    } as unknown as TikTokClient);
    const stalled = makeRunner('process-a', {
      getOrderDetail: async (_shop: string, ids: string[]) => {
        if (stallNext) {
          stallNext = false;
          // The event loop of process A is blocked past the lease: no heartbeat gets through.
          clock.advance(121_000);
          otherSummary = await other.runOnce();
        }
        return ids.map(order);
      },
    } as unknown as TikTokClient);
    const summary = await stalled.runOnce();
    expect(otherSummary).toMatchObject({ claimed: 1, completed: 1 });
    expect(summary).toMatchObject({ claimed: 1, completed: 0, retried: 0, leaseLost: 1 });
    expect(upserts).toEqual(['11']);
    expect(await store.getJob(id)).toMatchObject({ state: 'done', leaseOwner: null });
    await store.close();
  });

  it("a crashed process's run does not count against maxAttempts, but repeated crashes dead-letter the job", async () => {
    const store = new SqliteStore(':memory:');
    const clock = new TestClock(T);
    const { id } = await store.enqueueJob(orderUpsertJob('1', '11', clock.now()), clock.now());
    await store.claimJobs({ owner: 'crashed', now: clock.now(), leaseMs: 120_000, limit: 1 });
    clock.advance(120_000);
    const failing: JobHandler = {
      kind: 'order.upsert',
      batchSize: 50,
      run: async () => {
        throw new Error('NetSuite timed out');
      },
    };
    const runner = new JobRunner({
      store,
      clock,
      random: () => 0.5,
      owner: 'survivor',
      logger: silent,
      maxAttempts: 2,
      every: manualTimer().every,
      handlers: [failing],
    });
    // attempts 2 (one crashed run + this one), yet only one failure: retried, not dead.
    expect(await runner.runOnce()).toMatchObject({ claimed: 1, retried: 1, dead: 0 });
    expect(await store.getJob(id)).toMatchObject({ state: 'pending', attempts: 2, leaseExpiries: 1 });

    // A job that takes its process down every time: after 3 takeovers it is not run again.
    const ran: number[] = [];
    const poison = await store.enqueueJob(orderUpsertJob('1', '22', clock.now()), clock.now());
    for (let i = 0; i < 4; i += 1) {
      const claimed = await store.claimJobs({
        owner: `crash-${i}`,
        now: clock.now(),
        leaseMs: 1000,
        limit: 1,
      });
      expect(claimed.map((j) => j.id)).toEqual([poison.id]);
      clock.advance(1000);
    }
    const last = new JobRunner({
      store,
      clock,
      random: () => 0.5,
      owner: 'survivor',
      logger: silent,
      every: manualTimer().every,
      handlers: [
        { kind: 'order.upsert', batchSize: 50, run: async (jobs) => void ran.push(...jobs.map((j) => j.id)) },
      ],
    });
    expect(await last.runOnce()).toMatchObject({ dead: 1 });
    expect(ran).not.toContain(poison.id);
    expect(await store.getJob(poison.id)).toMatchObject({
      state: 'dead',
      deadReason: expect.stringMatching(/stopped before finishing 4 times/),
    });
    expect((await store.listRecentErrors(5))[0]?.message).toMatch(/stopped before finishing 4 times/);
    await store.close();
  });
});
