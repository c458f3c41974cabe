import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInvocation, runInvocation } from '../../context';
import { SuiteScriptError } from '../../errors';
import { AmdLoader, normaliseFileId } from '../amd-loader';
import { readScriptHeader } from '../script-header';
import { APP, createTestKit, errorModule, resolveFixturePath } from './helpers';

function loader(modules: Record<string, unknown> = {}): AmdLoader {
  return new AmdLoader({ resolveFileCabinetPath: resolveFixturePath, modules });
}

function caught(fn: () => unknown): SuiteScriptError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SuiteScriptError) return e;
    throw e;
  }
  throw new Error('expected a SuiteScriptError');
}

describe('AmdLoader', () => {
  it('resolves relative, parent-relative and absolute ids, evaluating each file once', () => {
    const l = loader();
    const entry = l.loadEntryPoints({
      scriptid: 'customscript_deps',
      scriptfile: `${APP}/rl_deps.js`,
      objectType: 'restlet',
    });
    const get = entry.get as (p: Record<string, string>) => Record<string, unknown>;
    expect(get({ values: '150,275,-5' })).toEqual({
      total: '4.20',
      direct: '4.20',
      returnedKind: 'returned-object',
      fmtLoads: 1,
      viaRequire: true,
    });
  });

  it('takes entry points from exports and module values from a factory return value', () => {
    const l = loader();
    const returned = l.require(`${APP}/lib/returned`) as { kind: string };
    expect(returned.kind).toBe('returned-object');
    const money = l.require(`${APP}/lib/money.js`) as { sumMinor(v: number[]): number };
    expect(money.sumMinor([1, 2, 3])).toBe(6);
    expect(l.require(`${APP}/lib/money`)).toBe(money);
  });

  it('hands N/* modules from the module map to the factory', () => {
    const kit = createTestKit();
    const runtime = {
      executionContext: 'RESTLET',
      getCurrentScript: () => ({ getRemainingUsage: () => 5000 }),
    };
    const l = loader({ 'N/error': errorModule, 'N/testkit': kit, 'N/runtime': runtime });
    const entry = l.loadEntryPoints({
      scriptid: 'customscript_echo',
      scriptfile: `${APP}/rl_echo.js`,
      objectType: 'restlet',
    });
    const get = entry.get as (p: Record<string, string>) => unknown;
    const inv = createInvocation({
      kind: 'restlet',
      scriptId: 's',
      deploymentId: 'd',
      scriptType: 'RESTLET',
      startedAt: new Date(),
    });
    expect(runInvocation(inv, () => get({ a: '1' }))).toEqual({
      method: 'GET',
      params: { a: '1' },
      context: 'RESTLET',
    });
    const error = caught(() => runInvocation(inv, () => get({ throw: 'ns' })));
    expect(error.name).toBe('TTS_INVALID_REQUEST');
  });

  it('refuses an unknown N module with MODULE_DOES_NOT_EXIST', () => {
    const error = caught(() =>
      loader().loadEntryPoints({
        scriptid: 'customscript_bad',
        scriptfile: `${APP}/rl_bad_module.js`,
        objectType: 'restlet',
      }),
    );
    expect(error.name).toBe('MODULE_DOES_NOT_EXIST');
    expect(error.message).toContain('N/nonexistent');
  });

  it('refuses a missing file with MODULE_DOES_NOT_EXIST', () => {
    const error = caught(() => loader().require(`${APP}/lib/absent`));
    expect(error.name).toBe('MODULE_DOES_NOT_EXIST');
    expect(error.message).toContain('/SuiteApps/com.test.app/lib/absent.js');
  });

  it('refuses an entry file whose @NScriptType does not match the script record', () => {
    const error = caught(() =>
      loader().loadEntryPoints({
        scriptid: 'customscript_mr',
        scriptfile: `${APP}/rl_echo.js`,
        objectType: 'mapreducescript',
      }),
    );
    expect(error.message).toContain('@NScriptType MapReduceScript');
    expect(error.message).toContain('"@NScriptType Restlet"');
  });

  it('refuses an entry file that is not SuiteScript 2.1', () => {
    const error = caught(() =>
      loader().loadEntryPoints({
        scriptid: 'customscript_old',
        scriptfile: `${APP}/rl_old_api.js`,
        objectType: 'restlet',
      }),
    );
    expect(error.message).toContain('@NApiVersion 2.1');
    expect(error.message).toContain('2.x');
  });

  it('runs scripts without Node globals and with the N/log global', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amd-'));
    fs.writeFileSync(
      path.join(dir, 'probe.js'),
      'define([], function () { return { process: typeof process, req: typeof setTimeout, log: typeof log }; });',
    );
    const l = new AmdLoader({
      resolveFileCabinetPath: (p) => path.join(dir, p),
      modules: { 'N/log': { debug() {} } },
    });
    expect(l.require('/probe')).toEqual({ process: 'undefined', req: 'undefined', log: 'object' });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the header tags and normalises ids', () => {
    expect(
      readScriptHeader('/**\n * @NApiVersion 2.1\n * @NScriptType Restlet\n */\ndefine([], f);'),
    ).toEqual({
      apiVersion: '2.1',
      scriptType: 'Restlet',
    });
    expect(readScriptHeader('define([], f); /** @NApiVersion 2.1 */')).toEqual({
      apiVersion: null,
      scriptType: null,
    });
    expect(normaliseFileId('/SuiteApps/a/lib/../shared/x')).toBe('/SuiteApps/a/shared/x.js');
  });
});
