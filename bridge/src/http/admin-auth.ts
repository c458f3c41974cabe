/**
 * Admin access: `Authorization: Bearer <BRIDGE_ADMIN_TOKEN>` (scripts), or the session cookie the
 * sign-in form sets (browsers).
 *
 * Sessions are server-side, so they can be revoked: the cookie holds a random 256-bit session id;
 * the store keeps only its HMAC under a key derived from the admin token (so a changed admin token
 * also ends every session), with an expiry. Sign-out revokes the session; "Sign out everywhere" and
 * `bridge revoke-sessions` revoke them all. The cookie is HttpOnly, SameSite=Lax, Secure when the
 * bridge is served over https.
 *
 * Forms a signed-in browser posts (Connect TikTok Shop, Sign out, Sign out everywhere) carry a CSRF
 * token: the HMAC of the session id under its own derived key, so another site can neither read
 * nor forge it. Bearer requests need none (browsers never attach a Bearer header on their own).
 *
 * Failed attempts — a wrong sign-in token, a wrong Bearer — count against the client's address in
 * the `AuthThrottle`; the BRIDGE_METRICS_TOKEN is a valid Bearer for `/metrics` only.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Clock } from '../../../shared-types/src/time/clock';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import { knownSecrets } from '../core/secret-registry';
import { ADMIN_COOKIE_KEY_LABEL, CSRF_KEY_LABEL, deriveKey, safeEqual } from '../crypto/keys';
import type { BridgeStore } from '../store/types';
import type { AuthThrottle } from './auth-throttle';

export const ADMIN_COOKIE_NAME = 'tts_bridge_admin';
/** The hidden form field that carries the CSRF token. */
export const CSRF_FIELD = 'csrf';

export interface AdminAuthOptions {
  adminToken: string;
  /** Opens `/metrics` only. */
  metricsToken?: string;
  clock: Clock;
  secureCookie: boolean;
  store: BridgeStore;
  throttle: AuthThrottle;
  sessionTtlMs?: number;
}

/** How an admin request was authorized: the Bearer token (scripts) or the browser session cookie. */
export type AdminCredential = 'bearer' | 'session';

/** What a request's Bearer header holds, if it has one. */
type BearerIdentity = 'admin' | 'metrics' | 'invalid';

const SESSION_COOKIE = /^s1\.([A-Za-z0-9_-]{43})$/;

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

/** The address failed attempts are counted against (the proxy-forwarded one under BRIDGE_TRUST_PROXY). */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

export function hasBearer(req: Request): boolean {
  return typeof req.headers.authorization === 'string' && /^Bearer\s/i.test(req.headers.authorization);
}

export class AdminAuth {
  private readonly sessionKey: Buffer;
  private readonly csrfKey: Buffer;
  private readonly sessionTtlMs: number;
  /** One answer per request, so a request is never counted as two failed attempts. */
  private readonly bearerSeen = new WeakMap<Request, BearerIdentity | undefined>();

  constructor(private readonly options: AdminAuthOptions) {
    this.sessionKey = deriveKey(options.adminToken, ADMIN_COOKIE_KEY_LABEL);
    this.csrfKey = deriveKey(options.adminToken, CSRF_KEY_LABEL);
    this.sessionTtlMs = options.sessionTtlMs ?? 12 * 3600 * 1000;
  }

  checkToken(candidate: string): boolean {
    return safeEqual(candidate, this.options.adminToken);
  }

  /** Counts a failed sign-in against the request's address. */
  recordFailure(req: Request): void {
    this.options.throttle.fail(clientAddress(req));
  }

  recordSuccess(req: Request): void {
    this.options.throttle.succeed(clientAddress(req));
  }

  async isAuthorized(req: Request): Promise<boolean> {
    return (await this.credentialOf(req)) !== undefined;
  }

  /** Which credential authorizes the request; a Bearer header, when sent, is the only one considered. */
  async credentialOf(req: Request): Promise<AdminCredential | undefined> {
    if (hasBearer(req)) return this.bearerOf(req) === 'admin' ? 'bearer' : undefined;
    return (await this.sessionIdOf(req)) === undefined ? undefined : 'session';
  }

  /** `/metrics`: the metrics token (Bearer), or any admin credential. */
  async mayReadMetrics(req: Request): Promise<boolean> {
    if (hasBearer(req)) return this.bearerOf(req) !== 'invalid';
    return (await this.sessionIdOf(req)) !== undefined;
  }

  /** Starts a server-side session for a browser that signed in, and sets its cookie. */
  async startSession(res: Response): Promise<void> {
    const id = randomBytes(32).toString('base64url');
    knownSecrets.add(id);
    const now = this.options.clock.now();
    await this.options.store.createAdminSession(this.hash(id), now + this.sessionTtlMs, now);
    res.cookie(ADMIN_COOKIE_NAME, `s1.${id}`, {
      ...this.cookieAttributes(),
      maxAge: this.sessionTtlMs,
      encode: (v: string) => v,
    });
  }

  /** Revokes the request's session (if any) and clears its cookie. */
  async endSession(req: Request, res: Response): Promise<void> {
    const id = this.cookieSessionId(req);
    if (id !== undefined)
      await this.options.store.revokeAdminSession(this.hash(id), this.options.clock.now());
    res.clearCookie(ADMIN_COOKIE_NAME, this.cookieAttributes());
  }

  /** Revokes every admin session; how many were active. */
  revokeAllSessions(): Promise<number> {
    return this.options.store.revokeAllAdminSessions(this.options.clock.now());
  }

  /** The CSRF token of the request's active session, for the forms of the page it is shown. */
  async csrfTokenFor(req: Request): Promise<string | undefined> {
    const id = await this.sessionIdOf(req);
    return id === undefined ? undefined : this.csrfOf(id);
  }

  /**
   * For a state-changing POST: a Bearer admin passes; a session must send its CSRF token in the form
   * field `csrf` (parsed body). Anything else is refused.
   */
  async checkPost(req: Request): Promise<'ok' | 'unauthorized' | 'csrf'> {
    const credential = await this.credentialOf(req);
    if (credential === 'bearer') return 'ok';
    if (credential === undefined) return 'unauthorized';
    const id = await this.sessionIdOf(req);
    const body = req.body as Record<string, unknown> | undefined;
    const sent = body?.[CSRF_FIELD];
    return id !== undefined && typeof sent === 'string' && safeEqual(sent, this.csrfOf(id)) ? 'ok' : 'csrf';
  }

  /** Route guard: lets admins through, refuses everyone else with 401. */
  require(): RequestHandler {
    return (req, _res, next) => {
      this.isAuthorized(req).then((ok) => {
        if (ok) {
          next();
          return;
        }
        next(
          new BridgeError(
            BRIDGE_ERROR_CODES.UNAUTHORIZED,
            'Admin sign-in required: send Authorization: Bearer <BRIDGE_ADMIN_TOKEN>, or sign in on the status page (/).',
          ),
        );
      }, next);
    };
  }

  private bearerOf(req: Request): BearerIdentity | undefined {
    if (this.bearerSeen.has(req)) return this.bearerSeen.get(req);
    let identity: BearerIdentity | undefined;
    if (hasBearer(req)) {
      const token = String(req.headers.authorization)
        .replace(/^Bearer\s+/i, '')
        .trim();
      if (this.checkToken(token)) identity = 'admin';
      else if (this.options.metricsToken !== undefined && safeEqual(token, this.options.metricsToken))
        identity = 'metrics';
      else identity = 'invalid';
      if (identity === 'invalid') this.recordFailure(req);
      else this.recordSuccess(req);
    }
    this.bearerSeen.set(req, identity);
    return identity;
  }

  private cookieSessionId(req: Request): string | undefined {
    const match = SESSION_COOKIE.exec(readCookie(req, ADMIN_COOKIE_NAME) ?? '');
    return match?.[1];
  }

  /** The id of the request's session when it is active (exists, not revoked, not expired). */
  private async sessionIdOf(req: Request): Promise<string | undefined> {
    const id = this.cookieSessionId(req);
    if (id === undefined) return undefined;
    return (await this.options.store.isAdminSessionActive(this.hash(id), this.options.clock.now()))
      ? id
      : undefined;
  }

  private hash(id: string): string {
    return createHmac('sha256', this.sessionKey).update(id).digest('base64url');
  }

  private csrfOf(id: string): string {
    return createHmac('sha256', this.csrfKey).update(id).digest('base64url');
  }

  private cookieAttributes() {
    return { httpOnly: true, sameSite: 'lax' as const, secure: this.options.secureCookie, path: '/' };
  }
}
