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
  /** True for errors a script made with `error.create`; false for the ones NetSuite (the emulator) raises. */
  readonly createdByScript: boolean;

  constructor(
    override readonly name: string,
    message: string,
    options: { notifyOff?: boolean; cause?: unknown; id?: string; createdByScript?: boolean } = {},
  ) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.id = options.id ?? '';
    this.cause = options.cause;
    this.notifyOff = options.notifyOff ?? false;
    this.userFacing = true;
    this.createdByScript = options.createdByScript ?? false;
  }

  /**
   * `JSON.stringify(e)` as NetSuite writes it (map/reduce summaries, `log.error(e)`, the `message` of a
   * RESTlet's error body). Two shapes, with NetSuite's key order, as captured from real accounts:
   * - `error.create` errors: `{type, name, message, stack, cause: {name, message, notifyOff}, id,
   *   notifyOff, userFacing}` (a RESTlet error body quoted in a public SuiteApp: Avalara's
   *   AVLR_EasyTalk_RL caller, `cause` carrying name/message/notifyOff);
   * - errors NetSuite raises (RCRD_HAS_BEEN_CHANGED, ...): `{type, name, message, id, stack, cause:
   *   {type: 'internal error', code, details, userEvent, stackTrace, notifyOff}, notifyOff, userFacing}`
   *   (a serialised RCRD_HAS_BEEN_CHANGED quoted in a public Suitelet library).
   * `stack` is an array of strings there: `createError(N/error)` then `fn(<File Cabinet path>:line)` for
   * created errors; the emulator lists the script frames the same way (never its own source files).
   */
  toJSON(): Record<string, unknown> {
    const frames = scriptFrames(this.stack ?? '');
    const stack = this.createdByScript ? ['createError(N/error)', ...frames] : frames;
    if (this.createdByScript) {
      return {
        type: this.type,
        name: this.name,
        message: this.message,
        stack,
        cause: { name: this.name, message: this.message, notifyOff: this.notifyOff },
        id: this.id,
        notifyOff: this.notifyOff,
        userFacing: this.userFacing,
      };
    }
    return {
      type: this.type,
      name: this.name,
      message: this.message,
      id: this.id,
      stack,
      cause: {
        type: 'internal error',
        code: this.name,
        details: this.message,
        userEvent: null,
        stackTrace: stack,
        notifyOff: false,
      },
      notifyOff: this.notifyOff,
      userFacing: this.userFacing,
    };
  }
}

/** File Cabinet roots scripts are loaded from (amd-loader.ts names script frames by these paths). */
const SCRIPT_FRAME =
  /^\s*at (?:(.+?) \()?(\/(?:SuiteApps|SuiteScripts|SuiteBundles)\/[^:)]+):(\d+)(?::\d+)?\)?$/;

/** The frames of a V8 stack that belong to script files, as NetSuite prints them: `fn(path:line)`. */
function scriptFrames(stack: string): string[] {
  const frames: string[] = [];
  for (const line of stack.split('\n')) {
    const m = SCRIPT_FRAME.exec(line);
    if (m) frames.push(`${m[1] ?? 'anonymous'}(${m[2]}:${m[3]})`);
  }
  return frames.slice(0, 10);
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
  /** `record.transform` from a record that cannot be transformed now (missing, nothing left to do). */
  INVALID_INITIALIZE_REF: 'INVALID_INITIALIZE_REF',
  /** Saving a transaction without a single line (an item fulfillment with nothing to fulfil). */
  VALID_LINE_ITEM_REQD: 'VALID_LINE_ITEM_REQD',
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
