/**
 * What a mapper declares about its NetSuite record, as data: the record type, the body fields,
 * sublists and sublist fields it reads or writes through N/record, the columns and filters it uses
 * through N/search, the records it transforms into, and the SuiteQL table and columns it queries.
 *
 * `declareRecord` is the only place a NetSuite id becomes usable: it returns the same ids typed as
 * `NetSuiteId<kind>` (a string with a compile-time brand), and the DAO wrappers that call N/record,
 * N/search and N/query (dao/netsuite-record.ts, dao/suiteql.ts) accept nothing else. So every id the
 * SuiteApp uses is declared, and `suiteapp/tools/__tests__/mapper-schema.test.ts` checks each
 * declared id against NetSuite's records catalogue and the SDF objects; `mapper-id-guard.test.ts`
 * checks that no code reaches NetSuite around these types.
 *
 * Pure module: no N/* imports, so the checks can load every declaration in Node.
 */

declare const BRAND: unique symbol;

/** The kinds of NetSuite ids a declaration hands out. */
export type IdKind =
  'record' | 'body' | 'sublist' | 'line' | 'column' | 'filter' | 'sqlTable' | 'sqlColumn' | 'default';

/** A NetSuite id taken from a declaration (only `declareRecord` makes one). */
export type NetSuiteId<K extends IdKind> = string & { readonly [BRAND]: K };

export type RecordTypeId = NetSuiteId<'record'>;
export type BodyFieldId = NetSuiteId<'body'>;
export type SublistId = NetSuiteId<'sublist'>;
export type LineFieldId = NetSuiteId<'line'>;
export type SearchColumnId = NetSuiteId<'column'>;
export type SearchFilterId = NetSuiteId<'filter'>;
export type SqlTable = NetSuiteId<'sqlTable'>;
export type SqlColumn = NetSuiteId<'sqlColumn'>;
export type CreateDefaultId = NetSuiteId<'default'>;

type Ids = Readonly<Record<string, string>>;

/** The declaration as a mapper writes it: domain name → NetSuite id. */
export interface RecordSpec {
  /** The record type as NetSuite names it (`salesorder`, `customrecord_tts_order`). */
  readonly recordType: string;
  /** Body fields used through N/record (setValue, getValue, submitFields, getSubrecord). */
  readonly body?: Ids;
  /** Sublists used through N/record, with the sublist fields used on their lines. */
  readonly sublists?: Readonly<Record<string, { readonly id: string; readonly fields: Ids }>>;
  /** Columns and filters used through N/search (`search.lookupFields` reads columns). */
  readonly search?: { readonly columns?: Ids; readonly filters?: Ids };
  /** `record.transform` targets from this record type. */
  readonly transforms?: Ids;
  /**
   * `record.create` initialization defaults (`defaultValues` keys): a body field, or one of NetSuite's
   * initialization defaults that is no body field (tools/mapper-schema-check.ts INITIALIZATION_DEFAULTS).
   */
  readonly createDefaults?: Ids;
  /** The SuiteQL table of the record and the columns queried. */
  readonly suiteql?: { readonly table: string; readonly columns: Ids };
}

type Brand<M, K extends IdKind> = { readonly [P in keyof M]: NetSuiteId<K> };
type Sublists<S> = {
  readonly [P in keyof S]: S[P] extends { fields: infer F }
    ? { readonly id: SublistId; readonly fields: Brand<F, 'line'> }
    : never;
};

/** A declared record: the spec with every id typed, plus the marker the checks look for. */
export interface RecordDeclaration<S extends RecordSpec = RecordSpec> {
  readonly kind: 'netsuite-record-declaration';
  readonly recordType: RecordTypeId;
  readonly body: Brand<NonNullable<S['body']>, 'body'>;
  readonly sublists: Sublists<NonNullable<S['sublists']>>;
  readonly search: {
    readonly columns: Brand<NonNullable<NonNullable<S['search']>['columns']>, 'column'>;
    readonly filters: Brand<NonNullable<NonNullable<S['search']>['filters']>, 'filter'>;
  };
  readonly transforms: Brand<NonNullable<S['transforms']>, 'record'>;
  readonly createDefaults: Brand<NonNullable<S['createDefaults']>, 'default'>;
  readonly suiteql: {
    readonly table: SqlTable;
    readonly columns: Brand<NonNullable<S['suiteql']>['columns'], 'sqlColumn'>;
  };
}

function freezeIds(ids: Ids | undefined): Ids {
  return Object.freeze({ ...(ids ?? {}) });
}

/** Declares the ids a mapper uses (see the module comment). */
export function declareRecord<const S extends RecordSpec>(spec: S): RecordDeclaration<S> {
  const sublists: Record<string, { id: string; fields: Ids }> = {};
  for (const [name, sublist] of Object.entries(spec.sublists ?? {})) {
    sublists[name] = Object.freeze({ id: sublist.id, fields: freezeIds(sublist.fields) });
  }
  const declaration = {
    kind: 'netsuite-record-declaration',
    recordType: spec.recordType,
    body: freezeIds(spec.body),
    sublists: Object.freeze(sublists),
    search: Object.freeze({
      columns: freezeIds(spec.search?.columns),
      filters: freezeIds(spec.search?.filters),
    }),
    transforms: freezeIds(spec.transforms),
    createDefaults: freezeIds(spec.createDefaults),
    suiteql: Object.freeze({ table: spec.suiteql?.table ?? '', columns: freezeIds(spec.suiteql?.columns) }),
  };
  return Object.freeze(declaration) as unknown as RecordDeclaration<S>;
}

/** True for a value made by `declareRecord` (how the schema checks find the declarations). */
export function isRecordDeclaration(value: unknown): value is RecordDeclaration {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'netsuite-record-declaration'
  );
}

/** A field value as N/record takes it. */
export type FieldValue = string | number | boolean | Date;

/** One body field to set, in order (the order matters: NetSuite sources fields from earlier ones). */
export type BodyWrite = readonly [BodyFieldId, FieldValue];
/** A body field `record.submitFields` can write (no dates: they would need formatting). */
export type SubmitWrite = readonly [BodyFieldId, string | number | boolean];
/** One sublist field of a line to set. */
export type LineWrite = readonly [LineFieldId, FieldValue];

/**
 * A record to write: body fields, then sublist lines (by 0-based line index), then the fields of
 * body subrecords (address subrecords, by the body field that holds them).
 */
export interface RecordWrite {
  body: BodyWrite[];
  sublists: { sublistId: SublistId; lines: { line: number; fields: LineWrite[] }[] }[];
  subrecords: { fieldId: BodyFieldId; fields: BodyWrite[] }[];
}

/**
 * What mappers read a record through (dao/netsuite-record.ts wraps an N/record Record in it), so the
 * reading code stays pure and testable.
 */
export interface RecordReader {
  value(fieldId: BodyFieldId): unknown;
  /** The body field as shown (a select's option text), null when empty. */
  text(fieldId: BodyFieldId): string | null;
  /** Body field ids present on the record (an inline edit carries only the changed ones). */
  fieldIds(): string[];
  lineCount(sublistId: SublistId): number;
  lineValue(sublistId: SublistId, fieldId: LineFieldId, line: number): unknown;
  lineText(sublistId: SublistId, fieldId: LineFieldId, line: number): string | null;
  /** The body subrecord held by `fieldId`, or null when the record has none. */
  subrecord(fieldId: BodyFieldId): RecordReader | null;
}

/** `search.lookupFields` values by column id: selects come back as `[{ value, text }]`. */
export type LookupValues = Readonly<Record<string, unknown>>;

/** A SuiteQL result row (`asMappedResults`), by the aliases of the query. */
export type Row = Readonly<Record<string, unknown>>;
