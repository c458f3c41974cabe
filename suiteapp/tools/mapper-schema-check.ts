/**
 * The schema check of the SuiteApp's mappers (suiteapp/ts/lib/mappers/): every id a mapper declares
 * must exist where NetSuite says it does.
 *
 * - Standard body fields, sublists, sublist fields, search columns and filters and transform targets
 *   of a record type: in NetSuite's records catalogue (`suiteapp/reference/netsuite-records/`, read
 *   through netsuite-catalogue.ts) for the account profiles the SuiteApp supports.
 * - Custom ids (`customrecord_`, `custrecord_`, `custbody_`, `custcol_`, `custitem_`, `custentity_`):
 *   in the SDF project's `Objects/`, on the right record (a custom record's own field, a body or
 *   column field that applies to the record's family, an item or entity field).
 * - The standard fields of a custom record type (`name`, `externalid`, `created`, ...): those of
 *   Oracle's generic custom record entry (CUSTOM_RECORD_STANDARD below); `name` only when the record
 *   type includes the name field.
 * - SuiteQL columns: SuiteQL reads the Records Catalog (the analytics data source), which the
 *   vendored Records Browser data does not describe; a column must be a body field or a search column
 *   of the record in the catalogue, or `id`, the primary key every Records Catalog table has
 *   (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_159376868900.html).
 *
 * Every problem names the record, the id, what is wrong and the fix.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RecordDeclaration } from '../ts/lib/mappers/record-declaration';
import { isRecordDeclaration } from '../ts/lib/mappers/record-declaration';
import type { NetSuiteCatalogue } from './netsuite-catalogue';
import { CATALOGUE_PATH } from './netsuite-catalogue';
import type { SdfCustomRecordType, SdfField, SdfFieldKind, SdfProject } from './sdf-model';

export interface SchemaIssue {
  /** The record type the mapper declares (`salesorder`). */
  record: string;
  /** The id that does not exist (`subtotal`, `item.tax1amt`, `→ invoice`). */
  id: string;
  message: string;
  fix: string;
}

const CUSTOM_PREFIX = /^(customrecord_|custrecord_|custbody_|custcol_|custitem_|custentity_)/i;

export function isCustomId(id: string): boolean {
  return CUSTOM_PREFIX.test(id);
}

/**
 * The standard fields and search columns of every custom record type, as Oracle's Records Browser
 * lists them for the generic custom record: the `<use script id of your desired custom record type>`
 * entry of records.json in the public repository oracle/netsuite-suitecloud-sdk
 * (packages/agent-skills/netsuite-suitescript-records-reference/references/records.json, release
 * 26.1), which vendoring by record type leaves out.
 */
export const CUSTOM_RECORD_STANDARD = {
  fields: [
    'altname',
    'autoname',
    'created',
    'customform',
    'externalid',
    'isinactive',
    'lastmodified',
    'lastmodifiedby',
    'name',
    'owner',
    'recordid',
    'rectype',
  ],
  searchColumns: [
    'altname',
    'created',
    'externalid',
    'id',
    'internalid',
    'isinactive',
    'lastmodified',
    'lastmodifiedby',
    'name',
    'owner',
    'parent',
  ],
} as const;

/**
 * The record types an SDF body or column field's applies-to flag covers (`<bodysale>` → `sale`).
 * `sale` is NetSuite's "Sale" box, which covers the sale family (the same reading as the emulator's
 * sandbox/netsuite/src/data/catalogue/sdf.ts).
 */
const APPLIES_TO: Readonly<Record<string, readonly string[]>> = {
  sale: ['salesorder', 'invoice', 'cashsale', 'creditmemo', 'returnauthorization', 'cashrefund'],
  itemfulfillment: ['itemfulfillment'],
};

const KIND_BY_PREFIX: Readonly<Record<string, SdfFieldKind>> = {
  custbody_: 'transactionbodycustomfield',
  custcol_: 'transactioncolumncustomfield',
  custitem_: 'itemcustomfield',
  custentity_: 'entitycustomfield',
};

export interface SchemaCheckContext {
  catalogue: NetSuiteCatalogue;
  project: SdfProject;
}

interface Checker {
  ctx: SchemaCheckContext;
  decl: RecordDeclaration;
  custom: SdfCustomRecordType | undefined;
  issues: SchemaIssue[];
}

const OBJECTS = 'suiteapp/src/Objects/';

function add(c: Checker, id: string, message: string, fix: string): void {
  c.issues.push({ record: c.decl.recordType, id, message, fix });
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/** Up to three ids of `known` that look like `id` (fewest edits apart, or containing it). */
function similar(id: string, known: Iterable<string>): string[] {
  const want = id.toLowerCase();
  const limit = Math.max(3, Math.floor(want.length / 3));
  const scored: [string, number][] = [];
  for (const candidate of known) {
    const k = candidate.toLowerCase();
    const distance = k.includes(want) || want.includes(k) ? 1 : editDistance(want, k);
    if (distance <= limit) scored.push([candidate, distance]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([candidate]) => candidate);
}

function suggest(id: string, known: Iterable<string>): string {
  const close = similar(id, known);
  return close.length > 0 ? ` (it lists ${close.map((k) => `\`${k}\``).join(', ')})` : '';
}

function recordFamilyFits(field: SdfField, recordType: string): boolean {
  if (field.kind === 'itemcustomfield') return recordType === 'item' || recordType.endsWith('item');
  if (field.kind === 'entitycustomfield') return recordType === 'customer';
  return field.appliesTo.some((flag) => (APPLIES_TO[flag] ?? [flag]).includes(recordType));
}

/** A custom id used on the declared record: defined in Objects/, on that record. */
function checkCustomId(c: Checker, id: string, where: string): void {
  const project = c.ctx.project;
  const recordType = c.decl.recordType;
  if (id.toLowerCase().startsWith('custrecord_')) {
    if (c.custom === undefined) {
      add(
        c,
        id,
        `${where} \`${id}\` is a custom record field, but ${recordType} is not a custom record type`,
        `declare it on the mapper of the custom record it belongs to`,
      );
      return;
    }
    if (!c.custom.fields.some((f) => f.scriptid === id)) {
      add(
        c,
        id,
        `${where} \`${id}\` is not a field of custom record ${recordType} in ${OBJECTS}${c.custom.file.replace(/^Objects\//, '')}${suggest(
          id,
          c.custom.fields.map((f) => f.scriptid),
        )}`,
        `add the field to ${OBJECTS}${recordType}.xml, or correct the id in the mapper`,
      );
    }
    return;
  }
  const prefix = Object.keys(KIND_BY_PREFIX).find((p) => id.toLowerCase().startsWith(p));
  const field = project.standaloneFields.find((f) => f.scriptid === id);
  if (prefix === undefined || field === undefined || field.kind !== KIND_BY_PREFIX[prefix]) {
    add(
      c,
      id,
      `${where} \`${id}\` is not defined in ${OBJECTS}${suggest(
        id,
        project.standaloneFields.map((f) => f.scriptid),
      )}`,
      `add ${OBJECTS}${id}.xml (a ${prefix === undefined ? 'custom field' : KIND_BY_PREFIX[prefix]}), or correct the id in the mapper`,
    );
    return;
  }
  if (!recordFamilyFits(field, recordType)) {
    add(
      c,
      id,
      `${where} \`${id}\` (${OBJECTS}${path.basename(field.file)}) does not apply to ${recordType}`,
      `tick the applies-to box for ${recordType} in ${OBJECTS}${path.basename(field.file)}, or declare the field on the record it applies to`,
    );
  }
}

function checkRecordType(c: Checker): boolean {
  const type = c.decl.recordType;
  if (type.toLowerCase().startsWith('customrecord_')) {
    if (c.custom === undefined) {
      add(
        c,
        type,
        `custom record type \`${type}\` is not defined in ${OBJECTS}`,
        `add ${OBJECTS}${type}.xml, or correct the record type in the mapper`,
      );
      return false;
    }
    return true;
  }
  if (!c.ctx.catalogue.hasRecordType(type)) {
    add(
      c,
      type,
      `record type \`${type}\` is not in ${CATALOGUE_PATH}${suggest(type, c.ctx.catalogue.recordTypes())}`,
      `use the record type id NetSuite's Records Browser gives, or vendor the record type (npm run vendor:records)`,
    );
    return false;
  }
  return true;
}

function standardBodyFieldExists(c: Checker, id: string): boolean {
  if (c.custom !== undefined) {
    if (id.toLowerCase() === 'name') return c.custom.includename;
    return (CUSTOM_RECORD_STANDARD.fields as readonly string[]).includes(id.toLowerCase());
  }
  return c.ctx.catalogue.hasBodyField(c.decl.recordType, id);
}

function bodyFieldNames(c: Checker): string[] {
  if (c.custom !== undefined) return [...CUSTOM_RECORD_STANDARD.fields];
  return [...(c.ctx.catalogue.recordType(c.decl.recordType)?.fields.values() ?? [])].map((f) => f.id);
}

function checkBodyFields(c: Checker): void {
  for (const id of Object.values(c.decl.body)) {
    if (isCustomId(id)) {
      checkCustomId(c, id, 'body field');
    } else if (!standardBodyFieldExists(c, id)) {
      const nameWithout = c.custom !== undefined && id.toLowerCase() === 'name';
      add(
        c,
        id,
        nameWithout
          ? `body field \`name\`: custom record ${c.decl.recordType} does not include the name field (${OBJECTS}${c.decl.recordType}.xml <includename>F)`
          : `body field \`${id}\` is not a body field of ${c.decl.recordType} in ${CATALOGUE_PATH}${suggest(id, bodyFieldNames(c))}`,
        nameWithout
          ? `set <includename>T</includename> in ${OBJECTS}${c.decl.recordType}.xml, or stop writing the name`
          : `use a field the catalogue lists for ${c.decl.recordType} (profiles ${c.ctx.catalogue.profiles.join(', ')}), or add a supplement entry that cites NetSuite's documentation`,
      );
    }
  }
}

function checkSublists(c: Checker): void {
  const catalogue = c.ctx.catalogue;
  const type = c.decl.recordType;
  for (const sublist of Object.values(c.decl.sublists)) {
    if (!catalogue.hasSublist(type, sublist.id)) {
      add(
        c,
        sublist.id,
        `sublist \`${sublist.id}\` is not a sublist of ${type} in ${CATALOGUE_PATH}${suggest(sublist.id, catalogue.sublists(type))}`,
        `use a sublist the catalogue lists for ${type}, or add a supplement entry that cites NetSuite's documentation`,
      );
      continue;
    }
    const known = [...(catalogue.sublist(type, sublist.id)?.fields.values() ?? [])].map((f) => f.id);
    for (const id of Object.values(sublist.fields)) {
      if (isCustomId(id)) {
        checkCustomId(c, id, `${sublist.id} sublist field`);
      } else if (!catalogue.hasSublistField(type, sublist.id, id)) {
        add(
          c,
          `${sublist.id}.${id}`,
          `sublist field \`${id}\` is not a field of the ${type} ${sublist.id} sublist in ${CATALOGUE_PATH} for profiles ${catalogue.profiles.join(', ')}${suggest(id, known)}`,
          `use a field the catalogue lists for ${type}.${sublist.id}, or add a supplement entry (with the account profile it holds for) that cites NetSuite's documentation`,
        );
      }
    }
  }
}

function checkSearch(c: Checker): void {
  const catalogue = c.ctx.catalogue;
  const type = c.decl.recordType;
  const searchType = c.custom !== undefined ? type : catalogue.searchTypeOf(type);
  const searchTypeRecord = catalogue.recordType(searchType);
  const lists = [
    {
      what: 'search column',
      ids: Object.values(c.decl.search.columns),
      has: (id: string) =>
        c.custom !== undefined
          ? (CUSTOM_RECORD_STANDARD.searchColumns as readonly string[]).includes(id.toLowerCase())
          : catalogue.hasSearchColumn(type, id),
      known: () =>
        c.custom !== undefined
          ? [...CUSTOM_RECORD_STANDARD.searchColumns]
          : [...(searchTypeRecord?.searchColumns.values() ?? [])].map((f) => f.id),
    },
    {
      what: 'search filter',
      ids: Object.values(c.decl.search.filters),
      has: (id: string) =>
        c.custom !== undefined
          ? (CUSTOM_RECORD_STANDARD.searchColumns as readonly string[]).includes(id.toLowerCase())
          : catalogue.hasSearchFilter(type, id),
      known: () =>
        c.custom !== undefined
          ? [...CUSTOM_RECORD_STANDARD.searchColumns]
          : [...(searchTypeRecord?.searchFilters.values() ?? [])].map((f) => f.id),
    },
  ];
  for (const list of lists) {
    for (const id of list.ids) {
      if (isCustomId(id)) {
        checkCustomId(c, id, list.what);
      } else if (!list.has(id)) {
        add(
          c,
          id,
          `${list.what} \`${id}\` is not a ${list.what} of ${searchType} searches (what ${type} searches as) in ${CATALOGUE_PATH}${suggest(id, list.known())}; NetSuite answers SSS_INVALID_SRCH_COL`,
          `use a ${list.what} the catalogue lists for ${searchType}, or read the value another documented way (record.load and the body field)`,
        );
      }
    }
  }
}

/**
 * `record.create` initialization defaults that are no body field of the record: a customer payment or
 * refund created with `{ entity: <customer> }` lists that customer's open documents on its `apply`
 * sublist (suiteapp/reference/netsuite-records/supplement.json, entries customerpayment-apply-sublist
 * and customerrefund-apply-sublist, cite the source).
 */
const INITIALIZATION_DEFAULTS: Readonly<Record<string, readonly string[]>> = {
  customerpayment: ['entity'],
  customerrefund: ['entity'],
};

function checkCreateDefaults(c: Checker): void {
  const type = c.decl.recordType;
  for (const id of Object.values(c.decl.createDefaults ?? {})) {
    if (INITIALIZATION_DEFAULTS[type]?.includes(id) === true) continue;
    if (isCustomId(id)) {
      checkCustomId(c, id, 'create default');
    } else if (!standardBodyFieldExists(c, id)) {
      add(
        c,
        `default ${id}`,
        `create default \`${id}\` is neither a body field of ${type} in ${CATALOGUE_PATH} nor an initialization default listed in suiteapp/tools/mapper-schema-check.ts`,
        `set a body field the catalogue lists for ${type}, or list the initialization default with its source`,
      );
    }
  }
}

function checkTransforms(c: Checker): void {
  const catalogue = c.ctx.catalogue;
  const type = c.decl.recordType;
  for (const target of Object.values(c.decl.transforms)) {
    if (!catalogue.hasTransform(type, target)) {
      const targets = catalogue.transformTargets(type);
      add(
        c,
        `→ ${target}`,
        `record.transform from ${type} to \`${target}\` is not a transform NetSuite lists for ${type} in ${CATALOGUE_PATH} (it lists ${targets.length > 0 ? targets.join(', ') : 'none'}); NetSuite answers INVALID_RCRD_TRANSFRM`,
        `transform into one of the listed record types, or create the record another way`,
      );
    }
  }
}

/**
 * SuiteQL's table of transaction lines (Records Catalog `transactionline`: a line's `transaction`,
 * `mainline`, `createdfrom`, ...): a transaction record may declare it as its SuiteQL table, its
 * columns checked like the transaction's own (body fields and search columns).
 */
const TRANSACTION_LINE_TABLE = 'transactionline';

function checkSuiteQl(c: Checker): void {
  const { table, columns } = c.decl.suiteql;
  const ids = Object.values(columns);
  if (ids.length === 0) return;
  const catalogue = c.ctx.catalogue;
  const type = c.decl.recordType;
  const expectedTable = c.custom !== undefined ? type : catalogue.searchTypeOf(type);
  // A transaction's lines are the `transactionline` table (its `transaction` column is the key).
  const lineTable = expectedTable === 'transaction' && table.toLowerCase() === TRANSACTION_LINE_TABLE;
  if (table.toLowerCase() !== type.toLowerCase() && table.toLowerCase() !== expectedTable && !lineTable) {
    add(
      c,
      `table ${table}`,
      `SuiteQL table \`${table}\` is not the table of ${type} (\`${expectedTable}\`)`,
      `query ${type} from \`${expectedTable}\``,
    );
  }
  for (const id of ids) {
    if (id.toLowerCase() === 'id') continue;
    if (lineTable && id.toLowerCase() === 'transaction') continue;
    if (isCustomId(id)) {
      checkCustomId(c, id, 'SuiteQL column');
      continue;
    }
    const exists =
      c.custom !== undefined
        ? standardBodyFieldExists(c, id) ||
          (CUSTOM_RECORD_STANDARD.searchColumns as readonly string[]).includes(id.toLowerCase())
        : catalogue.hasBodyField(type, id) || catalogue.hasSearchColumn(type, id);
    if (!exists) {
      add(
        c,
        id,
        `SuiteQL column \`${id}\` of ${table} is neither a body field nor a search column of ${type} in ${CATALOGUE_PATH}${suggest(id, bodyFieldNames(c))}`,
        `select a column NetSuite's Records Catalog lists for ${table}, or add a supplement entry that cites it`,
      );
    }
  }
}

/** Every problem with what one mapper declares. */
export function checkRecordDeclaration(decl: RecordDeclaration, ctx: SchemaCheckContext): SchemaIssue[] {
  const c: Checker = {
    ctx,
    decl,
    custom: ctx.project.customRecords.find((r) => r.scriptid === decl.recordType),
    issues: [],
  };
  if (!checkRecordType(c)) return c.issues;
  checkBodyFields(c);
  checkSublists(c);
  checkSearch(c);
  checkTransforms(c);
  checkCreateDefaults(c);
  checkSuiteQl(c);
  return c.issues;
}

export function formatSchemaIssue(issue: SchemaIssue, mapper?: string): string {
  return `${mapper === undefined ? '' : `${mapper}: `}${issue.record}: ${issue.message}. Fix: ${issue.fix}.`;
}

/** A mapper module and the declarations it exports. */
export interface MapperModule {
  /** Path relative to the repository root. */
  file: string;
  declarations: RecordDeclaration[];
}

/** Every `*-mapper.ts` module under `dir`, loaded, with the record declarations it exports. */
export function loadMapperModules(dir: string, repoRoot: string): MapperModule[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('-mapper.ts'))
    .sort()
    .map((name) => {
      const full = path.join(dir, name);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = require(full) as Record<string, unknown>;
      return {
        file: path.relative(repoRoot, full).split(path.sep).join('/'),
        declarations: Object.values(exported).filter(isRecordDeclaration),
      };
    });
}
