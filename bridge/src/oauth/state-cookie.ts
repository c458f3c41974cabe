/**
 * Binds an OAuth state to the browser (or script) that started the flow (modelled on
 * Shopify's shopify-app-js). `POST /oauth/tiktok/start` sets `v1.<expires ms>.<SHA-256 of the state>.<HMAC>`: HttpOnly,
 * SameSite=Lax (TikTok's redirect back is a top-level GET, so the cookie is sent), scoped to the
 * callback path, Secure when the bridge is served over https, and as short-lived as the state. The
 * HMAC key is derived by HKDF from the admin token under its own label, so the signature is neither
 * an admin session cookie nor a webhook signature. The cookie carries a hash, never the state.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Clock } from '../../../shared-types/src/time/clock';
import { deriveKey, OAUTH_STATE_COOKIE_KEY_LABEL } from '../crypto/keys';
import { readCookie } from '../http/admin-auth';

export const OAUTH_STATE_COOKIE_NAME = 'tts_bridge_oauth_state';

export interface OAuthStateCookieOptions {
  secret: string;
  clock: Clock;
  secure: boolean;
  /** Where the cookie is sent back: the callback path only. */
  path: string;
  ttlMs: number;
}

/** Why a callback's cookie does not bind it to the state it carries. */
export type StateCookieProblem = 'missing' | 'invalid' | 'expired' | 'mismatch';

const COOKIE_FORMAT = /^(v1\.(\d{1,15})\.([A-Za-z0-9_-]{43}))\.([A-Za-z0-9_-]{43})$/;

function stateHash(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  // Stryker disable next-line ConditionalExpression: equivalent here — both texts are 43-character digests; the check keeps timingSafeEqual from throwing on any other input
  return x.length === y.length && timingSafeEqual(x, y);
}

export class OAuthStateCookie {
  private readonly key: Buffer;

  constructor(private readonly options: OAuthStateCookieOptions) {
    this.key = deriveKey(options.secret, OAUTH_STATE_COOKIE_KEY_LABEL);
  }

  value(state: string): string {
    const payload = `v1.${this.options.clock.now() + this.options.ttlMs}.${stateHash(state)}`;
    return `${payload}.${this.sign(payload)}`;
  }

  set(res: Response, state: string): void {
    res.cookie(OAUTH_STATE_COOKIE_NAME, this.value(state), {
      ...this.attributes(),
      maxAge: this.options.ttlMs,
      encode: (v: string) => v,
    });
  }

  clear(res: Response): void {
    res.clearCookie(OAUTH_STATE_COOKIE_NAME, this.attributes());
  }

  /** `undefined` when the request carries a valid, unexpired cookie for exactly this state. */
  check(req: Request, state: string): StateCookieProblem | undefined {
    const cookie = readCookie(req, OAUTH_STATE_COOKIE_NAME);
    if (cookie === undefined || cookie === '') return 'missing';
    const match = COOKIE_FORMAT.exec(cookie);
    if (!match) return 'invalid';
    const [, payload, expires, hash, signature] = match;
    if (!sameText(this.sign(payload), signature)) return 'invalid';
    if (Number(expires) <= this.options.clock.now()) return 'expired';
    return sameText(stateHash(state), hash) ? undefined : 'mismatch';
  }

  private attributes() {
    return {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.options.secure,
      path: this.options.path,
    };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
