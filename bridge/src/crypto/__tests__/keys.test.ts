import { createHmac } from 'node:crypto';
import express from 'express';
import { TestClock } from '../../../../test/support/test-clock';
import { OAUTH_CALLBACK_PATH } from '../../oauth/routes';
import { OAuthStateCookie } from '../../oauth/state-cookie';
import { signTikTokWebhookForTest, verifyTikTokWebhook } from '../../webhooks/verify';
import { ADMIN_COOKIE_KEY_LABEL, deriveKey, OAUTH_STATE_COOKIE_KEY_LABEL } from '../keys';

describe('purpose-bound keys (shopify-app-js key separation)', () => {
  const appKey = 'bridge_app_key';
  // Worst case: the admin token and the app secret are the same string.
  const secret = 'one-secret-used-everywhere-0123456789';

  it('derives a different key for each label, none equal to the secret itself', () => {
    const state = deriveKey(secret, OAUTH_STATE_COOKIE_KEY_LABEL);
    const session = deriveKey(secret, ADMIN_COOKIE_KEY_LABEL);
    expect(state).toHaveLength(32);
    expect(state.equals(session)).toBe(false);
    expect(state.equals(Buffer.from(secret, 'utf8').subarray(0, 32))).toBe(false);
    expect(deriveKey(secret, OAUTH_STATE_COOKIE_KEY_LABEL).equals(state)).toBe(true);
  });

  it('returns false when an OAuth-state cookie signature is replayed as the webhook HMAC', () => {
    const body = '{"type":1,"shop_id":"7494049642642441621","timestamp":1700000000,"data":{}}';
    const forged = createHmac('sha256', deriveKey(secret, OAUTH_STATE_COOKIE_KEY_LABEL))
      .update(appKey + body)
      .digest('hex');
    expect(forged).not.toBe(signTikTokWebhookForTest(appKey, secret, body));
    expect(
      verifyTikTokWebhook({
        appKey,
        appSecret: secret,
        rawBody: Buffer.from(body),
        signatureHeaders: [forged],
      }),
    ).toEqual({ valid: false, reason: 'signature_mismatch' });
  });
});

describe('OAuth state cookie attributes', () => {
  async function setCookieFor(secure: boolean): Promise<string> {
    const cookie = new OAuthStateCookie({
      secret: 'admin-token-0123456789abcdef',
      clock: new TestClock(),
      secure,
      path: OAUTH_CALLBACK_PATH,
      ttlMs: 600_000,
    });
    const app = express();
    app.get('/', (_req, res) => {
      cookie.set(res, 'a'.repeat(64));
      res.end();
    });
    const server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/`);
      return response.headers.get('set-cookie') ?? '';
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('is Secure only when the bridge is served over https', async () => {
    expect(await setCookieFor(true)).toMatch(/; Secure/);
    const plain = await setCookieFor(false);
    expect(plain).not.toMatch(/Secure/);
    expect(plain).toMatch(/; HttpOnly/);
    expect(plain).toMatch(/; SameSite=Lax/);
    expect(plain).toMatch(/; Path=\/oauth\/tiktok\/callback/);
  });
});
