/**
 * Contract of the job queue part (`parts/jobs.ts`): what every implementation (SQLite, PostgreSQL) must do. Call
 * `runJobContract(name, factory)` from an implementation's test file; the factory returns a fresh, empty store.
 */
import { type StoreFactory, useFreshStore, T0, job } from './fixtures';

export function runJobContract(name: string, factory: StoreFactory): void {
  describe(`JobStore contract: ${name}`, () => {
    const store = useFreshStore(factory);

    describe('jobs', () => {
      it('deduplicates pending jobs by key but allows a new one once the first is running', async () => {
        const a = await store().enqueueJob(job(), T0);
        const b = await store().enqueueJob(job(), T0);
        expect(a.created).toBe(true);
        expect(b).toEqual({ id: a.id, created: false });
        const claimed = await store().claimJobs({ owner: 'w1', now: T0, leaseMs: 1000, limit: 10 });
        expect(claimed.map((j) => j.id)).toEqual([a.id]);
        expect(claimed[0]).toMatchObject({
          state: 'running',
          attempts: 1,
          leaseOwner: 'w1',
          payload: { orderId: '1' },
        });
        const c = await store().enqueueJob(job(), T0);
        expect(c.created).toBe(true);
      });

      it('does not claim jobs before run_after and filters by kind', async () => {
        await store().enqueueJob(job({ runAfter: T0 + 5000 }), T0);
        await store().enqueueJob(job({ kind: 'shop.upsert', dedupeKey: null }), T0);
        expect(
          await store().claimJobs({ owner: 'w', now: T0, leaseMs: 1000, limit: 10, kinds: ['order.upsert'] }),
        ).toEqual([]);
        expect(
          await store().claimJobs({
            owner: 'w',
            now: T0,
            leaseMs: 1000,
            limit: 10,
            excludeKinds: ['shop.upsert'],
          }),
        ).toEqual([]);
        const due = await store().claimJobs({ owner: 'w', now: T0 + 5000, leaseMs: 1000, limit: 10 });
        expect(due.map((j) => j.kind).sort()).toEqual(['order.upsert', 'shop.upsert']);
      });

      it('reclaims a job whose lease expired and refuses completion by the old owner', async () => {
        const { id } = await store().enqueueJob(job(), T0);
        await store().claimJobs({ owner: 'w1', now: T0, leaseMs: 1000, limit: 1 });
        expect(await store().claimJobs({ owner: 'w2', now: T0 + 999, leaseMs: 1000, limit: 1 })).toEqual([]);
        const again = await store().claimJobs({ owner: 'w2', now: T0 + 1000, leaseMs: 1000, limit: 1 });
        expect(again[0]).toMatchObject({ id, attempts: 2, leaseOwner: 'w2' });
        expect(await store().completeJob(id, 'w1', T0 + 1001)).toBe(false);
        expect(await store().completeJob(id, 'w2', T0 + 1002)).toBe(true);
        expect(await store().getJob(id)).toMatchObject({ state: 'done' });
      });

      it('extends the leases the owner still holds and reports the ones it lost', async () => {
        const a = await store().enqueueJob(job(), T0);
        const b = await store().enqueueJob(job({ dedupeKey: 'order:7494049642642441621:2' }), T0);
        const c = await store().enqueueJob(job({ dedupeKey: 'order:7494049642642441621:3' }), T0);
        await store().claimJobs({ owner: 'w1', now: T0, leaseMs: 1000, limit: 3 });
        // w1 renews a and b before the lease ends; c lapses and w2 takes it over.
        expect(await store().extendLease([a.id, b.id], 'w1', T0 + 1900, T0 + 900)).toEqual([a.id, b.id]);
        const taken = await store().claimJobs({ owner: 'w2', now: T0 + 1000, leaseMs: 1000, limit: 3 });
        expect(taken.map((j) => j.id)).toEqual([c.id]);
        expect(await store().getJob(a.id)).toMatchObject({ leaseOwner: 'w1', leaseExpiresAt: T0 + 1900 });
        expect(await store().extendLease([a.id, c.id], 'w1', T0 + 2900, T0 + 1800)).toEqual([a.id]);
        expect(await store().getJob(c.id)).toMatchObject({ leaseOwner: 'w2', leaseExpiresAt: T0 + 2000 });
        expect(await store().completeJob(c.id, 'w1', T0 + 1801)).toBe(false);
        // Done jobs and unknown ids are not "held".
        expect(await store().completeJob(a.id, 'w1', T0 + 1802)).toBe(true);
        expect(await store().extendLease([a.id, 999_999], 'w1', T0 + 3000, T0 + 1803)).toEqual([]);
        expect(await store().extendLease([], 'w1', T0 + 3000, T0 + 1803)).toEqual([]);
      });

      it('counts a takeover after an expired lease apart from ordinary attempts', async () => {
        const { id } = await store().enqueueJob(job(), T0);
        const first = await store().claimJobs({ owner: 'w1', now: T0, leaseMs: 1000, limit: 1 });
        expect(first[0]).toMatchObject({ attempts: 1, leaseExpiries: 0 });
        const again = await store().claimJobs({ owner: 'w2', now: T0 + 1000, leaseMs: 1000, limit: 1 });
        expect(again[0]).toMatchObject({ id, attempts: 2, leaseExpiries: 1 });
        await store().failJob(id, 'w2', { kind: 'retry', error: 'x', runAfter: T0 + 1001 }, T0 + 1000);
        const third = await store().claimJobs({ owner: 'w2', now: T0 + 1001, leaseMs: 1000, limit: 1 });
        expect(third[0]).toMatchObject({ attempts: 3, leaseExpiries: 1 });
        await store().failJob(id, 'w2', { kind: 'dead', error: 'x', reason: 'r' }, T0 + 1002);
        await store().requeueDeadJobs({}, T0 + 1003);
        expect(await store().getJob(id)).toMatchObject({ attempts: 0, leaseExpiries: 0 });
      });

      it('retries a failed job later and dead-letters it with a reason', async () => {
        const { id } = await store().enqueueJob(job(), T0);
        await store().claimJobs({ owner: 'w', now: T0, leaseMs: 1000, limit: 1 });
        await store().failJob(id, 'w', { kind: 'retry', error: 'boom', runAfter: T0 + 60_000 }, T0 + 1);
        expect(await store().getJob(id)).toMatchObject({
          state: 'pending',
          lastError: 'boom',
          runAfter: T0 + 60_000,
        });
        expect(await store().claimJobs({ owner: 'w', now: T0 + 59_999, leaseMs: 1000, limit: 1 })).toEqual(
          [],
        );
        await store().claimJobs({ owner: 'w', now: T0 + 60_000, leaseMs: 1000, limit: 1 });
        await store().failJob(
          id,
          'w',
          { kind: 'dead', error: 'boom2', reason: 'gave up after 2 attempts' },
          T0 + 60_001,
        );
        expect(await store().getJob(id)).toMatchObject({
          state: 'dead',
          deadReason: 'gave up after 2 attempts',
          lastError: 'boom2',
        });
        expect(await store().queueDepths()).toEqual([{ kind: 'order.upsert', state: 'dead', count: 1 }]);
        expect(await store().listJobs({ state: 'dead' })).toHaveLength(1);
        expect(await store().requeueDeadJobs({ shopId: 'other-shop' }, T0 + 70_000)).toBe(0);
        expect(
          await store().requeueDeadJobs({ kind: 'order.upsert', shopId: '7494049642642441621' }, T0 + 70_000),
        ).toBe(1);
        expect(await store().getJob(id)).toMatchObject({ state: 'pending', attempts: 0, deadReason: null });
      });

      it('runs one job per key at a time: the next waits for the running one to finish or its lease to expire', async () => {
        const first = await store().enqueueJob(job(), T0);
        const other = await store().enqueueJob(job({ dedupeKey: 'order:7494049642642441621:2' }), T0);
        expect((await store().claimJobs({ owner: 'w1', now: T0, leaseMs: 1000, limit: 1 }))[0]?.id).toBe(
          first.id,
        );
        const second = await store().enqueueJob(job(), T0 + 1);
        expect(second.created).toBe(true);
        // w2 gets the other key's job, not the second job of the running key.
        expect(
          (await store().claimJobs({ owner: 'w2', now: T0 + 2, leaseMs: 1000, limit: 10 })).map((j) => j.id),
        ).toEqual([other.id]);
        expect(await store().completeJob(other.id, 'w2', T0 + 3)).toBe(true);
        // The first job's lease expires: it is taken over first; the second still waits.
        expect(
          (await store().claimJobs({ owner: 'w2', now: T0 + 1000, leaseMs: 1000, limit: 10 })).map(
            (j) => j.id,
          ),
        ).toEqual([first.id]);
        expect(await store().completeJob(first.id, 'w2', T0 + 1001)).toBe(true);
        expect(
          (await store().claimJobs({ owner: 'w1', now: T0 + 1002, leaseMs: 1000, limit: 10 })).map(
            (j) => j.id,
          ),
        ).toEqual([second.id]);
      });

      it('settles a pending job by key without running it, and leaves running ones alone', async () => {
        const pending = await store().enqueueJob(job({ runAfter: T0 + 300_000 }), T0);
        expect(await store().settlePendingJob('order:7494049642642441621:1', T0 + 1)).toBe(true);
        expect(await store().getJob(pending.id)).toMatchObject({ state: 'done', updatedAt: T0 + 1 });
        expect(await store().claimJobs({ owner: 'w', now: T0 + 300_000, leaseMs: 1000, limit: 10 })).toEqual(
          [],
        );
        expect(await store().settlePendingJob('order:7494049642642441621:1', T0 + 2)).toBe(false);
        const running = await store().enqueueJob(job(), T0 + 3);
        await store().claimJobs({ owner: 'w', now: T0 + 3, leaseMs: 1000, limit: 1 });
        expect(await store().settlePendingJob('order:7494049642642441621:1', T0 + 4)).toBe(false);
        expect(await store().getJob(running.id)).toMatchObject({ state: 'running' });
      });

      it('lets a pending job with the same key supersede a failing one', async () => {
        const first = await store().enqueueJob(job(), T0);
        await store().claimJobs({ owner: 'w', now: T0, leaseMs: 1000, limit: 1 });
        const second = await store().enqueueJob(job(), T0 + 1);
        expect(second.created).toBe(true);
        expect(
          await store().failJob(first.id, 'w', { kind: 'retry', error: 'x', runAfter: T0 + 10 }, T0 + 2),
        ).toBe(true);
        expect(await store().getJob(first.id)).toMatchObject({ state: 'done' });
        expect(await store().listJobs({ state: 'pending' })).toHaveLength(1);
      });
    });
  });
}
