import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import/import-work';
import type { LocationState } from '../../../../shared-types/src/orders/order-location';
import { locationFromRow, locationsQuery } from '../mappers/location-mapper';
import { runInChunks } from './suiteql';

/** Name and active state of the given locations (one SuiteQL per 500 ids, 10 units each). */
export function loadLocationStates(ids: readonly string[]): Record<string, LocationState> {
  const found: Record<string, LocationState> = {};
  for (const row of runInChunks([...new Set(ids)], LOOKUP_CHUNK_SIZE, locationsQuery)) {
    const location = locationFromRow(row);
    if (location !== null) found[location.id] = location.state;
  }
  return found;
}
