/**
 * The simulator's auth host: the seller consent page and the token endpoints.
 */
import { Router, type Request, type Response } from 'express';
import type { SimulatorState } from '../domain/state';
import type { EnvelopeWriter } from '../envelope';
import { TikTokApiError } from '../errors';
import type { TokenService } from './token-service';

export const CONSENT_PATH = '/open/authorize';
export const TOKEN_GET_PATH = '/api/v2/token/get';
export const TOKEN_REFRESH_PATH = '/api/v2/token/refresh';

function queryOf(req: Request): Record<string, string> {
  const url = new URL(req.originalUrl, 'http://localhost');
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!(key in out)) out[key] = value;
  return out;
}

function redirectTo(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/**
 * The auth host: the seller consent page (auto-approves, like a sandbox seller clicking
 * "Authorize") and the unsigned token endpoints (TikTok's authorization guide).
 */
export function createAuthRouter(deps: {
  state: SimulatorState;
  tokens: TokenService;
  envelope: EnvelopeWriter;
}): Router {
  const router = Router();

  router.get(CONSENT_PATH, (req: Request, res: Response) => {
    const query = queryOf(req);
    const { app } = deps.state;
    if (query.service_id !== app.serviceId) {
      res
        .status(400)
        .type('text/plain')
        .send(`Unknown service_id "${query.service_id ?? ''}": this app's service id is required.`);
      return;
    }
    if (query.deny === '1' || app.denyConsent) {
      res.redirect(
        302,
        redirectTo(app.redirectUrl, { code: 'null', error: 'auth_denied', state: query.state }),
      );
      return;
    }
    const code = deps.tokens.issueAuthCode();
    res.redirect(302, redirectTo(app.redirectUrl, { code, state: query.state }));
  });

  const tokenRoute =
    (handler: (query: Record<string, string>) => unknown) => (req: Request, res: Response) => {
      try {
        deps.envelope.ok(res, handler(queryOf(req)), 'success');
      } catch (caught) {
        if (caught instanceof TikTokApiError) deps.envelope.fail(res, caught);
        else throw caught;
      }
    };

  router.get(
    TOKEN_GET_PATH,
    tokenRoute((query) => deps.tokens.exchange(query)),
  );
  router.get(
    TOKEN_REFRESH_PATH,
    tokenRoute((query) => deps.tokens.refresh(query)),
  );
  return router;
}
