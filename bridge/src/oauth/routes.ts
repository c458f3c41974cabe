import { randomBytes } from 'node:crypto';
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import type { AdminAuth } from '../http/admin-auth';
import { escapeHtml, renderPage } from '../http/html';
import type { BridgeStore } from '../store/types';
import type { TikTokTokenClient } from '../tiktok/token-client';
import { connectShops, type ConnectShopsDeps } from './connect-shops';
import type { OAuthStateCookie, StateCookieProblem } from './state-cookie';

/**
 * TikTok Shop authorization (reference §2.1, B5). `/oauth/tiktok/start` (admins only) issues a
 * random single-use state (32 bytes, hex, 10 minutes), binds it to the admin's browser with a
 * signed state cookie (`state-cookie.ts`) and redirects to the consent page. The callback clears
 * that cookie, then refuses a missing or mismatched cookie and a missing, unknown, reused or expired
 * state before any token call, explains a denial, then exchanges the code and connects the shops.
 *
 * Starts authenticated with the Bearer admin token (scripts, the sandbox stack, the chaos harness)
 * have no browser session to bind to, and the consent URL they print is often opened in a browser
 * that never saw their response. Their states are stored with binding `bearer` and exempt from the
 * cookie check; they stay single-use and expire like every state, and only a holder of the admin
 * token can obtain one (browsers never attach a Bearer header on their own, so a cross-site page
 * cannot make a signed-in admin's browser issue one). Session starts are always cookie-bound.
 */
export const OAUTH_START_PATH = '/oauth/tiktok/start';
export const OAUTH_CALLBACK_PATH = '/oauth/tiktok/callback';
export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000;

export interface OAuthRouteDeps extends ConnectShopsDeps {
  adminAuth: AdminAuth;
  tokenClient: TikTokTokenClient;
  stateCookie: OAuthStateCookie;
  authorizeUrl: string;
  serviceId: string;
  store: BridgeStore;
  clock: Clock;
  logger: Logger;
}

const STATE_PROBLEMS = {
  unknown: 'was not issued by this bridge',
  used: 'was already used',
  expired: 'has expired (states last 10 minutes)',
} as const;

const COOKIE_PROBLEMS: Record<StateCookieProblem, string> = {
  missing:
    'This browser did not start this authorization (its state cookie is missing: cookies blocked, a different browser, or more than 10 minutes passed)',
  invalid: 'The state cookie of this browser is not valid',
  expired: 'The state cookie of this browser has expired (it lasts 10 minutes)',
  mismatch:
    'This authorization is not the one this browser started last (only the latest "Connect TikTok Shop" can finish)',
};

function single(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function oauthRouter(deps: OAuthRouteDeps): Router {
  const router = express.Router();

  router.get(OAUTH_START_PATH, deps.adminAuth.require(), async (req, res) => {
    const state = randomBytes(32).toString('hex');
    const now = deps.clock.now();
    // Bearer starts are exempt from the cookie binding (see the comment at the top of this file).
    const binding = deps.adminAuth.credentialOf(req) === 'bearer' ? 'bearer' : 'session';
    await deps.store.createOAuthState(state, now + OAUTH_STATE_TTL_MS, now, binding);
    if (binding === 'session') deps.stateCookie.set(res, state);
    const url = new URL(deps.authorizeUrl);
    url.searchParams.set('service_id', deps.serviceId);
    url.searchParams.set('state', state);
    res.redirect(302, url.toString());
  });

  router.get(OAUTH_CALLBACK_PATH, async (req, res) => {
    const state = single(req.query.state);
    const error = single(req.query.error);
    const code = single(req.query.code);
    const wellFormed = state !== undefined && /^[0-9a-f]{64}$/.test(state);
    // Single use: the cookie is cleared by every callback, whatever its outcome.
    deps.stateCookie.clear(res);
    if (error !== undefined && error !== '') {
      if (wellFormed) await deps.store.consumeOAuthState(state, deps.clock.now());
      throw new BridgeError(
        BRIDGE_ERROR_CODES.OAUTH_DENIED,
        error === 'auth_denied'
          ? 'The authorization was declined in TikTok Seller Central. Sign in as the shop owner (the main account, not a sub-account) and click "Connect TikTok Shop" again.'
          : `TikTok returned an error (${error.slice(0, 100)}). Sign in as the shop owner and click "Connect TikTok Shop" again.`,
      );
    }
    if (!wellFormed) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.OAUTH_STATE_INVALID,
        'The authorization response has no valid state. Start again with "Connect TikTok Shop" on the status page.',
      );
    }
    if ((await deps.store.getOAuthStateBinding(state)) !== 'bearer') {
      const problem = deps.stateCookie.check(req, state);
      if (problem !== undefined) {
        throw new BridgeError(
          BRIDGE_ERROR_CODES.OAUTH_STATE_INVALID,
          `${COOKIE_PROBLEMS[problem]}. Start again with "Connect TikTok Shop" on the status page, in the browser you finish in.`,
        );
      }
    }
    const outcome = await deps.store.consumeOAuthState(state, deps.clock.now());
    if (outcome !== 'ok') {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.OAUTH_STATE_INVALID,
        `The authorization state ${STATE_PROBLEMS[outcome]}. Start again with "Connect TikTok Shop" on the status page.`,
      );
    }
    if (code === undefined || code === '' || code === 'null') {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.BAD_REQUEST,
        'The authorization response has no code. Start again with "Connect TikTok Shop" on the status page.',
      );
    }
    const grant = await deps.tokenClient.exchangeCode(code);
    const shops = await connectShops(deps, grant);
    const rows = shops
      .map(
        (s) =>
          `<tr><td>${escapeHtml(s.shop.name)}</td><td>${escapeHtml(s.shop.shopId)}</td><td>${escapeHtml(s.shop.region)}</td>` +
          `<td>${escapeHtml(s.webhooks)}</td><td>${escapeHtml(s.netsuite)}</td><td>${escapeHtml(s.problems.join('; '))}</td></tr>`,
      )
      .join('');
    res
      .status(200)
      .type('html')
      .send(
        renderPage(
          'TikTok Shop connected',
          `<p class="ok">${shops.length} shop(s) connected.</p>` +
            `<table><tr><th>Shop</th><th>Id</th><th>Region</th><th>Webhooks</th><th>NetSuite</th><th>Problems (retried automatically)</th></tr>${rows}</table>` +
            '<p><a href="/">Back to the status page</a></p>',
        ),
      );
  });

  return router;
}
