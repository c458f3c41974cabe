import * as fs from 'node:fs';
import * as path from 'node:path';
import { SuiteAppBuildError, buildSuiteApp, summarizeBuild } from '../build-suiteapp';
import { splitScriptHeader } from '../suiteapp-transpile';
import { APP_ID, copyFixture, removeTempDirs } from './sdf-fixtures';

afterAll(removeTempDirs);

function outDirOf(repo: string): string {
  return path.join(repo, 'suiteapp', 'src', 'FileCabinet', 'SuiteApps', APP_ID);
}

/** The dependency list of the file's define() call, read by evaluating it with a recording define. */
function defineDependencies(file: string): string[] {
  let dependencies: string[] = [];
  const define = (deps: string[]): void => {
    dependencies = deps;
  };
  new Function('define', fs.readFileSync(file, 'utf8'))(define);
  return dependencies;
}

describe('buildSuiteApp on the fixture app', () => {
  const repo = copyFixture('build-app');
  const outDir = outDirOf(repo);
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'stale.js'), 'define([], function () {});');
  const result = buildSuiteApp({ repoRoot: repo, appId: APP_ID });
  const read = (relative: string): string => fs.readFileSync(path.join(outDir, relative), 'utf8');

  test('cleans the output folder and emits sources, libraries and the shared modules they load', () => {
    const emitted = result.files
      .map((file) => path.relative(outDir, file.output).split(path.sep).join('/'))
      .sort();
    expect(emitted).toEqual([
      'lib/records.js',
      'mr_import_orders.js',
      'rl_connector.js',
      'shared/money.js',
      'shared/util/strings.js',
    ]);
    expect(fs.existsSync(path.join(outDir, 'stale.js'))).toBe(false);
    expect(fs.existsSync(path.join(outDir, '__tests__'))).toBe(false);
    expect(
      result.files
        .filter((file) => file.isEntry)
        .map((file) => path.basename(file.output))
        .sort(),
    ).toEqual(['mr_import_orders.js', 'rl_connector.js']);
    expect(summarizeBuild(result, repo)).toBe(
      `SuiteApp build: 5 files emitted (2 scripts, 2 shared modules) into suiteapp/src/FileCabinet/SuiteApps/${APP_ID}`,
    );
  });

  test('puts the @NApiVersion/@NScriptType header first, above define(', () => {
    const text = read('rl_connector.js');
    expect(
      text.startsWith(
        '/**\n * @NApiVersion 2.1\n * @NScriptType Restlet\n * @NModuleScope SameAccount\n */\ndefine(',
      ),
    ).toBe(true);
    expect(text.match(/@NScriptType/g)).toHaveLength(1);
    expect(read('mr_import_orders.js')).toMatch(
      /^\/\*\*\n \* @NApiVersion 2\.1\n \* @NScriptType MapReduceScript\n/,
    );
    expect(read('shared/money.js')).toMatch(/^\/\*\*\n \* @NApiVersion 2\.1\n \*\/\ndefine\(/);
  });

  test('rewrites shared-types imports to relative paths that resolve to the emitted copies', () => {
    const cases: Array<[file: string, expected: string]> = [
      ['rl_connector.js', './shared/money'],
      ['lib/records.js', '../shared/util/strings'],
      ['shared/util/strings.js', '../money'],
    ];
    for (const [file, expected] of cases) {
      const dependencies = defineDependencies(path.join(outDir, file));
      expect(dependencies).toContain(expected);
      const target = path.resolve(path.dirname(path.join(outDir, file)), `${expected}.js`);
      expect(fs.existsSync(target)).toBe(true);
    }
    expect(read('rl_connector.js')).not.toContain('shared-types');
  });

  test('drops type-only imports (import type, N/types)', () => {
    const rl = read('rl_connector.js');
    expect(rl).not.toContain('N/types');
    expect(rl).not.toContain('order-shape');
    expect(fs.existsSync(path.join(outDir, 'shared', 'order-shape.js'))).toBe(false);
    expect(defineDependencies(path.join(outDir, 'rl_connector.js'))).toEqual([
      'require',
      'exports',
      'N/log',
      'N/task',
      './shared/money',
      './lib/records',
    ]);
  });

  test('splitScriptHeader takes the header block off the source', () => {
    const { header, body } = splitScriptHeader(
      '/**\n * @NApiVersion 2.1\n */\nimport * as a from "N/log";\n',
    );
    expect(header).toBe('/**\n * @NApiVersion 2.1\n */');
    expect(body).toBe('\nimport * as a from "N/log";\n');
    expect(splitScriptHeader('/** plain doc */\nexport const a = 1;').header).toBeUndefined();
  });
});

/** What the define() factory of `file` returns, its dependencies replaced by inert objects. */
function factoryReturn(file: string): unknown {
  let returned: unknown;
  const define = (deps: string[], factory: (...args: unknown[]) => unknown): void => {
    const exportsObject = {};
    returned = factory(...deps.map((dep) => (dep === 'exports' ? exportsObject : {})));
  };
  new Function('define', fs.readFileSync(file, 'utf8'))(define);
  return returned;
}

describe('entry scripts return their entry points (eslint-plugin-suitescript entry-points)', () => {
  const repo = copyFixture('build-app');
  fs.writeFileSync(
    path.join(repo, 'suiteapp', 'ts', 'rl_delete.ts'),
    [
      '/**',
      ' * @NApiVersion 2.1',
      ' * @NScriptType Restlet',
      ' */',
      "export { normalizeSku } from '../../shared-types/src/util/strings';",
      'export const LIMIT = 5;',
      'function del(): number {',
      '  return LIMIT;',
      '}',
      'export function get(): string {',
      "  return 'ok';",
      '}',
      'export { del as delete };',
      '',
    ].join('\n'),
  );
  buildSuiteApp({ repoRoot: repo, appId: APP_ID });
  const outDir = outDirOf(repo);

  test('the factory returns every export, functions by their local name', () => {
    const rl = factoryReturn(path.join(outDir, 'rl_connector.js')) as Record<string, unknown>;
    expect(Object.keys(rl).sort()).toEqual(['get', 'post']);
    expect(typeof rl['get']).toBe('function');
    expect(fs.readFileSync(path.join(outDir, 'rl_connector.js'), 'utf8')).toMatch(
      /return \{\n\s+post: post,\n\s+get: get\n\s+\};\n\}\);/,
    );
    const mr = factoryReturn(path.join(outDir, 'mr_import_orders.js')) as Record<string, unknown>;
    expect(Object.keys(mr).sort()).toEqual(['getInputData', 'map', 'summarize']);
  });

  test('renamed exports, re-exports and constants are kept', () => {
    const text = fs.readFileSync(path.join(outDir, 'rl_delete.js'), 'utf8');
    expect(text).toMatch(/delete: del/);
    expect(text).toMatch(/get: get/);
    expect(text).toMatch(/LIMIT: exports\.LIMIT/);
    expect(text).toMatch(/normalizeSku: exports\.normalizeSku/);
    const value = factoryReturn(path.join(outDir, 'rl_delete.js')) as Record<string, unknown>;
    expect(value['LIMIT']).toBe(5);
    expect(typeof value['delete']).toBe('function');
  });

  test('library modules keep plain exports', () => {
    expect(fs.readFileSync(path.join(outDir, 'lib', 'records.js'), 'utf8')).not.toMatch(/return \{/);
    expect(factoryReturn(path.join(outDir, 'lib', 'records.js'))).toBeUndefined();
  });
});

describe('buildSuiteApp refuses what NetSuite cannot load', () => {
  test('an import outside suiteapp/ts and shared-types/src, and a bare module, fail the build naming the file', () => {
    const repo = copyFixture('build-outside');
    let thrown: unknown;
    try {
      buildSuiteApp({ repoRoot: repo, appId: APP_ID });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SuiteAppBuildError);
    const problems = (thrown as SuiteAppBuildError).problems;
    expect(problems.map((problem) => [path.basename(problem.file), problem.message])).toEqual([
      [
        'rl_bad.ts',
        expect.stringContaining('"../../bridge/src/secret" points outside suiteapp/ts and shared-types/src'),
      ],
      ['rl_bad.ts', expect.stringContaining('"lodash" is not an N/ module or a relative path')],
    ]);
    expect(fs.existsSync(outDirOf(repo))).toBe(false);
  });

  test('a default import of an N module fails the build', () => {
    const repo = copyFixture('build-outside');
    fs.rmSync(path.join(repo, 'suiteapp', 'ts', 'rl_bad.ts'));
    fs.writeFileSync(
      path.join(repo, 'suiteapp', 'ts', 'ue_default.ts'),
      "import record from 'N/record';\nexport function beforeSubmit(): void {\n  record.create({ type: 'salesorder' });\n}\n",
    );
    expect(() => buildSuiteApp({ repoRoot: repo, appId: APP_ID })).toThrow(
      /ue_default\.ts: default import of "N\/record": NetSuite modules have no default export\. Fix: write import \* as name from 'N\/record'/,
    );
  });

  test('a syntax error fails the build with the line', () => {
    const repo = copyFixture('build-outside');
    fs.writeFileSync(path.join(repo, 'suiteapp', 'ts', 'rl_bad.ts'), 'export function get( {\n');
    expect(() => buildSuiteApp({ repoRoot: repo, appId: APP_ID })).toThrow(/rl_bad\.ts: .*\(line \d+\)/);
  });
});
