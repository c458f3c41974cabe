/**
 * What N/search may name, per NetSuite's records catalogue (suiteapp/reference/netsuite-records/, read
 * through RecordReader.schema()): a column or filter of a standard search must be one the search type
 * lists (`salesorder` searches as `transaction`), and a joined one must go through a join the search
 * type lists. Otherwise NetSuite's own errors, in its words:
 * - columns (search.create, search.lookupFields): SSS_INVALID_SRCH_COL "An nlobjSearchColumn contains
 *   an invalid column, or is not in proper syntax: <id>.";
 * - filters: SSS_INVALID_SRCH_FILTER "An nlobjSearchFilter contains invalid search criteria: <id>."
 * (wordings as NetSuite prints them, quoted in public SuiteScript that matches on them).
 *
 * Custom ids (`cust...`, and joins through a custom select field) come from the SDF project, not from
 * the catalogue: the emulator's field resolution decides those. Searches of custom record types are
 * not checked here either. Where the catalogue lists a column the emulator cannot compute, the search
 * throws EMULATOR_UNSUPPORTED instead of pretending NetSuite refuses it.
 */
import { NS, SuiteScriptError } from '../../errors';
import type { RecordReader, RecordTypeInfo } from '../store-types';

const CUSTOM_ID = /^cust(body|col|entity|item|record|event|script)_/;

export function invalidColumn(qualified: string): SuiteScriptError {
  return new SuiteScriptError(
    NS.SSS_INVALID_SRCH_COL,
    `An nlobjSearchColumn contains an invalid column, or is not in proper syntax: ${qualified}.`,
  );
}

export function invalidFilter(qualified: string): SuiteScriptError {
  return new SuiteScriptError(NS.SSS_INVALID_SRCH_FILTER, `An nlobjSearchFilter contains invalid search criteria: ${qualified}.`);
}

export function unsupportedColumn(searchType: string, qualified: string): SuiteScriptError {
  return new SuiteScriptError(
    NS.EMULATOR_UNSUPPORTED,
    `${qualified} is a column of NetSuite's ${searchType} search, but the emulator does not compute it yet (sandbox/netsuite/src/data/search/fields.ts).`,
  );
}

/**
 * The catalogue search type of a search over `types` (`transaction`, `item`, `customer`), or null when
 * the catalogue does not govern it (a custom record search).
 */
export function catalogueSearchType(reader: RecordReader, searchType: string, types: readonly RecordTypeInfo[]): string | null {
  const type = searchType.toLowerCase();
  if (types.some((t) => t.custom)) return null;
  const schema = reader.schema();
  return schema.hasRecordType(type) ? schema.searchTypeOf(type) : null;
}

function isCustom(name: string, join: string | undefined): boolean {
  return CUSTOM_ID.test(name) || (join !== undefined && CUSTOM_ID.test(join));
}

/** Whether the catalogue lists the column (true for ids the catalogue does not govern). */
export function catalogueHasColumn(reader: RecordReader, searchType: string | null, name: string, join?: string): boolean {
  if (searchType === null || isCustom(name, join)) return true;
  return reader.schema().hasSearchColumn(searchType, name, join);
}

/** Whether the catalogue lists the filter (true for ids the catalogue does not govern). */
export function catalogueHasFilter(reader: RecordReader, searchType: string | null, name: string, join?: string): boolean {
  if (searchType === null || isCustom(name, join)) return true;
  return reader.schema().hasSearchFilter(searchType, name, join);
}
