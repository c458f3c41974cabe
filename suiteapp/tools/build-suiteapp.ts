/**
 * `npm run build:suiteapp`: compiles `suiteapp/ts/**` (tests excluded) file by file into the File
 * Cabinet folder of the SuiteApp, with the shared-types modules they load under `shared/`.
 * Nothing is written unless every file compiles and every import can be loaded by NetSuite.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSdfProject } from './sdf-project';
import type { SuiteAppLayout } from './suiteapp-imports';
import type { BuildProblem, TranspiledModule } from './suiteapp-transpile';
import { transpileSuiteScript } from './suiteapp-transpile';

export interface SuiteAppBuildOptions {
  /** Folder holding `suiteapp/` and `shared-types/`. */
  repoRoot: string;
  /** Defaults to `publisherid.projectid` from `suiteapp/src/manifest.xml`. */
  appId?: string;
}

export interface EmittedFile {
  source: string;
  output: string;
  isEntry: boolean;
  isShared: boolean;
}

export interface SuiteAppBuildResult {
  outDir: string;
  files: EmittedFile[];
}

export class SuiteAppBuildError extends Error {
  constructor(readonly problems: readonly BuildProblem[]) {
    super(
      `SuiteApp build failed:\n${problems.map((problem) => `${problem.file}: ${problem.message}. Fix: ${problem.fix}`).join('\n')}`,
    );
    this.name = 'SuiteAppBuildError';
  }
}

function manifestAppId(repoRoot: string): string {
  const manifestFile = path.join(repoRoot, 'suiteapp', 'src', 'manifest.xml');
  const { manifest } = parseSdfProject(path.dirname(manifestFile)).project;
  if (manifest.publisherid === '' || manifest.projectid === '') {
    throw new SuiteAppBuildError([
      {
        file: manifestFile,
        message: 'publisherid or projectid is missing, so the File Cabinet folder of the SuiteApp is unknown',
        fix: 'add <publisherid> and <projectid> to manifest.xml',
      },
    ]);
  }
  return `${manifest.publisherid}.${manifest.projectid}`;
}

export function suiteAppLayout(repoRoot: string, appId: string): SuiteAppLayout {
  const root = path.resolve(repoRoot);
  return {
    sourceDir: path.join(root, 'suiteapp', 'ts'),
    sharedDir: path.join(root, 'shared-types', 'src'),
    outDir: path.join(root, 'suiteapp', 'src', 'FileCabinet', 'SuiteApps', appId),
  };
}

function isSourceFile(name: string): boolean {
  return name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts');
}

/** Every SuiteApp source file under `dir`: `.ts`, not declarations, not tests, not `__tests__/` or `fixtures/`. */
export function listSuiteAppSources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        return entry.name === '__tests__' || entry.name === 'fixtures' ? [] : listSuiteAppSources(full);
      }
      return entry.isFile() && isSourceFile(entry.name) ? [full] : [];
    })
    .sort();
}

/** Transpiles the sources and, transitively, the shared modules they load; writes only if all succeed. */
export function buildSuiteApp(options: SuiteAppBuildOptions): SuiteAppBuildResult {
  const layout = suiteAppLayout(options.repoRoot, options.appId ?? manifestAppId(options.repoRoot));
  const queue = listSuiteAppSources(layout.sourceDir);
  const seen = new Set(queue);
  const modules: TranspiledModule[] = [];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const compiled = transpileSuiteScript(next, layout);
    modules.push(compiled);
    for (const dependency of compiled.sharedDependencies) {
      if (!seen.has(dependency)) {
        seen.add(dependency);
        queue.push(dependency);
      }
    }
  }
  const problems = modules.flatMap((compiled) => compiled.problems);
  if (problems.length > 0) throw new SuiteAppBuildError(problems);

  fs.rmSync(layout.outDir, { recursive: true, force: true });
  fs.mkdirSync(layout.outDir, { recursive: true });
  for (const compiled of modules) {
    fs.mkdirSync(path.dirname(compiled.output), { recursive: true });
    fs.writeFileSync(compiled.output, compiled.text);
  }
  return {
    outDir: layout.outDir,
    files: modules.map((compiled) => ({
      source: compiled.source,
      output: compiled.output,
      isEntry: compiled.isEntry,
      isShared: compiled.source.startsWith(layout.sharedDir + path.sep),
    })),
  };
}

/** One line: how many files went where. */
export function summarizeBuild(result: SuiteAppBuildResult, cwd: string): string {
  const entries = result.files.filter((file) => file.isEntry).length;
  const shared = result.files.filter((file) => file.isShared).length;
  return `SuiteApp build: ${result.files.length} files emitted (${entries} scripts, ${shared} shared modules) into ${path.relative(cwd, result.outDir)}`;
}

export function main(repoRoot: string = process.cwd()): number {
  try {
    console.log(summarizeBuild(buildSuiteApp({ repoRoot }), process.cwd()));
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (require.main === module) process.exitCode = main();
