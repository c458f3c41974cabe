import { signTikTokWebhookForTest, verifyTikTokWebhook } from '../verify';

const OFFICIAL_BODY =
  '{"type":1,"tts_notification_id":"7380066284010030890","shop_id":"7495540735365777507","timestamp":1718305585,"data":{"is_on_hold_order":true,"order_id":"576653688135258178","order_status":"UNPAID","update_time":1718305585}}';

describe('TikTok webhook signature', () => {
  it('reproduces the official vector (reference §5.1)', () => {
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
    expect(verify([sig.toUpperCase()])).toEqual({ valid: true });
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
    expect(verify([`  ${sig} `])).toEqual({ valid: true });
  });

  it('is a mismatch, never an exception, when the hash function gives a digest of another length', () => {
    expect(verify([sig], () => Buffer.alloc(16))).toEqual({ valid: false, reason: 'signature_mismatch' });
  });
});
