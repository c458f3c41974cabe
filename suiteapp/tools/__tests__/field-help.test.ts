/**
 * Every custom field the SuiteApp installs explains itself (issue #21 item 4): each field object under
 * suiteapp/src/Objects/ — shop, sync log, order inbox, outbox and other custom record fields,
 * transaction body and column fields, item fields — carries help text, which NetSuite shows when an
 * admin clicks the field's label, saying what the field does, its default and an example.
 *
 * The convention (README "Every field explains itself"): the help says what the field does, then has a
 * sentence starting `Default: ` (the value a new record gets or what empty means, e.g. "Default:
 * empty.", "Default: unchecked.", "Default: 3.") and a sentence starting `Example: ` (a value as the
 * admin would see or type it, or what a choice does). A field without them fails here, by file and id.
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

/** True when `help` has a sentence starting `<word>: ` followed by a value. */
function hasSentence(help: string, word: 'Default' | 'Example'): boolean {
  return new RegExp(`(^|[.!?):;]\\s)${word}: [^\\s.]`).test(help);
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

  it('gives every field a "Default: " and an "Example: " sentence', () => {
    const missing = fields.flatMap((f) =>
      [
        ['Default', hasSentence(f.help, 'Default')],
        ['Example', hasSentence(f.help, 'Example')],
      ]
        .filter(([, found]) => !found)
        .map(
          ([word]) =>
            `${f.file}: ${f.scriptId} help has no "${String(word)}: ..." sentence. Fix: add one, e.g. "Default: empty." / "Example: 576461413038785752.".`,
        ),
    );
    expect(missing).toEqual([]);
  });

  it('recognises the sentences only where they start a sentence and say something', () => {
    expect(hasSentence('Does X. Default: empty. Example: 3.', 'Default')).toBe(true);
    expect(hasSentence('Default: off.', 'Default')).toBe(true);
    expect(hasSentence('Does X (default: empty).', 'Default')).toBe(false);
    expect(hasSentence('Does X. Default off.', 'Default')).toBe(false);
    expect(hasSentence('Does X. Example: .', 'Example')).toBe(false);
    expect(hasSentence('Does X, for example 3.', 'Example')).toBe(false);
  });
});
