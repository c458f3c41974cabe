/**
 * NetSuite's records catalogue as one account sees it: the search columns, filters and joins of
 * fields the account profile does not have are taken out too, so a search that asks for the
 * `subsidiary` column in an account without OneWorld is refused as an unknown column (NetSuite:
 * SSS_INVALID_SRCH_COL) instead of answering empty values. Record types stay listed (the catalogue
 * says what NetSuite has; account-types.ts says what this account has).
 */
import type {
  CatalogueField,
  CatalogueRecordType,
  CatalogueSearchJoin,
} from '../../../../suiteapp/tools/netsuite-catalogue';
import { NetSuiteCatalogue } from '../../../../suiteapp/tools/netsuite-catalogue';
import type { AccountProfile } from './account-profile';
import { FEATURE, hasFeature } from './features';

/** Search column/filter/join ids that exist only with a feature (on every search type). */
const FEATURE_SEARCH_IDS: ReadonlyArray<{ feature: string; ids: readonly string[] }> = [
  { feature: FEATURE.SUBSIDIARIES, ids: ['subsidiary', 'subsidiarynohierarchy'] },
  { feature: FEATURE.LOCATIONS, ids: ['location', 'locationnohierarchy'] },
  { feature: FEATURE.DEPARTMENTS, ids: ['department', 'departmentnohierarchy'] },
  { feature: FEATURE.CLASSES, ids: ['class', 'classnohierarchy'] },
  { feature: FEATURE.MULTICURRENCY, ids: ['currency', 'exchangerate', 'fxamount'] },
];

/** Transaction search ids of the tax models an account does not use. */
const TAX_SEARCH_IDS: Readonly<Record<AccountProfile['tax'], readonly string[]>> = {
  'us-legacy': ['taxdetailsoverride'],
  'non-us-legacy': ['taxitem', 'taxrate', 'taxdetailsoverride'],
  suitetax: ['taxitem', 'taxrate', 'taxcode', 'tax1amt'],
};

function without<T>(map: ReadonlyMap<string, T>, ids: ReadonlySet<string>): Map<string, T> {
  return new Map([...map].filter(([id]) => !ids.has(id)));
}

/** The catalogue without the search columns, filters and joins `profile` does not have. */
export function accountSchema(netsuite: NetSuiteCatalogue, profile: AccountProfile): NetSuiteCatalogue {
  const gone = new Set(
    FEATURE_SEARCH_IDS.filter((r) => !hasFeature(profile.features, r.feature)).flatMap((r) => r.ids),
  );
  const taxGone = new Set([...gone, ...TAX_SEARCH_IDS[profile.tax]]);
  const types: CatalogueRecordType[] = netsuite.recordTypes().map((id) => {
    const t = netsuite.recordType(id) as CatalogueRecordType;
    const ids = t.id.toLowerCase() === 'transaction' ? taxGone : gone;
    return {
      ...t,
      searchColumns: without<CatalogueField>(t.searchColumns, ids),
      searchFilters: without<CatalogueField>(t.searchFilters, ids),
      searchJoins: without<CatalogueSearchJoin>(t.searchJoins, ids),
    };
  });
  return new NetSuiteCatalogue(types, netsuite.profiles);
}
