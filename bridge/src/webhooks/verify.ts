/**
 * TikTok Shop webhook signatures (TikTok's webhooks overview, partner.tiktokshop.com/docv2/page/tts-webhooks-overview): `Authorization` = lowercase hex
 * HMAC-SHA256(key = app_secret, message = app_key + raw body), no "Bearer", no timestamp. Verified
 * on the raw bytes in constant time. Expected failures are returned as `{ valid: false, reason }`,
 * never thrown.
 *
 * App secret change: with `previous` set (TIKTOK_APP_SECRET_PREVIOUS until
 * TIKTOK_APP_SECRET_PREVIOUS_UNTIL, `config.ts`), a signature made with the previous secret is still
 * accepted while `now` is before `acceptUntil` (deliveries TikTok signed before the change, and its
 * retries of them); from then on only the current secret verifies.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_REJECT_REASONS = {
  MissingSignature: 'missing_signature',
  DuplicateSignatureHeader: 'duplicate_signature_header',
  MalformedSignature: 'malformed_signature',
  SignatureMismatch: 'signature_mismatch',
} as const;

export type WebhookRejectReason = (typeof WEBHOOK_REJECT_REASONS)[keyof typeof WEBHOOK_REJECT_REASONS];

export type WebhookVerification =
  { valid: true; secret: 'current' | 'previous' } | { valid: false; reason: WebhookRejectReason };

/** HMAC-SHA256 over the concatenated parts; injectable so tests can count hashing. */
export type HmacSha256 = (key: string, parts: readonly Buffer[]) => Buffer;

export const nodeHmacSha256: HmacSha256 = (key, parts) => {
  const hmac = createHmac('sha256', key);
  for (const part of parts) hmac.update(part);
  return hmac.digest();
};

export interface VerifyWebhookInput {
  appKey: string;
  appSecret: string;
  rawBody: Buffer;
  /** Every value of the Authorization header as received (0, 1 or more). */
  signatureHeaders: readonly string[];
  hmac?: HmacSha256;
  /** The app secret before a change, accepted while `now` < `acceptUntil` (ms). */
  previous?: { appSecret: string; acceptUntil: number };
  /** The time (ms) the overlap window of `previous` is judged at; required with `previous`. */
  now?: number;
}

function matches(
  hmac: HmacSha256,
  appSecret: string,
  appKey: string,
  rawBody: Buffer,
  given: Buffer,
): boolean {
  const expected = hmac(appSecret, [Buffer.from(appKey, 'utf8'), rawBody]);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function verifyTikTokWebhook(input: VerifyWebhookInput): WebhookVerification {
  if (input.signatureHeaders.length > 1) {
    return { valid: false, reason: WEBHOOK_REJECT_REASONS.DuplicateSignatureHeader };
  }
  const header = (input.signatureHeaders[0] ?? '').trim();
  if (header === '') return { valid: false, reason: WEBHOOK_REJECT_REASONS.MissingSignature };
  if (!/^[0-9a-fA-F]{64}$/.test(header))
    return { valid: false, reason: WEBHOOK_REJECT_REASONS.MalformedSignature };
  const given = Buffer.from(header, 'hex');
  const hmac = input.hmac ?? nodeHmacSha256;
  if (matches(hmac, input.appSecret, input.appKey, input.rawBody, given)) {
    return { valid: true, secret: 'current' };
  }
  const previous = input.previous;
  if (
    previous !== undefined &&
    input.now !== undefined &&
    input.now < previous.acceptUntil &&
    matches(hmac, previous.appSecret, input.appKey, input.rawBody, given)
  ) {
    return { valid: true, secret: 'previous' };
  }
  return { valid: false, reason: WEBHOOK_REJECT_REASONS.SignatureMismatch };
}

/** Signs a webhook body the way TikTok does, for tests and local tools (stripe-node habit). */
export function signTikTokWebhookForTest(appKey: string, appSecret: string, body: string | Buffer): string {
  const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return nodeHmacSha256(appSecret, [Buffer.from(appKey, 'utf8'), raw]).toString('hex');
}
