/** Creating and recognising SuiteScript errors. */
import * as error from 'N/error';
import type { ConnectorErrorCode } from '../../../../shared-types/src/contract/connector-errors';

/** The error `name` of a caught value (SuiteScriptError or Error), or ''. */
export function errorName(e: unknown): string {
  if (
    typeof e === 'object' &&
    e !== null &&
    'name' in e &&
    typeof (e as { name: unknown }).name === 'string'
  ) {
    return (e as { name: string }).name;
  }
  return '';
}

export function errorMessage(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'message' in e) {
    return String((e as { message: unknown }).message);
  }
  return String(e);
}

export function isDuplicateRecord(e: unknown): boolean {
  return errorName(e) === 'DUP_RCRD';
}

/**
 * A SuiteScriptError for the caller (RESTlet: HTTP 400 `{"error":{"code","message"}}`). Only the
 * connector error codes of shared-types/src/contract/connector-errors.ts, so the bridge knows each one.
 */
export function connectorError(name: ConnectorErrorCode, message: string): error.SuiteScriptError {
  return error.create({ name, message, notifyOff: true });
}
