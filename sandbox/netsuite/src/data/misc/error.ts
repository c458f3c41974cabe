/**
 * `N/error`: `error.Type`'s common names and `error.create`, which makes the SuiteScriptError scripts
 * throw.
 */
import { NS, SuiteScriptError } from '../../errors';

/** A few of `error.Type`'s names (the codes scripts throw and check most). */
export const ErrorType = {
  DUP_RCRD: NS.DUP_RCRD,
  RCRD_DSNT_EXIST: NS.RCRD_DSNT_EXIST,
  RCRD_HAS_BEEN_CHANGED: NS.RCRD_HAS_BEEN_CHANGED,
  INVALID_FLD_VALUE: NS.INVALID_FLD_VALUE,
  SSS_MISSING_REQD_ARGUMENT: NS.SSS_MISSING_REQD_ARGUMENT,
  SSS_USAGE_LIMIT_EXCEEDED: NS.USAGE_LIMIT,
  USER_ERROR: NS.USER_ERROR,
  UNEXPECTED_ERROR: NS.UNEXPECTED_ERROR,
} as const;

export interface ErrorModule {
  Type: typeof ErrorType;
  create(options: { name: string; message: string; notifyOff?: boolean }): SuiteScriptError;
}

/** `N/error`: `error.create({name, message, notifyOff})` → SuiteScriptError. */
export function createErrorModule(): ErrorModule {
  return {
    Type: ErrorType,
    create(options) {
      if (!options || !options.name || options.message === undefined) {
        throw new SuiteScriptError(
          NS.SSS_MISSING_REQD_ARGUMENT,
          `error.create: Missing a required argument: ${!options?.name ? 'name' : 'message'}`,
        );
      }
      return new SuiteScriptError(String(options.name), String(options.message), {
        notifyOff: options.notifyOff === true,
        createdByScript: true,
      });
    },
  };
}
