/**
 * `npm run vendor:records`: copies every NetSuite record type the SuiteApp or the emulator touches,
 * WHOLE (every field, sublist, search filter, search column, join and transform, never trimmed), from
 * Oracle's full `records.json` in `../shared/reference/netsuite-records/` into
 * `suiteapp/reference/netsuite-records/records.json`, with Oracle's licence notice beside it.
 *
 * The output keeps the source's structure (`{ "records": { "<type>": {...} } }`) and adds a `source`
 * block: the file read, its release and sha256, the types the source lacks, and per-type counts that
 * a test re-counts to prove nothing was trimmed. Gaps are filled in `supplement.json`, never here.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type {
  RecordsJson,
  RecordsJsonRecord,
  VendoredRecordsJson,
  VendoredTypeCounts,
} from './netsuite-catalogue-files';
import { repoRoot, sharedSourceDir, vendoredDir } from './netsuite-catalogue-files';

/**
 * The record types vendored. Transactions the connector creates, transforms or reads; the two search
 * types transactions and items are searched as; entities, items, lists and subrecords that the
 * SuiteApp or the emulator's catalogue reference (select targets included); File Cabinet and script
 * records the SuiteApp reads. `inventoryitem`, `shipitem`, `serviceitem` and `noninventoryitem` are
 * asked for too: Oracle's data does not describe them (they end up in `source.absent`).
 */
export const VENDORED_RECORD_TYPES: readonly string[] = [
  // transactions
  'salesorder',
  'itemfulfillment',
  'invoice',
  'cashsale',
  'creditmemo',
  'customerrefund',
  'cashrefund',
  'returnauthorization',
  'itemreceipt',
  'inventoryadjustment',
  'customerdeposit',
  'customerpayment',
  // search types shared by many record types
  'transaction',
  'item',
  // entities
  'customer',
  'employee',
  // items
  'inventoryitem',
  'lotnumberedinventoryitem',
  'serializedinventoryitem',
  'noninventoryitem',
  'noninventorysaleitem',
  'noninventoryresaleitem',
  'serviceitem',
  'servicesaleitem',
  'serviceresaleitem',
  'kititem',
  'itemgroup',
  'assemblyitem',
  'discountitem',
  'otherchargeitem',
  'shipitem',
  'salestaxitem',
  'taxgroup',
  'pricelevel',
  'pricing',
  // lists
  'paymentmethod',
  'location',
  'subsidiary',
  'department',
  'classification',
  'currency',
  'accountingperiod',
  'account',
  // subrecords
  'address',
  // File Cabinet and scripting
  'file',
  'folder',
  'scriptdeployment',
];

export const SOURCE_RELEASE = '26.1';
export const SOURCE_ORIGIN =
  'oracle/netsuite-suitecloud-sdk: packages/agent-skills/netsuite-suitescript-records-reference/references/records.json';
export const SOURCE_RELATIVE_PATH = '../shared/reference/netsuite-records/records.json';

/** The counts a vendored type must keep (re-counted by the tests). */
export function countsOf(record: RecordsJsonRecord): VendoredTypeCounts {
  return {
    fields: record.fields.length,
    sublists: record.sublists.length,
    sublistFields: record.sublists.reduce((n, s) => n + s.fields.length, 0),
    searchFilters: record.searchFilters?.length ?? 0,
    searchColumns: record.searchColumns?.length ?? 0,
    searchJoins: record.searchJoins?.length ?? 0,
    transformTypes: record.transformTypes?.length ?? 0,
  };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The vendored document for `sourceText` (the full records.json as read): pure, so tests can call it. */
export function vendorRecords(
  sourceText: string,
  types: readonly string[] = VENDORED_RECORD_TYPES,
): VendoredRecordsJson {
  const source = JSON.parse(sourceText) as RecordsJson;
  const records: Record<string, RecordsJsonRecord> = {};
  const absent: string[] = [];
  const counts: Record<string, VendoredTypeCounts> = {};
  for (const type of [...types].sort()) {
    const record = source.records[type];
    if (!record) {
      absent.push(type);
      continue;
    }
    records[type] = record;
    counts[type] = countsOf(record);
  }
  return {
    source: {
      path: SOURCE_RELATIVE_PATH,
      origin: SOURCE_ORIGIN,
      release: SOURCE_RELEASE,
      licence: 'Universal Permissive License (UPL) 1.0, see LICENSE.txt',
      sha256: sha256(sourceText),
      absent,
      counts,
    },
    records,
  };
}

/** The vendored file's text: 2-space JSON and a final newline. */
export function vendoredText(doc: VendoredRecordsJson): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Reads the full source and writes the vendored records.json and LICENSE.txt. */
export function main(root: string = repoRoot()): number {
  const from = sharedSourceDir(root);
  const to = vendoredDir(root);
  const sourceFile = path.join(from, 'records.json');
  if (!fs.existsSync(sourceFile)) {
    console.error(
      `vendor:records: ${sourceFile} is missing; the full records.json lives in ../shared/reference/netsuite-records/.`,
    );
    return 1;
  }
  const doc = vendorRecords(fs.readFileSync(sourceFile, 'utf8'));
  fs.mkdirSync(to, { recursive: true });
  fs.writeFileSync(path.join(to, 'records.json'), vendoredText(doc));
  fs.writeFileSync(path.join(to, 'LICENSE.txt'), fs.readFileSync(path.join(from, 'LICENSE.txt')));
  console.log(
    `vendor:records: ${Object.keys(doc.records).length} record types written to ${path.relative(root, to)}/records.json` +
      (doc.source.absent.length ? ` (not in the source: ${doc.source.absent.join(', ')})` : ''),
  );
  return 0;
}

if (require.main === module) process.exitCode = main();
