import { errorMessage, errorName, isSuiteScriptErrorLike } from '../error-shape';

/**
 * Response bodies the RESTlet front door sends, in NetSuite's shape:
 * `{"error":{"code":"<name>","message":"<message>"}}`.
 */

export interface RestletResponse {
  status: number;
  contentType: string;
  body: string;
}

export function errorResponse(status: number, code: string, message: string): RestletResponse {
  return {
    status,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ error: { code, message } }),
  };
}

/** An error the script let escape: SuiteScript errors keep their name; JavaScript errors become JS_EXCEPTION. */
export function thrownErrorResponse(error: unknown): RestletResponse {
  if (isSuiteScriptErrorLike(error)) return errorResponse(400, errorName(error), errorMessage(error));
  const name = errorName(error);
  const message = errorMessage(error);
  return errorResponse(400, 'JS_EXCEPTION', name === 'JS_EXCEPTION' ? message : `${name}: ${message}`);
}

export const INVALID_LOGIN = errorResponse(401, 'INVALID_LOGIN_ATTEMPT', 'Invalid login attempt.');
