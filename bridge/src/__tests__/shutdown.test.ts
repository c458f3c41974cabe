import { SqliteStore } from '../store/sqlite-store';
import { rawPost, startHarness, TEST_SHOP, TT_APP } from './support/harness';
import { signTikTokWebhookForTest } from '../webhooks/verify';

const BODY = JSON.stringify({
  type: 1,
  tts_notification_id: '555',
  shop_id: TEST_SHOP.id,
  timestamp: 1718305585,
  data: { order_id: '576653688135258178', order_status: 'AWAITING_SHIPMENT', update_time: 1718305585 },
});

describe('graceful shutdown', () => {
  it('stop() lets an in-flight webhook finish and commit before closing, and refuses new connections', async () => {
    const store = new SqliteStore(':memory:');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    const insert = store.insertWebhook.bind(store);
    store.insertWebhook = async (entry, jobs) => {
      entered();
      await gate;
      return insert(entry, jobs);
    };
    const h = await startHarness({ store });
    try {
      const signature = signTikTokWebhookForTest(TT_APP.appKey, TT_APP.appSecret, BODY);
      const pending = rawPost(
        `${h.url}/webhooks/tiktok`,
        { 'content-type': 'application/json', authorization: signature },
        BODY,
      );
      await inHandler;
      const stopping = h.bridge.stop();
      await expect(fetch(`${h.url}/healthz`)).rejects.toThrow();
      release();
      await expect(pending).resolves.toEqual({ status: 200, body: '' });
      await stopping;
      expect(await store.countWebhooks()).toBe(1);
    } finally {
      await h.close();
      await store.close();
    }
  });

  it('stop() waits for webhooks in a group commit: each is answered 200 once the shared transaction committed', async () => {
    const store = new SqliteStore(':memory:');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inCommit = new Promise<void>((resolve) => (entered = resolve));
    const insertMany = store.insertWebhooks.bind(store);
    const batches: number[] = [];
    store.insertWebhooks = async (batch) => {
      batches.push(batch.length);
      entered();
      await gate;
      return insertMany(batch);
    };
    const h = await startHarness({ store });
    try {
      const nowSec = Math.floor(h.clock.now() / 1000);
      const pending = [1, 2, 3].map((n) => {
        const body = BODY.replace('"555"', `"55${n}"`)
          .replace('576653688135258178', `57665368813525817${n}`)
          .replace('"timestamp":1718305585', `"timestamp":${nowSec}`);
        return rawPost(
          `${h.url}/webhooks/tiktok`,
          {
            'content-type': 'application/json',
            authorization: signTikTokWebhookForTest(TT_APP.appKey, TT_APP.appSecret, body),
          },
          body,
        );
      });
      await inCommit;
      // All three verified (the first in the gated transaction, the others waiting for the next).
      const verified = async () => (await h.bridge.metrics.webhooksVerified.get()).values[0]?.value ?? 0;
      for (let i = 0; i < 500 && (await verified()) < 3; i += 1) await new Promise((r) => setTimeout(r, 10));
      const stopping = h.bridge.stop();
      await expect(fetch(`${h.url}/healthz`)).rejects.toThrow();
      expect(await store.countWebhooks()).toBe(0);
      let answered = 0;
      for (const p of pending) void p.then(() => (answered += 1));
      await new Promise((r) => setTimeout(r, 50));
      expect(answered).toBe(0);
      release();
      await expect(Promise.all(pending)).resolves.toEqual([1, 2, 3].map(() => ({ status: 200, body: '' })));
      await stopping;
      expect(await store.countWebhooks()).toBe(3);
      expect(batches.reduce((a, b) => a + b, 0)).toBe(3);
    } finally {
      await h.close();
      await store.close();
    }
  });
});
