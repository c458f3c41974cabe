import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInvocation, currentInvocation, runInvocation } from '../../context';
import { SuiteScriptError } from '../../errors';
import { createHttpsModule } from '../https-module';
import { createRuntimeModule, envTypeOf } from '../runtime-module';
import { ScriptRegistry } from '../script-registry';
import type { SyncHttpRequest } from '../sync-http';
import { deployment, script } from './helpers';

const registry = new ScriptRegistry([
  script('scheduledscript', 'customscript_a', 'a.js', [deployment('customdeploy_a', { loglevel: 'AUDIT' })]),
]);

function inScript<T>(fn: () => T, parameters: Record<string, unknown> = {}) {
  const inv = createInvocation({
    kind: 'scheduled',
    scriptId: 'customscript_a',
    deploymentId: 'customdeploy_a',
    scriptType: 'SCHEDULED',
    parameters,
    startedAt: new Date(),
  });
  return { value: runInvocation(inv, fn), inv };
}

describe('N/runtime', () => {
  const runtime = createRuntimeModule({
    accountId: '1234567_SB1',
    registry,
    features: ['Subsidiaries'],
  }) as Record<string, unknown> & {
    getCurrentScript(): Record<string, unknown> & {
      getParameter(o: { name: string }): unknown;
      getRemainingUsage(): number;
    };
    getCurrentUser(): Record<string, unknown>;
    isFeatureInEffect(o: { feature: string }): boolean;
    executionContext: string;
  };

  it('describes the running script, its parameters and remaining usage', () => {
    const { value } = inScript(
      () => {
        currentInvocation().meter.charge('x', 30);
        const s = runtime.getCurrentScript();
        return {
          id: s.id,
          deploymentId: s.deploymentId,
          logLevel: s.logLevel,
          batch: s.getParameter({ name: 'CUSTSCRIPT_BATCH' }),
          missing: s.getParameter({ name: 'custscript_none' }),
          remaining: s.getRemainingUsage(),
          context: runtime.executionContext,
        };
      },
      { custscript_batch: 5 },
    );
    expect(value).toEqual({
      id: 'customscript_a',
      deploymentId: 'customdeploy_a',
      logLevel: 'AUDIT',
      batch: 5,
      missing: null,
      remaining: 9970,
      context: 'SCHEDULED',
    });
  });

  it('exposes account, environment, version, features and user', () => {
    expect([runtime.accountId, runtime.envType, runtime.version]).toEqual([
      '1234567_SB1',
      'SANDBOX',
      '2026.2',
    ]);
    expect(envTypeOf('TSTDRV1234567')).toBe('PRODUCTION');
    expect(runtime.isFeatureInEffect({ feature: 'SUBSIDIARIES' })).toBe(true);
    expect(runtime.isFeatureInEffect({ feature: 'MULTICURRENCY' })).toBe(false);
    expect(inScript(() => runtime.getCurrentUser().roleId).value).toBe('administrator');
    expect(() => runtime.getCurrentScript()).toThrow(/outside a script invocation/);
  });
});

describe('N/https', () => {
  it('charges 10 units, drops managed headers and refuses header names with underscores', () => {
    const sent: SyncHttpRequest[] = [];
    const https = createHttpsModule({
      transport: (req) => {
        sent.push(req);
        return { ok: true, code: 201, headers: { 'x-id': '9' }, body: 'made' };
      },
    }) as Record<string, (o: Record<string, unknown>) => unknown>;
    const { value, inv } = inScript(() =>
      https.post?.({
        url: 'https://api.example.com/x',
        body: { a: '1 2', b: 'c' },
        headers: { 'X-Api-Key': 'k', Host: 'evil', Connection: 'close' },
      }),
    );
    expect(value).toEqual({ code: 201, headers: { 'x-id': '9' }, body: 'made' });
    expect(inv.meter.used).toBe(10);
    expect(sent[0]).toMatchObject({ method: 'POST', body: 'a=1%202&b=c', headers: { 'X-Api-Key': 'k' } });
    const error = inScript(() => {
      try {
        return https.get?.({ url: 'https://api.example.com/x', headers: { x_api_key: 'k' } });
      } catch (e) {
        return e;
      }
    }).value;
    expect(error).toBeInstanceOf(SuiteScriptError);
    expect((error as SuiteScriptError).name).toBe('SSS_INVALID_HEADER');
  });

  describe('against a real server in another process', () => {
    let server: ChildProcess;
    let port = 0;

    beforeAll(async () => {
      server = spawn(process.execPath, [
        '-e',
        `require('http').createServer((req, res) => { let b = ''; req.on('data', c => b += c); req.on('end', () => {
           res.setHeader('Content-Type', 'application/json');
           res.end(JSON.stringify({ method: req.method, url: req.url, body: b, auth: req.headers['x-auth'] || null }));
         }); }).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });`,
      ]);
      port = await new Promise<number>((resolve) =>
        server.stdout?.once('data', (d: Buffer) => resolve(Number(String(d).trim()))),
      );
    });

    afterAll(() => {
      server.kill();
    });

    it('performs the request synchronously and returns code, headers and body', () => {
      const https = createHttpsModule() as Record<
        string,
        (o: Record<string, unknown>) => { code: number; headers: Record<string, string>; body: string }
      >;
      const res = inScript(() =>
        https.put?.({
          url: `http://127.0.0.1:${port}/items?id=3`,
          body: '{"q":1}',
          headers: { 'X-Auth': 'tok' },
        }),
      ).value;
      expect(res?.code).toBe(200);
      expect(res?.headers['content-type']).toBe('application/json');
      expect(JSON.parse(res?.body ?? '')).toEqual({
        method: 'PUT',
        url: '/items?id=3',
        body: '{"q":1}',
        auth: 'tok',
      });
    });

    it('reports a refused connection as a SuiteScriptError', () => {
      const https = createHttpsModule() as Record<string, (o: Record<string, unknown>) => unknown>;
      const outcome = inScript(() => {
        try {
          return https.get?.({ url: 'http://127.0.0.1:1/nothing' });
        } catch (e) {
          return e;
        }
      }).value;
      expect((outcome as SuiteScriptError).name).toBe('SSS_CONNECTION_CLOSED');
    });
  });
});
