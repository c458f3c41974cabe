import { redactSecretsInText } from '../redact';
import { MIN_SECRET_LENGTH, SecretRegistry, knownSecrets } from '../secret-registry';

describe('SecretRegistry: secrets scrubbed by value', () => {
  it('replaces a registered value wherever it appears, in whatever words', () => {
    const registry = new SecretRegistry();
    registry.add('e59af819cc0123456789abcdef');
    expect(registry.scrub('TikTok said: secret e59af819cc0123456789abcdef is wrong')).toBe(
      'TikTok said: secret [redacted] is wrong',
    );
    expect(registry.appearsIn('xx e59af819cc0123456789abcdef')).toBe(true);
    expect(registry.appearsIn('nothing here')).toBe(false);
  });

  it('also in its percent-encoded (either hex case), form-encoded, JSON-escaped and base64 forms', () => {
    const registry = new SecretRegistry();
    const secret = 'cs_secret+/=&value "q" ok!';
    registry.add(secret);
    const forms = [
      encodeURIComponent(secret),
      encodeURIComponent(secret).toLowerCase(),
      'cs_secret%2B%2F%3D%26value%20%22q%22%20ok%21',
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
      Buffer.from(secret).toString('base64'),
      Buffer.from(secret).toString('base64url'),
    ];
    for (const form of forms) expect([form, registry.scrub(`a ${form} b`)]).toEqual([form, 'a [redacted] b']);
  });

  it('knows binary keys as hex (either case), base64 and base64url', () => {
    const registry = new SecretRegistry();
    const key = Buffer.from('00ff10aa'.repeat(8), 'hex');
    registry.addBytes(key);
    for (const form of [
      key.toString('hex'),
      key.toString('hex').toUpperCase(),
      key.toString('base64'),
      key.toString('base64url'),
    ]) {
      expect(registry.scrub(`key=${form};`)).toBe('key=[redacted];');
    }
  });

  it('scrubs a secret containing another one whole, and ignores values too short to be secrets', () => {
    const registry = new SecretRegistry();
    registry.add('TTP_access_1_xxxxxxxx');
    registry.add('TTP_access_1_xxxxxxxx_longer_refresh');
    registry.add('x'.repeat(MIN_SECRET_LENGTH - 1));
    expect(registry.scrub('a TTP_access_1_xxxxxxxx_longer_refresh b TTP_access_1_xxxxxxxx c xxxxxxx')).toBe(
      'a [redacted] b [redacted] c xxxxxxx',
    );
  });

  it('redactSecretsInText uses the process registry as well as the patterns', () => {
    const token = `TTP_unit_${Date.now()}_zzzzzzzz`;
    expect(redactSecretsInText(`access token ${token}`)).toBe(`access token ${token}`);
    knownSecrets.add(token);
    expect(redactSecretsInText(`access token ${token}; access_token=other`)).toBe(
      'access token [redacted]; access_token=[redacted]',
    );
  });
});

describe('redactSecretsInText: the patterns, behind one scan for their names', () => {
  it.each([
    ['app_secret=abcdef123', 'app_secret=[redacted]'],
    ['CODE=abcdef123&x=1', 'CODE=[redacted]&x=1'],
    ['oauth_signature="abc%2Fdef"', 'oauth_signature="[redacted]"'],
    ['{"accessToken":"TTP_abcdef"}', '{"accessToken":"[redacted]"}'],
    ['{"Password" : "hunter22"}', '{"Password" : "[redacted]"}'],
    ['authorization: bearer abc.def', 'authorization: bearer [redacted]'],
    ['X-TTS-ACCESS-TOKEN: TTP_abcdef', 'X-TTS-ACCESS-TOKEN: [redacted]'],
  ])('%s → %s', (text, redacted) => {
    expect(redactSecretsInText(text)).toBe(redacted);
  });

  it('a text naming none of them comes back unchanged (a webhook body)', () => {
    const body =
      '{"type":1,"shop_id":"7494","data":{"order_id":"576653688135258178","order_status":"AWAITING_SHIPMENT"}}';
    expect(redactSecretsInText(body)).toBe(body);
  });
});
