/**
 * State-changing POSTs of the admin (Connect TikTok Shop, Sign out everywhere): accepted from a
 * Bearer admin, or from a signed-in browser whose form carries its session's CSRF token
 * (`admin-auth.ts`); refused otherwise — 401 without a credential, 403 CSRF_INVALID for a form that
 * another site made the admin's browser post.
 */
import express, { type RequestHandler } from 'express';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import type { AdminAuth } from './admin-auth';

/** The small form of a button (its CSRF token); an unreadable body is a 400. */
export const readButtonForm = express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 5 });

export function postRefused(verdict: 'unauthorized' | 'csrf'): BridgeError {
  return verdict === 'csrf'
    ? new BridgeError(
        BRIDGE_ERROR_CODES.CSRF_INVALID,
        'This form did not come from the bridge status page (its CSRF token is missing or wrong). Open the status page (/) and use its buttons.',
      )
    : new BridgeError(
        BRIDGE_ERROR_CODES.UNAUTHORIZED,
        'Admin sign-in required: send Authorization: Bearer <BRIDGE_ADMIN_TOKEN>, or sign in on the status page (/).',
      );
}

/** Refuses a state-changing POST that is neither a Bearer admin's nor a session's with its CSRF token. */
export function requireAdminPost(adminAuth: AdminAuth): RequestHandler {
  return (req, _res, next) => {
    adminAuth.checkPost(req).then((verdict) => {
      next(verdict === 'ok' ? undefined : postRefused(verdict));
    }, next);
  };
}
