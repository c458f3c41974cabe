import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Clock } from '../core/clock';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import { ADMIN_COOKIE_KEY_LABEL, deriveKey, safeEqual } from '../crypto/keys';

/**
 * Admin access: `Authorization: Bearer <BRIDGE_ADMIN_TOKEN>`, or the session cookie the sign-in
 * form sets. The cookie is `v1.<expires ms>.<HMAC>` signed with a key derived by HKDF from the admin
 * token under its own label, HttpOnly, SameSite=Lax, Secure when the bridge is served over https.
 */
export const ADMIN_COOKIE_NAME = 'tts_bridge_admin';

export interface AdminAuthOptions {
  adminToken: string;
  clock: Clock;
  secureCookie: boolean;
  sessionTtlMs?: number;
}

/** How an admin request was authorized: the Bearer token (scripts) or the browser session cookie. */
export type AdminCredential = 'bearer' | 'session';

/** One cookie's value; a value that is not valid percent-encoding counts as absent (never a 500). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export class AdminAuth {
  private readonly cookieKey: Buffer;
  private readonly sessionTtlMs: number;

  constructor(private readonly options: AdminAuthOptions) {
    this.cookieKey = deriveKey(options.adminToken, ADMIN_COOKIE_KEY_LABEL);
    this.sessionTtlMs = options.sessionTtlMs ?? 12 * 3600 * 1000;
  }

  checkToken(candidate: string): boolean {
    return safeEqual(candidate, this.options.adminToken);
  }

  isAuthorized(req: Request): boolean {
    return this.credentialOf(req) !== undefined;
  }

  /** Which credential authorizes the request; a Bearer header, when sent, is the only one considered. */
  credentialOf(req: Request): AdminCredential | undefined {
    const header = req.headers.authorization;
    if (typeof header === 'string' && /^Bearer\s+/i.test(header)) {
      return this.checkToken(header.replace(/^Bearer\s+/i, '').trim()) ? 'bearer' : undefined;
    }
    const cookie = readCookie(req, ADMIN_COOKIE_NAME);
    return cookie !== undefined && this.verifySession(cookie) ? 'session' : undefined;
  }

  sessionValue(): string {
    const payload = `v1.${this.options.clock.now() + this.sessionTtlMs}`;
    return `${payload}.${this.sign(payload)}`;
  }

  verifySession(value: string): boolean {
    const match = /^(v1\.(\d{1,15}))\.([A-Za-z0-9_-]{43})$/.exec(value);
    if (!match) return false;
    const [, payload = '', expires = '0', signature = ''] = match;
    const expected = Buffer.from(this.sign(payload), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
    return Number(expires) > this.options.clock.now();
  }

  setSessionCookie(res: Response): void {
    res.cookie(ADMIN_COOKIE_NAME, this.sessionValue(), {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.options.secureCookie,
      path: '/',
      maxAge: this.sessionTtlMs,
      encode: (v: string) => v,
    });
  }

  clearSessionCookie(res: Response): void {
    res.clearCookie(ADMIN_COOKIE_NAME, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.options.secureCookie,
      path: '/',
    });
  }

  /** Route guard: lets admins through, refuses everyone else with 401. */
  require(): RequestHandler {
    return (req, _res, next) => {
      if (this.isAuthorized(req)) {
        next();
        return;
      }
      next(
        new BridgeError(
          BRIDGE_ERROR_CODES.UNAUTHORIZED,
          'Admin sign-in required: send Authorization: Bearer <BRIDGE_ADMIN_TOKEN>, or sign in on the status page (/).',
        ),
      );
    };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.cookieKey).update(payload).digest('base64url');
  }
}
