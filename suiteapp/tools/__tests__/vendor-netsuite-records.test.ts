import * as fs from 'node:fs';
import * as path from 'node:path';
import type { VendoredRecordsJson } from '../netsuite-catalogue-files';
import { repoRoot, sharedSourceDir, vendoredDir } from '../netsuite-catalogue-files';
import {
  VENDORED_RECORD_TYPES,
  countsOf,
  sha256,
  vendorRecords,
  vendoredText,
} from '../vendor-netsuite-records';

/** The vendored copy of Oracle's records data: produced by the script, whole, with its licence. */
const root = repoRoot();
const dir = vendoredDir(root);
const vendoredFile = path.join(dir, 'records.json');
const vendored = JSON.parse(fs.readFileSync(vendoredFile, 'utf8')) as VendoredRecordsJson;

describe('vendored NetSuite records (suiteapp/reference/netsuite-records)', () => {
  it('is exactly what vendor:records writes from ../shared (or, without ../shared, keeps the source checksum)', () => {
    const sourceFile = path.join(sharedSourceDir(root), 'records.json');
    if (fs.existsSync(sourceFile)) {
      const sourceText = fs.readFileSync(sourceFile, 'utf8');
      expect(fs.readFileSync(vendoredFile, 'utf8')).toBe(vendoredText(vendorRecords(sourceText)));
    } else {
      expect(vendored.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('holds every listed type whole: the counts recorded at vendoring time match the data', () => {
    const present = Object.keys(vendored.records).sort();
    expect(present).toEqual(VENDORED_RECORD_TYPES.filter((t) => !vendored.source.absent.includes(t)).sort());
    expect(Object.keys(vendored.source.counts).sort()).toEqual(present);
    for (const type of present)
      expect({ type, ...countsOf(vendored.records[type]!) }).toEqual({
        type,
        ...vendored.source.counts[type],
      });
    expect(vendored.source.counts.salesorder).toMatchObject({ fields: 173, sublists: 7, transformTypes: 6 });
    expect(vendored.source.counts.transaction!.searchColumns).toBeGreaterThan(300);
  });

  it('records the release, origin and the types Oracle does not describe', () => {
    expect(vendored.source).toMatchObject({
      release: '26.1',
      path: '../shared/reference/netsuite-records/records.json',
    });
    expect(vendored.source.origin).toContain('oracle/netsuite-suitecloud-sdk');
    expect(vendored.source.absent).toEqual(expect.arrayContaining(['inventoryitem', 'shipitem']));
  });

  it('ships the licence notice and a README beside the data', () => {
    expect(fs.readFileSync(path.join(dir, 'LICENSE.txt'), 'utf8')).toContain(
      'Universal Permissive License (UPL), Version 1.0',
    );
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('npm run vendor:records');
    expect(readme).toContain('UPL');
  });

  it('vendorRecords never trims a type and lists the ones the source lacks', () => {
    const source = {
      records: {
        salesorder: {
          internalId: 'salesorder',
          fields: [{ internalId: 'memo', type: 'text', label: 'Memo' }],
          sublists: [],
        },
        extra: { internalId: 'extra', fields: [], sublists: [] },
      },
    };
    const text = JSON.stringify(source);
    const doc = vendorRecords(text, ['salesorder', 'nosuchtype']);
    expect(doc.records).toEqual({ salesorder: source.records.salesorder });
    expect(doc.source.absent).toEqual(['nosuchtype']);
    expect(doc.source.sha256).toBe(sha256(text));
    expect(doc.source.counts.salesorder).toMatchObject({ fields: 1, sublists: 0 });
  });
});
