/**
 * Response bodies the RESTlet front door sends, in NetSuite's shape:
 * `{"error":{"code":"<name>","message":"<message>"}}`.
 */
import { errorMessage, errorName, isSuiteScriptErrorLike, serializeError } from '../error-shape';

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

/**
 * An error the script let escape. NetSuite answers an unhandled error with HTTP 400 (Oracle help,
 * "SuiteScript 2.x RESTlet Error Handling", section_4634920277: "Any unhandled runtime errors return a
 * 400"; 500 is for non-user errors of NetSuite itself, which the host sends when the emulator fails).
 *
 * A SuiteScriptError (thrown by NetSuite or made with `error.create`) keeps its name as `code`, and its
 * `message` is the whole error serialised as JSON TEXT — a body captured from a real account reads
 * `{"error" : {"code" : "<name>", "message" : "{\"type\":\"error.SuiteScriptError\",\"name\":…,
 * \"userFacing\":true}"}}` (quoted in a public SuiteApp that calls its own RESTlet; see
 * SuiteScriptError.toJSON for the two shapes). Callers therefore `JSON.parse(body.error.message)` to
 * read the script's own message.
 *
 * A plain JavaScript error (TypeError, ...) becomes `JS_EXCEPTION` with `<Name>: <message>` as text.
 * No captured body of that case was found; the emulator keeps the plain text, which a caller that
 * expects JSON inside `message` cannot parse — the stricter reading.
 */
export function thrownErrorResponse(error: unknown): RestletResponse {
  if (isSuiteScriptErrorLike(error)) return errorResponse(400, errorName(error), serializeError(error));
  const name = errorName(error);
  const message = errorMessage(error);
  return errorResponse(400, 'JS_EXCEPTION', name === 'JS_EXCEPTION' ? message : `${name}: ${message}`);
}

export const INVALID_LOGIN = errorResponse(401, 'INVALID_LOGIN_ATTEMPT', 'Invalid login attempt.');
