/**
 * `npm run vendor:sdf-schema`: copies, from the shared reference `../shared/reference/sdf-object-schema.json`
 * (read whole), every SDF object type the project uses or may use, each type whole, with every enum
 * those types reference, into `suiteapp/reference/sdf-object-schema.json`, which the offline SDF
 * validator checks `suiteapp/src/Objects/` against. The copy records the source's path and SHA-256
 * so a test can prove the committed file is exactly what this script makes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SdfObjectDefinitions, SdfSchema } from './sdf-schema';
import {
  BUILTIN_STRING_LIST,
  VENDORED_SDF_SCHEMA,
  parseSdfSchema,
  referencedDefinitions,
  referencedEnums,
} from './sdf-schema';

/** The shared source, relative to the repository root. */
export const SDF_SCHEMA_SOURCE = path.posix.join('..', 'shared', 'reference', 'sdf-object-schema.json');

/**
 * The object types the project uses (custom records, lists, fields, the six script types) or may
 * use (client scripts, saved searches, roles), in the order they are written.
 */
export const VENDORED_OBJECT_TYPES = [
  'customrecordtype',
  'customlist',
  'transactionbodycustomfield',
  'transactioncolumncustomfield',
  'itemcustomfield',
  'entitycustomfield',
  'restlet',
  'scheduledscript',
  'mapreducescript',
  'suitelet',
  'usereventscript',
  'clientscript',
  'savedsearch',
  'role',
] as const;

/** The source lacks something the project needs; the message names it. */
export class SdfSchemaVendorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SdfSchemaVendorError';
  }
}

function sortedKeys<T>(record: Record<string, T>, keys: readonly string[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of keys) {
    const value = record[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * The vendored schema made from the whole source text: the wanted types whole, the enums they
 * reference, `_about`, and where it came from. Throws SdfSchemaVendorError when the source lacks a
 * wanted type, an enum or a nested definition one of them refers to.
 */
export function vendorSdfSchema(
  sourceText: string,
  sourcePath: string = SDF_SCHEMA_SOURCE,
  objectTypes: readonly string[] = VENDORED_OBJECT_TYPES,
): SdfSchema {
  let source: SdfSchema;
  try {
    source = parseSdfSchema(sourceText, sourcePath);
  } catch (error) {
    throw new SdfSchemaVendorError((error as Error).message);
  }
  const objects: Record<string, SdfObjectDefinitions> = {};
  for (const type of objectTypes) {
    const definitions = source.objects[type];
    if (definitions === undefined) {
      throw new SdfSchemaVendorError(
        `${sourcePath} has no object type "${type}" (it has ${Object.keys(source.objects).sort().join(', ')})`,
      );
    }
    for (const name of referencedDefinitions(definitions)) {
      if (name !== BUILTIN_STRING_LIST && definitions[name] === undefined) {
        throw new SdfSchemaVendorError(
          `${sourcePath}: "${type}" refers to "${name}", which it does not define`,
        );
      }
    }
    objects[type] = definitions;
  }
  const enumNames = [...new Set(Object.values(objects).flatMap(referencedEnums))].sort();
  const missing = enumNames.filter((name) => source.enums[name] === undefined);
  if (missing.length > 0) {
    throw new SdfSchemaVendorError(`${sourcePath} lacks the enums ${missing.join(', ')}`);
  }
  return {
    _about: source._about,
    source: {
      path: sourcePath,
      sha256: createHash('sha256').update(sourceText, 'utf8').digest('hex'),
      objectTypes: [...objectTypes],
    },
    enums: sortedKeys(source.enums, enumNames),
    objects,
  };
}

/**
 * The file text: JSON formatted by the repository's Prettier with the settings that apply to
 * `targetFile`, so `npm run format:check` accepts it as written. Prettier runs as its own CLI:
 * its API loads ES modules, which Jest's CommonJS runtime cannot.
 */
export function renderVendoredSdfSchema(schema: SdfSchema, targetFile: string): string {
  return execFileSync(
    process.execPath,
    [require.resolve('prettier/bin/prettier.cjs'), '--stdin-filepath', targetFile],
    { input: JSON.stringify(schema, null, 2), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}

/** Reads the source beside `repoRoot`, writes the vendored file; returns the process exit code. */
export function main(repoRoot: string = process.cwd()): number {
  const sourceFile = path.resolve(repoRoot, SDF_SCHEMA_SOURCE);
  const targetFile = path.resolve(repoRoot, VENDORED_SDF_SCHEMA);
  if (!fs.existsSync(sourceFile)) {
    console.error(
      `vendor:sdf-schema: ${sourceFile} does not exist. It is the shared SDF schema reference ` +
        `(${SDF_SCHEMA_SOURCE} beside the repository); check it out there and run npm run vendor:sdf-schema again.`,
    );
    return 1;
  }
  try {
    const schema = vendorSdfSchema(fs.readFileSync(sourceFile, 'utf8'));
    fs.mkdirSync(path.dirname(targetFile), { recursive: true });
    fs.writeFileSync(targetFile, renderVendoredSdfSchema(schema, targetFile));
    const objectCount = Object.keys(schema.objects).length;
    const enumCount = Object.keys(schema.enums).length;
    console.log(
      `vendor:sdf-schema: wrote ${VENDORED_SDF_SCHEMA} (${objectCount} object types, ${enumCount} enums)`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof SdfSchemaVendorError)) throw error;
    console.error(`vendor:sdf-schema: ${error.message}`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main();
