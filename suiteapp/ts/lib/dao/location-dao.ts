/** Name and active state of the given locations (one SuiteQL per 500 ids, 10 units each). */
import { LOOKUP_CHUNK_SIZE } from '../../../../shared-types/src/import/import-work';
import type { LocationState } from '../../../../shared-types/src/orders/order-location';
import type { SuggestLocation } from '../../../../shared-types/src/inventory/link-suggestions';
import {
  LOCATION,
  LOCATION_SUGGEST_COLUMNS,
  locationFromRow,
  locationsQuery,
  suggestLocationFromResult,
} from '../mappers/location-mapper';
import { searchPaged } from './netsuite-record';
import { runInChunks } from './suiteql';

export function loadLocationStates(ids: readonly string[]): Record<string, LocationState> {
  const found: Record<string, LocationState> = {};
  for (const row of runInChunks([...new Set(ids)], LOOKUP_CHUNK_SIZE, locationsQuery)) {
    const location = locationFromRow(row);
    if (location !== null) found[location.id] = location.state;
  }
  return found;
}

/** Every location with its name, city and postal code (one paged search: 5 + 5 per 1,000). */
export function listLocationsForSuggestions(): SuggestLocation[] {
  const out: SuggestLocation[] = [];
  searchPaged(LOCATION.recordType, [], LOCATION_SUGGEST_COLUMNS, (id, value) => {
    out.push(suggestLocationFromResult(id, value));
  });
  return out;
}
