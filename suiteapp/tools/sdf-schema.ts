/**
 * The SDF object schema as data: for each SDF object type, its XML elements (value type, required,
 * maximum length, id pattern), and every enum's allowed values. The project keeps the types it uses
 * in `suiteapp/reference/sdf-object-schema.json` (vendored from the shared reference by
 * vendor-sdf-schema.ts); this module describes that file's shape and loads it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where the vendored schema lives, relative to the repository root. */
export const VENDORED_SDF_SCHEMA = path.posix.join('suiteapp', 'reference', 'sdf-object-schema.json');

/**
 * A value type: a scalar name (`string`, `boolean`, `number`, `service_id`), or a reference to an
 * enum, to a nested element definition (`object`: one child element holding others), or to the
 * definition of a repeated element (`list`: each occurrence is one item).
 */
export type SdfValueType =
  'string' | 'boolean' | 'number' | 'service_id' | { enum: string } | { object: string } | { list: string };

/** One element (or, with `attribute`, one XML attribute) of an SDF object. */
export interface SdfElementSpec {
  type: SdfValueType;
  required?: boolean;
  attribute?: boolean;
  maxLength?: number;
  regex?: string;
  default?: string;
  /** What the published catalogue says the element refers to (informational). */
  references?: string;
  /** The catalogue's own type name before it was simplified (informational). */
  originally?: string;
}

/** Element definitions by name: `customrecordtype`, `customrecordtype_customrecordcustomfields`, ... */
export type SdfObjectDefinitions = Record<string, Record<string, SdfElementSpec>>;

export interface SdfSchema {
  _about: string;
  /** Where the vendored copy came from (absent in the shared source itself). */
  source?: { path: string; sha256: string; objectTypes: string[] };
  /** Allowed values of each enum. */
  enums: Record<string, string[]>;
  /** By object type (the root element name): that type's element definitions. */
  objects: Record<string, SdfObjectDefinitions>;
}

/** A `list` of plain text items: the catalogue's name for a list whose items are strings. */
export const BUILTIN_STRING_LIST = 'BuiltinTypes.STRING';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the top-level shape (the rest is checked by the consistency test); throws naming what is wrong. */
export function parseSdfSchema(text: string, file: string): SdfSchema {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  if (!isRecord(data)) throw new Error(`${file} does not hold a JSON object`);
  if (typeof data['_about'] !== 'string') throw new Error(`${file} has no "_about" text`);
  if (!isRecord(data['enums'])) throw new Error(`${file} has no "enums" object`);
  if (!isRecord(data['objects'])) throw new Error(`${file} has no "objects" object`);
  return data as unknown as SdfSchema;
}

/** The folder above `start` (or `start` itself) that holds `relative`; undefined when none does. */
export function findUpwards(start: string, relative: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, relative))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads the vendored schema of this repository (found from this module's folder, source or compiled). */
export function loadVendoredSdfSchema(): SdfSchema {
  const root = findUpwards(__dirname, VENDORED_SDF_SCHEMA);
  if (root === undefined) {
    throw new Error(`${VENDORED_SDF_SCHEMA} is missing; run npm run vendor:sdf-schema to create it`);
  }
  const file = path.join(root, VENDORED_SDF_SCHEMA);
  return parseSdfSchema(fs.readFileSync(file, 'utf8'), file);
}

/** Every enum name an element definition refers to. */
export function referencedEnums(definitions: SdfObjectDefinitions): string[] {
  const names = new Set<string>();
  for (const elements of Object.values(definitions)) {
    for (const spec of Object.values(elements)) {
      if (typeof spec.type === 'object' && 'enum' in spec.type) names.add(spec.type.enum);
    }
  }
  return [...names].sort();
}

/** Every nested definition name (`object` or `list`) an object type refers to. */
export function referencedDefinitions(definitions: SdfObjectDefinitions): string[] {
  const names = new Set<string>();
  for (const elements of Object.values(definitions)) {
    for (const spec of Object.values(elements)) {
      if (typeof spec.type !== 'object') continue;
      if ('object' in spec.type) names.add(spec.type.object);
      if ('list' in spec.type) names.add(spec.type.list);
    }
  }
  return [...names].sort();
}
