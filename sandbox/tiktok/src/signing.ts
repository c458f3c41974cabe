/**
 * The Open API request signature (TikTok's signing guide, partner.tiktokshop.com/docv2/page/sign-your-api-request), written from the algorithm, not from any SDK:
 * every query parameter except `sign` and `access_token`, keys sorted by byte order, `{key}{value}`
 * concatenated, the request path prepended, the raw body appended unless the content type is
 * multipart/form-data, the whole wrapped in the app secret, HMAC-SHA256 keyed by the secret, hex.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SignInput {
  /** Request path only, no host and no query (e.g. `/order/202309/orders/search`). */
  path: string;
  /** Decoded query parameter values. A repeated key must already be reduced to the value signed. */
  query: Readonly<Record<string, string>>;
  /** The exact body string sent (omit or '' for no body). */
  body?: string;
  /** The request content type; a multipart/form-data body is never signed. */
  contentType?: string;
}

const EXCLUDED_KEYS = new Set(['sign', 'access_token']);

function isMultipart(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(';')[0] ?? '';
  return mediaType.trim().toLowerCase() === 'multipart/form-data';
}

/** The string between the two copies of the secret. */
export function buildSignBase(input: SignInput): string {
  const keys = Object.keys(input.query)
    .filter((key) => !EXCLUDED_KEYS.has(key))
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  let base = input.path;
  for (const key of keys) base += `${key}${input.query[key] ?? ''}`;
  if (input.body && !isMultipart(input.contentType)) base += input.body;
  return base;
}

/** The wrapped string that is HMAC'd: secret + base + secret. */
export function buildWrappedString(input: SignInput, appSecret: string): string {
  return `${appSecret}${buildSignBase(input)}${appSecret}`;
}

/** Lower-case hex HMAC-SHA256 signature of a request. */
export function computeSign(input: SignInput, appSecret: string): string {
  return createHmac('sha256', appSecret).update(buildWrappedString(input, appSecret), 'utf8').digest('hex');
}

/**
 * Checks a received `sign` value. Strict like the platform: the value must equal the lower-case hex
 * digest exactly (an upper-case digest or a digest of different bytes does not verify).
 */
export function verifySign(input: SignInput, appSecret: string, received: string): boolean {
  const expected = Buffer.from(computeSign(input, appSecret), 'utf8');
  const actual = Buffer.from(received, 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export interface SignedRequestParts {
  /** The query to send (includes `sign`), values not yet percent-encoded. */
  query: Record<string, string>;
  sign: string;
}

/**
 * Test helper: adds `app_key`, `timestamp` (if missing) and `sign` to a query the way a correct
 * client does. Tests use it to build valid requests and then break one part at a time.
 */
export function signForTest(args: {
  path: string;
  query?: Readonly<Record<string, string>>;
  body?: string;
  contentType?: string;
  appKey: string;
  appSecret: string;
  timestamp: number;
}): SignedRequestParts {
  const query: Record<string, string> = {
    ...(args.query ?? {}),
    app_key: args.query?.app_key ?? args.appKey,
    timestamp: args.query?.timestamp ?? String(args.timestamp),
  };
  const sign = computeSign(
    { path: args.path, query, body: args.body, contentType: args.contentType },
    args.appSecret,
  );
  return { query: { ...query, sign }, sign };
}
