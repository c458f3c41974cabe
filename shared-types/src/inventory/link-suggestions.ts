/**
 * Suggested location links for a TikTok warehouse (issue #14 item 1): NetSuite locations whose name
 * or address matches the warehouse's, for the admin to confirm on the warehouse record (a suggestion
 * is never applied by itself). Scores: the same postal code and city 3, the same postal code 2, the
 * same first address line 2, each shared name word 1 (words such as "warehouse" or "store" do not
 * count). Only active locations that pass the Location Filter are offered; ties go to the lower id.
 */

export interface PlaceAddress {
  postalCode?: string | null;
  city?: string | null;
  addressLine1?: string | null;
}

export interface SuggestWarehouse {
  warehouseId: string;
  name: string;
  address: PlaceAddress | null;
}

export interface SuggestLocation {
  locationId: string;
  name: string;
  inactive: boolean;
  address: PlaceAddress | null;
}

export interface LinkSuggestion {
  locationId: string;
  score: number;
  reasons: string[];
}

const STOP_WORDS = new Set([
  'warehouse',
  'wh',
  'store',
  'shop',
  'location',
  'the',
  'of',
  'and',
  'tiktok',
  'main',
]);

function words(name: string): Set<string> {
  return new Set(
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0 && !STOP_WORDS.has(w)),
  );
}

function norm(value: string | null | undefined): string {
  return (value ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Locations scoring at least 1, best first. */
export function suggestLocations(
  warehouse: SuggestWarehouse,
  locations: readonly SuggestLocation[],
  locationFilter: readonly string[],
): LinkSuggestion[] {
  const filter = new Set(locationFilter);
  const warehouseWords = words(warehouse.name);
  const suggestions: LinkSuggestion[] = [];
  for (const location of locations) {
    if (location.inactive || (filter.size > 0 && !filter.has(location.locationId))) {
      continue;
    }
    const reasons: string[] = [];
    let score = 0;
    const a = warehouse.address;
    const b = location.address;
    if (a !== null && b !== null) {
      const samePostal = norm(a.postalCode) !== '' && norm(a.postalCode) === norm(b.postalCode);
      const sameCity = norm(a.city) !== '' && norm(a.city) === norm(b.city);
      if (samePostal && sameCity) {
        score += 3;
        reasons.push('same postal code and city');
      } else if (samePostal) {
        score += 2;
        reasons.push('same postal code');
      }
      if (norm(a.addressLine1) !== '' && norm(a.addressLine1) === norm(b.addressLine1)) {
        score += 2;
        reasons.push('same street address');
      }
    }
    const shared = [...words(location.name)].filter((w) => warehouseWords.has(w));
    if (shared.length > 0) {
      score += shared.length;
      reasons.push(`name shares ${shared.map((w) => `"${w}"`).join(', ')}`);
    }
    if (score > 0) {
      suggestions.push({ locationId: location.locationId, score, reasons });
    }
  }
  return suggestions.sort((x, y) => y.score - x.score || Number(x.locationId) - Number(y.locationId));
}

/** Most suggestions written on a warehouse record. */
export const MAX_SUGGESTIONS_SHOWN = 5;

/** The Suggested Locations text of a warehouse record: best first, each with its reasons. */
export function suggestionText(
  suggestions: readonly LinkSuggestion[],
  locations: readonly Pick<SuggestLocation, 'locationId' | 'name'>[],
): string {
  const names = new Map(locations.map((l) => [l.locationId, l.name]));
  return suggestions
    .slice(0, MAX_SUGGESTIONS_SHOWN)
    .map((s) => `${names.get(s.locationId) ?? s.locationId} (id ${s.locationId}): ${s.reasons.join(', ')}`)
    .join('\n');
}
