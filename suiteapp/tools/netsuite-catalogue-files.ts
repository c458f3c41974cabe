/**
 * Where NetSuite's records data lives, and its JSON shape as Oracle publishes it.
 *
 * The full `records.json` (Oracle's SuiteScript Records Browser as data, release 26.1, UPL 1.0) sits
 * outside the repository in `../shared/reference/netsuite-records/`; the project vendors the record
 * types it touches into `suiteapp/reference/netsuite-records/records.json` (see
 * vendor-netsuite-records.ts) and fills the gaps in `supplement.json` beside it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One field, search filter or search column as `records.json` lists it (all values are strings). */
export interface RecordsJsonField {
  internalId: string;
  type: string;
  label: string;
  /** Body and sublist fields: `"true"` when the Records Browser marks the field required. */
  required?: string;
  /** Body fields: `"true"` when `record.submitFields` (nlapiSubmitField) can set the field. */
  nlapiSubmitField?: string;
  help?: string;
}

export interface RecordsJsonSublist {
  internalId: string;
  label?: string;
  fields: RecordsJsonField[];
}

export interface RecordsJsonTransform {
  targetRecordType: string;
  fieldDefaults?: string;
}

export interface RecordsJsonSearchJoin {
  joinId: string;
  label?: string;
  joinDescription?: string;
  joinName?: string;
  recordType?: string;
}

export interface RecordsJsonRecord {
  internalId: string;
  recordName?: string;
  supportsCustomFields?: boolean;
  fields: RecordsJsonField[];
  sublists: RecordsJsonSublist[];
  searchFilters?: RecordsJsonField[];
  searchColumns?: RecordsJsonField[];
  searchJoins?: RecordsJsonSearchJoin[];
  /** The search type whose filters and columns apply (`salesorder` → `transaction`). */
  searchType?: string;
  transformTypes?: RecordsJsonTransform[];
  recordCategory?: string;
  scriptingLevel?: string;
  [key: string]: unknown;
}

export interface RecordsJson {
  records: Record<string, RecordsJsonRecord>;
}

/** Per-type counts the vendoring script records, so a test can prove each vendored type is whole. */
export interface VendoredTypeCounts {
  fields: number;
  sublists: number;
  sublistFields: number;
  searchFilters: number;
  searchColumns: number;
  searchJoins: number;
  transformTypes: number;
}

export interface VendoredSource {
  /** The file read, relative to the repository root. */
  path: string;
  /** Where Oracle publishes it. */
  origin: string;
  release: string;
  licence: string;
  sha256: string;
  /** Record types asked for that the source does not describe (the supplement covers them). */
  absent: string[];
  counts: Record<string, VendoredTypeCounts>;
}

export interface VendoredRecordsJson extends RecordsJson {
  source: VendoredSource;
}

/** The folder holding `suiteapp/` (walks up from this file: works from `suiteapp/tools` and `dist/suiteapp/tools`). */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'suiteapp', 'tools')) && fs.existsSync(path.join(dir, 'package.json')))
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(`No repository root (a folder with suiteapp/tools and package.json) above ${from}.`);
    dir = parent;
  }
}

/** The vendored catalogue folder: `suiteapp/reference/netsuite-records/`. */
export function vendoredDir(root: string = repoRoot()): string {
  return path.join(root, 'suiteapp', 'reference', 'netsuite-records');
}

/** Oracle's full data, outside the repository: `../shared/reference/netsuite-records/`. */
export function sharedSourceDir(root: string = repoRoot()): string {
  return path.join(root, '..', 'shared', 'reference', 'netsuite-records');
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
