import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSuiteApp } from '../build-suiteapp';
import { activateFixtureCabinets } from '../../../test/support/fixture-project';

/** Temp copies of our SDF project and fixture trees for the tooling tests. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const PROJECT_ROOT = path.join(REPO_ROOT, 'suiteapp', 'src');
export const FIXTURES = path.join(__dirname, 'fixtures');
export const APP_ID = 'com.opentts.connector';

const tempDirs: string[] = [];

export function makeTempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tts-${label}-`));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Copies the fixture tree `name` (under fixtures/) into a fresh temp folder and returns it. */
export function copyFixture(name: string): string {
  const dir = makeTempDir(name.replace(/\W+/g, '-'));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  activateFixtureCabinets(dir);
  return dir;
}

const notTests = (source: string): boolean => !source.split(path.sep).includes('__tests__');

/**
 * A temp repo holding our real SDF project (manifest, deploy.xml, Objects) and our real SuiteApp
 * sources (suiteapp/ts, shared-types/src), built: what `npm run deploy` would validate.
 */
export function builtFixtureRepo(): string {
  const repo = makeTempDir('built-project');
  for (const folder of [path.join('suiteapp', 'ts'), path.join('shared-types', 'src')]) {
    fs.cpSync(path.join(REPO_ROOT, folder), path.join(repo, folder), { recursive: true, filter: notTests });
  }
  const projectRoot = path.join(repo, 'suiteapp', 'src');
  fs.mkdirSync(projectRoot, { recursive: true });
  for (const name of ['manifest.xml', 'deploy.xml', 'Objects']) {
    fs.cpSync(path.join(PROJECT_ROOT, name), path.join(projectRoot, name), { recursive: true });
  }
  buildSuiteApp({ repoRoot: repo });
  return repo;
}

/** Copies a built project (its suiteapp/src) and lays the files of `overlay` (under fixtures/) over it. */
export function projectWithOverlay(
  builtRepo: string,
  overlay: string | undefined,
  remove: string[] = [],
): string {
  const root = makeTempDir('sdf');
  fs.cpSync(path.join(builtRepo, 'suiteapp', 'src'), root, { recursive: true });
  if (overlay !== undefined) {
    const layer = makeTempDir('overlay');
    fs.cpSync(path.join(FIXTURES, overlay), layer, { recursive: true });
    activateFixtureCabinets(layer);
    fs.cpSync(layer, root, { recursive: true });
  }
  for (const file of remove) fs.rmSync(path.join(root, file));
  return root;
}

/** What the validator should count in a built copy of our project: object files, scripts, compiled files. */
export function expectedSummary(projectRoot: string): { objects: number; scripts: number; files: number } {
  const objects = fs.readdirSync(path.join(projectRoot, 'Objects')).filter((f) => f.endsWith('.xml'));
  const files = fs
    .readdirSync(path.join(projectRoot, 'FileCabinet'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'));
  return {
    objects: objects.length,
    scripts: objects.filter((f) => f.startsWith('customscript_')).length,
    files: files.length,
  };
}

/** Script ids of our project's script objects, sorted. */
export function scriptIds(projectRoot: string): string[] {
  return fs
    .readdirSync(path.join(projectRoot, 'Objects'))
    .filter((f) => f.startsWith('customscript_') && f.endsWith('.xml'))
    .map((f) => f.replace(/\.xml$/, ''))
    .sort();
}
