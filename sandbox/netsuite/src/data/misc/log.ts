/**
 * `N/log`: debug, audit, error and emergency entries of the running script, with NetSuite's title and
 * details length limits.
 */
import type { LogEntry } from '../../context';
import { currentInvocation, hasInvocation } from '../../context';

export const MAX_DETAILS = 3999;
export const MAX_TITLE = 99;

export interface LogModule {
  debug(titleOrOptions: unknown, details?: unknown): void;
  audit(titleOrOptions: unknown, details?: unknown): void;
  error(titleOrOptions: unknown, details?: unknown): void;
  emergency(titleOrOptions: unknown, details?: unknown): void;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function split(titleOrOptions: unknown, details: unknown): { title: string; details: string } {
  if (titleOrOptions && typeof titleOrOptions === 'object' && ('title' in titleOrOptions || 'details' in titleOrOptions)) {
    const o = titleOrOptions as { title?: unknown; details?: unknown };
    return { title: text(o.title), details: text(o.details) };
  }
  return { title: text(titleOrOptions), details: text(details) };
}

/**
 * `N/log`: `log.debug({title, details})` or `log.debug(title, details)`. Objects are JSON-stringified;
 * titles are cut at 99 characters and details at 3,999, as NetSuite stores them. Entries go to the
 * current invocation's `logs` and to `sink`.
 */
export function createLogModule(sink?: (entry: LogEntry) => void): LogModule {
  const write =
    (level: LogEntry['level']) =>
    (titleOrOptions: unknown, details?: unknown): void => {
      const parts = split(titleOrOptions, details);
      const inv = hasInvocation() ? currentInvocation() : null;
      const entry: LogEntry = {
        level,
        title: parts.title.slice(0, MAX_TITLE),
        details: parts.details.slice(0, MAX_DETAILS),
        scriptId: inv?.scriptId ?? '',
        deploymentId: inv?.deploymentId ?? '',
        at: new Date(),
      };
      inv?.logs.push(entry);
      sink?.(entry);
    };
  return { debug: write('DEBUG'), audit: write('AUDIT'), error: write('ERROR'), emergency: write('EMERGENCY') };
}
