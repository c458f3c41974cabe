/**
 * Every custom field the SuiteApp installs explains itself (issue #21 item 4, first half): each field
 * object under suiteapp/src/Objects/ — shop, sync log, order inbox, outbox and other custom record
 * fields, transaction body and column fields, item fields — carries non-empty help text, which NetSuite
 * shows when an admin clicks the field's label. A field added without help fails here, by file and id.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const OBJECTS = path.resolve(__dirname, '..', '..', 'src', 'Objects');
const FIELD_TAGS = [
  'customrecordcustomfield',
  'transactionbodycustomfield',
  'transactioncolumncustomfield',
  'itemcustomfield',
  'entitycustomfield',
  'crmcustomfield',
  'othercustomfield',
];

interface FieldHelp {
  file: string;
  scriptId: string;
  help: string;
}

function fieldsOf(file: string): FieldHelp[] {
  const xml = fs.readFileSync(path.join(OBJECTS, file), 'utf8');
  const fields: FieldHelp[] = [];
  for (const tag of FIELD_TAGS) {
    const pattern = new RegExp(`<${tag} scriptid="([^"]+)">([\\s\\S]*?)</${tag}>`, 'g');
    for (const match of xml.matchAll(pattern)) {
      const help = /<help>([\s\S]*?)<\/help>/.exec(match[2] ?? '')?.[1] ?? '';
      fields.push({ file, scriptId: match[1] ?? '', help: help.trim() });
    }
  }
  return fields;
}

const fields = fs
  .readdirSync(OBJECTS)
  .filter((f) => f.endsWith('.xml'))
  .sort()
  .flatMap(fieldsOf);

describe('custom field help', () => {
  it('finds the fields of every kind the SuiteApp installs', () => {
    const prefixes = new Set(fields.map((f) => f.scriptId.split('_')[0]));
    expect([...prefixes].sort()).toEqual(['custbody', 'custcol', 'custitem', 'custrecord']);
    expect(fields.length).toBeGreaterThan(100);
  });

  it('gives every field help text', () => {
    const without = fields
      .filter((f) => f.help.length < 20)
      .map(
        (f) =>
          `${f.file}: ${f.scriptId} has no help text. Fix: add <help> saying what it does, its default and an example.`,
      );
    expect(without).toEqual([]);
  });
});
