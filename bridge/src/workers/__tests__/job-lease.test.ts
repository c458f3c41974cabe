import pino from 'pino';
import { SqliteStore } from '../../store/sqlite-store';
import { TestClock } from '../../__tests__/support/test-clock';
import { JobRunner, type JobHandler } from '../job-runner';

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
