/**
 * TikTok Shop webhook signatures (reference §5.1): `Authorization` = lowercase hex
 * HMAC-SHA256(key = app_secret, message = app_key + raw body), no "Bearer", no timestamp. Verified
 * on the raw bytes in constant time. Expected failures are returned as `{ valid: false, reason }`,
 * never thrown.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_REJECT_REASONS = {
  MissingSignature: 'missing_signature',
  DuplicateSignatureHeader: 'duplicate_signature_header',
  MalformedSignature: 'malformed_signature',
  SignatureMismatch: 'signature_mismatch',
} as const;

export type WebhookRejectReason = (typeof WEBHOOK_REJECT_REASONS)[keyof typeof WEBHOOK_REJECT_REASONS];

export type WebhookVerification = { valid: true } | { valid: false; reason: WebhookRejectReason };

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
  const expected = (input.hmac ?? nodeHmacSha256)(input.appSecret, [
    Buffer.from(input.appKey, 'utf8'),
    input.rawBody,
  ]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { valid: false, reason: WEBHOOK_REJECT_REASONS.SignatureMismatch };
  }
  return { valid: true };
}

/** Signs a webhook body the way TikTok does, for tests and local tools (stripe-node habit). */
export function signTikTokWebhookForTest(appKey: string, appSecret: string, body: string | Buffer): string {
  const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return nodeHmacSha256(appSecret, [Buffer.from(appKey, 'utf8'), raw]).toString('hex');
}
