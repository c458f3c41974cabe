import type { SdfIssue } from '../sdf-issue';
import { checkObjectsAgainstSchema } from '../sdf-check-schema';
import { parseSdfProject } from '../sdf-project';
import type { SdfSchema } from '../sdf-schema';
import { loadVendoredSdfSchema } from '../sdf-schema';
import { parseXmlDocument } from '../sdf-xml';
import { PROJECT_ROOT } from './sdf-fixtures';

/** A small schema in the vendored file's shape: one record type with a nested, repeated field. */
const SCHEMA: SdfSchema = {
  _about: 'test schema',
  enums: {
    displaytype: ['HIDDEN', 'LOCKED', 'NORMAL', 'SHOWASLIST', 'STATICTEXT'],
    big: Array.from({ length: 50 }, (_, i) => `VALUE${i}`),
  },
  objects: {
    thing: {
      thing: {
        scriptid: { type: 'service_id', attribute: true, required: true, regex: '^customthing[0-9a-z_]+' },
        name: { type: 'string', required: true, maxLength: 10 },
        active: { type: 'boolean', default: 'T' },
        size: { type: 'number' },
        kind: { type: { enum: 'big' } },
        parts: { type: { object: 'thing_parts' } },
        tags: { type: { object: 'thing_tags' } },
        filters: { type: { object: 'thing_filters' } },
      },
      thing_parts: { part: { type: { list: 'thing_parts_part' } } },
      thing_parts_part: {
        scriptid: { type: 'service_id', attribute: true, required: true },
        label: { type: 'string', required: true },
        displaytype: { type: { enum: 'displaytype' }, default: 'NORMAL' },
      },
      thing_tags: { tag: { type: { list: 'BuiltinTypes.STRING' }, required: true } },
      thing_filters: {},
    },
  },
};

function check(xml: string, schema: SdfSchema = SCHEMA): { errors: SdfIssue[]; warnings: SdfIssue[] } {
  const element = parseXmlDocument(xml, 'Objects/x.xml');
  const errors: SdfIssue[] = [];
  const warnings: SdfIssue[] = [];
  checkObjectsAgainstSchema(
    [{ file: 'Objects/x.xml', type: element.name, scriptid: element.attributes['scriptid'] ?? '', element }],
    schema,
    { error: (issue) => errors.push(issue), warning: (issue) => warnings.push(issue) },
  );
  return { errors, warnings };
}

const PART = '<part scriptid="custpart_a"><label>A</label><displaytype>NORMAL</displaytype></part>';

function thing(inner: string, attributes = 'scriptid="customthing_x"'): string {
  return `<thing ${attributes}><name>Thing</name>${inner}</thing>`;
}

describe('checkObjectsAgainstSchema', () => {
  test('passes an object that follows the schema, repeated list items and string lists included', () => {
    const xml = thing(
      `<active>T</active><size>3</size><kind>VALUE7</kind><parts>${PART}${PART.replace('custpart_a', 'custpart_b')}</parts>` +
        '<tags><tag>red</tag><tag>blue</tag></tags><filters></filters>',
    );
    expect(check(xml)).toEqual({ errors: [], warnings: [] });
  });

  test('an enum value outside the list names the file, the element path, the allowed values and the fix', () => {
    const xml = thing(`<parts>${PART.replace('NORMAL', 'INLINE')}</parts>`);
    expect(check(xml).errors).toEqual([
      {
        file: 'Objects/x.xml',
        id: 'custpart_a',
        message:
          'thing[customthing_x]/parts/part[custpart_a]/displaytype: <displaytype> is "INLINE", which is not a value of displaytype (HIDDEN, LOCKED, NORMAL, SHOWASLIST, STATICTEXT); SDF validation fails on it',
        fix: 'write one of HIDDEN, LOCKED, NORMAL, SHOWASLIST, STATICTEXT',
      },
    ]);
  });

  test('a long enum is not listed whole; the closest values are', () => {
    const [issue] = check(thing('<kind>VALUE77</kind>')).errors;
    expect(issue?.fix).toBe(
      'write one of the 50 values of big in suiteapp/reference/sdf-object-schema.json (closest: VALUE7, VALUE17, VALUE27)',
    );
  });

  test('an unknown element at any depth is an error that says SDF would only warn, with the elements allowed there', () => {
    const xml = thing(`<parts><part scriptid="custpart_a"><label>A</label><title>T</title></part></parts>`);
    expect(check(xml).errors).toEqual([
      {
        file: 'Objects/x.xml',
        id: 'custpart_a',
        message:
          "thing[customthing_x]/parts/part[custpart_a]/title: <title> is not an element of <part> in a thing in SDF's schema; SDF would only warn and ignore it, so what it was meant to set would never happen (the validator refuses it)",
        fix: 'remove <title>; the elements of <part> are displaytype, label',
      },
    ]);
  });

  test('an unknown element close to a known one suggests it', () => {
    const [issue] = check(thing('<activ>T</activ>')).errors;
    expect(issue?.fix).toMatch(/^remove <activ> or use <active>;/);
  });

  test('an element inside a definition the schema leaves empty is refused, saying the schema lists nothing there', () => {
    const [issue] = check(thing('<filters><filter>x</filter></filters>')).errors;
    expect(issue?.fix).toBe(
      'remove <filter>; suiteapp/reference/sdf-object-schema.json lists no elements inside <filters>',
    );
  });

  test('a missing required element or attribute, and an empty required value, are errors naming what to add', () => {
    expect(
      check('<thing><parts><part scriptid="custpart_a"></part></parts><tags></tags></thing>').errors,
    ).toEqual([
      expect.objectContaining({
        id: 'thing',
        message: 'thing: <thing> has no scriptid attribute, which SDF requires',
        fix: 'add scriptid="..." to <thing> (matching ^customthing[0-9a-z_]+)',
      }),
      expect.objectContaining({
        id: 'custpart_a',
        message: 'thing/parts/part[custpart_a]: <part> has no <label>, which SDF requires',
        fix: 'add <label> (a value)',
      }),
      expect.objectContaining({
        message: 'thing/tags: <tags> has no <tag>, which SDF requires',
      }),
      expect.objectContaining({
        message: 'thing: <thing> has no <name>, which SDF requires',
      }),
    ]);
    expect(check('<thing scriptid="customthing_x"><name></name></thing>').errors).toEqual([
      expect.objectContaining({
        message: 'thing[customthing_x]/name: <name> is empty, and SDF requires a value',
      }),
    ]);
  });

  test('booleans must be T or F, numbers numbers; lengths and id patterns are checked', () => {
    const messages = check(
      thing('<active>Y</active><size>three</size>', 'scriptid="custthing_x"').replace(
        '<name>Thing</name>',
        '<name>A very long name</name>',
      ),
    ).errors.map((issue) => issue.message);
    expect(messages).toEqual([
      'thing[custthing_x]: the scriptid attribute "custthing_x" does not match ^customthing[0-9a-z_]+',
      'thing[custthing_x]/name: <name> is 16 characters long; SDF allows 10',
      'thing[custthing_x]/active: <active> is "Y"; SDF booleans are T or F',
      'thing[custthing_x]/size: <size> is "three", not a number',
    ]);
  });

  test('an element that repeats where SDF takes one, text where elements belong, elements where a value belongs', () => {
    const messages = check(
      thing('<active>T</active><active>F</active><parts>stray</parts><size><n>1</n></size>'),
    ).errors.map((issue) => issue.message);
    expect(messages).toEqual([
      'thing[customthing_x]/active: <active> appears more than once in <thing>; SDF takes one',
      'thing[customthing_x]/parts: <parts> holds the text "stray"; SDF expects only elements inside it',
      'thing[customthing_x]/size: <size> holds elements (<n>); SDF expects a value',
    ]);
  });

  test('an attribute the schema does not list is refused', () => {
    expect(check(thing('', 'scriptid="customthing_x" colour="red"')).errors).toEqual([
      expect.objectContaining({
        message:
          'thing[customthing_x]: <thing> has the attribute colour="red", which SDF\'s schema does not list; SDF would ignore it',
      }),
    ]);
  });

  test('an object type the schema does not hold is an error', () => {
    expect(check('<workflow scriptid="customworkflow_x"/>').errors).toEqual([
      expect.objectContaining({
        id: 'customworkflow_x',
        message:
          'workflow[customworkflow_x]: object type <workflow> is not in the vendored SDF schema (thing), so nothing in it can be checked',
      }),
    ]);
  });
});

describe('suiteapp/src/Objects against the vendored SDF schema', () => {
  const schema = loadVendoredSdfSchema();
  const { objectFiles } = parseSdfProject(PROJECT_ROOT);

  test.each(objectFiles.map((object) => [object.file, object] as const))(
    '%s follows the schema',
    (_file, object) => {
      const errors: SdfIssue[] = [];
      checkObjectsAgainstSchema([object], schema, {
        error: (issue) => errors.push(issue),
        warning: (issue) => errors.push(issue),
      });
      expect(errors).toEqual([]);
    },
  );
});
