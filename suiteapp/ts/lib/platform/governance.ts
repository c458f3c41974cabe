/** Remaining usage units of the running script (0 units to ask). */
import * as runtime from 'N/runtime';

export function remainingUsage(): number {
  return runtime.getCurrentScript().getRemainingUsage();
}
