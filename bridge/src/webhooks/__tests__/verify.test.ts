import { signTikTokWebhookForTest, verifyTikTokWebhook } from '../verify';

const OFFICIAL_BODY =
  '{"type":1,"tts_notification_id":"7380066284010030890","shop_id":"7495540735365777507","timestamp":1718305585,"data":{"is_on_hold_order":true,"order_id":"576653688135258178","order_status":"UNPAID","update_time":1718305585}}';

describe('TikTok webhook signature', () => {
  it('reproduces the official vector (TikTok’s webhooks overview)', () => {
    expect(signTikTokWebhookForTest('abcdef', '123', OFFICIAL_BODY)).toBe(
      '5dec0f11ec2f6783b8deee53c9ffbf8d024302f7c7e7fa55a35d17629031ac05',
    );
  });

  it('reproduces the EcomPHP vector', () => {
    const body =
      '{"type":1,"shop_id":"7494726673780148744","timestamp":1664095733,"data":{"order_id":"576684019603311365","order_status":"AWAITING_SHIPMENT","update_time":1664095610}}';
    expect(signTikTokWebhookForTest('fake_app_key', 'fake_app_secret', body)).toBe(
      '21109834de72ec53c9959716d8514ae388ce1f123e5ffdcafc46713fcdf62b27',
    );
  });

  it('accepts the signature in upper case and rejects each malformed form with a reason', () => {
    const sig = signTikTokWebhookForTest('abcdef', '123', OFFICIAL_BODY);
    const verify = (headers: string[]) =>
      verifyTikTokWebhook({
        appKey: 'abcdef',
        appSecret: '123',
        rawBody: Buffer.from(OFFICIAL_BODY),
        signatureHeaders: headers,
      });
    expect(verify([sig.toUpperCase()])).toEqual({ valid: true, secret: 'current' });
    expect(verify([])).toEqual({ valid: false, reason: 'missing_signature' });
    expect(verify([''])).toEqual({ valid: false, reason: 'missing_signature' });
    expect(verify([sig, sig])).toEqual({ valid: false, reason: 'duplicate_signature_header' });
    expect(verify([`${sig}0`])).toEqual({ valid: false, reason: 'malformed_signature' });
    expect(verify([`Bearer ${sig}`])).toEqual({ valid: false, reason: 'malformed_signature' });
    const flipped = `${sig.slice(0, 63)}${sig.endsWith('0') ? '1' : '0'}`;
    expect(verify([flipped])).toEqual({
      valid: false,
      reason: 'signature_mismatch',
    });
  });
});

describe('TikTok webhook signature: edges', () => {
  const sig = signTikTokWebhookForTest('abcdef', '123', OFFICIAL_BODY);
  const verify = (headers: string[], hmac?: Parameters<typeof verifyTikTokWebhook>[0]['hmac']) =>
    verifyTikTokWebhook({
      appKey: 'abcdef',
      appSecret: '123',
      rawBody: Buffer.from(OFFICIAL_BODY),
      signatureHeaders: headers,
      hmac,
    });

  it('accepts a signature with spaces around it', () => {
    expect(verify([`  ${sig} `])).toEqual({ valid: true, secret: 'current' });
  });

  it('is a mismatch, never an exception, when the hash function gives a digest of another length', () => {
    expect(verify([sig], () => Buffer.alloc(16))).toEqual({ valid: false, reason: 'signature_mismatch' });
  });
});

describe('TikTok webhook signature: app secret change (overlap window)', () => {
  const until = Date.parse('2026-12-06T12:00:00Z');
  const previous = { appSecret: 'old-secret', acceptUntil: until };
  const verifyAt = (now: number, signedWith: string) =>
    verifyTikTokWebhook({
      appKey: 'abcdef',
      appSecret: 'new-secret',
      rawBody: Buffer.from(OFFICIAL_BODY),
      signatureHeaders: [signTikTokWebhookForTest('abcdef', signedWith, OFFICIAL_BODY)],
      previous,
      now,
    });

  it('accepts the previous secret until the configured time, and only then', () => {
    expect(verifyAt(until - 1, 'old-secret')).toEqual({ valid: true, secret: 'previous' });
    expect(verifyAt(until, 'old-secret')).toEqual({ valid: false, reason: 'signature_mismatch' });
    expect(verifyAt(until + 3_600_000, 'old-secret')).toEqual({ valid: false, reason: 'signature_mismatch' });
  });

  it('accepts the current secret before, during and after the window', () => {
    for (const now of [until - 86_400_000, until - 1, until, until + 86_400_000]) {
      expect(verifyAt(now, 'new-secret')).toEqual({ valid: true, secret: 'current' });
    }
  });

  it('accepts no third secret, and without a time given never the previous one', () => {
    expect(verifyAt(until - 1, 'other-secret')).toEqual({ valid: false, reason: 'signature_mismatch' });
    expect(
      verifyTikTokWebhook({
        appKey: 'abcdef',
        appSecret: 'new-secret',
        rawBody: Buffer.from(OFFICIAL_BODY),
        signatureHeaders: [signTikTokWebhookForTest('abcdef', 'old-secret', OFFICIAL_BODY)],
        previous,
      }),
    ).toEqual({ valid: false, reason: 'signature_mismatch' });
  });
});
