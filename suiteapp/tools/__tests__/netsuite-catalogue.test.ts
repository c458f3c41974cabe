import type { RecordsJson } from '../netsuite-catalogue-files';
import type { Supplement, SupplementEntry } from '../netsuite-catalogue';
import { buildNetSuiteCatalogue, loadNetSuiteCatalogue, readCatalogueFiles } from '../netsuite-catalogue';
import { supplementProblems } from '../netsuite-catalogue-supplement';

/** The catalogue loader: vendored records.json + supplement.json, per account profile. */
const catalogue = loadNetSuiteCatalogue();
const files = readCatalogueFiles();

function withEntry(entry: unknown): Supplement {
  return { ...files.supplement, entries: [...files.supplement.entries, entry as SupplementEntry] };
}

const PHP_SOURCE = { repo: 'netsuitephp/netsuite-php', path: 'src/Classes/SalesOrder.php', says: 'a field' };

describe('supplement.json', () => {
  it('has a profile and sources for every entry', () => {
    expect(supplementProblems(files.supplement)).toEqual([]);
    for (const e of files.supplement.entries) expect(e.sources.length).toBeGreaterThan(0);
  });

  const planted = {
    id: 'planted',
    recordType: 'salesorder',
    adds: 'bodyFields',
    fields: [{ internalId: 'x1', type: 'text', label: 'X' }],
  };

  it.each([
    ['no sources', { ...planted, profile: 'all' }, 'cites no sources'],
    ['an empty source list', { ...planted, profile: 'all', sources: [] }, 'cites no sources'],
    ['no profile', { ...planted, sources: [PHP_SOURCE] }, 'names no profile'],
    ['an unknown profile', { ...planted, profile: 'uk', sources: [PHP_SOURCE] }, 'unknown profile "uk"'],
    [
      'only the vendored data as evidence',
      { ...planted, profile: 'all', sources: [{ vendored: 'records.json', says: 'x' }] },
      'alone is not a source',
    ],
    [
      'a source that says nothing',
      { ...planted, profile: 'all', sources: [{ url: 'https://docs.oracle.com/x' }] },
      'must say what it shows',
    ],
    [
      'a source that is not a URL',
      { ...planted, profile: 'all', sources: [{ url: 'docs.oracle.com', says: 'x' }] },
      'not an https URL',
    ],
    ['code without a path', { ...planted, profile: 'all', sources: [{ repo: 'a/b', says: 'x' }] }, 'no path'],
  ])('refuses an entry with %s', (_name, entry, message) => {
    expect(supplementProblems(withEntry(entry)).join('\n')).toContain(message);
    expect(() => buildNetSuiteCatalogue(files.records, withEntry(entry))).toThrow(message);
  });

  it('refuses an entry that repeats what records.json already has', () => {
    const entry = {
      ...planted,
      id: 'dup',
      profile: 'all',
      sources: [PHP_SOURCE],
      fields: [{ internalId: 'memo', type: 'text', label: 'Memo' }],
    };
    expect(() => buildNetSuiteCatalogue(files.records, withEntry(entry))).toThrow(
      'supplement.json entry dup: salesorder body field memo is already in records.json',
    );
  });
});

describe('NetSuiteCatalogue', () => {
  it('answers record types, body fields and sublists from records.json', () => {
    expect(catalogue.hasRecordType('salesorder')).toBe(true);
    expect(catalogue.hasRecordType('SalesOrder')).toBe(true);
    expect(catalogue.hasRecordType('nosuchtype')).toBe(false);
    expect(catalogue.bodyField('salesorder', 'entity')).toMatchObject({
      type: 'select',
      label: 'Customer',
      required: true,
    });
    expect(catalogue.hasBodyField('salesorder', 'shippingcost')).toBe(true);
    expect(catalogue.hasBodyField('salesorder', 'shippingtax1amt')).toBe(false);
    expect(catalogue.hasBodyField('salesorder', 'statusref')).toBe(true);
    expect(catalogue.hasSublist('salesorder', 'item')).toBe(true);
    expect(catalogue.hasSublist('salesorder', 'nosuchsublist')).toBe(false);
    expect(catalogue.hasSublistField('salesorder', 'item', 'quantity')).toBe(true);
    expect(catalogue.sourceOf(catalogue.bodyField('salesorder', 'entity')?.origin)).toBe(
      'suiteapp/reference/netsuite-records/records.json',
    );
  });

  it('does not know custom ids (they come from the SDF Objects)', () => {
    expect(catalogue.hasBodyField('salesorder', 'custbody_tts_shop')).toBe(false);
    expect(catalogue.hasRecordType('customrecord_tts_shop')).toBe(false);
  });

  it("resolves search columns and filters through the record type's search type", () => {
    expect(catalogue.searchTypeOf('salesorder')).toBe('transaction');
    expect(catalogue.searchTypeOf('customer')).toBe('customer');
    expect(catalogue.hasSearchColumn('salesorder', 'shippingamount')).toBe(true);
    expect(catalogue.hasSearchColumn('salesorder', 'taxtotal')).toBe(true);
    expect(catalogue.hasSearchColumn('salesorder', 'subtotal')).toBe(false);
    expect(catalogue.hasSearchColumn('salesorder', 'shippingcost')).toBe(false);
    expect(catalogue.hasSearchFilter('salesorder', 'mainline')).toBe(true);
    expect(catalogue.hasSearchFilter('customer', 'nosuchfilter')).toBe(false);
  });

  it('accepts joined columns only through a join it knows', () => {
    expect(catalogue.searchJoin('salesorder', 'customer')?.recordType).toBe('customer');
    expect(catalogue.hasSearchColumn('salesorder', 'customer.email')).toBe(true);
    expect(catalogue.hasSearchColumn('salesorder', 'email', 'customer')).toBe(true);
    expect(catalogue.hasSearchColumn('salesorder', 'customer.nosuchcolumn')).toBe(false);
    expect(catalogue.hasSearchColumn('salesorder', 'nosuchjoin.email')).toBe(false);
    expect(catalogue.hasSearchFilter('salesorder', 'customer.email')).toBe(true);
  });

  it('fills the gaps of records.json from the supplement, citing the entry', () => {
    expect(catalogue.searchTypeOf('itemfulfillment')).toBe('transaction');
    expect(catalogue.hasSearchColumn('salesorder', 'status')).toBe(true);
    for (const sublist of ['item', 'package', 'packageups', 'packagefedex', 'packageusps']) {
      expect(catalogue.hasSublist('itemfulfillment', sublist)).toBe(true);
    }
    expect(catalogue.hasSublistField('itemfulfillment', 'package', 'packagetrackingnumber')).toBe(true);
    expect(catalogue.hasRecordType('inventoryitem')).toBe(true);
    expect(catalogue.hasSublistField('inventoryitem', 'locations', 'quantityonhand')).toBe(true);
    expect(catalogue.sourceOf(catalogue.sublist('itemfulfillment', 'package')?.origin)).toContain(
      'supplement.json entry itemfulfillment-package-sublist (profile all; netsuitephp/netsuite-php',
    );
  });

  it('lists transform targets from records.json and the supplement', () => {
    expect(catalogue.transformTargets('salesorder')).toEqual(
      expect.arrayContaining(['itemfulfillment', 'invoice', 'cashsale', 'returnauthorization']),
    );
    expect(catalogue.hasTransform('salesorder', 'creditmemo')).toBe(false);
    expect(catalogue.transformTargets('invoice')).toEqual(['creditmemo', 'returnauthorization']);
    expect(catalogue.transformTargets('customer')).toEqual([]);
  });

  it('applies profile-specific entries only for their profile', () => {
    expect(catalogue.profiles).toEqual(['multi-location', 'us-legacy-tax']);
    expect(catalogue.hasSublistField('salesorder', 'item', 'location')).toBe(true);
    expect(catalogue.hasSublistField('salesorder', 'item', 'tax1amt')).toBe(false);
    const vat = loadNetSuiteCatalogue({ profiles: ['non-us-legacy-tax'] });
    expect(vat.hasSublistField('salesorder', 'item', 'tax1amt')).toBe(true);
    expect(vat.hasSublistField('salesorder', 'item', 'location')).toBe(false);
    expect(() => loadNetSuiteCatalogue({ profiles: ['uk' as never] })).toThrow(
      'Unknown account profile(s) uk',
    );
  });

  it('treats upper-case column types in records.json as joins, not columns', () => {
    const records: RecordsJson = {
      records: {
        thing: {
          internalId: 'thing',
          fields: [],
          sublists: [],
          searchColumns: [
            { internalId: 'name', type: 'text', label: 'Name' },
            { internalId: 'workflow', type: 'Workflow', label: '' },
          ],
        },
      },
    };
    const c = buildNetSuiteCatalogue(records, { ...files.supplement, entries: [] });
    expect(c.hasSearchColumn('thing', 'name')).toBe(true);
    expect(c.hasSearchColumn('thing', 'workflow')).toBe(false);
    expect(c.searchJoin('thing', 'workflow')?.label).toBe('Workflow');
  });

  it('is cached per profile set', () => {
    expect(loadNetSuiteCatalogue()).toBe(catalogue);
    expect(loadNetSuiteCatalogue({ profiles: ['us-legacy-tax', 'multi-location'] })).toBe(catalogue);
  });
});
