import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSdfProject } from '../sdf-project';
import type { SdfSchema } from '../sdf-schema';
import {
  BUILTIN_STRING_LIST,
  VENDORED_SDF_SCHEMA,
  loadVendoredSdfSchema,
  referencedDefinitions,
  referencedEnums,
} from '../sdf-schema';
import {
  SDF_SCHEMA_SOURCE,
  SdfSchemaVendorError,
  VENDORED_OBJECT_TYPES,
  main,
  renderVendoredSdfSchema,
  vendorSdfSchema,
} from '../vendor-sdf-schema';
import { PROJECT_ROOT, REPO_ROOT, makeTempDir, removeTempDirs } from './sdf-fixtures';

afterAll(removeTempDirs);

const SOURCE_FILE = path.join(REPO_ROOT, SDF_SCHEMA_SOURCE);
const VENDORED_FILE = path.join(REPO_ROOT, VENDORED_SDF_SCHEMA);

/** A tiny source in the shared file's shape: two types, three enums (one unused). */
const SOURCE: SdfSchema = {
  _about: 'facts about SDF',
  enums: { colour: ['RED', 'BLUE'], size: ['S', 'M'], unused: ['X'] },
  objects: {
    widget: {
      widget: {
        scriptid: { type: 'service_id', attribute: true, required: true },
        colour: { type: { enum: 'colour' } },
        parts: { type: { object: 'widget_parts' } },
      },
      widget_parts: { part: { type: { list: 'widget_parts_part' } } },
      widget_parts_part: { size: { type: { enum: 'size' } }, tag: { type: { list: BUILTIN_STRING_LIST } } },
    },
    gadget: { gadget: { name: { type: 'string' } } },
  },
};

describe('suiteapp/reference/sdf-object-schema.json', () => {
  const committed = fs.readFileSync(VENDORED_FILE, 'utf8');
  const vendored = loadVendoredSdfSchema();

  test('is exactly what npm run vendor:sdf-schema makes from ../shared/reference/sdf-object-schema.json (checked when that file is present, as in CI)', () => {
    if (fs.existsSync(SOURCE_FILE)) {
      const made = vendorSdfSchema(fs.readFileSync(SOURCE_FILE, 'utf8'));
      expect(renderVendoredSdfSchema(made, VENDORED_FILE)).toBe(committed);
    } else {
      // Without the shared source only the recorded provenance can be checked.
      expect(vendored.source?.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  test('holds _about, where it came from, and every vendored object type', () => {
    expect(vendored._about).toMatch(/Unknown elements make SDF validation warn and ignore them/);
    expect(vendored.source).toEqual({
      path: SDF_SCHEMA_SOURCE,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      objectTypes: [...VENDORED_OBJECT_TYPES],
    });
    expect(Object.keys(vendored.objects)).toEqual([...VENDORED_OBJECT_TYPES]);
  });

  test('is self-consistent: every enum and nested definition an element refers to is in the file', () => {
    const missing: string[] = [];
    for (const [type, definitions] of Object.entries(vendored.objects)) {
      for (const name of referencedEnums(definitions)) {
        if (vendored.enums[name] === undefined) missing.push(`${type}: enum ${name}`);
      }
      for (const name of referencedDefinitions(definitions)) {
        if (name !== BUILTIN_STRING_LIST && definitions[name] === undefined) {
          missing.push(`${type}: definition ${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
    const used = new Set(Object.values(vendored.objects).flatMap(referencedEnums));
    expect(Object.keys(vendored.enums).filter((name) => !used.has(name))).toEqual([]);
  });

  test('covers every object type in suiteapp/src/Objects', () => {
    const types = [...new Set(parseSdfProject(PROJECT_ROOT).objectFiles.map((object) => object.type))];
    expect(types.filter((type) => vendored.objects[type] === undefined)).toEqual([]);
  });
});

describe('vendorSdfSchema', () => {
  const text = JSON.stringify(SOURCE);

  test('copies the wanted types whole with only the enums they reference, _about, and the source SHA-256', () => {
    expect(vendorSdfSchema(text, 'src.json', ['widget'])).toEqual({
      _about: 'facts about SDF',
      source: {
        path: 'src.json',
        sha256: createHash('sha256').update(text).digest('hex'),
        objectTypes: ['widget'],
      },
      enums: { colour: ['RED', 'BLUE'], size: ['S', 'M'] },
      objects: { widget: SOURCE.objects['widget'] },
    });
  });

  test('refuses a source without a wanted type, naming it and the types there are', () => {
    expect(() => vendorSdfSchema(text, 'src.json', ['widget', 'role'])).toThrow(
      new SdfSchemaVendorError('src.json has no object type "role" (it has gadget, widget)'),
    );
  });

  test('refuses a source that lacks an enum or a nested definition a wanted type refers to', () => {
    const noSize = JSON.stringify({ ...SOURCE, enums: { colour: ['RED'] } });
    expect(() => vendorSdfSchema(noSize, 'src.json', ['widget'])).toThrow('src.json lacks the enums size');
    const widget = { ...SOURCE.objects['widget'] };
    delete widget['widget_parts_part'];
    const noPart = JSON.stringify({ ...SOURCE, objects: { widget } });
    expect(() => vendorSdfSchema(noPart, 'src.json', ['widget'])).toThrow(
      'src.json: "widget" refers to "widget_parts_part", which it does not define',
    );
  });

  test('refuses a source that is not the schema', () => {
    expect(() => vendorSdfSchema('{"enums": {}}', 'src.json')).toThrow(SdfSchemaVendorError);
    expect(() => vendorSdfSchema('not json', 'src.json')).toThrow(/src\.json is not JSON/);
  });
});

describe('npm run vendor:sdf-schema', () => {
  let errors: string[];
  beforeEach(() => {
    errors = [];
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(args.join(' '));
    });
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  test('writes the vendored file from the source beside the repository', () => {
    const parent = makeTempDir('vendor-parent');
    const repo = path.join(parent, 'repo');
    fs.mkdirSync(path.join(parent, 'shared', 'reference'), { recursive: true });
    fs.mkdirSync(repo);
    const real = fs.existsSync(SOURCE_FILE) ? fs.readFileSync(SOURCE_FILE, 'utf8') : undefined;
    const text = real ?? JSON.stringify({ ...SOURCE, objects: fakeTypes() });
    fs.writeFileSync(path.join(parent, 'shared', 'reference', 'sdf-object-schema.json'), text);
    expect(main(repo)).toBe(0);
    const written = JSON.parse(fs.readFileSync(path.join(repo, VENDORED_SDF_SCHEMA), 'utf8')) as SdfSchema;
    expect(written).toEqual(vendorSdfSchema(text));
    expect(errors).toEqual([]);
  });

  test('without the source, fails saying where the source should be and writes nothing', () => {
    const repo = path.join(makeTempDir('vendor-missing'), 'repo');
    fs.mkdirSync(repo);
    expect(main(repo)).toBe(1);
    expect(errors).toEqual([
      `vendor:sdf-schema: ${path.resolve(repo, SDF_SCHEMA_SOURCE)} does not exist. It is the shared SDF schema reference (../shared/reference/sdf-object-schema.json beside the repository); check it out there and run npm run vendor:sdf-schema again.`,
    ]);
    expect(fs.existsSync(path.join(repo, VENDORED_SDF_SCHEMA))).toBe(false);
  });
});

/** Every vendored type as a minimal definition, for a source made up when the shared one is absent. */
function fakeTypes(): SdfSchema['objects'] {
  return Object.fromEntries(
    VENDORED_OBJECT_TYPES.map((type) => [type, { [type]: { name: { type: 'string' } } }]),
  );
}
