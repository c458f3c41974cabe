import { TestClock } from '../../../../../test/support/test-clock';
import { createInvocation, runInvocation } from '../../context';
import { SuiteScriptError } from '../../errors';
import { EmulatedAccount } from '../account';
import {
  createSearchStub,
  createTestKit,
  deployment,
  errorModule,
  resolveFixturePath,
  script,
} from './helpers';

/**
 * Separate deployments of one script run at the same time in NetSuite; a map/reduce that submits its
 * own running deployment is deferred (Oracle help section_453639770507). The emulator's task runner
 * interleaves invocations of different deployments as a test chooses, and never runs one deployment
 * twice at once.
 */

const MR = 'customscript_tts_mr_groups';
const A = 'customdeploy_mr_a';
const B = 'customdeploy_mr_b';
const SCHED = 'customdeploy_mr_sched';

async function open() {
  const kit = createTestKit();
  const clock = new TestClock('2026-01-15T12:00:00Z');
  const account = await EmulatedAccount.open({
    project: {
      resolveFileCabinetPath: resolveFixturePath,
      scripts: [
        script('mapreducescript', MR, 'mr_groups.js', [
          deployment(A, { status: 'NOTSCHEDULED' }),
          deployment(B, { status: 'NOTSCHEDULED' }),
          deployment(SCHED, {
            status: 'SCHEDULED',
            recurrence: {
              kind: 'daily',
              startdate: '2026-01-01',
              starttime: '00:00:00Z',
              everyxdays: 1,
              repeat: 'PT15M',
            },
          }),
        ]),
      ],
    },
    modules: { 'N/error': errorModule, 'N/testkit': kit, 'N/search': createSearchStub([]) },
    clock,
  });
  kit.input = [
    { shop: 'A', sku: 'x', qty: 1 },
    { shop: 'B', sku: 'y', qty: 2 },
    { shop: 'C', sku: 'z', qty: 3 },
  ];
  return { account, kit, clock };
}

type TaskModule = { create(o: Record<string, unknown>): { submit(): string | null } };

function taskModule(account: EmulatedAccount): TaskModule {
  return account.modules['N/task'] as TaskModule;
}

/** `task.submit()` of deployment `deploymentId`, as the running script (or `caller`) calls it. */
function submit(account: EmulatedAccount, deploymentId: string): string | null {
  return taskModule(account).create({ taskType: 'MAP_REDUCE', scriptId: MR, deploymentId }).submit();
}

/** The same call made by another script (a RESTlet). */
function submitFromRestlet(account: EmulatedAccount, deploymentId: string): string | null {
  const restlet = createInvocation({
    kind: 'restlet',
    scriptId: 'customscript_caller',
    deploymentId: 'customdeploy_caller',
    scriptType: 'RESTLET',
    startedAt: new Date(),
  });
  return runInvocation(restlet, () => submit(account, deploymentId));
}

function errorName(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof SuiteScriptError) return e.name;
    throw e;
  }
  return 'no error';
}

/** `deployment:stage` of every map/reduce invocation, in the order they ran. */
function trace(account: EmulatedAccount): string[] {
  return account.invocations
    .filter((i) => i.kind.startsWith('mapreduce.'))
    .map((i) => `${i.deploymentId.replace('customdeploy_mr_', '')}:${i.kind.replace('mapreduce.', '')}`);
}

describe('tasks of different deployments at the same time', () => {
  it('defers a map/reduce that submits its own running deployment: no error, no task id, it runs when the current run ends', async () => {
    const { account, kit } = await open();
    const seen: Record<string, unknown> = {};
    let once = true;
    kit.hooks.map = () => {
      if (seen.fromRestlet === undefined) seen.fromRestlet = errorName(() => submitFromRestlet(account, A));
    };
    kit.hooks.summarize = () => {
      if (!once) return;
      once = false;
      seen.own = submit(account, A);
      seen.second = errorName(() => submit(account, A));
      seen.fromRestletWhileDeferred = errorName(() => submitFromRestlet(account, A));
    };
    try {
      const first = submitFromRestlet(account, A);
      expect(first).toMatch(/^MAPREDUCETASK_/);
      const reports = await account.runQueuedTasks({ interleave: 'round-robin' });
      expect(seen).toEqual({
        fromRestlet: 'MAP_REDUCE_ALREADY_RUNNING',
        own: null,
        second: 'MAP_REDUCE_ALREADY_RUNNING',
        fromRestletWhileDeferred: 'MAP_REDUCE_ALREADY_RUNNING',
      });
      expect(reports.map((r) => [r.deploymentId, r.status])).toEqual([
        [A, 'COMPLETE'],
        [A, 'COMPLETE'],
      ]);
      expect(account.queue.all().map((t) => [t.deploymentId, t.deferred, t.status])).toEqual([
        [A, false, 'COMPLETE'],
        [A, true, 'COMPLETE'],
      ]);
      // One unfinished instance per deployment: the deferred run starts after the first one's summarize.
      expect(trace(account).indexOf('a:getInputData', 1)).toBe(trace(account).indexOf('a:summarize') + 1);
    } finally {
      await account.stop();
    }
  });

  it('alternates the invocations of two deployments round-robin, or as a picker chooses', async () => {
    const { account } = await open();
    try {
      submitFromRestlet(account, A);
      submitFromRestlet(account, B);
      const reports = await account.runQueuedTasks({ interleave: 'round-robin' });
      expect(reports.map((r) => r.deploymentId)).toEqual([A, B]);
      expect(trace(account).slice(0, 8)).toEqual([
        'a:getInputData',
        'b:getInputData',
        'a:map',
        'b:map',
        'a:map',
        'b:map',
        'a:map',
        'b:map',
      ]);

      const before = account.invocations.length;
      submitFromRestlet(account, A);
      submitFromRestlet(account, B);
      const picked = await account.runQueuedTasks({
        // B's map stage first, then A whole, then the rest of B.
        interleave: (running) => {
          const b = running.findIndex((t) => t.deploymentId === B);
          const bInMap = b >= 0 && running[b]!.stage !== 'SUMMARIZE' && running[b]!.stage !== 'REDUCE';
          return bInMap || running.length === 1
            ? Math.max(b, 0)
            : running.findIndex((t) => t.deploymentId === A);
        },
      });
      expect(picked.map((r) => r.deploymentId)).toEqual([A, B]);
      const order = trace(account).slice(before);
      expect(order.slice(0, 5)).toEqual(['b:getInputData', 'b:map', 'b:map', 'b:map', 'b:reduce']);
      expect(order.slice(5, 5 + 8).every((step) => step.startsWith('a:'))).toBe(true);
      expect(order.at(-1)).toBe('b:summarize');
    } finally {
      await account.stop();
    }
  });

  it('overlaps a due scheduled run with a queued on-demand one on tick, and keeps sequential runs by default', async () => {
    const { account, clock } = await open();
    try {
      clock.advance(15 * 60_000);
      submitFromRestlet(account, A);
      const tick = await account.tick({ interleave: 'round-robin' });
      expect(tick.ran.map((r) => r.deploymentId)).toEqual([SCHED]);
      expect(tick.tasks.map((r) => r.deploymentId)).toEqual([A]);
      expect(trace(account).slice(0, 4)).toEqual([
        'sched:getInputData',
        'a:getInputData',
        'sched:map',
        'a:map',
      ]);

      const before = account.invocations.length;
      clock.advance(15 * 60_000);
      submitFromRestlet(account, A);
      await account.tick();
      const sequential = trace(account).slice(before);
      expect(sequential.indexOf('a:getInputData')).toBe(sequential.indexOf('sched:summarize') + 1);
    } finally {
      await account.stop();
    }
  });
});
