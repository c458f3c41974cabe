/**
 * Webhook signature (TikTok's webhooks overview, partner.tiktokshop.com/docv2/page/tts-webhooks-overview): hex(HMAC-SHA256(key = app_secret, message = app_key + raw
 * body)), sent as the `Authorization` header with no scheme prefix.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signWebhook(appKey: string, appSecret: string, rawBody: string): string {
  return createHmac('sha256', appSecret).update(`${appKey}${rawBody}`, 'utf8').digest('hex');
}

/** Constant-time check of an `Authorization` header value against the raw body. */
export function verifyWebhookSignature(
  appKey: string,
  appSecret: string,
  rawBody: string,
  header: string,
): boolean {
  const expected = Buffer.from(signWebhook(appKey, appSecret, rawBody), 'utf8');
  const actual = Buffer.from(header.toLowerCase(), 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
