/**
 * TikTok Shop Open API request signing (TikTok's signing guide, partner.tiktokshop.com/docv2/page/sign-your-api-request):
 * every query parameter except `sign` and `access_token`, keys sorted ascending, `{key}{value}`
 * concatenated with no separators, the path prepended, the exact body string appended unless the
 * request is multipart, wrapped in the app secret on both sides, HMAC-SHA256 keyed with the app
 * secret, lowercase hex. Values are signed decoded; lists must be comma-joined before signing.
 */
import { createHmac } from 'node:crypto';

export interface SignInput {
  appSecret: string;
  path: string;
  query: Readonly<Record<string, string>>;
  /** The exact body string that is sent; omit for requests without a body. */
  body?: string;
  contentType?: string;
}

const EXCLUDED = new Set(['sign', 'access_token']);

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function buildSignString(input: SignInput): string {
  const keys = Object.keys(input.query)
    .filter((key) => !EXCLUDED.has(key))
    .sort(compareBytes);
  let text = input.path;
  for (const key of keys) text += `${key}${input.query[key] ?? ''}`;
  const multipart = (input.contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'multipart/form-data';
  if (input.body !== undefined && !multipart) text += input.body;
  return `${input.appSecret}${text}${input.appSecret}`;
}

export function signTikTokRequest(input: SignInput): string {
  return createHmac('sha256', input.appSecret).update(buildSignString(input), 'utf8').digest('hex');
}
