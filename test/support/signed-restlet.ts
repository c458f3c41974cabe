/**
 * A test caller of a RESTlet: OAuth 1.0a token-based auth (HMAC-SHA256, realm = account id), signed
 * the way NetSuite documents it. Tests use it to talk to the emulator over real HTTP.
 */
import crypto from 'node:crypto';
import OAuth from 'oauth-1.0a';

export interface TbaCredentials {
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
  realm: string;
}

export interface RestletResponse {
  status: number;
  body: unknown;
}

export function tbaHeader(credentials: TbaCredentials, method: string, url: string): string {
  const oauth = new OAuth({
    consumer: { key: credentials.consumerKey, secret: credentials.consumerSecret },
    signature_method: 'HMAC-SHA256',
    hash_function: (base, key) => crypto.createHmac('sha256', key).update(base).digest('base64'),
    realm: credentials.realm,
  });
  const data = oauth.authorize(
    { url, method },
    { key: credentials.tokenId, secret: credentials.tokenSecret },
  );
  return oauth.toHeader(data).Authorization;
}

export async function callRestlet(
  credentials: TbaCredentials,
  url: string,
  method: 'GET' | 'POST',
  body?: unknown,
): Promise<RestletResponse> {
  const headers: Record<string, string> = { Authorization: tbaHeader(credentials, method, url) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // a text response stays text
  }
  return { status: res.status, body: parsed };
}
