/**
 * Where an import in a SuiteApp source file points, and what the build does with it. NetSuite only
 * loads its own `N/*` modules and the files we deploy, so every other target is refused.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type ImportTarget =
  | { kind: 'netsuite' }
  /** A file under `suiteapp/ts`: emitted next to the importer, the specifier stays as written. */
  | { kind: 'local'; file: string }
  /** A file under `shared-types/src`: emitted to `<outDir>/shared/`, the specifier is rewritten. */
  | { kind: 'shared'; file: string }
  | { kind: 'refused'; reason: string; fix: string };

export interface SuiteAppLayout {
  /** `suiteapp/ts`: the SuiteApp sources. */
  sourceDir: string;
  /** `shared-types/src`: pure modules shared with the bridge. */
  sharedDir: string;
  /** `suiteapp/src/FileCabinet/SuiteApps/<appid>`: where the build writes. */
  outDir: string;
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function resolveTypeScriptFile(base: string): string | undefined {
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
}

/** Classifies the module specifier `specifier` written in `importer` (an absolute path). */
export function resolveImport(specifier: string, importer: string, layout: SuiteAppLayout): ImportTarget {
  if (specifier === 'N' || specifier.startsWith('N/')) return { kind: 'netsuite' };
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) {
    return {
      kind: 'refused',
      reason: `"${specifier}" is not an N/ module or a relative path, and NetSuite can only load N/ modules and the files we deploy`,
      fix: 'import an N/ module, or a relative path into suiteapp/ts or shared-types/src',
    };
  }
  const file = resolveTypeScriptFile(path.resolve(path.dirname(importer), specifier));
  if (file === undefined) {
    return {
      kind: 'refused',
      reason: `"${specifier}" does not resolve to a .ts file`,
      fix: 'correct the path (without extension) to an existing .ts file',
    };
  }
  if (isInside(layout.sourceDir, file)) return { kind: 'local', file };
  if (isInside(layout.sharedDir, file)) return { kind: 'shared', file };
  return {
    kind: 'refused',
    reason: `"${specifier}" points outside suiteapp/ts and shared-types/src, so it would not be deployed`,
    fix: 'move the code into suiteapp/ts or shared-types/src, or import it from there',
  };
}

/** Output path (`.js`) of a source file: same relative path under outDir, shared files under `shared/`. */
export function outputPathOf(file: string, layout: SuiteAppLayout): string {
  const [base, relative] = isInside(layout.sharedDir, file)
    ? [path.join(layout.outDir, 'shared'), path.relative(layout.sharedDir, file)]
    : [layout.outDir, path.relative(layout.sourceDir, file)];
  return path.join(base, relative.replace(/\.ts$/, '.js'));
}

/** The AMD specifier (relative, `/` separators, no extension) from one emitted file to another. */
export function relativeSpecifier(fromOutput: string, toOutput: string): string {
  const relative = path
    .relative(path.dirname(fromOutput), toOutput)
    .split(path.sep)
    .join('/')
    .replace(/\.js$/, '');
  return relative.startsWith('.') ? relative : `./${relative}`;
}
