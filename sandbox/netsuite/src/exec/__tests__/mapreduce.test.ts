import { TestClock } from '../../../../../test/support/test-clock';
import { SuiteScriptError } from '../../errors';
import { AmdLoader } from '../amd-loader';
import { InvocationHistory } from '../invoke';
import type { MapReduceRunOptions } from '../mapreduce/mr-runner';
import { runMapReduceJob } from '../mapreduce/mr-runner';
import type { TestKit } from './helpers';
import { APP, createQueryStub, createSearchStub, createTestKit, resolveFixturePath } from './helpers';

const LINES = [
  { shop: 'A', sku: 'x', qty: 1 },
  { shop: 'B', sku: 'y', qty: 2 },
  { shop: 'A', sku: 'z', qty: 4 },
];

function setup(file: string, modules: Record<string, unknown> = {}) {
  const kit = createTestKit();
  const allModules = { 'N/testkit': kit, 'N/search': createSearchStub([]), ...modules };
  const loader = new AmdLoader({ resolveFileCabinetPath: resolveFixturePath, modules: allModules });
  const history = new InvocationHistory();
  const run = (options: Partial<MapReduceRunOptions> = {}) =>
    runMapReduceJob({
      scriptId: 'customscript_mr',
      deploymentId: 'customdeploy_mr',
      entryPoints: loader.loadEntryPoints({
        scriptid: 'customscript_mr',
        scriptfile: `${APP}/${file}`,
        objectType: 'mapreducescript',
      }),
      modules: allModules,
      clock: new TestClock(),
      history,
      ...options,
    });
  return { kit, run, history };
}

function failTimes(kit: TestKit, stage: string, key: string, times: number): void {
  let left = times;
  kit.hooks[stage] = (ctx) => {
    if ((ctx as { key: string }).key === key && left > 0) {
      left -= 1;
      throw new SuiteScriptError('TTS_BOOM', `boom on ${key}`);
    }
  };
}

describe('map/reduce runner: stages', () => {
  it('passes string keys and values, shuffles map writes by key, and reports reduce output to summarize', () => {
    const { kit, run } = setup('mr_groups.js');
    kit.input = LINES;
    const report = run();
    const maps = kit.seen.filter((s) => s.stage === 'map');
    expect(maps.map((m) => [m.key, m.typeofKey, m.typeofValue])).toEqual([
      ['0', 'string', 'string'],
      ['1', 'string', 'string'],
      ['2', 'string', 'string'],
    ]);
    expect(JSON.parse(String(maps[0]?.value))).toEqual(LINES[0]);
    const reduces = kit.seen.filter((s) => s.stage === 'reduce');
    expect(reduces.map((r) => [r.key, r.values])).toEqual([
      ['A', ['{"sku":"x","qty":1}', '{"sku":"z","qty":4}']],
      ['B', ['{"sku":"y","qty":2}']],
    ]);
    expect(report.output).toEqual([
      { key: 'A', value: '5' },
      { key: 'B', value: '2' },
    ]);
    const summary = kit.summaries[0];
    expect(summary?.output).toEqual([
      ['A', '5'],
      ['B', '2'],
    ]);
    expect(summary?.inputError).toBeNull();
    expect(summary?.mapUsage).toBe(12);
    expect(summary?.reduceUsage).toBe(8);
    expect(summary?.usage).toBe(20);
    expect(summary?.concurrency).toBe(1);
    expect(summary?.isRestarted).toBe(false);
    expect(summary?.mapKeys).toEqual([
      ['0', 1, 'COMPLETE'],
      ['1', 1, 'COMPLETE'],
      ['2', 1, 'COMPLETE'],
    ]);
    expect(report.status).toBe('COMPLETE');
    expect(report.totals.byStage).toEqual({ getInputData: 0, map: 12, reduce: 8, summarize: 0 });
    expect(report.invocations.map((i) => i.stage)).toEqual([
      'getInputData',
      'map',
      'map',
      'map',
      'reduce',
      'reduce',
      'summarize',
    ]);
  });

  it('keys plain-object input by property name and sends input straight to reduce when there is no map', () => {
    const { kit, run } = setup('mr_reduce_only.js');
    kit.input = { first: { a: 1 }, second: 'text' };
    const report = run();
    expect(kit.seen).toEqual([
      { stage: 'reduce', key: 'first', values: ['{"a":1}'] },
      { stage: 'reduce', key: 'second', values: ['text'] },
    ]);
    expect(report.output).toEqual([
      { key: 'first', value: '1' },
      { key: 'second', value: '1' },
    ]);
  });

  it('runs a returned search without charging the script: key = internal id, value = result JSON', () => {
    const search = createSearchStub([
      { id: '11', name: 'eleven' },
      { id: '12', name: 'twelve' },
    ]);
    const { kit, run } = setup('mr_map_only.js', { 'N/search': search });
    kit.inputKind = 'search';
    const report = run();
    expect(kit.seen.map((s) => [s.key, JSON.parse(String(s.value))])).toEqual([
      ['11', { recordType: 'customrecord_tts_order', id: '11', values: { name: 'eleven' } }],
      ['12', { recordType: 'customrecord_tts_order', id: '12', values: { name: 'twelve' } }],
    ]);
    expect(report.totals.byStage.getInputData).toBe(0);
    expect(report.output.map((o) => o.key)).toEqual(['11', '12']);
  });

  it('loads {type: "search", id} references through N/search', () => {
    const search = createSearchStub([{ id: '7', name: 'seven' }]);
    const { kit, run } = setup('mr_map_only.js', { 'N/search': search });
    kit.input = { type: 'search', id: 'customsearch_orders' };
    run();
    expect(JSON.parse(String(kit.seen[0]?.value)).recordType).toBe('loaded:customsearch_orders');
  });

  it('runs {type: "suiteql"} input page by page: value = {"types":[...],"values":[...]}', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => [i, `n${i}`]);
    const query = createQueryStub(rows, ['INTEGER', 'STRING']);
    const { kit, run } = setup('mr_map_only.js', { 'N/query': query });
    kit.input = { type: 'suiteql', query: 'SELECT id, name FROM x WHERE y = ?', params: ['T'] };
    const report = run();
    expect(report.inputCount).toBe(1500);
    expect(query.lastParams).toEqual(['T']);
    expect(JSON.parse(String(kit.seen[1499]?.value))).toEqual({
      types: ['INTEGER', 'STRING'],
      values: [1499, 'n1499'],
    });
    expect(report.totals.byStage.getInputData).toBe(0);
  });

  it('goes straight to summarize when getInputData throws', () => {
    const { kit, run } = setup('mr_groups.js');
    kit.input = LINES;
    kit.hooks.getInputData = () => {
      throw new SuiteScriptError('TTS_NO_INPUT', 'cannot read input');
    };
    const report = run();
    expect(kit.seen).toEqual([]);
    expect(JSON.parse(String(kit.summaries[0]?.inputError)).name).toBe('TTS_NO_INPUT');
    expect(report.inputError).toContain('TTS_NO_INPUT');
    expect(report.invocations.map((i) => i.stage)).toEqual(['getInputData', 'summarize']);
  });
});

describe('map/reduce runner: key and value limits', () => {
  it('counts the 3,000-byte key limit in UTF-8 bytes: 1,501 two-byte characters are over it', () => {
    const { kit, run } = setup('mr_groups.js');
    const atLimit = 'é'.repeat(1500);
    const over = 'é'.repeat(1501);
    kit.input = [
      { shop: atLimit, sku: 'x', qty: 1 },
      { shop: over, sku: 'y', qty: 2 },
    ];
    const report = run();
    expect(report.mapErrors.map((e) => [e.key, JSON.parse(e.error).name])).toEqual([
      ['1', 'KEY_LENGTH_IS_OVER_3000_BYTES'],
    ]);
    expect(report.output.map((o) => o.key)).toEqual([atLimit]);
  });

  it('applies the same limit to the keys getInputData returns', () => {
    const { kit, run } = setup('mr_reduce_only.js');
    kit.input = { ['é'.repeat(1501)]: 'too long a key' };
    const report = run();
    expect(kit.seen).toEqual([]);
    expect(report.inputError).toContain('KEY_LENGTH_IS_OVER_3000_BYTES');
  });
});

describe('map/reduce runner: errors, retries and exitOnError', () => {
  it('without retryCount, a failing key is not retried and the other keys still run', () => {
    const { kit, run } = setup('mr_groups.js');
    kit.input = LINES;
    failTimes(kit, 'map', '1', 5);
    const report = run();
    expect(kit.seen.filter((s) => s.stage === 'map').map((s) => s.key)).toEqual(['0', '1', '2']);
    expect(report.mapErrors.map((e) => [e.key, JSON.parse(e.error).name, e.executionNo])).toEqual([
      ['1', 'TTS_BOOM', 1],
    ]);
    expect(report.mapKeys.find((k) => k.key === '1')).toEqual({
      key: '1',
      executionCount: 1,
      completionState: 'FAILED',
    });
    expect(report.output).toEqual([{ key: 'A', value: '5' }]);
    expect(kit.summaries[0]?.mapErrors).toEqual([{ key: '1', name: 'TTS_BOOM', executionNo: 1 }]);
  });

  it('retries up to retryCount with isRestarted, executionNo and the earlier errors on the context', () => {
    const { kit, run } = setup('mr_groups.js');
    kit.input = LINES;
    kit.config = { retryCount: 2 };
    failTimes(kit, 'map', '1', 2);
    const report = run();
    const attempts = kit.seen.filter((s) => s.stage === 'map' && s.key === '1');
    expect(attempts.map((a) => [a.isRestarted, a.executionNo, (a.priorErrors as unknown[]).length])).toEqual([
      [false, 1, 0],
      [true, 2, 1],
      [true, 3, 2],
    ]);
    expect(report.mapKeys.find((k) => k.key === '1')).toEqual({
      key: '1',
      executionCount: 3,
      completionState: 'COMPLETE',
    });
    expect(report.output).toEqual([
      { key: 'A', value: '5' },
      { key: 'B', value: '2' },
    ]);
    expect(report.mapErrors.map((e) => e.executionNo)).toEqual([1, 2]);
  });

  it('discards writes of failed attempts but keeps records they saved', () => {
    const { kit, run } = setup('mr_groups.js');
    kit.input = [LINES[0]];
    kit.config = { retryCount: 1 };
    kit.hooks.map = (ctx) => {
      const c = ctx as { executionNo: number; write(k: string, v: string): void };
      if (c.executionNo === 1) {
        c.write('ghost', '{"qty":100}');
        throw new Error('after write');
      }
    };
    const report = run();
    expect(kit.saved.filter((s) => s.type === 'map')).toHaveLength(2);
    expect(kit.seen.filter((s) => s.stage === 'reduce').map((s) => s.key)).toEqual(['A']);
    expect(report.output).toEqual([{ key: 'A', value: '1' }]);
    expect(
      report.mapErrors.map((e) => [e.key, JSON.parse(e.error).name, JSON.parse(e.error).message]),
    ).toEqual([['0', 'Error', 'after write']]);
  });

  it('exitOnError abandons the stage after the retries and goes to summarize', () => {
    const { kit, run } = setup('mr_groups.js');
    kit.input = LINES;
    kit.config = { retryCount: 1, exitOnError: true };
    failTimes(kit, 'map', '1', 2);
    const report = run();
    expect(kit.seen.filter((s) => s.stage === 'map').map((s) => s.key)).toEqual(['0', '1', '1']);
    expect(kit.seen.some((s) => s.stage === 'reduce')).toBe(false);
    expect(report.exitedStage).toBe('map');
    expect(kit.summaries).toHaveLength(1);
    expect(report.output).toEqual([]);
  });

  it('refuses a retryCount outside 0-3', () => {
    const { kit, run } = setup('mr_groups.js');
    kit.config = { retryCount: 4 };
    expect(() => run()).toThrow(/retryCount must be 0, 1, 2 or 3/);
  });

  it('the error iterator stops when the callback does not return true', () => {
    const { kit, run } = setup('mr_groups.js');
    kit.input = LINES;
    kit.hooks.map = (ctx) => {
      if ((ctx as { key: string }).key !== '1') throw new Error('fail');
    };
    run();
    expect(kit.summaries[0]?.mapErrors).toHaveLength(2);
    expect(kit.summaries[0]?.firstMapErrorOnly).toEqual(['0']);
  });
});

describe('map/reduce runner: governance and restarts', () => {
  it('stops a map invocation at 1,000 units with SSS_USAGE_LIMIT_EXCEEDED', () => {
    const { kit, run } = setup('mr_map_only.js');
    kit.input = ['a', 'b'];
    kit.spendPerMap = 1001;
    const report = run();
    expect(report.mapErrors.map((e) => JSON.parse(e.error).name)).toEqual([
      'SSS_USAGE_LIMIT_EXCEEDED',
      'SSS_USAGE_LIMIT_EXCEEDED',
    ]);
    expect(report.invocations.filter((i) => i.stage === 'map').map((i) => i.units)).toEqual([0, 0]);
  });

  it('allows exactly 1,000 units in map and 5,000 in reduce', () => {
    const { kit, run } = setup('mr_groups.js');
    kit.input = [LINES[0]];
    kit.hooks.map = () => kit.spend(996);
    kit.hooks.reduce = () => kit.spend(4996);
    const ok = run();
    expect(ok.mapErrors).toEqual([]);
    expect(ok.reduceErrors).toEqual([]);
    expect(ok.totals.byStage).toEqual({ getInputData: 0, map: 1000, reduce: 5000, summarize: 0 });
    kit.hooks.reduce = () => kit.spend(4997);
    const over = run();
    expect(over.reduceErrors.map((e) => JSON.parse(e.error).name)).toEqual(['SSS_USAGE_LIMIT_EXCEEDED']);
  });

  it('an injected restart keeps saved records, discards writes and re-runs the key with isRestarted', () => {
    const { kit, run, history } = setup('mr_groups.js');
    kit.input = LINES;
    let swallowed = 0;
    kit.hooks.map = (ctx) => {
      try {
        kit.save('extra', { key: (ctx as { key: string }).key });
      } catch {
        swallowed += 1;
      }
    };
    const report = run({ injectRestart: { stage: 'map', atInvocation: 2, afterCharges: 1 } });
    expect(swallowed).toBe(1);
    const key1 = kit.seen.filter((s) => s.stage === 'map' && s.key === '1');
    expect(key1.map((s) => [s.isRestarted, s.executionNo])).toEqual([
      [false, 1],
      [true, 2],
    ]);
    expect(kit.saved.filter((s) => s.type === 'map' && s.data.key === '1')).toHaveLength(2);
    expect(report.output).toEqual([
      { key: 'A', value: '5' },
      { key: 'B', value: '2' },
    ]);
    expect(report.mapErrors.map((e) => [e.key, JSON.parse(e.error).name, e.executionNo])).toEqual([
      ['1', 'SSS_APP_SERVER_RESTART', 1],
    ]);
    expect(kit.summaries[0]?.mapErrors).toEqual([
      { key: '1', name: 'SSS_APP_SERVER_RESTART', executionNo: 1 },
    ]);
    expect(
      report.invocations
        .filter((i) => i.stage === 'map')
        .map((i) => [i.key, i.executionNo, i.error, i.units]),
    ).toEqual([
      ['0', 1, null, 8],
      ['1', 1, 'SSS_APP_SERVER_RESTART', 4],
      ['1', 2, null, 8],
      ['2', 1, null, 8],
    ]);
    expect(history.entries.filter((e) => e.kind === 'mapreduce.map')).toHaveLength(4);
  });

  it('a restart in reduce re-runs the key without using a retry', () => {
    const { kit, run, history } = setup('mr_groups.js');
    kit.input = LINES;
    kit.config = { retryCount: 0 };
    const report = run({ injectRestart: { stage: 'reduce', atInvocation: 1, afterCharges: 5 } });
    const reduceA = kit.seen.filter((s) => s.stage === 'reduce' && s.key === 'A');
    expect(reduceA.map((s) => [s.isRestarted, s.executionNo])).toEqual([
      [false, 1],
      [true, 2],
    ]);
    expect(kit.saved.filter((s) => s.type === 'reduce' && s.data.key === 'A')).toHaveLength(2);
    expect(report.output).toEqual([
      { key: 'A', value: '5' },
      { key: 'B', value: '2' },
    ]);
    expect(report.reduceKeys[0]).toEqual({ key: 'A', executionCount: 2, completionState: 'COMPLETE' });
    expect(history.entries.filter((e) => e.kind === 'mapreduce.reduce').map((e) => e.error)).toEqual([
      'SSS_APP_SERVER_RESTART',
      null,
      null,
    ]);
  });
});
