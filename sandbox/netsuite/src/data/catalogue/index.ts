import type { SdfProject } from '../../../../../suiteapp/tools/sdf-model';
import type { RecordFamily, RecordTypeInfo } from '../store-types';
import { ENTITY_AND_ITEM_TYPES } from './entities-items';
import { LIST_TYPES } from './lists';
import { ACCOUNTING_PERIOD } from './periods';
import { customListType, customRecordFromSdf, fieldFromSdf, standaloneTargets } from './sdf';
import { ADDRESS_TYPE, TRANSACTION_TYPES } from './transactions';

/** A custom list value the store creates as a row of the list's type when the database is new. */
export interface CatalogueListValue {
  type: string;
  name: string;
  scriptid: string;
}

/** Every record type the emulator knows: standard records plus the SDF project's custom records and fields. */
export class Catalogue {
  private readonly byId = new Map<string, RecordTypeInfo>();

  constructor(
    types: readonly RecordTypeInfo[],
    readonly listValues: readonly CatalogueListValue[] = [],
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

function cloneType(t: RecordTypeInfo): RecordTypeInfo {
  return {
    ...t,
    fields: { ...t.fields },
    sublists: Object.fromEntries(Object.entries(t.sublists).map(([k, s]) => [k, { ...s, fields: { ...s.fields } }])),
    subrecords: { ...t.subrecords },
  };
}

/** The standard record types, fresh copies (callers may add custom fields to them). */
export function standardTypes(): RecordTypeInfo[] {
  return [...TRANSACTION_TYPES, ...ENTITY_AND_ITEM_TYPES, ...LIST_TYPES, ACCOUNTING_PERIOD, ADDRESS_TYPE].map(
    cloneType,
  );
}

/**
 * Build the catalogue: standard records, custom lists and records of `project`, and its standalone
 * body/column/item/entity fields added to the standard records they apply to.
 */
export function createCatalogue(project?: Pick<SdfProject, 'customRecords' | 'standaloneFields' | 'customLists'>): Catalogue {
  const types = standardTypes();
  const listValues: CatalogueListValue[] = [];
  for (const list of project?.customLists ?? []) {
    const t = customListType(list);
    types.push(t);
    for (const v of list.values) listValues.push({ type: t.id, name: v.value, scriptid: v.scriptid });
  }
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
  return new Catalogue(types, listValues);
}
