import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import-work';
import type { LocationState } from '../../../../shared-types/src/order-location';
import { boolOf, idOf, runInChunks, textOf } from './suiteql';

/** Name and active state of the given locations (one SuiteQL per 500 ids, 10 units each). */
export function loadLocationStates(ids: readonly string[]): Record<string, LocationState> {
  const rows = runInChunks(
    [...new Set(ids)],
    LOOKUP_CHUNK_SIZE,
    (inList) => `SELECT id, name, isinactive FROM location WHERE id IN (${inList})`,
  );
  const found: Record<string, LocationState> = {};
  for (const row of rows) {
    const id = idOf(row.id);
    if (id !== null) {
      found[id] = { name: textOf(row.name) ?? id, inactive: boolOf(row.isinactive, false) };
    }
  }
  return found;
}
