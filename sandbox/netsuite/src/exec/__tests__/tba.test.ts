import { TestClock } from '../../../../../test/support/test-clock';
import { parseOAuthHeader } from '../tba/oauth-header';
import { percentEncode } from '../tba/percent';
import { hmacSha256Signature, signatureBaseString, baseStringUri } from '../tba/signature';
import { TbaVerifier } from '../tba/verifier';

describe('OAuth 1.0a pieces', () => {
  it('builds the RFC 5849 §3.4.1.1 example signature base string', () => {
    const params: [string, string][] = [
      ['b5', '=%3D'],
      ['a3', 'a'],
      ['c@', ''],
      ['a2', 'r b'],
      ['c2', ''],
      ['a3', '2 q'],
      ['oauth_consumer_key', '9djdj82h48djs9d2'],
      ['oauth_token', 'kkk9d7dh3k39sjv7'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '137131201'],
      ['oauth_nonce', '7d8f3e4a'],
    ];
    expect(signatureBaseString('post', baseStringUri('HTTP', 'Example.com:80', '/request'), params)).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    );
  });

  it('percent-encodes per RFC 3986 and keeps non-default ports', () => {
    expect(percentEncode("a b!*'()~._-é")).toBe('a%20b%21%2A%27%28%29~._-%C3%A9');
    expect(baseStringUri('http', '127.0.0.1:8080', '/x')).toBe('http://127.0.0.1:8080/x');
    expect(baseStringUri('https', 'H.example:443', '/x')).toBe('https://h.example/x');
  });

  it('parses and percent-decodes the Authorization header, refusing malformed ones', () => {
    const parsed = parseOAuthHeader('OAuth realm="TSTDRV1", oauth_nonce="a%20b",oauth_signature="x%2By%3D"');
    expect(parsed && Object.fromEntries(parsed)).toEqual({
      realm: 'TSTDRV1',
      oauth_nonce: 'a b',
      oauth_signature: 'x+y=',
    });
    expect(parseOAuthHeader('Bearer abc')).toBeNull();
    expect(parseOAuthHeader('OAuth realm="a" junk')).toBeNull();
    expect(parseOAuthHeader('OAuth realm="a", realm="b"')).toBeNull();
  });

  it('refuses header values that are not percent-encoded (raw base64 signature, lower-case escapes)', () => {
    expect(parseOAuthHeader('OAuth realm="TSTDRV1", oauth_signature="x+y/z="')).toBeNull();
    expect(parseOAuthHeader('OAuth realm="TSTDRV1", oauth_nonce="a b"')).toBeNull();
    expect(parseOAuthHeader('OAuth realm="TSTDRV1", oauth_signature="x%2by%3d"')).toBeNull();
    expect(
      parseOAuthHeader('OAuth realm="TSTDRV1", oauth_signature="x%2By%3D"')?.get('oauth_signature'),
    ).toBe('x+y=');
  });

  it('verifies a header it signs itself and forgets nonces once they leave the window', () => {
    const clock = new TestClock('2026-01-15T12:00:00Z');
    const verifier = new TbaVerifier({ accountId: '1234567_SB1', clock });
    verifier.addCredentials({ consumerKey: 'ck', consumerSecret: 'cs', tokenId: 'tk', tokenSecret: 'ts' });
    const ts = String(clock.now() / 1000);
    const oauth: [string, string][] = [
      ['oauth_consumer_key', 'ck'],
      ['oauth_token', 'tk'],
      ['oauth_nonce', 'n1'],
      ['oauth_timestamp', ts],
      ['oauth_signature_method', 'HMAC-SHA256'],
      ['oauth_version', '1.0'],
    ];
    const query: [string, string][] = [
      ['script', '12'],
      ['deploy', '1'],
    ];
    const base = signatureBaseString('GET', 'http://h:1/app/site/hosting/restlet.nl', [...oauth, ...query]);
    const signature = hmacSha256Signature(base, 'cs', 'ts');
    const header = `OAuth realm="1234567_SB1", ${[...oauth, ['oauth_signature', signature]]
      .map(([k, v]) => `${k}="${percentEncode(v)}"`)
      .join(', ')}`;
    const request = {
      method: 'GET',
      scheme: 'http',
      host: 'h:1',
      path: '/app/site/hosting/restlet.nl',
      query,
      authorization: header,
    };
    const unescaped = header.replace(
      `oauth_signature="${percentEncode(signature)}"`,
      `oauth_signature="${signature}"`,
    );
    expect(unescaped).not.toBe(header);
    expect(signature).toMatch(/[+/=]/);
    expect(verifier.verify({ ...request, authorization: unescaped }).ok).toBe(false);
    expect(verifier.verify(request)).toMatchObject({ ok: true });
    expect(verifier.verify(request)).toEqual({ ok: false, detail: 'InvalidNonce' });
    verifier.revokeToken('tk');
    expect(verifier.verify(request)).toEqual({ ok: false, detail: 'TokenRejected' });
    expect(verifier.audit.map((a) => a.status)).toEqual(['Failure', 'Success', 'Failure', 'Failure']);
  });
});
