import * as path from 'node:path';
import { declareRecord } from '../../ts/lib/mappers/record-declaration';
import type { SchemaCheckContext } from '../mapper-schema-check';
import { checkRecordDeclaration, formatSchemaIssue, loadMapperModules } from '../mapper-schema-check';
import { loadNetSuiteCatalogue } from '../netsuite-catalogue';
import { loadSdfProject } from '../sdf-project';
import { PROJECT_ROOT } from './sdf-fixtures';

/**
 * The schema check of the SuiteApp's mappers (mapper-schema-check.ts): what each mapper declares
 * exists in NetSuite's records catalogue for the account profiles the SuiteApp supports (US legacy
 * tax, non-US legacy tax and SuiteTax, with Multi-Location Inventory: issue #10; the import writes
 * each tax engine's fields only in its accounts, order-tax-booking.ts) and in the SDF project's
 * Objects; and the check fails, naming record, id and fix, when a declaration names something
 * NetSuite does not have (the planted mistakes are checked against the US legacy-tax catalogue).
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const MAPPERS_DIR = path.join(REPO_ROOT, 'suiteapp', 'ts', 'lib', 'mappers');

const ctx: SchemaCheckContext = {
  catalogue: loadNetSuiteCatalogue(),
  project: loadSdfProject(PROJECT_ROOT),
};

/**
 * The account profiles the SuiteApp supports, one catalogue each (their supplements overlap, e.g.
 * the line `grossamt` of VAT and of SuiteTax accounts): an id must exist in at least one of them.
 */
const supported: SchemaCheckContext[] = (['us-legacy-tax', 'non-us-legacy-tax', 'suitetax'] as const).map(
  (tax) => ({
    catalogue: loadNetSuiteCatalogue({ profiles: [tax, 'multi-location'] }),
    project: ctx.project,
  }),
);

/** The issues every supported profile's catalogue reports (an id no supported account has). */
function issuesInEveryProfile(
  declaration: Parameters<typeof checkRecordDeclaration>[0],
  file: string,
): string[] {
  const [first, ...rest] = supported.map((context) =>
    checkRecordDeclaration(declaration, context).map((issue) => issue.id),
  );
  const everywhere = new Set(first.filter((id) => rest.every((ids) => ids.includes(id))));
  return checkRecordDeclaration(declaration, supported[0])
    .filter((issue) => everywhere.has(issue.id))
    .map((issue) => formatSchemaIssue(issue, file));
}

const modules = loadMapperModules(MAPPERS_DIR, REPO_ROOT);

describe("the SuiteApp's mappers", () => {
  it('are one per NetSuite record the SuiteApp touches, each declaring its record', () => {
    const declared = modules.flatMap((m) => m.declarations.map((d) => [d.recordType, m.file] as const));
    expect(modules.filter((m) => m.declarations.length === 0).map((m) => m.file)).toEqual([]);
    // A record may declare several SuiteQL tables (an item fulfillment's `transactionline` too), in its one module.
    const filesOf = (type: string) => new Set(declared.filter(([t]) => t === type).map(([, file]) => file));
    expect(declared.filter(([type]) => filesOf(type).size > 1)).toEqual([]);
    expect([...new Set(declared.map(([type]) => type))].sort()).toEqual(
      [
        'address',
        'cashrefund',
        'cashsale',
        'creditmemo',
        'currency',
        'customer',
        'customerrefund',
        'customrecord_tts_bridge_status',
        'customrecord_tts_cat_map',
        'customrecord_tts_log',
        'customrecord_tts_order',
        'customrecord_tts_outbox',
        'customrecord_tts_refund',
        'customrecord_tts_return',
        'customrecord_tts_shop',
        'customrecord_tts_warehouse',
        'inventoryitem',
        'invoice',
        'item',
        'itemfulfillment',
        'itemreceipt',
        'kititem',
        'location',
        'paymentmethod',
        'pricelevel',
        'pricing',
        'returnauthorization',
        'salesorder',
        'salestaxitem',
        'scriptdeployment',
      ].sort(),
    );
  });

  it.each(modules.flatMap((m) => m.declarations.map((d) => [d.recordType, m.file, d] as const)))(
    '%s (%s) declares only what NetSuite and the SDF objects have',
    (_type, file, declaration) => {
      const issues = issuesInEveryProfile(declaration, file);
      expect(issues).toEqual([]);
    },
  );
});

describe('the schema check fails on what NetSuite does not have', () => {
  /** A sales order mapper with three planted mistakes beside correct ids. */
  const planted = declareRecord({
    recordType: 'salesorder',
    body: { entity: 'entity', shippingTax: 'shippingtax1amt', tieOut: 'custbody_tts_tieout' },
    sublists: { item: { id: 'item', fields: { item: 'item', tax: 'tax1amt' } } },
    search: { columns: { total: 'total', subtotal: 'subtotal' } },
    transforms: { fulfillment: 'itemfulfillment', purchase: 'purchaseorder' },
    suiteql: { table: 'transaction', columns: { id: 'id', type: 'type' } },
  });
  const issues = checkRecordDeclaration(planted, ctx);
  const about = (id: string) => issues.filter((issue) => issue.id === id);

  it('reports exactly the planted mistakes', () => {
    expect(issues.map((issue) => issue.id).sort()).toEqual(
      ['item.tax1amt', 'shippingtax1amt', 'subtotal', '→ purchaseorder'].sort(),
    );
  });

  it('a search column that is not a column of the search type, naming the columns that exist', () => {
    const [issue] = about('subtotal');
    expect(formatSchemaIssue(issue)).toContain(
      'salesorder: search column `subtotal` is not a search column of transaction searches (what salesorder searches as)',
    );
    expect(issue.message).toContain('`total`');
    expect(issue.message).toContain('SSS_INVALID_SRCH_COL');
    expect(issue.fix).toContain('use a search column the catalogue lists for transaction');
  });

  it('a sublist field the account profile does not have (tax1amt: non-US legacy tax only)', () => {
    const [issue] = about('item.tax1amt');
    expect(issue.record).toBe('salesorder');
    expect(issue.message).toContain(
      'sublist field `tax1amt` is not a field of the salesorder item sublist in suiteapp/reference/netsuite-records/records.json (+ supplement.json) for profiles multi-location, us-legacy-tax',
    );
    expect(issue.fix).toContain('add a supplement entry (with the account profile it holds for)');
  });

  it('a body field the record does not have', () => {
    const [issue] = about('shippingtax1amt');
    expect(issue.message).toContain('body field `shippingtax1amt` is not a body field of salesorder');
    expect(issue.message).toContain('`shippingtax1rate`');
  });

  it('a transform NetSuite does not list, naming the ones it does', () => {
    const [issue] = about('→ purchaseorder');
    expect(formatSchemaIssue(issue)).toContain(
      'salesorder: record.transform from salesorder to `purchaseorder` is not a transform NetSuite lists for salesorder',
    );
    expect(issue.message).toContain('cashsale, customsale, invoice, itemfulfillment, returnauthorization');
    expect(issue.message).toContain('INVALID_RCRD_TRANSFRM');
    expect(issue.fix).toContain('transform into one of the listed record types');
  });

  it('a create default that is neither a body field nor a listed initialization default', () => {
    const refund = (createDefaults: Record<string, string>) =>
      declareRecord({ recordType: 'customerrefund', createDefaults });
    expect(checkRecordDeclaration(refund({ entity: 'entity', customer: 'customer' }), ctx)).toEqual([]);
    const [issue] = checkRecordDeclaration(refund({ invoice: 'invoices' }), ctx);
    expect(issue?.message).toContain('create default `invoices` is neither a body field of customerrefund');
  });

  it('a transaction may query its lines (transactionline) with its own columns and the line key', () => {
    const lines = (columns: Record<string, string>) =>
      declareRecord({ recordType: 'itemfulfillment', suiteql: { table: 'transactionline', columns } });
    expect(
      checkRecordDeclaration(
        lines({ transaction: 'transaction', mainline: 'mainline', createdFrom: 'createdfrom' }),
        ctx,
      ),
    ).toEqual([]);
    expect(checkRecordDeclaration(lines({ orderLine: 'orderlne' }), ctx).map((issue) => issue.id)).toEqual([
      'orderlne',
    ]);
    const notTransaction = declareRecord({
      recordType: 'customer',
      suiteql: { table: 'transactionline', columns: { id: 'id' } },
    });
    expect(checkRecordDeclaration(notTransaction, ctx).map((issue) => issue.id)).toEqual([
      'table transactionline',
    ]);
  });

  it('custom ids that are not in Objects, or not on that record', () => {
    const custom = declareRecord({
      recordType: 'customrecord_tts_order',
      body: { name: 'name', state: 'custrecord_tts_ord_state', typo: 'custrecord_tts_ord_stat' },
      suiteql: { table: 'customrecord_tts_order', columns: { shopName: 'custrecord_tts_shop_name' } },
    });
    const customIssues = checkRecordDeclaration(custom, ctx).map((issue) => formatSchemaIssue(issue));
    expect(customIssues).toEqual([
      expect.stringContaining(
        'customrecord_tts_order: body field `custrecord_tts_ord_stat` is not a field of custom record customrecord_tts_order in suiteapp/src/Objects/customrecord_tts_order.xml',
      ),
      expect.stringContaining(
        'SuiteQL column `custrecord_tts_shop_name` is not a field of custom record customrecord_tts_order',
      ),
    ]);
    expect(customIssues[0]).toContain(
      'Fix: add the field to suiteapp/src/Objects/customrecord_tts_order.xml',
    );
    const log = declareRecord({ recordType: 'customrecord_tts_log', body: { name: 'name' } });
    expect(checkRecordDeclaration(log, ctx).map((issue) => issue.message)).toEqual([
      expect.stringContaining('custom record customrecord_tts_log does not include the name field'),
    ]);
    const column = declareRecord({
      recordType: 'itemfulfillment',
      body: { orderId: 'custbody_tts_order_id', unknown: 'custbody_tts_nothing' },
    });
    expect(checkRecordDeclaration(column, ctx).map((issue) => issue.id)).toEqual([
      'custbody_tts_order_id',
      'custbody_tts_nothing',
    ]);
  });

  it('a record type NetSuite does not have', () => {
    const unknown = declareRecord({ recordType: 'salesorders', body: { entity: 'entity' } });
    expect(checkRecordDeclaration(unknown, ctx).map((issue) => formatSchemaIssue(issue))).toEqual([
      expect.stringContaining(
        'record type `salesorders` is not in suiteapp/reference/netsuite-records/records.json',
      ),
    ]);
  });
});
