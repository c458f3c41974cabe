import * as runtime from 'N/runtime';

/** Remaining usage units of the running script (0 units to ask). */
export function remainingUsage(): number {
  return runtime.getCurrentScript().getRemainingUsage();
}
