/**
 * NetSuite's records catalogue, as the project knows it: the one loader both the emulator and the
 * SuiteApp's schema checks use.
 *
 * It reads the vendored `suiteapp/reference/netsuite-records/records.json` (Oracle's SuiteScript
 * Records Browser as data, release 26.1, one US account with legacy tax) and merges
 * `supplement.json` beside it (the gaps, each entry with its sources and account profile) for the
 * chosen account profiles. It answers what exists: record types, body fields, sublists and their
 * fields, the search type a record searches as, search columns, filters and joins, and
 * `record.transform` targets. Field, sublist, column and record type ids are matched
 * case-insensitively (records.json spells a few in camel case, e.g. `statusRef`).
 *
 * Custom ids (`custbody_`, `custcol_`, `custentity_`, `custitem_`, `custrecord_`, `customrecord_`)
 * are NOT in this catalogue: they come from the SDF project's Objects (suiteapp/src/Objects).
 */
import * as path from 'node:path';
import type {
  RecordsJson,
  RecordsJsonField,
  RecordsJsonRecord,
  VendoredRecordsJson,
} from './netsuite-catalogue-files';
import { readJson, vendoredDir } from './netsuite-catalogue-files';
import type { AccountProfile, Supplement, SupplementEntry } from './netsuite-catalogue-supplement';
import {
  ACCOUNT_PROFILES,
  DEFAULT_PROFILES,
  citeSource,
  supplementProblems,
} from './netsuite-catalogue-supplement';

export type { AccountProfile, Supplement, SupplementEntry } from './netsuite-catalogue-supplement';
export { ACCOUNT_PROFILES, DEFAULT_PROFILES } from './netsuite-catalogue-supplement';

/** Where a catalogue fact comes from: Oracle's records.json or a supplement entry. */
export type CatalogueOrigin = { from: 'records.json' } | { from: 'supplement'; entry: SupplementEntry };

export interface CatalogueField {
  /** The id as NetSuite spells it. */
  id: string;
  /** The records.json type: text, select, checkbox, currency, summary (a subrecord), ... */
  type: string;
  label: string;
  required: boolean;
  /** Body fields: whether `record.submitFields` can set it (records.json `nlapiSubmitField`). */
  submitField: boolean;
  origin: CatalogueOrigin;
}

export interface CatalogueSublist {
  id: string;
  label: string;
  fields: ReadonlyMap<string, CatalogueField>;
  origin: CatalogueOrigin;
}

export interface CatalogueSearchJoin {
  id: string;
  /** The record type the join leads to, when known (`customer`, `item`, `transaction`). */
  recordType: string | undefined;
  label: string;
  origin: CatalogueOrigin;
}

export interface CatalogueRecordType {
  id: string;
  label: string;
  /** records.json `recordCategory`: Transaction, Entity, Item, List, Subrecord, File Cabinet, ... */
  category: string;
  scriptingLevel: string;
  /** The search type whose columns and filters apply (`salesorder` → `transaction`). */
  searchType: string;
  fields: ReadonlyMap<string, CatalogueField>;
  sublists: ReadonlyMap<string, CatalogueSublist>;
  searchFilters: ReadonlyMap<string, CatalogueField>;
  searchColumns: ReadonlyMap<string, CatalogueField>;
  searchJoins: ReadonlyMap<string, CatalogueSearchJoin>;
  transforms: ReadonlyMap<string, CatalogueOrigin>;
  origin: CatalogueOrigin;
}

/** Where the vendored catalogue lives, for messages. */
export const CATALOGUE_PATH = 'suiteapp/reference/netsuite-records/records.json (+ supplement.json)';

const key = (id: string): string => id.toLowerCase();

interface MutableType {
  id: string;
  label: string;
  category: string;
  scriptingLevel: string;
  searchType: string | undefined;
  fields: Map<string, CatalogueField>;
  sublists: Map<string, CatalogueSublist & { fields: Map<string, CatalogueField> }>;
  searchFilters: Map<string, CatalogueField>;
  searchColumns: Map<string, CatalogueField>;
  searchJoins: Map<string, CatalogueSearchJoin>;
  transforms: Map<string, CatalogueOrigin>;
  origin: CatalogueOrigin;
}

function toField(f: RecordsJsonField, origin: CatalogueOrigin): CatalogueField {
  return {
    id: f.internalId,
    type: f.type,
    label: f.label,
    required: f.required === 'true',
    submitField: f.nlapiSubmitField === 'true',
    origin,
  };
}

function fieldMap(
  fields: readonly RecordsJsonField[] | undefined,
  origin: CatalogueOrigin,
): Map<string, CatalogueField> {
  return new Map((fields ?? []).map((f) => [key(f.internalId), toField(f, origin)]));
}

/**
 * records.json lists some search joins among the columns, with the joined record's name as the type
 * (`{"internalId":"workflow","type":"Workflow"}`): an upper-case type marks a join, not a column.
 */
function isJoinColumn(f: RecordsJsonField): boolean {
  return /^[A-Z]/.test(f.type);
}

function fromRecordsJson(record: RecordsJsonRecord, origin: CatalogueOrigin): MutableType {
  const columns = record.searchColumns ?? [];
  const joins = new Map<string, CatalogueSearchJoin>();
  for (const c of columns.filter(isJoinColumn)) {
    joins.set(key(c.internalId), { id: c.internalId, recordType: undefined, label: c.type, origin });
  }
  for (const j of record.searchJoins ?? []) {
    const target = j.recordType ?? j.joinName;
    joins.set(key(j.joinId), {
      id: j.joinId,
      recordType: target ? key(target.replace(/\s+/g, '')) : undefined,
      label: j.label ?? j.joinDescription ?? j.joinId,
      origin,
    });
  }
  return {
    id: record.internalId,
    label: String(record.recordName ?? record.internalId),
    category: String(record.recordCategory ?? ''),
    scriptingLevel: String(record.scriptingLevel ?? ''),
    searchType: record.searchType ? key(record.searchType) : undefined,
    fields: fieldMap(record.fields, origin),
    sublists: new Map(
      record.sublists.map((s) => [
        key(s.internalId),
        { id: s.internalId, label: s.label ?? s.internalId, fields: fieldMap(s.fields, origin), origin },
      ]),
    ),
    searchFilters: fieldMap(record.searchFilters, origin),
    searchColumns: fieldMap(
      columns.filter((c) => !isJoinColumn(c)),
      origin,
    ),
    searchJoins: joins,
    transforms: new Map((record.transformTypes ?? []).map((t) => [key(t.targetRecordType), origin])),
    origin,
  };
}

function duplicate(entry: SupplementEntry, what: string): Error {
  return new Error(
    `supplement.json entry ${entry.id}: ${what} is already in records.json; the supplement only fills gaps (remove the entry or the item).`,
  );
}

function addFields(
  target: Map<string, CatalogueField>,
  fields: RecordsJsonField[],
  entry: SupplementEntry,
  where: string,
): void {
  const origin: CatalogueOrigin = { from: 'supplement', entry };
  for (const f of fields) {
    if (target.has(key(f.internalId))) throw duplicate(entry, `${where} ${f.internalId}`);
    target.set(key(f.internalId), toField(f, origin));
  }
}

function applyEntry(types: Map<string, MutableType>, entry: SupplementEntry): void {
  const origin: CatalogueOrigin = { from: 'supplement', entry };
  if (entry.adds === 'recordType') {
    if (types.has(key(entry.recordType))) throw duplicate(entry, `record type ${entry.recordType}`);
    types.set(key(entry.recordType), fromRecordsJson(entry.record, origin));
    return;
  }
  const t = types.get(key(entry.recordType));
  if (!t) {
    throw new Error(
      `supplement.json entry ${entry.id}: record type ${entry.recordType} is neither in records.json nor added by an earlier entry.`,
    );
  }
  switch (entry.adds) {
    case 'bodyFields':
      addFields(t.fields, entry.fields, entry, `${entry.recordType} body field`);
      return;
    case 'sublist':
      if (t.sublists.has(key(entry.sublist.internalId)))
        throw duplicate(entry, `sublist ${entry.recordType}.${entry.sublist.internalId}`);
      t.sublists.set(key(entry.sublist.internalId), {
        id: entry.sublist.internalId,
        label: entry.sublist.label ?? entry.sublist.internalId,
        fields: fieldMap(entry.sublist.fields, origin),
        origin,
      });
      return;
    case 'sublistFields': {
      const sublist = t.sublists.get(key(entry.sublist));
      if (!sublist)
        throw new Error(
          `supplement.json entry ${entry.id}: ${entry.recordType} has no sublist ${entry.sublist}.`,
        );
      addFields(sublist.fields, entry.fields, entry, `${entry.recordType}.${entry.sublist} field`);
      return;
    }
    case 'searchColumns':
      addFields(t.searchColumns, entry.columns, entry, `${entry.recordType} search column`);
      return;
    case 'searchFilters':
      addFields(t.searchFilters, entry.filters, entry, `${entry.recordType} search filter`);
      return;
    case 'searchJoins':
      for (const j of entry.joins) {
        if (t.searchJoins.has(key(j.joinId)))
          throw duplicate(entry, `search join ${entry.recordType}.${j.joinId}`);
        t.searchJoins.set(key(j.joinId), {
          id: j.joinId,
          recordType: key(j.recordType),
          label: j.label ?? j.joinId,
          origin,
        });
      }
      return;
    case 'transforms':
      for (const target of entry.targets) {
        if (t.transforms.has(key(target)))
          throw duplicate(entry, `transform ${entry.recordType} → ${target}`);
        t.transforms.set(key(target), origin);
      }
      return;
    case 'searchType':
      if (t.searchType !== undefined) throw duplicate(entry, `the search type of ${entry.recordType}`);
      t.searchType = key(entry.searchType);
      return;
  }
}

function freeze(t: MutableType): CatalogueRecordType {
  return { ...t, searchType: t.searchType ?? key(t.id) };
}

/** NetSuite's record types for one set of account profiles. */
export class NetSuiteCatalogue {
  private readonly types: ReadonlyMap<string, CatalogueRecordType>;

  constructor(
    types: Iterable<CatalogueRecordType>,
    readonly profiles: readonly AccountProfile[],
  ) {
    this.types = new Map([...types].map((t) => [key(t.id), t]));
  }

  recordTypes(): string[] {
    return [...this.types.values()].map((t) => t.id).sort();
  }

  hasRecordType(type: string): boolean {
    return this.types.has(key(type));
  }

  recordType(type: string): CatalogueRecordType | undefined {
    return this.types.get(key(type));
  }

  bodyField(type: string, fieldId: string): CatalogueField | undefined {
    return this.recordType(type)?.fields.get(key(fieldId));
  }

  hasBodyField(type: string, fieldId: string): boolean {
    return this.bodyField(type, fieldId) !== undefined;
  }

  sublists(type: string): string[] {
    return [...(this.recordType(type)?.sublists.values() ?? [])].map((s) => s.id);
  }

  sublist(type: string, sublistId: string): CatalogueSublist | undefined {
    return this.recordType(type)?.sublists.get(key(sublistId));
  }

  hasSublist(type: string, sublistId: string): boolean {
    return this.sublist(type, sublistId) !== undefined;
  }

  sublistField(type: string, sublistId: string, fieldId: string): CatalogueField | undefined {
    return this.sublist(type, sublistId)?.fields.get(key(fieldId));
  }

  hasSublistField(type: string, sublistId: string, fieldId: string): boolean {
    return this.sublistField(type, sublistId, fieldId) !== undefined;
  }

  /** The search type `type` searches as: records.json `searchType` (salesorder → transaction), else the type itself. */
  searchTypeOf(type: string): string {
    return this.recordType(type)?.searchType ?? key(type);
  }

  /** The search join `joinId` of `type`'s search type. */
  searchJoin(type: string, joinId: string): CatalogueSearchJoin | undefined {
    return this.recordType(this.searchTypeOf(type))?.searchJoins.get(key(joinId));
  }

  /**
   * A search column of `type`'s search type. `join.column` (or `column` with `join`) is a column of the
   * joined record's search type, when the join is known and leads to a known record type.
   */
  searchColumn(type: string, columnId: string, join?: string): CatalogueField | undefined {
    const [joinId, name] = splitJoin(columnId, join);
    if (joinId !== undefined) {
      const target = this.searchJoin(type, joinId)?.recordType;
      return target && this.hasRecordType(target) ? this.searchColumn(target, name) : undefined;
    }
    return this.recordType(this.searchTypeOf(type))?.searchColumns.get(key(name));
  }

  hasSearchColumn(type: string, columnId: string, join?: string): boolean {
    return this.searchColumn(type, columnId, join) !== undefined;
  }

  /** A search filter of `type`'s search type; `join.filter` as for columns. */
  searchFilter(type: string, filterId: string, join?: string): CatalogueField | undefined {
    const [joinId, name] = splitJoin(filterId, join);
    if (joinId !== undefined) {
      const target = this.searchJoin(type, joinId)?.recordType;
      return target && this.hasRecordType(target) ? this.searchFilter(target, name) : undefined;
    }
    return this.recordType(this.searchTypeOf(type))?.searchFilters.get(key(name));
  }

  hasSearchFilter(type: string, filterId: string, join?: string): boolean {
    return this.searchFilter(type, filterId, join) !== undefined;
  }

  /** The record types `record.transform` may turn `type` into. */
  transformTargets(type: string): string[] {
    return [...(this.recordType(type)?.transforms.keys() ?? [])].sort();
  }

  hasTransform(fromType: string, toType: string): boolean {
    return this.recordType(fromType)?.transforms.has(key(toType)) ?? false;
  }

  /** Where a fact comes from, for messages: records.json, or the supplement entry and its first sources. */
  sourceOf(origin: CatalogueOrigin | undefined): string {
    if (!origin) return `not in ${CATALOGUE_PATH}`;
    if (origin.from === 'records.json') return 'suiteapp/reference/netsuite-records/records.json';
    const cited = origin.entry.sources.map(citeSource).join('; ');
    return `supplement.json entry ${origin.entry.id} (profile ${origin.entry.profile}; ${cited})`;
  }
}

function splitJoin(id: string, join: string | undefined): [string | undefined, string] {
  if (join) return [join, id];
  const dot = id.indexOf('.');
  return dot > 0 ? [id.slice(0, dot), id.slice(dot + 1)] : [undefined, id];
}

/** The catalogue for `profiles` from parsed data (pure, for tests); throws on an invalid supplement. */
export function buildNetSuiteCatalogue(
  records: RecordsJson,
  supplement: Supplement,
  profiles: readonly AccountProfile[] = DEFAULT_PROFILES,
): NetSuiteCatalogue {
  const unknown = profiles.filter((p) => !(ACCOUNT_PROFILES as readonly string[]).includes(p));
  if (unknown.length)
    throw new Error(`Unknown account profile(s) ${unknown.join(', ')}: use ${ACCOUNT_PROFILES.join(', ')}.`);
  const problems = supplementProblems(supplement);
  if (problems.length) {
    throw new Error(
      `suiteapp/reference/netsuite-records/supplement.json is invalid:\n- ${problems.join('\n- ')}`,
    );
  }
  const types = new Map<string, MutableType>();
  for (const record of Object.values(records.records)) {
    types.set(key(record.internalId), fromRecordsJson(record, { from: 'records.json' }));
  }
  const active = supplement.entries.filter((e) => e.profile === 'all' || profiles.includes(e.profile));
  // Whole record types first, so later entries can add to them.
  for (const entry of active.filter((e) => e.adds === 'recordType')) applyEntry(types, entry);
  for (const entry of active.filter((e) => e.adds !== 'recordType')) applyEntry(types, entry);
  return new NetSuiteCatalogue([...types.values()].map(freeze), profiles);
}

/** The vendored data files, parsed. */
export function readCatalogueFiles(dir: string = vendoredDir()): {
  records: VendoredRecordsJson;
  supplement: Supplement;
} {
  return {
    records: readJson<VendoredRecordsJson>(path.join(dir, 'records.json')),
    supplement: readJson<Supplement>(path.join(dir, 'supplement.json')),
  };
}

const cache = new Map<string, NetSuiteCatalogue>();

/** The vendored catalogue merged with the supplement for `profiles` (default: US legacy tax, multi-location); cached. */
export function loadNetSuiteCatalogue(
  options: { profiles?: readonly AccountProfile[] } = {},
): NetSuiteCatalogue {
  const profiles = [...(options.profiles ?? DEFAULT_PROFILES)].sort();
  const cacheKey = profiles.join(',');
  let catalogue = cache.get(cacheKey);
  if (!catalogue) {
    const { records, supplement } = readCatalogueFiles();
    catalogue = buildNetSuiteCatalogue(records, supplement, profiles);
    cache.set(cacheKey, catalogue);
  }
  return catalogue;
}
