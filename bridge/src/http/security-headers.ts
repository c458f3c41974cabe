/**
 * Headers on every answer of the bridge. The pages (status, sign-in, OAuth results, errors) run no
 * script and load nothing: the Content-Security-Policy allows only their own inline style sheet (by
 * hash), forms that post to the bridge itself or, for "Connect TikTok Shop", to TikTok's consent
 * page it redirects to (browsers apply `form-action` to that redirect too), and no framing
 * (`frame-ancestors 'none'`, and X-Frame-Options for older browsers). Nothing is sniffed, no URL
 * (the OAuth callback's carries the code) leaves as a Referer, and nothing is cached: the pages show
 * shops, errors and a CSRF token.
 */
import type { RequestHandler } from 'express';
import { PAGE_STYLE_HASH } from './html';

export function securityHeaders(options: { consentPageUrl: string }): RequestHandler {
  const consentOrigin = new URL(options.consentPageUrl).origin;
  const policy = [
    "default-src 'none'",
    `style-src ${PAGE_STYLE_HASH}`,
    `form-action 'self' ${consentOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
