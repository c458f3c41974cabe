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
});
