/**
 * How thrown values look once NetSuite has caught them.
 *
 * Scripts run in their own `vm` realm, so `instanceof Error` does not hold for what they throw: the
 * checks here are structural.
 */
import { SuiteScriptError } from '../errors';

interface ErrorLike {
  name: string;
  message: string;
  stack?: string;
  type?: unknown;
  toJSON?: () => unknown;
}

function isErrorLike(e: unknown): e is ErrorLike {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { name?: unknown }).name === 'string' &&
    typeof (e as { message?: unknown }).message === 'string'
  );
}

/** True for `N/error` errors (and the emulator's own): they carry a NetSuite error code as `name`. */
export function isSuiteScriptErrorLike(e: unknown): e is ErrorLike {
  return e instanceof SuiteScriptError || (isErrorLike(e) && e.type === 'error.SuiteScriptError');
}

/** The error code NetSuite reports: the SuiteScript error name, or the JavaScript error's name. */
export function errorName(e: unknown): string {
  if (isErrorLike(e)) return e.name;
  return 'JS_EXCEPTION';
}

export function errorMessage(e: unknown): string {
  if (isErrorLike(e)) return e.message;
  return String(e);
}

/** JSON of an error as NetSuite writes it into map/reduce error iterators and summaries. */
export function serializeError(e: unknown): string {
  if (isSuiteScriptErrorLike(e) && typeof e.toJSON === 'function') return JSON.stringify(e.toJSON());
  if (isErrorLike(e)) {
    return JSON.stringify({
      type: 'error.SuiteScriptError',
      name: e.name,
      message: e.message,
      stack: (e.stack ?? '').split('\n').slice(1, 6),
      cause: { type: 'internal error', code: e.name, details: e.message, userEvent: null },
      notifyOff: false,
      userFacing: false,
    });
  }
  return JSON.stringify({
    type: 'error.SuiteScriptError',
    name: 'JS_EXCEPTION',
    message: String(e),
    stack: [],
    notifyOff: false,
    userFacing: false,
  });
}
