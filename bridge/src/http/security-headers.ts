/**
 * Headers on every answer of the bridge. The pages (status, sign-in, OAuth results, errors) run no
 * script and load nothing: the Content-Security-Policy allows only their own inline style sheet (by
 * hash), forms that post to the bridge itself or, for "Connect TikTok Shop", to TikTok's consent
 * page it redirects to (browsers apply `form-action` to that redirect too), and no framing
 * (`frame-ancestors 'none'`, and X-Frame-Options for older browsers). Nothing is sniffed, no URL
 * (the OAuth callback's carries the code) leaves as a Referer, and nothing is cached: the pages show
 * shops, errors and a CSRF token. The webhook route's exact path writes the same headers itself, in
 * its prebuilt 200 (`webhooks/route.ts`), and is mounted before this middleware.
 */
import type { RequestHandler } from 'express';
import { PAGE_STYLE_HASH } from './html';

/** The headers, as name and value pairs (the webhook route writes them with its prebuilt 200). */
export function securityHeaderList(options: {
  consentPageUrl: string;
}): ReadonlyArray<readonly [string, string]> {
  const consentOrigin = new URL(options.consentPageUrl).origin;
  const policy = [
    "default-src 'none'",
    `style-src ${PAGE_STYLE_HASH}`,
    `form-action 'self' ${consentOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  return [
    ['Content-Security-Policy', policy],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'no-referrer'],
    ['Cache-Control', 'no-store'],
  ];
}

export function securityHeaders(options: { consentPageUrl: string }): RequestHandler {
  const headers = securityHeaderList(options);
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
