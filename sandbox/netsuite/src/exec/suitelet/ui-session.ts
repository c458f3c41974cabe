/**
 * The sandbox's UI login: one administrator session. A request is logged in when it carries the
 * session cookie (set by the emulator's login URL) or `Authorization: Bearer <uiToken>`.
 */
import crypto from 'node:crypto';
import type http from 'node:http';

export const UI_SESSION_COOKIE = 'JSESSIONID';

export class UiSession {
  readonly token = crypto.randomBytes(24).toString('hex');

  get cookie(): string {
    return `${UI_SESSION_COOKIE}=${this.token}`;
  }

  isLoggedIn(headers: http.IncomingHttpHeaders): boolean {
    const auth = headers.authorization ?? '';
    if (/^Bearer\s+/i.test(auth) && safeEqual(auth.replace(/^Bearer\s+/i, '').trim(), this.token))
      return true;
    const cookies = (headers.cookie ?? '').split(';').map((c) => c.trim());
    return cookies.some(
      (c) =>
        c.startsWith(`${UI_SESSION_COOKIE}=`) && safeEqual(c.slice(UI_SESSION_COOKIE.length + 1), this.token),
    );
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
