import { TestClock } from '../../../../../test/support/test-clock';
import type { ScriptUser } from '../../context';
import { createInvocation, runInvocation } from '../../context';
import { SuiteScriptError } from '../../errors';
import type { SdfScript } from '../../../../../suiteapp/tools/sdf-model';
import type { AccountOptions } from '../account';
import { EmulatedAccount } from '../account';
import {
  createSearchStub,
  createTestKit,
  deployment,
  errorModule,
  resolveFixturePath,
  script,
} from './helpers';

const MR = 'customscript_tts_mr_groups';
const SS = 'customscript_tts_ss_report';
const EVERY_15 = {
  kind: 'daily',
  startdate: '2026-01-01',
  starttime: '00:00:00Z',
  everyxdays: 1,
  repeat: 'PT15M',
};

function scripts(): SdfScript[] {
  return [
    script('mapreducescript', MR, 'mr_groups.js', [
      deployment('customdeploy_mr_a', { status: 'NOTSCHEDULED', concurrencylimit: 3 }),
      deployment('customdeploy_mr_b', { status: 'NOTSCHEDULED' }),
      deployment('customdeploy_mr_sched', { status: 'SCHEDULED', recurrence: EVERY_15 }),
      deployment('customdeploy_mr_testing', { status: 'TESTING' }),
    ]),
    script(
      'scheduledscript',
      SS,
      'ss_report.js',
      [
        deployment('customdeploy_ss_now', {
          status: 'NOTSCHEDULED',
          parameters: { custscript_tts_batch: '50' },
        }),
        deployment('customdeploy_ss_15', { status: 'SCHEDULED', recurrence: EVERY_15 }),
        deployment('customdeploy_ss_single', {
          status: 'SCHEDULED',
          recurrence: { kind: 'single', startdate: '2026-01-15', starttime: '13:00:00Z' },
        }),
      ],
      {
        parameters: [
          { scriptid: 'custscript_tts_batch', fieldtype: 'INTEGER', label: 'Batch', defaultvalue: '25' },
          { scriptid: 'custscript_tts_dry_run', fieldtype: 'CHECKBOX', label: 'Dry run', defaultvalue: 'F' },
        ],
      },
    ),
  ];
}

async function open(kit = createTestKit(), extra: Partial<AccountOptions> = {}) {
  const clock = new TestClock('2026-01-15T12:00:00Z');
  const account = await EmulatedAccount.open({
    project: {
      resolveFileCabinetPath: resolveFixturePath,
      scripts: scripts(),
      manifest: { features: [{ name: 'SUBSIDIARIES', required: true }] },
    },
    modules: { 'N/error': errorModule, 'N/testkit': kit, 'N/search': createSearchStub([]) },
    clock,
    ...extra,
  });
  return { account, clock, kit };
}

type RuntimeApi = { getCurrentUser(): { name: string } };

type TaskApi = {
  create(o: Record<string, unknown>): { submit(): string };
  checkStatus(o: { taskId: string }): { status: string; stage?: string | null; deploymentId: string };
};

/** Runs `fn` as a RESTlet invocation would, returning the units it used. */
function asScript<T>(account: EmulatedAccount, fn: (task: TaskApi) => T): { value: T; units: number } {
  const inv = createInvocation({
    kind: 'restlet',
    scriptId: 'customscript_caller',
    deploymentId: 'customdeploy_caller',
    scriptType: 'RESTLET',
    startedAt: new Date(),
  });
  const value = runInvocation(inv, () => fn(account.modules['N/task'] as TaskApi));
  return { value, units: inv.meter.used };
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof SuiteScriptError) return e.name;
    throw e;
  }
  return 'no error';
}

describe('N/task submission', () => {
  it('queues map/reduce tasks by NetSuite rules and runs them from the queue', async () => {
    const { account, kit } = await open();
    kit.input = [{ shop: 'A', sku: 'x', qty: 2 }];
    try {
      const first = asScript(account, (task) =>
        task.create({ taskType: 'MAP_REDUCE', scriptId: MR, deploymentId: 'customdeploy_mr_a' }).submit(),
      );
      expect(first.units).toBe(20);
      expect(first.value).toMatch(/^MAPREDUCETASK_/);
      const status = asScript(account, (task) => task.checkStatus({ taskId: first.value }));
      expect(status).toMatchObject({
        units: 0,
        value: { status: 'PENDING', deploymentId: 'customdeploy_mr_a' },
      });
      expect(
        asScript(account, (task) =>
          errorOf(() =>
            task.create({ taskType: 'MAP_REDUCE', scriptId: MR, deploymentId: 'customdeploy_mr_a' }).submit(),
          ),
        ).value,
      ).toBe('MAP_REDUCE_ALREADY_RUNNING');
      const picked = asScript(account, (task) => {
        const id = task.create({ taskType: 'MAP_REDUCE', scriptId: MR }).submit();
        return task.checkStatus({ taskId: id }).deploymentId;
      });
      expect(picked.value).toBe('customdeploy_mr_b');
      expect(
        asScript(account, (task) =>
          errorOf(() => task.create({ taskType: 'MAP_REDUCE', scriptId: MR }).submit()),
        ).value,
      ).toBe('MAP_REDUCE_ALREADY_RUNNING');
      for (const deploymentId of ['customdeploy_mr_sched', 'customdeploy_mr_testing']) {
        expect(
          asScript(account, (task) =>
            errorOf(() => task.create({ taskType: 'MAP_REDUCE', scriptId: MR, deploymentId }).submit()),
          ).value,
        ).toBe('FAILED_TO_SUBMIT_JOB_REQUEST_1');
      }
      expect(
        asScript(account, (task) =>
          errorOf(() => task.create({ taskType: 'SCHEDULED_SCRIPT', scriptId: MR }).submit()),
        ).value,
      ).toBe('SSS_INVALID_SCRIPT_ID');

      const stages: unknown[] = [];
      kit.hooks.map = () => stages.push(account.queue.get(first.value)?.stage);
      const reports = await account.runQueuedTasks();
      expect(reports.map((r) => [r.deploymentId, r.status])).toEqual([
        ['customdeploy_mr_a', 'COMPLETE'],
        ['customdeploy_mr_b', 'COMPLETE'],
      ]);
      expect(stages[0]).toBe('MAP');
      expect(reports[0]?.mapReduce?.output).toEqual([{ key: 'A', value: '2' }]);
      expect(kit.summaries[0]?.concurrency).toBe(3);
      expect(asScript(account, (task) => task.checkStatus({ taskId: first.value })).value.status).toBe(
        'COMPLETE',
      );
      asScript(account, (task) =>
        task.create({ taskType: 'MAP_REDUCE', scriptId: MR, deploymentId: 'customdeploy_mr_a' }).submit(),
      );
    } finally {
      await account.stop();
    }
  });

  it('lets only the script owner submit a TESTING deployment, and runs it as the owner', async () => {
    const { account, kit } = await open();
    kit.input = [{ shop: 'A', sku: 'x', qty: 1 }];
    const users: unknown[] = [];
    kit.hooks.map = () => users.push((account.modules['N/runtime'] as RuntimeApi).getCurrentUser().name);
    try {
      const submit = (user?: ScriptUser) => {
        const inv = createInvocation({
          kind: 'restlet',
          user,
          scriptId: 'customscript_caller',
          deploymentId: 'customdeploy_caller',
          scriptType: 'RESTLET',
          startedAt: new Date(),
        });
        return runInvocation(inv, () =>
          errorOf(() =>
            (account.modules['N/task'] as TaskApi)
              .create({ taskType: 'MAP_REDUCE', scriptId: MR, deploymentId: 'customdeploy_mr_testing' })
              .submit(),
          ),
        );
      };
      expect(submit()).toBe('FAILED_TO_SUBMIT_JOB_REQUEST_1');
      expect(submit(account.owner)).toBe('no error');
      const [report] = await account.runQueuedTasks();
      expect(report).toMatchObject({ deploymentId: 'customdeploy_mr_testing', status: 'COMPLETE' });
      expect(users).toEqual(['Administrator']);
    } finally {
      await account.stop();
    }
  });

  it('runs scheduled script tasks ON_DEMAND with submitted params over deployment and script defaults', async () => {
    const { account, kit } = await open();
    try {
      asScript(account, (task) =>
        task
          .create({
            taskType: 'SCHEDULED_SCRIPT',
            scriptId: SS,
            deploymentId: 'customdeploy_ss_now',
            params: { custscript_tts_dry_run: 'T' },
          })
          .submit(),
      );
      const [report] = await account.runQueuedTasks();
      expect(report?.status).toBe('COMPLETE');
      expect(kit.saved.map((s) => s.data)).toEqual([
        {
          type: 'ON_DEMAND',
          batch: 50,
          dryRun: true,
          deploymentId: 'customdeploy_ss_now',
          context: 'SCHEDULED',
        },
      ]);
      expect(account.invocations.at(-1)).toMatchObject({
        kind: 'scheduled',
        scriptId: SS,
        units: 4,
        error: null,
      });
    } finally {
      await account.stop();
    }
  });

  it('refuses to drain the queue from inside a script', async () => {
    const { account } = await open();
    try {
      const inv = createInvocation({
        kind: 'restlet',
        scriptId: 's',
        deploymentId: 'd',
        scriptType: 'RESTLET',
        startedAt: new Date(),
      });
      await expect(runInvocation(inv, () => account.runQueuedTasks())).rejects.toThrow(/inside a script/);
    } finally {
      await account.stop();
    }
  });

  it('with autoRunTasks, runs submitted tasks on its own', async () => {
    const { account, kit } = await open(createTestKit(), { autoRunTasks: true });
    try {
      const { value: taskId } = asScript(account, (task) =>
        task.create({ taskType: 'SCHEDULED_SCRIPT', scriptId: SS }).submit(),
      );
      const deadline = Date.now() + 2000;
      while (account.queue.get(taskId)?.status !== 'COMPLETE' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(account.queue.get(taskId)?.status).toBe('COMPLETE');
      expect(kit.saved).toHaveLength(1);
    } finally {
      await account.stop();
    }
  });

  it('marks a task FAILED when its script throws', async () => {
    const { account, kit } = await open();
    kit.hooks.scheduled = () => {
      throw new SuiteScriptError('TTS_FAIL', 'nope');
    };
    try {
      const { value: taskId } = asScript(account, (task) =>
        task.create({ taskType: 'SCHEDULED_SCRIPT', scriptId: SS }).submit(),
      );
      const [report] = await account.runQueuedTasks();
      expect(report?.scheduled?.error).toBe('TTS_FAIL');
      expect(account.queue.get(taskId)?.status).toBe('FAILED');
    } finally {
      await account.stop();
    }
  });
});

describe('scheduled deployments on the emulator clock', () => {
  it('runs SCHEDULED deployments when due, coalescing missed times, and single ones once', async () => {
    const { account, clock, kit } = await open();
    kit.input = [];
    try {
      expect(account.scheduledDeployments()).toEqual([
        `${MR}/customdeploy_mr_sched`,
        `${SS}/customdeploy_ss_15`,
        `${SS}/customdeploy_ss_single`,
      ]);
      expect((await account.tick()).ran).toEqual([]);
      clock.advance(14 * 60_000);
      expect((await account.tick()).ran).toEqual([]);
      clock.advance(60_000);
      const at1215 = await account.tick();
      expect(at1215.ran.map((r) => r.deploymentId)).toEqual(['customdeploy_mr_sched', 'customdeploy_ss_15']);
      expect(at1215.ran[1]?.scheduled?.type).toBe('SCHEDULED');
      expect(kit.saved.at(-1)?.data).toMatchObject({ type: 'SCHEDULED', batch: 25, dryRun: false });
      clock.advance(60 * 60_000);
      const at1315 = await account.tick();
      expect(at1315.ran.map((r) => r.deploymentId)).toEqual([
        'customdeploy_mr_sched',
        'customdeploy_ss_15',
        'customdeploy_ss_single',
      ]);
      clock.advance(24 * 60 * 60_000);
      const nextDay = await account.tick();
      expect(nextDay.ran.map((r) => r.deploymentId)).toEqual(['customdeploy_mr_sched', 'customdeploy_ss_15']);
    } finally {
      await account.stop();
    }
  });

  it("follows an administrator's deployment edit: Testing is refused on submit, an undeployed schedule does not run", async () => {
    const { account, clock, kit } = await open();
    kit.input = [];
    try {
      account.registry.editDeployment('customdeploy_mr_a', { status: 'TESTING' });
      expect(
        asScript(account, (task) =>
          errorOf(() =>
            task.create({ taskType: 'MAP_REDUCE', scriptId: MR, deploymentId: 'customdeploy_mr_a' }).submit(),
          ),
        ).value,
      ).toBe('FAILED_TO_SUBMIT_JOB_REQUEST_1');
      account.registry.editDeployment('customdeploy_ss_15', { isdeployed: false });
      clock.advance(15 * 60_000);
      expect((await account.tick()).ran.map((r) => r.deploymentId)).toEqual(['customdeploy_mr_sched']);
      account.registry.editDeployment('customdeploy_ss_15', { isdeployed: true });
      clock.advance(15 * 60_000);
      expect((await account.tick()).ran.map((r) => r.deploymentId)).toEqual([
        'customdeploy_mr_sched',
        'customdeploy_ss_15',
      ]);
    } finally {
      await account.stop();
    }
  });

  it('runs a map/reduce deployment directly with restart injection and records invocations', async () => {
    const { account, kit } = await open();
    kit.input = [{ shop: 'A', sku: 'x', qty: 2 }];
    try {
      const report = account.runMapReduce(MR, 'customdeploy_mr_a', {
        injectRestart: { stage: 'map', atInvocation: 1, afterCharges: 0 },
      });
      expect(report.mapErrors.map((e) => JSON.parse(e.error).name)).toEqual(['SSS_APP_SERVER_RESTART']);
      expect(report.output).toEqual([{ key: 'A', value: '2' }]);
      expect(account.invocations.map((i) => i.kind)).toEqual([
        'mapreduce.getInputData',
        'mapreduce.map',
        'mapreduce.map',
        'mapreduce.reduce',
        'mapreduce.summarize',
      ]);
      expect(account.queue.all().at(-1)).toMatchObject({ origin: 'direct', status: 'COMPLETE', stage: null });
    } finally {
      await account.stop();
    }
  });
});
