import { createHmac } from 'node:crypto';

/**
 * An independent RFC 5849 (OAuth 1.0a) HMAC-SHA256 signature check, written from the RFC rather
 * than with the `oauth-1.0a` package, so the NetSuite client's signatures are verified by code
 * that shares nothing with it.
 */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function parseOAuthHeader(header: string): Map<string, string> | undefined {
  if (!header.startsWith('OAuth ')) return undefined;
  const params = new Map<string, string>();
  const re = /([A-Za-z0-9_.-]+)="([^"]*)"/g;
  for (const match of header.slice(6).matchAll(re)) {
    params.set(decodeURIComponent(match[1] ?? ''), decodeURIComponent(match[2] ?? ''));
  }
  return params;
}

export interface Rfc5849Input {
  method: string;
  /** Scheme, host (with a non-default port) and path, no query. */
  baseUrl: string;
  query: URLSearchParams;
  header: string;
  consumerSecret: string;
  tokenSecret: string;
}

export function verifyRfc5849(input: Rfc5849Input): {
  ok: boolean;
  params: Map<string, string>;
  reason?: string;
} {
  const params = parseOAuthHeader(input.header);
  if (!params) return { ok: false, params: new Map(), reason: 'not an OAuth header' };
  if (params.get('oauth_signature_method') !== 'HMAC-SHA256') return { ok: false, params, reason: 'method' };
  const pairs: [string, string][] = [];
  for (const [key, value] of params) {
    if (key === 'realm' || key === 'oauth_signature') continue;
    pairs.push([rfc3986(key), rfc3986(value)]);
  }
  for (const [key, value] of input.query) pairs.push([rfc3986(key), rfc3986(value)]);
  pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
  const normalized = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const base = [input.method.toUpperCase(), rfc3986(input.baseUrl), rfc3986(normalized)].join('&');
  const key = `${rfc3986(input.consumerSecret)}&${rfc3986(input.tokenSecret)}`;
  const expected = createHmac('sha256', key).update(base).digest('base64');
  return expected === params.get('oauth_signature')
    ? { ok: true, params }
    : { ok: false, params, reason: 'signature' };
}
