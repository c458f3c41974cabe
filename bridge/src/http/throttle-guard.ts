/**
 * Refuses every authentication attempt — a `POST /login`, any request with a Bearer header — from
 * an address the `AuthThrottle` has locked out, before the token is looked at: 429 with
 * `Retry-After` (seconds) and the stable code TOO_MANY_ATTEMPTS. Other requests pass.
 */
import type { RequestHandler } from 'express';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import { clientAddress, hasBearer } from './admin-auth';
import type { AuthThrottle } from './auth-throttle';
import { sendError } from './error-handler';

export function throttleGuard(throttle: AuthThrottle): RequestHandler {
  return (req, res, next) => {
    const attempt = hasBearer(req) || (req.method === 'POST' && req.path === '/login');
    if (!attempt) {
      next();
      return;
    }
    const verdict = throttle.check(clientAddress(req));
    if (verdict.allowed) {
      next();
      return;
    }
    res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
    sendError(
      req,
      res,
      new BridgeError(
        BRIDGE_ERROR_CODES.TOO_MANY_ATTEMPTS,
        `Too many failed sign-in attempts from this address; try again in ${verdict.retryAfterSeconds} seconds with the value of BRIDGE_ADMIN_TOKEN.`,
      ),
    );
  };
}
