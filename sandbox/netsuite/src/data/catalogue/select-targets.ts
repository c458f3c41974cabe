/**
 * SDF `selectrecordtype` values → the emulator's select targets. Standard records are negative ids,
 * mapped by the shared table in sdf-model.ts (Oracle's SDF custom object reference); custom lists and records are
 * referenced by script id and used as they are.
 */
import { STANDARD_SELECT_TARGETS } from '../../../../../suiteapp/tools/sdf-model';

export function resolveSelectTarget(selectrecordtype: string, fieldId: string): string {
  const raw = selectrecordtype.trim();
  if (raw.startsWith('-')) {
    const target = STANDARD_SELECT_TARGETS[raw];
    if (!target) {
      throw new Error(
        `Field ${fieldId}: selectrecordtype ${raw} is not a standard record the emulator knows (known: ${Object.keys(STANDARD_SELECT_TARGETS).join(', ')}).`,
      );
    }
    return target.recordType;
  }
  return raw.toLowerCase();
}
