/**
 * The emulator's catalogue of record types: NetSuite's standard types it runs plus the SDF project's
 * custom records and lists, each with its fields and physical-table family; `createCatalogue` builds
 * it.
 */
import type { AccountProfile, NetSuiteCatalogue } from '../../../../../suiteapp/tools/netsuite-catalogue';
import { DEFAULT_PROFILES, loadNetSuiteCatalogue } from '../../../../../suiteapp/tools/netsuite-catalogue';
import type { SdfProject } from '../../../../../suiteapp/tools/sdf-model';
import type { AccountProfile as Account } from '../../profiles/account-profile';
import { catalogueProfilesOf } from '../../profiles/account-profile';
import { accountSchema } from '../../profiles/account-schema';
import { AccountAbsences, applyAccountProfile } from '../../profiles/account-types';
import type { RecordFamily, RecordTypeInfo } from '../store-types';
import { customListType, customRecordFromSdf, fieldFromSdf, standaloneTargets } from './sdf';
import type { AccountMatrixOption } from './matrix-options';
import { addMatrixOptions } from './matrix-options';
import { generateStandardTypes } from './standard-types';

/** A custom list value the store creates as a row of the list's type when the database is new. */
export interface CatalogueListValue {
  type: string;
  name: string;
  scriptid: string;
}

/**
 * Every record type the emulator knows: standard records plus the SDF project's custom records and
 * fields, and NetSuite's records catalogue they were generated from (`netsuite`: what exists in
 * NetSuite, including search columns and record types the emulator does not run).
 */
export class Catalogue {
  private readonly byId = new Map<string, RecordTypeInfo>();

  constructor(
    types: readonly RecordTypeInfo[],
    readonly listValues: readonly CatalogueListValue[] = [],
    readonly netsuite: NetSuiteCatalogue = loadNetSuiteCatalogue(),
    /** What the account profile took out, and why (empty without a profile). */
    readonly absences: AccountAbsences = new AccountAbsences(),
    /** The account profile the types were cut for, when one was given. */
    readonly account?: Account,
  ) {
    for (const t of types) this.byId.set(t.id, t);
  }

  find(type: string): RecordTypeInfo | undefined {
    return this.byId.get(type.toLowerCase());
  }

  all(): RecordTypeInfo[] {
    return [...this.byId.values()];
  }
}

/** The physical-table family of a type. */
export function familyOf(info: RecordTypeInfo): RecordFamily {
  if (info.family) return info.family;
  if (info.category === 'transaction') return 'transaction';
  if (info.isItem) return 'item';
  if (info.custom) return 'custom';
  return info.externalIdGroup === 'entity' ? 'entity' : 'other';
}

/**
 * The standard record types for the account `profiles`, generated from NetSuite's records catalogue
 * (standard-types.ts), as fresh objects (callers may add custom fields to them).
 */
export function standardTypes(
  profiles: readonly AccountProfile[] = DEFAULT_PROFILES,
  netsuite: NetSuiteCatalogue = loadNetSuiteCatalogue({ profiles }),
): RecordTypeInfo[] {
  return generateStandardTypes(profiles, netsuite);
}

/**
 * Build the catalogue: standard records (for the account `profiles`, default US legacy tax with
 * Multi-Location Inventory; `netsuite` replaces the vendored records catalogue, for tests), custom
 * lists and records of `project`, and its standalone body/column/item/entity fields added to the
 * standard records they apply to. With an `account` profile (profiles/account-profile.ts) the
 * catalogue profiles follow from it, and what the account does not have is taken out as NetSuite
 * installs the SuiteApp there (profiles/account-types.ts; throws InstallationError when it cannot).
 */
export function createCatalogue(
  project?: Pick<SdfProject, 'customRecords' | 'standaloneFields' | 'customLists'>,
  options: {
    profiles?: readonly AccountProfile[];
    netsuite?: NetSuiteCatalogue;
    account?: Account;
    /** The account's own matrix options (matrix-options.ts), added before the SuiteApp's fields. */
    matrixOptions?: readonly AccountMatrixOption[];
  } = {},
): Catalogue {
  const profiles = options.profiles ?? (options.account ? catalogueProfilesOf(options.account) : DEFAULT_PROFILES);
  const netsuite = options.netsuite ?? loadNetSuiteCatalogue({ profiles });
  const types = standardTypes(profiles, netsuite);
  const listValues: CatalogueListValue[] = [];
  for (const list of project?.customLists ?? []) {
    const t = customListType(list);
    types.push(t);
    for (const v of list.values) listValues.push({ type: t.id, name: v.value, scriptid: v.scriptid });
  }
  addMatrixOptions(types, listValues, options.matrixOptions ?? []);
  for (const rec of project?.customRecords ?? []) types.push(customRecordFromSdf(rec));
  for (const sdf of project?.standaloneFields ?? []) {
    const info = fieldFromSdf(sdf);
    if (!info) continue;
    for (const target of standaloneTargets(sdf, types)) {
      const t = types.find((x) => x.id === target.type);
      if (!t) continue;
      if (target.sublist) {
        const sub = t.sublists[target.sublist];
        if (sub) sub.fields[info.id] = info;
      } else {
        t.fields[info.id] = info;
      }
    }
  }
  if (!options.account) return new Catalogue(types, listValues, netsuite);
  const absences = applyAccountProfile(types, options.account);
  return new Catalogue(types, listValues, accountSchema(netsuite, options.account), absences, options.account);
}
