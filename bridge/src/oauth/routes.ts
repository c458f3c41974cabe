/**
 * TikTok Shop authorization (TikTok's authorization guide, partner.tiktokshop.com/docv2/page/authorization-overview-202407; the state bound to the browser: bridge/src/oauth/state-cookie.ts). `POST /oauth/tiktok/start` (admins only: the
 * status page's "Connect TikTok Shop" form with its CSRF token, or a script's Bearer admin token)
 * issues a random single-use state (32 bytes, hex, 10 minutes), binds it to the caller with a signed
 * state cookie (`state-cookie.ts`) and redirects (303) to the consent page. A GET is refused: a link
 * on another site must not start an authorization.
 *
 * Every callback must carry the state cookie of the start that issued its state — Bearer starts
 * included: a script gets the cookie in the start's answer and presents it at the callback, so a
 * consent URL seen by someone else (a log, a shared screen, a Referer) cannot be completed by them.
 * A callback whose state is missing or malformed, or whose cookie does not match it, is refused
 * before anything changes: the state is not consumed and the browser's cookie is left alone (a
 * forged callback cannot cancel the admin's authorization in progress). Only a callback with the
 * matching cookie consumes the state and clears the cookie, then explains a denial (`?error=`),
 * refuses a reused or expired state, and exchanges the code and connects the shops.
 */
import { randomBytes } from 'node:crypto';
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import type { Clock } from '../../../shared-types/src/time/clock';
import { BridgeError, BRIDGE_ERROR_CODES, describeError } from '../core/errors';
import type { AdminAuth } from '../http/admin-auth';
import { escapeHtml, renderPage } from '../http/html';
import { readButtonForm, requireAdminPost } from '../http/admin-post';
import type { BridgeStore } from '../store/types';
import type { TikTokTokenClient } from '../tiktok/token-client';
import { connectShops, type ConnectShopsDeps } from './connect-shops';
import type { OAuthStateCookie, StateCookieProblem } from './state-cookie';

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
  /**
   * Runs after the shops are stored and recorded: the bridge sends its heartbeat, so the connector
   * home shows the connection at once rather than at the next heartbeat (up to 5 minutes later). Its
   * failure is logged, not shown: the connection stands, and the next heartbeat tries again.
   */
  afterConnect?: () => Promise<unknown>;
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

  router.get(OAUTH_START_PATH, (_req, res) => {
    res.setHeader('Allow', 'POST');
    throw new BridgeError(
      BRIDGE_ERROR_CODES.METHOD_NOT_ALLOWED,
      'Starting an authorization is a POST: use the "Connect TikTok Shop" button on the status page (/), or POST with Authorization: Bearer <BRIDGE_ADMIN_TOKEN>.',
    );
  });

  router.post(OAUTH_START_PATH, readButtonForm, requireAdminPost(deps.adminAuth), async (req, res) => {
    const state = randomBytes(32).toString('hex');
    const now = deps.clock.now();
    const binding = (await deps.adminAuth.credentialOf(req)) === 'bearer' ? 'bearer' : 'session';
    await deps.store.createOAuthState(state, now + OAUTH_STATE_TTL_MS, now, binding);
    deps.stateCookie.set(res, state);
    const url = new URL(deps.authorizeUrl);
    url.searchParams.set('service_id', deps.serviceId);
    url.searchParams.set('state', state);
    res.redirect(303, url.toString());
  });

  router.get(OAUTH_CALLBACK_PATH, async (req, res) => {
    const state = single(req.query.state);
    const error = single(req.query.error);
    const code = single(req.query.code);
    if (state === undefined || !/^[0-9a-f]{64}$/.test(state)) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.OAUTH_STATE_INVALID,
        'The authorization response has no valid state. Start again with "Connect TikTok Shop" on the status page.',
      );
    }
    const problem = deps.stateCookie.check(req, state);
    if (problem !== undefined) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.OAUTH_STATE_INVALID,
        `${COOKIE_PROBLEMS[problem]}. Start again with "Connect TikTok Shop" on the status page, in the browser you finish in.`,
      );
    }
    // This browser started this authorization: the state is used up now, whatever the outcome.
    deps.stateCookie.clear(res);
    const outcome = await deps.store.consumeOAuthState(state, deps.clock.now());
    if (error !== undefined && error !== '') {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.OAUTH_DENIED,
        error === 'auth_denied'
          ? 'The authorization was declined in TikTok Seller Central. Sign in as the shop owner (the main account, not a sub-account) and click "Connect TikTok Shop" again.'
          : `TikTok returned an error (${error.slice(0, 100)}). Sign in as the shop owner and click "Connect TikTok Shop" again.`,
      );
    }
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
    if (deps.afterConnect !== undefined) {
      try {
        await deps.afterConnect();
      } catch (e) {
        deps.logger.warn(
          { err: describeError(e) },
          'heartbeat after connecting failed; the next one tries again',
        );
      }
    }
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
