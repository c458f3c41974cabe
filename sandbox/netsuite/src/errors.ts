/**
 * NetSuite's `N/error` SuiteScriptError, as the emulator throws it.
 *
 * Every rejection the emulator makes is one of these, with NetSuite's error `name` (the stable code
 * scripts branch on, e.g. `DUP_RCRD`) and a message in NetSuite's wording where it is known.
 */
export class SuiteScriptError extends Error {
  readonly type = 'error.SuiteScriptError';
  readonly id: string;
  override readonly cause?: unknown;
  readonly notifyOff: boolean;
  readonly userFacing: boolean;

  constructor(
    override readonly name: string,
    message: string,
    options: { notifyOff?: boolean; cause?: unknown; id?: string } = {},
  ) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.id = options.id ?? '';
    this.cause = options.cause;
    this.notifyOff = options.notifyOff ?? false;
    this.userFacing = true;
  }

  /** NetSuite serialises errors this way in map/reduce summaries and `JSON.stringify(e)`. */
  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      name: this.name,
      message: this.message,
      id: this.id,
      stack: (this.stack ?? '').split('\n').slice(1, 6),
      cause: { type: 'internal error', code: this.name, details: this.message, userEvent: null },
      notifyOff: this.notifyOff,
      userFacing: this.userFacing,
    };
  }
}

/** Shorthand used across the emulator: `throw nsError('DUP_RCRD', '...')`. */
export function nsError(name: string, message: string): SuiteScriptError {
  return new SuiteScriptError(name, message);
}

/** NetSuite error names the emulator raises, with the messages NetSuite prints (where known). */
export const NS = {
  USAGE_LIMIT: 'SSS_USAGE_LIMIT_EXCEEDED',
  REQUEST_LIMIT: 'SSS_REQUEST_LIMIT_EXCEEDED',
  INVALID_LOGIN: 'INVALID_LOGIN_ATTEMPT',
  DUP_RCRD: 'DUP_RCRD',
  RCRD_HAS_BEEN_CHANGED: 'RCRD_HAS_BEEN_CHANGED',
  RCRD_DSNT_EXIST: 'RCRD_DSNT_EXIST',
  USER_ERROR: 'USER_ERROR',
  INVALID_FLD_VALUE: 'INVALID_FLD_VALUE',
  INVALID_KEY_OR_REF: 'INVALID_KEY_OR_REF',
  INVALID_RCRD_TYPE: 'INVALID_RCRD_TYPE',
  INVALID_RCRD_TRANSFRM: 'INVALID_RCRD_TRANSFRM',
  SSS_MISSING_REQD_ARGUMENT: 'SSS_MISSING_REQD_ARGUMENT',
  SSS_INVALID_SUBLIST_OPERATION: 'SSS_INVALID_SUBLIST_OPERATION',
  SSS_INVALID_SRCH_FILTER: 'SSS_INVALID_SRCH_FILTER',
  SSS_INVALID_SRCH_COL: 'SSS_INVALID_SRCH_COL',
  SSS_SEARCH_ERROR_OCCURRED: 'SSS_SEARCH_ERROR_OCCURRED',
  SSS_INVALID_API_USAGE: 'SSS_INVALID_API_USAGE',
  INVALID_PAGE_RANGE: 'INVALID_PAGE_RANGE',
  SEARCH_RESULT_LIMIT: 'SSS_SEARCH_FOR_EACH_LIMIT_EXCEEDED',
  MAP_REDUCE_ALREADY_RUNNING: 'MAP_REDUCE_ALREADY_RUNNING',
  FAILED_TO_SUBMIT_JOB_REQUEST_1: 'FAILED_TO_SUBMIT_JOB_REQUEST_1',
  INVALID_SEARCH: 'INVALID_SEARCH',
  SSS_APP_SERVER_RESTART: 'SSS_APP_SERVER_RESTART',
  SSS_TIME_LIMIT_EXCEEDED: 'SSS_TIME_LIMIT_EXCEEDED',
  UNEXPECTED_ERROR: 'UNEXPECTED_ERROR',
  PERIOD_CLOSED: 'PERIOD_CLOSED',
  /** SuiteTalk's code for a posting transaction dated in a closed accounting period. */
  CLOSED_TRAN_PRD: 'CLOSED_TRAN_PRD',
  /**
   * The emulator's own code (NetSuite has none): a script read or set a standard field id that NetSuite's
   * records catalogue (suiteapp/reference/netsuite-records/) does not list for the record type. NetSuite
   * ignores such ids silently, so the value would be lost without a trace; the emulator refuses.
   */
  EMULATOR_UNKNOWN_FIELD: 'EMULATOR_UNKNOWN_FIELD',
  /**
   * The emulator's own code: NetSuite has this (a search column, a transform), the emulator does not
   * model it yet. Never a claim that NetSuite refuses it.
   */
  EMULATOR_UNSUPPORTED: 'EMULATOR_UNSUPPORTED',
} as const;
