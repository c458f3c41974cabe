import type { BridgeStore, NewJob, ShopInput } from '../types';

/**
 * The behaviour every BridgeStore implementation must have. Each implementation's test file calls
 * `runStoreContract(name, factory)`; the factory returns a fresh, empty store.
 */
export type StoreFactory = () => Promise<BridgeStore>;

const T0 = 1_700_000_000_000;

const shop = (overrides: Partial<ShopInput> = {}): ShopInput => ({
  shopId: '7494049642642441621',
  name: 'Test Shop',
  region: 'US',
  sellerType: 'LOCAL',
  cipher: 'ROW_abc123',
  code: 'USLCXXXX',
  state: 'connected',
  ...overrides,
});

const job = (overrides: Partial<NewJob> = {}): NewJob => ({
  kind: 'order.upsert',
  shopId: '7494049642642441621',
  dedupeKey: 'order:7494049642642441621:1',
  payload: { orderId: '1' },
  runAfter: T0,
  ...overrides,
});

export function runStoreContract(name: string, factory: StoreFactory): void {
  describe(`BridgeStore contract: ${name}`, () => {
    let store: BridgeStore;

    beforeEach(async () => {
      store = await factory();
    });

    afterEach(async () => {
      await store.close();
    });

    it('answers ping while open', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    describe('shops', () => {
      it('upserts a shop and keeps created_at on re-authorization', async () => {
        const first = await store.upsertShop(shop(), T0);
        expect(first).toMatchObject({ shopId: '7494049642642441621', state: 'connected', createdAt: T0 });
        await store.setShopState(first.shopId, 'needs_reauth', 'refresh token expired', T0 + 10);
        expect(await store.getShop(first.shopId)).toMatchObject({
          state: 'needs_reauth',
          stateReason: 'refresh token expired',
        });
        const again = await store.upsertShop(shop({ name: 'Renamed', cipher: 'ROW_new' }), T0 + 20);
        expect(again).toMatchObject({
          name: 'Renamed',
          cipher: 'ROW_new',
          state: 'connected',
          stateReason: null,
          createdAt: T0,
          updatedAt: T0 + 20,
        });
        expect(await store.listShops()).toHaveLength(1);
      });

      it('returns undefined for an unknown shop', async () => {
        expect(await store.getShop('nope')).toBeUndefined();
      });
    });

    describe('tokens', () => {
      it('saves, replaces and lists tokens by grant', async () => {
        await store.upsertShop(shop(), T0);
        await store.upsertShop(shop({ shopId: '2', cipher: 'ROW_2' }), T0);
        const base = {
          grantId: 'open-1',
          accessTokenEnc: 'v1:a',
          refreshTokenEnc: 'v1:r',
          accessExpiresAt: T0 + 1000,
          refreshExpiresAt: T0 + 2000,
          updatedAt: T0,
          authorizedAt: T0 - 50,
        };
        await store.saveTokens({ shopId: '7494049642642441621', ...base });
        await store.saveTokens({ shopId: '2', ...base });
        await store.saveTokens({ shopId: '2', ...base, accessTokenEnc: 'v1:b', updatedAt: T0 + 5 });
        expect(await store.getTokens('2')).toMatchObject({
          accessTokenEnc: 'v1:b',
          updatedAt: T0 + 5,
          authorizedAt: T0 - 50,
        });
        expect(await store.listShopIdsByGrant('open-1')).toEqual(['2', '7494049642642441621']);
        expect(await store.getTokens('missing')).toBeUndefined();
      });

      it('swaps token ciphertexts only while they are still the ones read (key rotation)', async () => {
        await store.upsertShop(shop(), T0);
        const id = '7494049642642441621';
        const saved = {
          shopId: id,
          grantId: 'open-1',
          accessTokenEnc: 'v2:old:a',
          refreshTokenEnc: 'v2:old:r',
          accessExpiresAt: T0 + 1000,
          refreshExpiresAt: T0 + 2000,
          updatedAt: T0,
          authorizedAt: T0 - 50,
        };
        await store.saveTokens(saved);
        const next = { accessTokenEnc: 'v2:new:a', refreshTokenEnc: 'v2:new:r' };
        expect(await store.replaceTokenCiphertexts(id, { ...saved, refreshTokenEnc: 'v2:x' }, next)).toBe(
          false,
        );
        expect(await store.replaceTokenCiphertexts('missing', saved, next)).toBe(false);
        expect(await store.getTokens(id)).toEqual(saved);
        expect(await store.replaceTokenCiphertexts(id, saved, next)).toBe(true);
        expect(await store.getTokens(id)).toEqual({ ...saved, ...next });
        expect(await store.replaceTokenCiphertexts(id, saved, next)).toBe(false);
      });
    });

    describe('admin sessions', () => {
      it('keeps a session active until it expires or is revoked', async () => {
        await store.createAdminSession('h1', T0 + 1000, T0);
        expect(await store.isAdminSessionActive('h1', T0 + 1)).toBe(true);
        expect(await store.isAdminSessionActive('h1', T0 + 1000)).toBe(false);
        expect(await store.isAdminSessionActive('unknown', T0 + 1)).toBe(false);
        expect(await store.revokeAdminSession('h1', T0 + 2)).toBe(true);
        expect(await store.isAdminSessionActive('h1', T0 + 3)).toBe(false);
        expect(await store.revokeAdminSession('h1', T0 + 4)).toBe(false);
      });

      it('revokes every session at once, expired ones included', async () => {
        await store.createAdminSession('a', T0 + 1000, T0);
        await store.createAdminSession('b', T0 + 1000, T0);
        await store.createAdminSession('old', T0 + 10, T0);
        expect(await store.revokeAllAdminSessions(T0 + 100)).toBe(3);
        expect(await store.isAdminSessionActive('a', T0 + 101)).toBe(false);
        expect(await store.isAdminSessionActive('b', T0 + 101)).toBe(false);
        await store.createAdminSession('c', T0 + 2000, T0 + 200);
        expect(await store.isAdminSessionActive('c', T0 + 201)).toBe(true);
      });
    });

    describe('oauth states', () => {
      it('accepts a state once, then reports it used', async () => {
        await store.createOAuthState('s1', T0 + 600_000, T0);
        expect(await store.consumeOAuthState('s1', T0 + 1)).toBe('ok');
        expect(await store.consumeOAuthState('s1', T0 + 2)).toBe('used');
      });

      it('reports unknown and expired states', async () => {
        await store.createOAuthState('s2', T0 + 600_000, T0);
        expect(await store.consumeOAuthState('other', T0 + 1)).toBe('unknown');
        expect(await store.consumeOAuthState('s2', T0 + 600_000)).toBe('expired');
        expect(await store.consumeOAuthState('s2', T0 + 600_001)).toBe('used');
      });

      it('remembers how each state was issued (session by default, bearer for script starts)', async () => {
        await store.createOAuthState('s3', T0 + 600_000, T0);
        await store.createOAuthState('s4', T0 + 600_000, T0, 'bearer');
        expect(await store.getOAuthStateBinding('s3')).toBe('session');
        expect(await store.getOAuthStateBinding('s4')).toBe('bearer');
        expect(await store.getOAuthStateBinding('never-issued')).toBeUndefined();
        expect(await store.consumeOAuthState('s4', T0 + 1)).toBe('ok');
        expect(await store.getOAuthStateBinding('s4')).toBe('bearer');
      });
    });

    describe('webhook notifications', () => {
      it('inserts once per dedupe key and enqueues the jobs in the same step', async () => {
        const entry = { dedupeKey: 'n-1', shopId: '1', eventType: 1, rawBody: '{"a":1}', receivedAt: T0 };
        const first = await store.insertWebhook(entry, [job()]);
        const second = await store.insertWebhook(entry, [job({ dedupeKey: 'other' })]);
        expect(first.inserted).toBe(true);
        expect(second).toEqual({ inserted: false, id: first.id });
        expect(await store.countWebhooks()).toBe(1);
        expect(await store.listJobs({})).toHaveLength(1);
        expect(await store.getWebhook(first.id)).toMatchObject({
          rawBody: '{"a":1}',
          eventType: 1,
          ignoredReason: null,
        });
      });

      it('keeps the reason an event is stored but not acted on', async () => {
        const entry = { dedupeKey: 'n-2', shopId: '1', eventType: 1, rawBody: '{}', receivedAt: T0 };
        const { id } = await store.insertWebhook({ ...entry, ignoredReason: 'stale: 8 days old' }, []);
        expect(await store.getWebhook(id)).toMatchObject({ ignoredReason: 'stale: 8 days old' });
        expect(await store.listJobs({})).toEqual([]);
      });

      it('commits a group of webhooks together, each as insertWebhook would, one failure rolled back alone', async () => {
        const entry = (n: number) => ({
          dedupeKey: `g-${n}`,
          shopId: '1',
          eventType: 1,
          rawBody: `{"n":${n}}`,
          receivedAt: T0,
        });
        const results = await store.insertWebhooks([
          { entry: entry(1), jobs: [job({ dedupeKey: 'order:1' })] },
          { entry: entry(1), jobs: [job({ dedupeKey: 'order:1-again' })] },
          // A payload JSON cannot hold: this webhook's row and job are rolled back, no other.
          { entry: entry(2), jobs: [job({ dedupeKey: 'order:2', payload: { n: 1n } })] },
          { entry: entry(3), jobs: [job({ dedupeKey: 'order:3' })] },
        ]);
        expect(results).toHaveLength(4);
        const [first, again, failed, third] = results;
        expect(first).toMatchObject({ ok: true, inserted: true });
        expect(again).toEqual({ ok: true, inserted: false, id: first?.ok ? first.id : -1 });
        expect(failed?.ok).toBe(false);
        expect(third).toMatchObject({ ok: true, inserted: true });
        expect(await store.countWebhooks()).toBe(2);
        expect((await store.listJobs({})).map((j) => j.dedupeKey).sort()).toEqual(['order:1', 'order:3']);
        expect(await store.insertWebhooks([])).toEqual([]);
      });
    });

    describe('jobs', () => {
      it('deduplicates pending jobs by key but allows a new one once the first is running', async () => {
        const a = await store.enqueueJob(job(), T0);
        const b = await store.enqueueJob(job(), T0);
        expect(a.created).toBe(true);
        expect(b).toEqual({ id: a.id, created: false });
        const claimed = await store.claimJobs({ owner: 'w1', now: T0, leaseMs: 1000, limit: 10 });
        expect(claimed.map((j) => j.id)).toEqual([a.id]);
        expect(claimed[0]).toMatchObject({
          state: 'running',
          attempts: 1,
          leaseOwner: 'w1',
          payload: { orderId: '1' },
        });
        const c = await store.enqueueJob(job(), T0);
        expect(c.created).toBe(true);
      });

      it('does not claim jobs before run_after and filters by kind', async () => {
        await store.enqueueJob(job({ runAfter: T0 + 5000 }), T0);
        await store.enqueueJob(job({ kind: 'shop.upsert', dedupeKey: null }), T0);
        expect(
          await store.claimJobs({ owner: 'w', now: T0, leaseMs: 1000, limit: 10, kinds: ['order.upsert'] }),
        ).toEqual([]);
        expect(
          await store.claimJobs({
            owner: 'w',
            now: T0,
            leaseMs: 1000,
            limit: 10,
            excludeKinds: ['shop.upsert'],
          }),
        ).toEqual([]);
        const due = await store.claimJobs({ owner: 'w', now: T0 + 5000, leaseMs: 1000, limit: 10 });
        expect(due.map((j) => j.kind).sort()).toEqual(['order.upsert', 'shop.upsert']);
      });

      it('reclaims a job whose lease expired and refuses completion by the old owner', async () => {
        const { id } = await store.enqueueJob(job(), T0);
        await store.claimJobs({ owner: 'w1', now: T0, leaseMs: 1000, limit: 1 });
        expect(await store.claimJobs({ owner: 'w2', now: T0 + 999, leaseMs: 1000, limit: 1 })).toEqual([]);
        const again = await store.claimJobs({ owner: 'w2', now: T0 + 1000, leaseMs: 1000, limit: 1 });
        expect(again[0]).toMatchObject({ id, attempts: 2, leaseOwner: 'w2' });
        expect(await store.completeJob(id, 'w1', T0 + 1001)).toBe(false);
        expect(await store.completeJob(id, 'w2', T0 + 1002)).toBe(true);
        expect(await store.getJob(id)).toMatchObject({ state: 'done' });
      });

      it('extends the leases the owner still holds and reports the ones it lost', async () => {
        const a = await store.enqueueJob(job(), T0);
        const b = await store.enqueueJob(job({ dedupeKey: 'order:7494049642642441621:2' }), T0);
        const c = await store.enqueueJob(job({ dedupeKey: 'order:7494049642642441621:3' }), T0);
        await store.claimJobs({ owner: 'w1', now: T0, leaseMs: 1000, limit: 3 });
        // w1 renews a and b before the lease ends; c lapses and w2 takes it over.
        expect(await store.extendLease([a.id, b.id], 'w1', T0 + 1900, T0 + 900)).toEqual([a.id, b.id]);
        const taken = await store.claimJobs({ owner: 'w2', now: T0 + 1000, leaseMs: 1000, limit: 3 });
        expect(taken.map((j) => j.id)).toEqual([c.id]);
        expect(await store.getJob(a.id)).toMatchObject({ leaseOwner: 'w1', leaseExpiresAt: T0 + 1900 });
        expect(await store.extendLease([a.id, c.id], 'w1', T0 + 2900, T0 + 1800)).toEqual([a.id]);
        expect(await store.getJob(c.id)).toMatchObject({ leaseOwner: 'w2', leaseExpiresAt: T0 + 2000 });
        expect(await store.completeJob(c.id, 'w1', T0 + 1801)).toBe(false);
        // Done jobs and unknown ids are not "held".
        expect(await store.completeJob(a.id, 'w1', T0 + 1802)).toBe(true);
        expect(await store.extendLease([a.id, 999_999], 'w1', T0 + 3000, T0 + 1803)).toEqual([]);
        expect(await store.extendLease([], 'w1', T0 + 3000, T0 + 1803)).toEqual([]);
      });

      it('counts a takeover after an expired lease apart from ordinary attempts', async () => {
        const { id } = await store.enqueueJob(job(), T0);
        const first = await store.claimJobs({ owner: 'w1', now: T0, leaseMs: 1000, limit: 1 });
        expect(first[0]).toMatchObject({ attempts: 1, leaseExpiries: 0 });
        const again = await store.claimJobs({ owner: 'w2', now: T0 + 1000, leaseMs: 1000, limit: 1 });
        expect(again[0]).toMatchObject({ id, attempts: 2, leaseExpiries: 1 });
        await store.failJob(id, 'w2', { kind: 'retry', error: 'x', runAfter: T0 + 1001 }, T0 + 1000);
        const third = await store.claimJobs({ owner: 'w2', now: T0 + 1001, leaseMs: 1000, limit: 1 });
        expect(third[0]).toMatchObject({ attempts: 3, leaseExpiries: 1 });
        await store.failJob(id, 'w2', { kind: 'dead', error: 'x', reason: 'r' }, T0 + 1002);
        await store.requeueDeadJobs({}, T0 + 1003);
        expect(await store.getJob(id)).toMatchObject({ attempts: 0, leaseExpiries: 0 });
      });

      it('retries a failed job later and dead-letters it with a reason', async () => {
        const { id } = await store.enqueueJob(job(), T0);
        await store.claimJobs({ owner: 'w', now: T0, leaseMs: 1000, limit: 1 });
        await store.failJob(id, 'w', { kind: 'retry', error: 'boom', runAfter: T0 + 60_000 }, T0 + 1);
        expect(await store.getJob(id)).toMatchObject({
          state: 'pending',
          lastError: 'boom',
          runAfter: T0 + 60_000,
        });
        expect(await store.claimJobs({ owner: 'w', now: T0 + 59_999, leaseMs: 1000, limit: 1 })).toEqual([]);
        await store.claimJobs({ owner: 'w', now: T0 + 60_000, leaseMs: 1000, limit: 1 });
        await store.failJob(
          id,
          'w',
          { kind: 'dead', error: 'boom2', reason: 'gave up after 2 attempts' },
          T0 + 60_001,
        );
        expect(await store.getJob(id)).toMatchObject({
          state: 'dead',
          deadReason: 'gave up after 2 attempts',
          lastError: 'boom2',
        });
        expect(await store.queueDepths()).toEqual([{ kind: 'order.upsert', state: 'dead', count: 1 }]);
        expect(await store.listJobs({ state: 'dead' })).toHaveLength(1);
        expect(await store.requeueDeadJobs({ shopId: 'other-shop' }, T0 + 70_000)).toBe(0);
        expect(
          await store.requeueDeadJobs({ kind: 'order.upsert', shopId: '7494049642642441621' }, T0 + 70_000),
        ).toBe(1);
        expect(await store.getJob(id)).toMatchObject({ state: 'pending', attempts: 0, deadReason: null });
      });

      it('lets a pending job with the same key supersede a failing one', async () => {
        const first = await store.enqueueJob(job(), T0);
        await store.claimJobs({ owner: 'w', now: T0, leaseMs: 1000, limit: 1 });
        const second = await store.enqueueJob(job(), T0 + 1);
        expect(second.created).toBe(true);
        expect(
          await store.failJob(first.id, 'w', { kind: 'retry', error: 'x', runAfter: T0 + 10 }, T0 + 2),
        ).toBe(true);
        expect(await store.getJob(first.id)).toMatchObject({ state: 'done' });
        expect(await store.listJobs({ state: 'pending' })).toHaveLength(1);
      });
    });

    describe('reconcile cursors and errors', () => {
      it('stores a reconcile cursor per shop and name', async () => {
        expect(await store.getCursor('1', 'orders')).toBeUndefined();
        await store.setCursor('1', 'orders', 100, T0);
        await store.setCursor('1', 'orders', 200, T0 + 1);
        expect(await store.getCursor('1', 'orders')).toEqual({
          shopId: '1',
          name: 'orders',
          value: 200,
          updatedAt: T0 + 1,
        });
        expect(await store.listCursors()).toHaveLength(1);
      });

      it('scrubs secrets from every message it keeps', async () => {
        const leak =
          'TikTok said: bad request GET /token/get?app_secret=S3CR3T&auth_code=AC0DE {"access_token":"T0KEN"}';
        await store.recordError({ at: T0, source: 'worker', shopId: null, message: leak });
        await store.upsertShop(shop(), T0);
        await store.setShopState(shop().shopId, 'needs_reauth', leak, T0);
        const retried = await store.enqueueJob(job(), T0);
        const dead = await store.enqueueJob(job({ dedupeKey: 'other' }), T0);
        await store.claimJobs({ owner: 'w', now: T0, leaseMs: 1000, limit: 2 });
        await store.failJob(retried.id, 'w', { kind: 'retry', error: leak, runAfter: T0 + 10 }, T0);
        await store.failJob(dead.id, 'w', { kind: 'dead', error: leak, reason: leak }, T0);
        const kept = JSON.stringify([
          await store.listRecentErrors(10),
          await store.getShop(shop().shopId),
          await store.listJobs({}),
        ]);
        expect(kept).not.toMatch(/S3CR3T|AC0DE|T0KEN/);
        expect(kept).toContain('app_secret=[redacted]');
        expect(kept).toContain('TikTok said: bad request');
      });

      it('keeps recent errors newest first', async () => {
        await store.recordError({ at: T0, source: 'worker', shopId: null, message: 'first' });
        await store.recordError({ at: T0 + 1, source: 'worker', shopId: '1', message: 'second' });
        const errors = await store.listRecentErrors(10);
        expect(errors.map((e) => e.message)).toEqual(['second', 'first']);
      });
    });

    describe('outbox acknowledgements kept until NetSuite has them', () => {
      it('keeps results oldest first, a newer result of a row replacing the older, until deleted', async () => {
        await store.saveOutboxAcks(
          [
            { shopId: 's', result: { outboxId: '11', ok: true, message: 'sent', packageId: '1152' } },
            { shopId: 's', result: { outboxId: '12', ok: false, retryable: true, message: '429' } },
          ],
          T0,
        );
        await store.saveOutboxAcks([{ shopId: 't', result: { outboxId: '10', ok: true } }], T0 + 1);
        await store.saveOutboxAcks(
          [{ shopId: 's', result: { outboxId: '12', ok: true, message: 'sent later' } }],
          T0 + 2,
        );
        expect(await store.listOutboxAcks(10)).toEqual([
          { shopId: 's', result: { outboxId: '11', ok: true, message: 'sent', packageId: '1152' } },
          { shopId: 's', result: { outboxId: '12', ok: true, message: 'sent later' } },
          { shopId: 't', result: { outboxId: '10', ok: true } },
        ]);
        expect(await store.listOutboxAcks(1)).toHaveLength(1);
        await store.deleteOutboxAcks(['11', '12', 'unknown']);
        expect(await store.listOutboxAcks(10)).toEqual([
          { shopId: 't', result: { outboxId: '10', ok: true } },
        ]);
      });
    });

    describe('late-dispatch watch', () => {
      it('keeps the orders still to ship by ship-by, never letting an older payload win', async () => {
        await store.observeDispatch(
          [
            { shopId: 's', orderId: '2', shipBy: 2_000, orderUpdateTime: 10 },
            { shopId: 's', orderId: '1', shipBy: 1_000, orderUpdateTime: 10 },
            { shopId: 's', orderId: '3', shipBy: 3_000, orderUpdateTime: 10 },
          ],
          T0,
        );
        // Order 1 shipped (newer payload); an older payload of order 2 arrives late.
        await store.observeDispatch(
          [
            { shopId: 's', orderId: '1', shipBy: null, orderUpdateTime: 11 },
            { shopId: 's', orderId: '2', shipBy: 9_000, orderUpdateTime: 9 },
            { shopId: 's', orderId: '3', shipBy: null, orderUpdateTime: 9 },
          ],
          T0,
        );
        expect(await store.listDispatchWatch(10)).toEqual([
          { shopId: 's', orderId: '2', shipBy: 2_000 },
          { shopId: 's', orderId: '3', shipBy: 3_000 },
        ]);
        expect(await store.countDispatchWatch(2_500)).toEqual({ toShip: 2, late: 1 });
      });
    });

    describe('inventory confirmed by TikTok', () => {
      it('keeps the last confirmed quantity per shop, SKU and warehouse, and forgets a failed pair', async () => {
        const row = {
          shopId: 's',
          sellerSku: 'A',
          warehouseId: '7',
          quantity: 3,
          productId: 'p',
          skuId: 'k',
        };
        await store.confirmInventory([row, { ...row, warehouseId: '8', quantity: 0 }], T0);
        await store.confirmInventory([{ ...row, quantity: 5 }], T0 + 1);
        await store.confirmInventory([{ ...row, shopId: 'other', quantity: 9 }], T0);
        const got = await store.getConfirmedInventory('s', ['A', 'B']);
        expect(got.map((r) => `${r.warehouseId}=${r.quantity}`).sort()).toEqual(['7=5', '8=0']);
        expect(got.find((r) => r.warehouseId === '7')?.confirmedAt).toBe(T0 + 1);
        await store.forgetInventory('s', [{ sellerSku: 'A', warehouseId: '7' }]);
        expect((await store.getConfirmedInventory('s', ['A'])).map((r) => r.warehouseId)).toEqual(['8']);
      });
    });
  });
}
