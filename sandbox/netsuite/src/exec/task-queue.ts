/**
 * The account's processing queue: tasks submitted with `N/task`, plus the instances the emulator
 * starts itself (scheduled deployments, direct runs), so "one unfinished instance per deployment"
 * holds across all of them.
 *
 * A map/reduce that submits its own running deployment is not refused: NetSuite defers that
 * submission until the current run ends and returns no task id (Oracle help,
 * "MapReduceScriptTask.submit()", section_453639770507: "if a map/reduce script resubmits itself,
 * the resubmit does not occur until the current execution completes ... no task ID is returned").
 * The queue keeps it PENDING behind the running instance (the runner starts a task only when its
 * deployment has none PROCESSING) and `submit` answers null: Oracle does not say which empty value
 * the script gets; null fails any use as an id (`task.checkStatus`, string methods), as an absent
 * id would. A second self-submission while one is deferred would be a second unfinished task for
 * the deployment: the emulator refuses it with MAP_REDUCE_ALREADY_RUNNING (not documented; stricter).
 */
import type { Clock } from '../../../../shared-types/src/time/clock';
import type { ScriptUser } from '../context';
import { ADMINISTRATOR_USER } from '../context';
import { NS, SuiteScriptError } from '../errors';
import type { RegisteredDeployment, RegisteredScript, ScriptRegistry } from './script-registry';

export type TaskType = 'MAP_REDUCE' | 'SCHEDULED_SCRIPT';
export type TaskStatusName = 'PENDING' | 'PROCESSING' | 'COMPLETE' | 'FAILED';
export type TaskOrigin = 'submit' | 'direct' | 'schedule';

export interface TaskEntry {
  readonly taskId: string;
  readonly taskType: TaskType;
  readonly scriptId: string;
  readonly deploymentId: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly origin: TaskOrigin;
  readonly submittedAt: Date;
  status: TaskStatusName;
  /** Map/reduce stage while PROCESSING (`GET_INPUT`, `MAP`, ...), else null. */
  stage: string | null;
  /** A map/reduce's submission of its own running deployment, waiting for that run to end. */
  readonly deferred: boolean;
  /** Who the task runs as: the submitting script's user ("the identity/role being inherited from the script that called the method", section_453639770507). */
  readonly user: ScriptUser | undefined;
}

/** The script invocation that calls `submit()` (its own deployment cannot be submitted twice). */
export interface Submitter {
  scriptId: string;
  deploymentId: string;
  scriptType: string;
  user: ScriptUser;
}

export interface SubmitRequest {
  taskType: TaskType;
  scriptId?: string;
  deploymentId?: string;
  params?: Readonly<Record<string, unknown>>;
}

const OBJECT_TYPE_OF_TASK = { MAP_REDUCE: 'mapreducescript', SCHEDULED_SCRIPT: 'scheduledscript' } as const;
const TASK_ID_PREFIX = { MAP_REDUCE: 'MAPREDUCETASK', SCHEDULED_SCRIPT: 'SCHEDSCRIPT' } as const;

export class TaskQueue {
  private readonly tasks: TaskEntry[] = [];
  private counter = 0;

  constructor(
    private readonly registry: ScriptRegistry,
    private readonly clock: Clock,
    /** The scripts' owner: only this user can submit a TESTING deployment. */
    private readonly owner: ScriptUser = ADMINISTRATOR_USER,
  ) {}

  /**
   * `task.submit()`: validates the deployment and queues a PENDING task; returns its id, or null when
   * a map/reduce submitted its own running deployment (deferred until that run ends).
   */
  submit(request: SubmitRequest, submitter?: Submitter): string | null {
    if (!request.scriptId) {
      throw new SuiteScriptError(NS.SSS_MISSING_REQD_ARGUMENT, 'Missing a required argument: scriptId.');
    }
    const objectType = OBJECT_TYPE_OF_TASK[request.taskType];
    const script = this.registry.requireScript(request.scriptId, objectType);
    const params = request.params ?? {};
    const user = submitter?.user;
    if (!request.deploymentId) {
      const free = this.pickFreeDeployment(script, request.taskType);
      return this.add(request.taskType, script, free, params, 'submit', 'PENDING', false, user).taskId;
    }
    const deployment = this.checkNamedDeployment(script, request.deploymentId, user);
    if (!this.isBusy(script, deployment)) {
      return this.add(request.taskType, script, deployment, params, 'submit', 'PENDING', false, user).taskId;
    }
    if (this.isSelfResubmission(request.taskType, script, deployment, submitter)) {
      this.add(request.taskType, script, deployment, params, 'submit', 'PENDING', true, user);
      return null;
    }
    throw alreadyRunning(request.taskType, deployment);
  }

  /** Starts an instance the emulator runs itself; refuses when the deployment already has one unfinished. */
  begin(
    taskType: TaskType,
    scriptId: string,
    deploymentId: string,
    origin: Exclude<TaskOrigin, 'submit'>,
  ): TaskEntry {
    const { script, deployment } = this.registry.require(
      scriptId,
      deploymentId,
      OBJECT_TYPE_OF_TASK[taskType],
    );
    if (this.isBusy(script, deployment)) throw alreadyRunning(taskType, deployment);
    return this.add(taskType, script, deployment, {}, origin, 'PROCESSING', false, undefined);
  }

  /** Whether a PENDING task may start now: its deployment has no instance PROCESSING. */
  canStart(entry: TaskEntry): boolean {
    return (
      entry.status === 'PENDING' &&
      !this.tasks.some(
        (t) =>
          t !== entry &&
          t.status === 'PROCESSING' &&
          t.scriptId === entry.scriptId &&
          t.deploymentId === entry.deploymentId,
      )
    );
  }

  /** PENDING tasks in submission order. */
  pending(): TaskEntry[] {
    return this.tasks.filter((t) => t.status === 'PENDING');
  }

  all(): readonly TaskEntry[] {
    return this.tasks;
  }

  get(taskId: string): TaskEntry | null {
    return this.tasks.find((t) => t.taskId === taskId) ?? null;
  }

  isBusy(script: RegisteredScript, deployment: RegisteredDeployment): boolean {
    return this.tasks.some(
      (t) =>
        t.scriptId === script.script.scriptid &&
        t.deploymentId === deployment.deployment.scriptid &&
        (t.status === 'PENDING' || t.status === 'PROCESSING'),
    );
  }

  /** A running map/reduce submitting its own deployment, with nothing deferred for it yet. */
  private isSelfResubmission(
    taskType: TaskType,
    script: RegisteredScript,
    deployment: RegisteredDeployment,
    submitter: Submitter | undefined,
  ): boolean {
    if (taskType !== 'MAP_REDUCE' || !submitter || submitter.scriptType !== 'MAPREDUCE') return false;
    const mine = (t: TaskEntry) =>
      t.scriptId === script.script.scriptid && t.deploymentId === deployment.deployment.scriptid;
    return (
      submitter.scriptId === script.script.scriptid &&
      submitter.deploymentId === deployment.deployment.scriptid &&
      this.tasks.some((t) => mine(t) && t.status === 'PROCESSING') &&
      !this.tasks.some((t) => mine(t) && t.status === 'PENDING')
    );
  }

  /**
   * A deployment `submit` may name: deployed, and Not Scheduled — or Testing when the owner submits
   * it (chapter_N2998873: a Testing deployment runs for the script owner only).
   */
  private checkNamedDeployment(
    script: RegisteredScript,
    deploymentId: string,
    user: ScriptUser | undefined,
  ): RegisteredDeployment {
    const deployment = this.registry.findDeployment(script, deploymentId);
    if (!deployment) {
      throw new SuiteScriptError(
        NS.FAILED_TO_SUBMIT_JOB_REQUEST_1,
        `Failed to submit job request: script ${script.script.scriptid} has no deployment ${deploymentId}.`,
      );
    }
    const { status, isdeployed } = deployment.deployment;
    const ownerTesting = status === 'TESTING' && user !== undefined && user.id === this.owner.id;
    if ((status !== 'NOTSCHEDULED' && !ownerTesting) || !isdeployed) {
      throw new SuiteScriptError(
        NS.FAILED_TO_SUBMIT_JOB_REQUEST_1,
        `Failed to submit job request: deployment ${deployment.deployment.scriptid} has status ${status}${
          isdeployed ? '' : ' and is not deployed'
        }; only deployed deployments with status NOTSCHEDULED (Not Scheduled) can be submitted (TESTING ones by the script owner, ${this.owner.name}, only).`,
      );
    }
    return deployment;
  }

  private pickFreeDeployment(script: RegisteredScript, taskType: TaskType): RegisteredDeployment {
    const candidates = script.deployments.filter(
      (d) => d.deployment.status === 'NOTSCHEDULED' && d.deployment.isdeployed,
    );
    const free = candidates.find((d) => !this.isBusy(script, d));
    if (free) return free;
    const first = candidates[0];
    if (first && taskType === 'MAP_REDUCE') throw alreadyRunning(taskType, first);
    throw new SuiteScriptError(
      'NO_DEPLOYMENTS_AVAILABLE',
      `No deployments available: script ${script.script.scriptid} has ${
        candidates.length === 0 ? 'no deployment with status NOTSCHEDULED' : 'no idle NOTSCHEDULED deployment'
      }.`,
    );
  }

  private add(
    taskType: TaskType,
    script: RegisteredScript,
    deployment: RegisteredDeployment,
    params: Readonly<Record<string, unknown>>,
    origin: TaskOrigin,
    status: TaskStatusName,
    deferred: boolean,
    user: ScriptUser | undefined,
  ): TaskEntry {
    this.counter += 1;
    const entry: TaskEntry = {
      taskId: `${TASK_ID_PREFIX[taskType]}_${String(this.counter).padStart(6, '0')}_${deployment.internalId}`,
      taskType,
      scriptId: script.script.scriptid,
      deploymentId: deployment.deployment.scriptid,
      params: { ...params },
      origin,
      submittedAt: new Date(this.clock.now()),
      status,
      stage: null,
      deferred,
      user,
    };
    this.tasks.push(entry);
    return entry;
  }
}

function alreadyRunning(taskType: TaskType, deployment: RegisteredDeployment): SuiteScriptError {
  if (taskType === 'MAP_REDUCE') {
    return new SuiteScriptError(
      NS.MAP_REDUCE_ALREADY_RUNNING,
      `Map/reduce script deployment ${deployment.deployment.scriptid} is already running or queued; submit again when it has finished, or use another deployment.`,
    );
  }
  return new SuiteScriptError(
    NS.FAILED_TO_SUBMIT_JOB_REQUEST_1,
    `Failed to submit job request: deployment ${deployment.deployment.scriptid} is already queued or running.`,
  );
}
