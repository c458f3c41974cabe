import { rawPost, startHarness, TEST_SHOP, TT_APP, type Harness } from '../../__tests__/support/harness';
import { TestClock } from '../../../../test/support/test-clock';
import { signTikTokWebhookForTest } from '../verify';

/**
 * The TikTok app secret changes with an overlap window (TIKTOK_APP_SECRET_PREVIOUS until
 * TIKTOK_APP_SECRET_PREVIOUS_UNTIL): through the whole bridge, a webhook signed with the previous
 * secret is stored until the deadline on the bridge's clock and refused with 401 from then on.
 */
const OLD_SECRET = 'the_old_app_secret_0123456789';
const START = new TestClock().now();
const DEADLINE = START + 3_600_000;

function body(n: number): string {
  return JSON.stringify({
    type: 1,
    tts_notification_id: String(7380066284010030890n + BigInt(n)),
    shop_id: TEST_SHOP.id,
    timestamp: Math.floor(START / 1000),
    data: {
      is_on_hold_order: false,
      order_id: String(576653688135258178n + BigInt(n)),
      order_status: 'AWAITING_SHIPMENT',
      update_time: Math.floor(START / 1000),
    },
  });
}

describe('POST /webhooks/tiktok during an app secret change', () => {
  let h: Harness;
  const nowhere = 'http://127.0.0.1:9';

  beforeEach(async () => {
    h = await startHarness(
      {},
      {
        config: {
          tiktok: {
            ...TT_APP,
            serviceId: '7123456789012345678',
            apiBaseUrl: nowhere,
            authBaseUrl: nowhere,
            authorizeUrl: `${nowhere}/open/authorize`,
            previousAppSecret: { appSecret: OLD_SECRET, acceptUntil: DEADLINE },
          },
        },
      },
    );
  });

  afterEach(async () => {
    await h.close();
  });

  const post = (text: string, secret: string) =>
    rawPost(
      `${h.url}/webhooks/tiktok`,
      {
        'content-type': 'application/json',
        authorization: signTikTokWebhookForTest(TT_APP.appKey, secret, text),
      },
      text,
    );

  it('stores webhooks signed with the previous secret until the deadline, then answers 401', async () => {
    expect((await post(body(1), OLD_SECRET)).status).toBe(200);
    h.clock.advance(DEADLINE - START - 1);
    expect((await post(body(2), OLD_SECRET)).status).toBe(200);
    expect(h.logs()).toContain('webhook verified with the previous app secret');
    h.clock.advance(1);
    const late = await post(body(3), OLD_SECRET);
    expect(late.status).toBe(401);
    expect(late.body).toContain('WEBHOOK_SIGNATURE_INVALID');
    expect(await h.bridge.store.countWebhooks()).toBe(2);
  });

  it('keeps accepting the current secret after the deadline, and never a third one', async () => {
    h.clock.advance(DEADLINE - START + 1);
    expect((await post(body(4), TT_APP.appSecret)).status).toBe(200);
    h.clock.advance(-(DEADLINE - START));
    expect((await post(body(5), 'some_other_secret_0123456789')).status).toBe(401);
    expect(await h.bridge.store.countWebhooks()).toBe(1);
  });
});
