import type { Request } from 'express';
import { TestClock } from '../../../../test/support/test-clock';
import { OAUTH_STATE_COOKIE_NAME, OAuthStateCookie } from '../state-cookie';

/**
 * The OAuth state cookie on its own (the routes that set and check it are tested over HTTP in
 * oauth.test.ts): which cookie values bind a callback to its state, down to the millisecond it
 * expires. A request here is only what `check` reads of it: its Cookie header.
 */
const STATE = 'c3RhdGUtZnJvbS10aGUtc3RhcnQ';

function setup() {
  const clock = new TestClock();
  const cookie = new OAuthStateCookie({
    secret: 'admin-token-of-at-least-some-length',
    clock,
    secure: false,
    path: '/oauth/tiktok/callback',
    ttlMs: 10 * 60 * 1000,
  });
  return { clock, cookie };
}

function requestWith(value: string | null): Request {
  return {
    headers: value === null ? {} : { cookie: `${OAUTH_STATE_COOKIE_NAME}=${value}` },
  } as unknown as Request;
}

describe('OAuthStateCookie.check', () => {
  it('binds the callback to the state it was set for, and to nothing else', () => {
    const { cookie } = setup();
    const value = cookie.value(STATE);
    expect(cookie.check(requestWith(value), STATE)).toBeUndefined();
    expect(cookie.check(requestWith(value), `${STATE}x`)).toBe('mismatch');
  });

  it('is missing without the cookie or with an empty one', () => {
    const { cookie } = setup();
    expect(cookie.check(requestWith(null), STATE)).toBe('missing');
    expect(cookie.check(requestWith(''), STATE)).toBe('missing');
  });

  it('is invalid with anything before or after a well-formed value, or another signature', () => {
    const { cookie } = setup();
    const value = cookie.value(STATE);
    expect(cookie.check(requestWith(`x${value}`), STATE)).toBe('invalid');
    expect(cookie.check(requestWith(`${value}x`), STATE)).toBe('invalid');
    const forged = `${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`;
    expect(cookie.check(requestWith(forged), STATE)).toBe('invalid');
  });

  it('expires at the end of its lifetime, to the millisecond', () => {
    const { clock, cookie } = setup();
    const value = cookie.value(STATE);
    clock.advance(10 * 60 * 1000 - 1);
    expect(cookie.check(requestWith(value), STATE)).toBeUndefined();
    clock.advance(1);
    expect(cookie.check(requestWith(value), STATE)).toBe('expired');
  });
});
