/**
 * Keys derived for one purpose each, so a value signed for one use can never verify in another
 * (shopify-app-js habit). The admin session key (it hashes session ids), the OAuth state cookie key
 * and the CSRF key come from the admin token through HKDF, each with its own label; they are
 * unrelated to each other, to the webhook secret and to the token-encryption key.
 */
import { createHash, hkdfSync, timingSafeEqual } from 'node:crypto';

export const ADMIN_COOKIE_KEY_LABEL = 'opentts-bridge/admin-session-cookie/v1';
/** Signs the OAuth state cookie that binds a state to the browser that started the flow. */
export const OAUTH_STATE_COOKIE_KEY_LABEL = 'opentts-bridge/oauth-state-cookie/v1';
/** Derives the CSRF token of a signed-in browser's forms from its session id. */
export const CSRF_KEY_LABEL = 'opentts-bridge/csrf/v1';

export function deriveKey(secret: string, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), label, 32));
}

/** Constant-time string equality (hashes first, so lengths do not leak either). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
}
