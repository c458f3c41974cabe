/**
 * The webhook group commit (`group-commit.ts`): concurrent submits share one store transaction,
 * each resolves only after that transaction committed, a failure of one webhook rejects only its
 * own submit, and batches never overlap unless `maxInFlight` allows (PostgreSQL: two). Against a
 * scripted store and against SQLite.
 */
import { SqliteStore } from '../../store/sqlite-store';
import type { WebhookBatchItem, WebhookBatchResult, WebhookNotificationInput } from '../../store/types';
import { WebhookGroupCommit, type GroupCommitStore } from '../group-commit';

const T0 = 1_700_000_000_000;
const entry = (n: number): WebhookNotificationInput => ({
  dedupeKey: `n-${n}`,
  shopId: '7494049642642441621',
  eventType: 1,
  rawBody: `{"n":${n}}`,
  receivedAt: T0,
});

/** A store whose transactions end when the test says so. */
class ScriptedStore implements GroupCommitStore {
  readonly batches: WebhookBatchItem[][] = [];
  readonly commits: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  inFlight = 0;
  maxInFlight = 0;
  results: (item: WebhookBatchItem, index: number) => WebhookBatchResult = (_item, index) => ({
    ok: true,
    inserted: true,
    id: index + 1,
  });

  insertWebhooks(batch: readonly WebhookBatchItem[]): Promise<WebhookBatchResult[]> {
    this.batches.push([...batch]);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return new Promise<WebhookBatchResult[]>((resolve, reject) => {
      this.commits.push({
        resolve: () => resolve(batch.map((item, index) => this.results(item, index))),
        reject,
      });
    }).finally(() => {
      this.inFlight -= 1;
    });
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function track<T>(promise: Promise<T>): { settled: () => boolean; promise: Promise<T> } {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return { settled: () => settled, promise };
}

describe('WebhookGroupCommit', () => {
  it('puts the webhooks submitted in one loop turn in one transaction and answers none before it commits', async () => {
    const store = new ScriptedStore();
    const sizes: number[] = [];
    const group = new WebhookGroupCommit(store, { observer: { batchCommitted: (size) => sizes.push(size) } });
    const submits = [1, 2, 3, 4, 5].map((n) => track(group.submit(entry(n), [])));
    await turn();
    expect(store.batches.map((b) => b.length)).toEqual([5]);
    await turn();
    expect(submits.some((s) => s.settled())).toBe(false);
    expect(group.pending).toBe(0);
    store.commits[0]?.resolve();
    await expect(Promise.all(submits.map((s) => s.promise))).resolves.toEqual(
      [1, 2, 3, 4, 5].map((id) => ({ inserted: true, id })),
    );
    expect(sizes).toEqual([5]);
  });

  it('collects the next batch while one commits, never two transactions at once', async () => {
    const store = new ScriptedStore();
    const group = new WebhookGroupCommit(store);
    const first = group.submit(entry(1), []);
    await turn();
    const later = [2, 3, 4].map((n) => group.submit(entry(n), []));
    await turn();
    await turn();
    expect(store.batches.map((b) => b.length)).toEqual([1]);
    expect(group.pending).toBe(3);
    store.commits[0]?.resolve();
    await first;
    for (let i = 0; i < 10 && store.batches.length < 2; i += 1) await turn();
    expect(store.batches.map((b) => b.map((i) => i.entry.dedupeKey))).toEqual([
      ['n-1'],
      ['n-2', 'n-3', 'n-4'],
    ]);
    store.commits[1]?.resolve();
    await Promise.all(later);
    expect(store.maxInFlight).toBe(1);
  });

  it('with maxInFlight 2 starts a second transaction while the first commits, never a third, each answering its own', async () => {
    const store = new ScriptedStore();
    const group = new WebhookGroupCommit(store, { maxInFlight: 2 });
    const first = track(group.submit(entry(1), []));
    await turn();
    const second = [2, 3].map((n) => track(group.submit(entry(n), [])));
    await turn();
    expect(store.batches.map((b) => b.map((i) => i.entry.dedupeKey))).toEqual([['n-1'], ['n-2', 'n-3']]);
    expect(group.inFlight).toBe(2);
    const third = [4, 5].map((n) => track(group.submit(entry(n), [])));
    await turn();
    await turn();
    expect(store.batches).toHaveLength(2);
    expect(group.pending).toBe(2);
    // The second commits first: its webhooks are answered, the first's not yet.
    store.commits[1]?.resolve();
    await Promise.all(second.map((s) => s.promise));
    expect(first.settled()).toBe(false);
    for (let i = 0; i < 10 && store.batches.length < 3; i += 1) await turn();
    expect(store.batches[2]?.map((i) => i.entry.dedupeKey)).toEqual(['n-4', 'n-5']);
    expect(third.some((s) => s.settled())).toBe(false);
    // A transaction that fails rejects its own batch only.
    store.commits[0]?.reject(new Error('could not serialize'));
    await expect(first.promise).rejects.toThrow('could not serialize');
    expect(third.some((s) => s.settled())).toBe(false);
    store.commits[2]?.resolve();
    await Promise.all(third.map((s) => s.promise));
    await group.drain();
    expect(store.maxInFlight).toBe(2);
  });

  it('with maxInFlight 2 splits a backlog over maxBatch into two transactions at once', async () => {
    const store = new ScriptedStore();
    const group = new WebhookGroupCommit(store, { maxBatch: 2, maxInFlight: 2 });
    const submits = [1, 2, 3, 4, 5].map((n) => group.submit(entry(n), []));
    await turn();
    expect(store.batches.map((b) => b.length)).toEqual([2]);
    await turn();
    expect(store.batches.map((b) => b.length)).toEqual([2, 2]);
    store.commits[0]?.resolve();
    while (store.commits.length < 3) await turn();
    store.commits[1]?.resolve();
    store.commits[2]?.resolve();
    await Promise.all(submits);
    expect(store.batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(store.maxInFlight).toBe(2);
  });

  it('holds at most maxBatch webhooks per transaction', async () => {
    const store = new ScriptedStore();
    const group = new WebhookGroupCommit(store, { maxBatch: 2 });
    const submits = [1, 2, 3, 4, 5].map((n) => group.submit(entry(n), []));
    for (let i = 0; i < 3; i += 1) {
      while (store.commits.length <= i) await turn();
      store.commits[i]?.resolve();
    }
    await Promise.all(submits);
    expect(store.batches.map((b) => b.length)).toEqual([2, 2, 1]);
  });

  it('rejects only the webhook that failed; a transaction that fails rejects its whole batch', async () => {
    const store = new ScriptedStore();
    store.results = (item, index) =>
      item.entry.dedupeKey === 'n-2'
        ? { ok: false, error: new Error('row 2 failed') }
        : { ok: true, inserted: true, id: index + 1 };
    const group = new WebhookGroupCommit(store);
    const [one, two, three] = [1, 2, 3].map((n) => group.submit(entry(n), []));
    await turn();
    store.commits[0]?.resolve();
    await expect(one).resolves.toEqual({ inserted: true, id: 1 });
    await expect(two).rejects.toThrow('row 2 failed');
    await expect(three).resolves.toEqual({ inserted: true, id: 3 });

    const [four, five] = [4, 5].map((n) => group.submit(entry(n), []));
    await turn();
    store.commits[1]?.reject(new Error('disk full'));
    await expect(four).rejects.toThrow('disk full');
    await expect(five).rejects.toThrow('disk full');
    // The group commit goes on after a failed transaction.
    const six = group.submit(entry(6), []);
    await turn();
    store.commits[2]?.resolve();
    await expect(six).resolves.toEqual({ inserted: true, id: 1 });
  });

  it('on SQLite: 50 concurrent webhooks with their jobs, fewer transactions than webhooks, every row and job once', async () => {
    const store = new SqliteStore(':memory:');
    const sizes: number[] = [];
    const group = new WebhookGroupCommit(store, { observer: { batchCommitted: (size) => sizes.push(size) } });
    const job = (n: number) => ({
      kind: 'order.upsert',
      shopId: '7494049642642441621',
      dedupeKey: `order:${n}`,
      payload: { orderId: String(n) },
      runAfter: T0,
    });
    const numbers = Array.from({ length: 50 }, (_, i) => i + 1);
    const results = await Promise.all([
      ...numbers.map((n) => group.submit(entry(n), [job(n)])),
      group.submit(entry(7), [job(7)]),
    ]);
    await group.drain();
    expect(results.filter((r) => r.inserted)).toHaveLength(50);
    expect(results[50]).toEqual({ inserted: false, id: results[6]?.id });
    expect(sizes).toEqual([51]);
    expect(await store.countWebhooks()).toBe(50);
    expect(await store.listJobs({ limit: 100 })).toHaveLength(50);
    await store.close();
  });
});
