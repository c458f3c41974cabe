/**
 * OAuth 1.0a signatures (RFC 5849 §3.4), written here independently of the `oauth-1.0a` package the
 * bridge signs with, so each implementation checks the other.
 */
import crypto from 'node:crypto';
import { percentEncode } from './percent';

/** Base string URI (RFC 5849 §3.4.1.2): lower-case scheme and host, default port dropped, no query. */
export function baseStringUri(scheme: string, host: string, path: string): string {
  const s = scheme.toLowerCase();
  let h = host.toLowerCase();
  if ((s === 'http' && h.endsWith(':80')) || (s === 'https' && h.endsWith(':443')))
    h = h.replace(/:\d+$/, '');
  return `${s}://${h}${path}`;
}

/** Normalised parameters (RFC 5849 §3.4.1.3.2): encoded names and values, sorted by name then value. */
export function normaliseParameters(params: readonly (readonly [string, string])[]): string {
  return params
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export function signatureBaseString(
  method: string,
  uri: string,
  params: readonly (readonly [string, string])[],
): string {
  return [method.toUpperCase(), percentEncode(uri), percentEncode(normaliseParameters(params))].join('&');
}

export function hmacSha256Signature(baseString: string, consumerSecret: string, tokenSecret: string): string {
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  return crypto.createHmac('sha256', key).update(baseString).digest('base64');
}

/** Constant-time comparison of two signatures. */
export function signaturesEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
