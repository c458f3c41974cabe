import * as fs from 'node:fs';
import * as path from 'node:path';
import { AmdLoadError, inertModule, loadAmdExports } from '../amd-exports';
import { makeTempDir, removeTempDirs } from './sdf-fixtures';

afterAll(removeTempDirs);

function writeModules(files: Record<string, string>): string {
  const dir = makeTempDir('amd');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const noAbsolute = (id: string): string => {
  throw new Error(`unexpected absolute id ${id}`);
};

describe('loadAmdExports', () => {
  test('reads functions attached to exports, evaluating relative dependencies and N modules at load time', () => {
    const dir = writeModules({
      'rl.js': `define(['require', 'exports', 'N/runtime', './lib/util'], function (require, exports, runtime, util) {
        const script = runtime.getCurrentScript();
        const limit = \`\${script.getParameter({ name: 'custscript_x' })}\`;
        exports.get = function () { return util.answer + limit; };
        exports.post = function () { return 1; };
        exports.version = '1';
      });`,
      'lib/util.js': "define(['exports'], function (exports) { exports.answer = 42; });",
    });
    const result = loadAmdExports(path.join(dir, 'rl.js'), noAbsolute);
    expect(result.exportedFunctions).toEqual(['get', 'post']);
    expect(result.files.map((file) => path.relative(dir, file))).toEqual([
      'rl.js',
      path.join('lib', 'util.js'),
    ]);
  });

  test('reads the object returned by the factory, and define(factory) without dependencies', () => {
    const dir = writeModules({
      'ss.js': 'define(function () { return { execute: function () {} }; });',
      'abs.js':
        "define(['/SuiteApps/app/ss'], function (ss) { return { execute: ss.execute, onRequest: function () {} }; });",
    });
    expect(loadAmdExports(path.join(dir, 'ss.js'), noAbsolute).exportedFunctions).toEqual(['execute']);
    const resolveAbsolute = (id: string): string => path.join(dir, path.basename(id));
    expect(loadAmdExports(path.join(dir, 'abs.js'), resolveAbsolute).exportedFunctions).toEqual([
      'execute',
      'onRequest',
    ]);
  });

  test('reports files that are not a single loadable define()', () => {
    const dir = writeModules({
      'none.js': 'var x = 1;',
      'throws.js': "define([], function () { throw new Error('boom'); });",
      'missing.js': "define(['./nowhere'], function () { return {}; });",
      'bare.js': "define(['lodash'], function () { return {}; });",
      'loop.js': 'define([], function () { for (;;) {} });',
    });
    const load = (name: string) => () => loadAmdExports(path.join(dir, name), noAbsolute);
    expect(load('none.js')).toThrow(/calls define\(\) 0 times/);
    expect(load('throws.js')).toThrow(/factory threw: Error: boom/);
    expect(load('missing.js')).toThrow(/nowhere\.js does not exist/);
    expect(load('bare.js')).toThrow(AmdLoadError);
    expect(load('loop.js')).toThrow(/factory threw: .*timed out/);
  });

  test('inert modules absorb any use', () => {
    const record = inertModule('N/record') as {
      create(options: object): { save(): unknown };
      Type: { SALES_ORDER: unknown };
    };
    expect(record.create({ type: 'x' }).save()).toBe(record);
    expect(`${String(record.Type.SALES_ORDER)}`).toBe('[N/record]');
  });
});
