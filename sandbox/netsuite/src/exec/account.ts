/**
 * One emulated NetSuite account's execution side: the deployed scripts, the `N/runtime`, `N/task`,
 * `N/https`, `N/url`, `N/redirect`, `N/ui/serverWidget` and `N/email` modules (sent mail lands in
 * `mailbox`), the task queue, the scheduler,
 * the user event dispatcher, the RESTlet front door and the Suitelet pages. The data side
 * (`N/record`, `N/search`, ...) comes in as a module map; `NetSuiteEmulator` (emulator.ts) wires in
 * the real data layer.
 */
import type { SdfProject } from '../../../../suiteapp/tools/sdf-model';
import type { Clock } from '../../../../shared-types/src/time/clock';
import { systemClock } from '../../../../shared-types/src/time/clock';
import type { ScriptUser } from '../context';
import { ADMINISTRATOR_USER, hasInvocation } from '../context';
import { SuiteScriptError } from '../errors';
import type { GovernedInvocation } from '../governance';
import { AmdLoader } from './amd-loader';
import type { IntegrationCredentials } from './credentials';
import { generateCredentials } from './credentials';
import { errorMessage, errorName } from './error-shape';
import type { HttpsModuleOptions } from './https-module';
import { Method, createHttpsModule } from './https-module';
import { InvocationHistory } from './invoke';
import { mapReduceJobSteps } from './mapreduce/mr-runner';
import type { MapReduceReport, RestartInjection } from './mapreduce/mr-types';
import type { RestletTarget } from './restlet/dispatch';
import { RestletHost } from './restlet/host';
import { createRuntimeModule } from './runtime-module';
import type { ScheduledInvocationType, ScheduledRunReport } from './scheduled-runner';
import { scheduledScriptSteps } from './scheduled-runner';
import { Scheduler } from './scheduler';
import { ScriptRegistry, resolveParameters } from './script-registry';
import type { RenderOptions } from './suitelet/render-form';
import type { RecordFormOptions } from './suitelet/record-form';
import { createRecordFormRoute, CUSTOM_RECORD_PATH, ITEM_RECORD_PATH } from './suitelet/record-form';
import { RedirectType } from './suitelet/suitelet-http';
import { createLoginRoute, createSuiteletRoute } from './suitelet/suitelet-host';
import { createRedirectModule, createServerWidgetModule, createUrlModule } from './suitelet/ui-modules';
import { UiSession } from './suitelet/ui-session';
import { LOGIN_PATH, SUITELET_PATH, UiUrls } from './suitelet/ui-urls';
import { createTaskModule } from './task-module';
import type { MailEntity } from './email-module';
import { Mailbox, createEmailModule } from './email-module';
import type { TaskEntry, TaskType } from './task-queue';
import { TaskQueue } from './task-queue';
import type { AuthAuditEntry, TbaCredentials } from './tba/verifier';
import { TbaVerifier } from './tba/verifier';
import type { InvocationRecord, ModuleMap } from './types';
import { UserEventDispatcher } from './user-events';

export interface AccountOptions {
  project: Pick<SdfProject, 'scripts' | 'resolveFileCabinetPath'> & {
    manifest?: Pick<SdfProject['manifest'], 'features'>;
  };
  /** The data layer's modules (`N/record`, `N/search`, `N/query`, `N/log`, `N/error`, ...). */
  modules: ModuleMap;
  /** Default `TSTDRV1234567`; sandbox ids look like `1234567_SB1`. */
  accountId?: string;
  /** Emulator time: schedules, invocation timestamps. */
  clock?: Clock;
  /** Time used to check OAuth timestamps (default: the system clock, which is what callers sign with). */
  authClock?: Clock;
  /** Features in effect beyond the manifest's (`runtime.isFeatureInEffect`). */
  features?: string[];
  /**
   * The features in effect, exactly (the account profile's): replaces the manifest-derived list, as
   * the account, not the SuiteApp's manifest, decides what is enabled.
   */
  featuresInEffect?: readonly string[];
  /** The users' preferences `runtime.getCurrentUser().getPreference` answers (`TIMEZONE`, ...). */
  userPreferences?: Readonly<Record<string, string>>;
  /** The company's country (`runtime.country`, two letters; default `US`). */
  country?: string;
  /** Account-wide concurrent RESTlet request limit (default 5). */
  concurrencyLimit?: number;
  /** Simulated duration each RESTlet request holds its slot (default 0). */
  restletLatencyMs?: number;
  /** Run submitted tasks on a short timer (default false: call `runQueuedTasks()`). */
  autoRunTasks?: boolean;
  port?: number;
  host?: string;
  https?: HttpsModuleOptions;
  /**
   * The entities besides the scripts' owner (an employee) that `N/email` knows by internal id
   * (customers of the data layer, ...); default none.
   */
  emailEntities?: (id: number) => MailEntity | null;
  /** Options of serverWidget SELECT fields with a `source` record type (the data layer's records). */
  selectOptions?: RenderOptions['selectOptions'];
  /** The data layer behind the record pages (custom records' and items' entry forms); none without it. */
  recordPages?: Omit<RecordFormOptions, 'session'>;
  /**
   * The owner of the account's scripts (who may run TESTING deployments), also the UI user. Default:
   * the administrator (context.ts ADMINISTRATOR_USER), not the integration user RESTlet calls run as.
   */
  scriptOwner?: ScriptUser;
}

export interface RunMapReduceOptions {
  params?: Record<string, unknown>;
  injectRestart?: RestartInjection;
}

export interface RunScheduledOptions {
  params?: Record<string, unknown>;
  type?: ScheduledInvocationType;
}

export interface TaskRunReport {
  taskId: string;
  taskType: TaskType;
  scriptId: string;
  deploymentId: string;
  status: 'COMPLETE' | 'FAILED';
  mapReduce: MapReduceReport | null;
  scheduled: ScheduledRunReport | null;
  /** Why the task could not run at all (script file missing, header refused...). */
  error: string | null;
}

/** What a task picker sees of each running task. */
export interface RunningTask {
  readonly taskId: string;
  readonly taskType: TaskType;
  readonly scriptId: string;
  readonly deploymentId: string;
  /** Map/reduce stage (`GET_INPUT`, `MAP`, ...), null for scheduled scripts. */
  readonly stage: string | null;
  /** Invocations this task has run so far. */
  readonly steps: number;
}

/**
 * How the emulator runs tasks of different deployments that are ready at the same time:
 * - `sequential`: one task to its end, then the next (in submission order);
 * - `round-robin`: every ready task starts, and their invocations alternate (getInputData, each map
 *   and reduce invocation, summarize; a scheduled script is one invocation), as NetSuite runs
 *   separate deployments at the same time (Oracle help, "Submitting Multiple Deployments of the Same
 *   Script", section_1510974473; Oracle help, SuiteScript 2.x Map/Reduce Script Type);
 * - a picker: given the running tasks, returns the index of the one whose next invocation runs —
 *   a test chooses the interleaving it wants to prove something about.
 * Two tasks of one deployment never run at the same time (one unfinished instance per deployment).
 */
export type TaskInterleaving = 'sequential' | 'round-robin' | ((running: readonly RunningTask[]) => number);

export interface RunQueuedTasksOptions {
  /** Applies to the first map/reduce task started (tests use it on jobs our scripts submitted). */
  injectRestart?: RestartInjection;
  /** Default: the account's (`setTaskInterleaving`, initially `sequential`). */
  interleave?: TaskInterleaving;
}

interface ActiveTask {
  entry: TaskEntry;
  steps: Generator<void, TaskRunReport, void>;
  taken: number;
  origin: 'schedule' | 'queue';
}

export interface TickReport {
  /** Scheduled deployments that were due and ran. */
  ran: TaskRunReport[];
  /** Due deployments skipped because their previous instance was still unfinished. */
  skipped: string[];
  /** Tasks from the queue processed after the scheduled runs. */
  tasks: TaskRunReport[];
}

const AUTO_RUN_INTERVAL_MS = 20;

export class EmulatedAccount {
  readonly accountId: string;
  readonly clock: Clock;
  readonly registry: ScriptRegistry;
  readonly loader: AmdLoader;
  readonly modules: ModuleMap;
  readonly history = new InvocationHistory();
  /** Every email scripts sent with `N/email`, in order. */
  readonly mailbox = new Mailbox();
  readonly queue: TaskQueue;
  readonly credentials: IntegrationCredentials;
  /** Runs user event scripts around record saves; the data layer's N/record calls it (emulator.ts). */
  readonly userEvents: UserEventDispatcher;
  /** URLs of Suitelets, RESTlets and records as `N/url` resolves them. */
  readonly urls: UiUrls;
  /** The scripts' owner: TESTING deployments run for this user only (and the UI user). */
  readonly owner: ScriptUser;
  protected readonly uiSession = new UiSession();
  protected readonly verifier: TbaVerifier;
  protected readonly host: RestletHost;
  private readonly scheduler: Scheduler;
  private draining = false;
  private timer: NodeJS.Timeout | null = null;
  private interleaving: TaskInterleaving = 'sequential';

  protected constructor(private readonly options: AccountOptions) {
    this.accountId = options.accountId ?? 'TSTDRV1234567';
    this.clock = options.clock ?? systemClock;
    this.registry = ScriptRegistry.fromProject(options.project);
    this.owner = options.scriptOwner ?? ADMINISTRATOR_USER;
    this.queue = new TaskQueue(this.registry, this.clock, this.owner);
    this.scheduler = new Scheduler(this.registry, this.clock);
    const features = options.featuresInEffect
      ? [...options.featuresInEffect]
      : [...(options.project.manifest?.features ?? []).map((f) => f.name), ...(options.features ?? [])];
    this.urls = new UiUrls({
      registry: this.registry,
      accountId: this.accountId,
      baseUrl: () => this.host.baseUrl,
    });
    this.modules = {
      ...options.modules,
      'N/runtime': createRuntimeModule({
        accountId: this.accountId,
        registry: this.registry,
        features,
        userPreferences: options.userPreferences,
        country: options.country,
      }),
      'N/task': createTaskModule(this.queue),
      'N/https': { ...createHttpsModule(options.https), RedirectType },
      'N/http': { Method, RedirectType },
      'N/url': createUrlModule(this.urls),
      'N/redirect': createRedirectModule(this.urls),
      'N/ui/serverWidget': createServerWidgetModule(),
      'N/email': createEmailModule({
        mailbox: this.mailbox,
        entity: (id) =>
          id === this.owner.id
            ? { id, kind: 'employee', email: this.owner.email }
            : (options.emailEntities?.(id) ?? null),
        now: () => this.clock.now(),
      }),
    };
    this.loader = new AmdLoader({
      resolveFileCabinetPath: (p) => options.project.resolveFileCabinetPath(p),
      modules: this.modules,
    });
    const loadEntryPoints = (script: Parameters<AmdLoader['loadEntryPoints']>[0]) =>
      this.loader.loadEntryPoints(script);
    this.userEvents = new UserEventDispatcher({
      registry: this.registry,
      owner: this.owner,
      uiUser: this.owner,
      loadEntryPoints,
      clock: this.clock,
      history: this.history,
    });
    this.verifier = new TbaVerifier({ accountId: this.accountId, clock: options.authClock ?? systemClock });
    this.credentials = generateCredentials(this.accountId);
    this.verifier.addCredentials(this.credentials);
    this.host = new RestletHost({
      verifier: this.verifier,
      resolve: (script, deploy) => this.resolveRestlet(script, deploy),
      dispatch: { clock: this.clock, history: this.history },
      concurrencyLimit: options.concurrencyLimit,
      latencyMs: options.restletLatencyMs,
      routes: {
        [SUITELET_PATH]: createSuiteletRoute({
          registry: this.registry,
          loadEntryPoints,
          session: this.uiSession,
          urls: this.urls,
          clock: this.clock,
          history: this.history,
          selectOptions: options.selectOptions,
        }),
        [LOGIN_PATH]: createLoginRoute(this.uiSession),
        ...(options.recordPages === undefined
          ? {}
          : {
              [CUSTOM_RECORD_PATH]: createRecordFormRoute({
                ...options.recordPages,
                session: this.uiSession,
              }),
              [ITEM_RECORD_PATH]: createRecordFormRoute({ ...options.recordPages, session: this.uiSession }),
            }),
      },
      port: options.port,
      host: options.host,
    });
  }

  /** Registers the scripts and starts the RESTlet host. */
  static async open(options: AccountOptions): Promise<EmulatedAccount> {
    const account = new EmulatedAccount(options);
    await account.startServices();
    return account;
  }

  protected async startServices(): Promise<void> {
    await this.host.start();
    if (this.options.autoRunTasks) {
      this.timer = setInterval(() => {
        if (this.draining || hasInvocation() || this.queue.pending().length === 0) return;
        void this.runQueuedTasks();
      }, AUTO_RUN_INTERVAL_MS);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.host.stop();
  }

  /** Every script invocation so far (kind, script, deployment, units, start time, error). */
  get invocations(): readonly InvocationRecord[] {
    return this.history.entries;
  }

  /**
   * Test control: invocations of `kind` (`restlet`, `userevent`, ...) started from now on may use
   * only `units` (NetSuite: 5,000 per RESTlet call, 1,000 per user event), so a test can drive a
   * script into its "usage running low" path; `null` restores NetSuite's limit.
   */
  lowerUsageLimit(kind: GovernedInvocation, units: number | null): void {
    if (units === null) this.history.usageLimits.reset(kind);
    else this.history.usageLimits.lower(kind, units);
  }

  /** Login audit trail of RESTlet requests: success, or the reason a request was refused. */
  get authAudit(): readonly AuthAuditEntry[] {
    return this.verifier.audit;
  }

  /** Most RESTlet requests that were being served at once. */
  get peakRestletConcurrency(): number {
    return this.host.peakConcurrency;
  }

  get restletBaseUrl(): string {
    return this.host.baseUrl;
  }

  restletUrl(scriptId: string | number, deployId: string | number): string {
    const q = `script=${encodeURIComponent(String(scriptId))}&deploy=${encodeURIComponent(String(deployId))}`;
    return `${this.host.baseUrl}/app/site/hosting/restlet.nl?${q}`;
  }

  /** The UI session's token: Suitelet requests carry `Authorization: Bearer <uiToken>` (or the cookie). */
  get uiToken(): string {
    return this.uiSession.token;
  }

  /** The UI session cookie (`JSESSIONID=<uiToken>`), for a `Cookie` header. */
  get uiSessionCookie(): string {
    return this.uiSession.cookie;
  }

  /** A Suitelet deployment's page (absolute URL); requests need the UI session. */
  suiteletUrl(scriptId: string | number, deployId: string | number): string {
    const q = `script=${encodeURIComponent(String(scriptId))}&deploy=${encodeURIComponent(String(deployId))}`;
    return `${this.host.baseUrl}${SUITELET_PATH}?${q}`;
  }

  /** Opening this URL in a browser logs it in (sets the session cookie) and goes to `redirectTo`. */
  uiLoginUrl(redirectTo = '/'): string {
    return `${this.host.baseUrl}${LOGIN_PATH}?token=${this.uiSession.token}&redirect=${encodeURIComponent(redirectTo)}`;
  }

  /** Adds another integration/token pair that RESTlet requests may sign with. */
  addCredentials(credentials: TbaCredentials): void {
    this.verifier.addCredentials(credentials);
  }

  /** Revokes a token (requests signed with it get INVALID_LOGIN_ATTEMPT, audit TokenRejected). */
  revokeToken(tokenId: string): void {
    this.verifier.revokeToken(tokenId);
  }

  /** How `runQueuedTasks`, `tick` and the auto-run timer interleave tasks from now on (default `sequential`). */
  setTaskInterleaving(interleaving: TaskInterleaving): void {
    this.interleaving = interleaving;
  }

  /** Runs a map/reduce deployment now (it must not have an unfinished instance). */
  runMapReduce(scriptId: string, deploymentId: string, options: RunMapReduceOptions = {}): MapReduceReport {
    const entry = this.queue.begin('MAP_REDUCE', scriptId, deploymentId, 'direct');
    return runThrough(this.mapReduceSteps(entry, options.params ?? {}, options.injectRestart));
  }

  /** Runs a scheduled script deployment now (`context.type` ON_DEMAND unless told). */
  runScheduled(
    scriptId: string,
    deploymentId: string,
    options: RunScheduledOptions = {},
  ): ScheduledRunReport {
    const entry = this.queue.begin('SCHEDULED_SCRIPT', scriptId, deploymentId, 'direct');
    return runThrough(this.scheduledSteps(entry, options.params ?? {}, options.type ?? 'ON_DEMAND'));
  }

  /**
   * Processes submitted tasks, including tasks submitted while it runs, interleaved as
   * `options.interleave` (or the account's setting) says; reports in the order tasks finish.
   */
  async runQueuedTasks(options: RunQueuedTasksOptions = {}): Promise<TaskRunReport[]> {
    return (await this.runTasks([], options)).map((done) => done.report);
  }

  /**
   * Runs every scheduled deployment due by `clock.now()` (coalescing missed times) together with the
   * queue: with an interleaving other than `sequential`, the scheduled runs and the queued tasks
   * overlap.
   */
  async tick(options: Pick<RunQueuedTasksOptions, 'interleave'> = {}): Promise<TickReport> {
    const report: TickReport = { ran: [], skipped: [], tasks: [] };
    const due: ActiveTask[] = [];
    for (const next of this.scheduler.takeDue(new Date(this.clock.now()))) {
      const taskType: TaskType =
        next.script.script.objectType === 'mapreducescript' ? 'MAP_REDUCE' : 'SCHEDULED_SCRIPT';
      const name = `${next.script.script.scriptid}/${next.deployment.deployment.scriptid}`;
      if (this.queue.isBusy(next.script, next.deployment)) {
        report.skipped.push(name);
        continue;
      }
      const entry = this.queue.begin(
        taskType,
        next.script.script.scriptid,
        next.deployment.deployment.scriptid,
        'schedule',
      );
      due.push({ entry, steps: this.taskSteps(entry, 'SCHEDULED'), taken: 0, origin: 'schedule' });
    }
    for (const done of await this.runTasks(due, options)) {
      (done.origin === 'schedule' ? report.ran : report.tasks).push(done.report);
    }
    return report;
  }

  /** Scheduled deployments the emulator runs on their recurrence (`scriptid/deployid`). */
  scheduledDeployments(): string[] {
    return this.scheduler.deployments();
  }

  /** Runs `started` and the startable queued tasks to their end, one invocation at a time. */
  private async runTasks(
    started: ActiveTask[],
    options: RunQueuedTasksOptions,
  ): Promise<{ origin: ActiveTask['origin']; report: TaskRunReport }[]> {
    if (hasInvocation()) {
      throw new Error('runQueuedTasks() and tick() cannot be called from inside a script invocation.');
    }
    const finished: { origin: ActiveTask['origin']; report: TaskRunReport }[] = [];
    const active = [...started];
    if (this.draining) {
      for (const task of active) finished.push({ origin: task.origin, report: runThrough(task.steps) });
      return finished;
    }
    const interleave = options.interleave ?? this.interleaving;
    let injectRestart = options.injectRestart;
    this.draining = true;
    try {
      for (let turn = 0; ; turn += 1) {
        for (const entry of this.queue.pending()) {
          if (interleave === 'sequential' && active.length > 0) break;
          if (!this.queue.canStart(entry)) continue;
          entry.status = 'PROCESSING';
          const restart = entry.taskType === 'MAP_REDUCE' ? injectRestart : undefined;
          if (entry.taskType === 'MAP_REDUCE') injectRestart = undefined;
          active.push({
            entry,
            steps: this.taskSteps(entry, 'ON_DEMAND', restart),
            taken: 0,
            origin: 'queue',
          });
        }
        if (active.length === 0) break;
        const index = pickTask(interleave, active, turn);
        const task = active[index] as ActiveTask;
        const next = task.steps.next();
        task.taken += 1;
        if (next.done) {
          active.splice(index, 1);
          finished.push({ origin: task.origin, report: next.value });
        }
      }
    } finally {
      this.draining = false;
    }
    return finished;
  }

  /** One task as steps (one per invocation); a task that cannot run at all ends FAILED with the reason. */
  private *taskSteps(
    entry: TaskEntry,
    scheduledType: ScheduledInvocationType,
    injectRestart?: RestartInjection,
  ): Generator<void, TaskRunReport, void> {
    const base = {
      taskId: entry.taskId,
      taskType: entry.taskType,
      scriptId: entry.scriptId,
      deploymentId: entry.deploymentId,
    };
    try {
      if (entry.taskType === 'MAP_REDUCE') {
        const mapReduce = yield* this.mapReduceSteps(entry, entry.params, injectRestart);
        return { ...base, status: mapReduce.status, mapReduce, scheduled: null, error: null };
      }
      const scheduled = yield* this.scheduledSteps(entry, entry.params, scheduledType);
      return { ...base, status: scheduled.status, mapReduce: null, scheduled, error: null };
    } catch (e) {
      return {
        ...base,
        status: 'FAILED',
        mapReduce: null,
        scheduled: null,
        error: `${errorName(e)}: ${errorMessage(e)}`,
      };
    }
  }

  private *mapReduceSteps(
    entry: TaskEntry,
    params: Readonly<Record<string, unknown>>,
    injectRestart?: RestartInjection,
  ): Generator<void, MapReduceReport, void> {
    try {
      const { script, deployment } = this.registry.require(
        entry.scriptId,
        entry.deploymentId,
        'mapreducescript',
      );
      const report = yield* mapReduceJobSteps({
        scriptId: entry.scriptId,
        deploymentId: entry.deploymentId,
        entryPoints: this.loader.loadEntryPoints(script.script),
        modules: this.modules,
        clock: this.clock,
        parameters: resolveParameters(script.script, deployment.deployment, params),
        concurrency: deployment.deployment.concurrencylimit ?? 1,
        taskId: entry.taskId,
        user: entry.user,
        history: this.history,
        injectRestart,
        onStage: (stage) => {
          entry.stage = stage;
        },
      });
      entry.status = report.status;
      return report;
    } catch (e) {
      entry.status = 'FAILED';
      throw e;
    } finally {
      entry.stage = null;
    }
  }

  private *scheduledSteps(
    entry: TaskEntry,
    params: Readonly<Record<string, unknown>>,
    type: ScheduledInvocationType,
  ): Generator<void, ScheduledRunReport, void> {
    try {
      const { script, deployment } = this.registry.require(
        entry.scriptId,
        entry.deploymentId,
        'scheduledscript',
      );
      const report = yield* scheduledScriptSteps({
        scriptId: entry.scriptId,
        deploymentId: entry.deploymentId,
        entryPoints: this.loader.loadEntryPoints(script.script),
        type,
        clock: this.clock,
        parameters: resolveParameters(script.script, deployment.deployment, params),
        taskId: entry.taskId,
        user: entry.user,
        history: this.history,
      });
      entry.status = report.status;
      return report;
    } catch (e) {
      entry.status = 'FAILED';
      throw e;
    }
  }

  /**
   * The RESTlet deployment a request names. Only RELEASED deployments answer requests from outside
   * NetSuite, even for the script owner: Oracle help, "Deploying a RESTlet" (section_4618456517): "The
   * Status must be 'Released' before you can call the RESTlet from outside NetSuite". The general page
   * on deployment status (chapter_N2998873) lets a Testing deployment run for the owner; the two
   * disagree for a call signed with the owner's token, and the emulator takes the stricter one.
   */
  private resolveRestlet(scriptParam: string, deployParam: string): RestletTarget {
    const invalid = (): SuiteScriptError =>
      new SuiteScriptError(
        'SSS_INVALID_SCRIPTLET_ID',
        'That Suitelet is invalid, disabled, or no longer exists.',
      );
    const script = scriptParam ? this.registry.findScript(scriptParam) : null;
    if (!script || script.script.objectType !== 'restlet') throw invalid();
    const deployment = deployParam ? this.registry.findDeployment(script, deployParam) : null;
    if (!deployment || deployment.deployment.status !== 'RELEASED' || !deployment.deployment.isdeployed)
      throw invalid();
    return {
      scriptId: script.script.scriptid,
      deploymentId: deployment.deployment.scriptid,
      entryPoints: this.loader.loadEntryPoints(script.script),
      parameters: resolveParameters(script.script, deployment.deployment),
    };
  }
}

/** Runs a stepped task through to its result. */
function runThrough<T>(steps: Generator<void, T, void>): T {
  for (let next = steps.next(); ; next = steps.next()) if (next.done) return next.value;
}

/** The index of the task whose next invocation runs. */
function pickTask(interleave: TaskInterleaving, active: readonly ActiveTask[], turn: number): number {
  if (interleave === 'sequential') return 0;
  if (interleave === 'round-robin') return turn % active.length;
  const index = interleave(
    active.map((t) => ({
      taskId: t.entry.taskId,
      taskType: t.entry.taskType,
      scriptId: t.entry.scriptId,
      deploymentId: t.entry.deploymentId,
      stage: t.entry.stage,
      steps: t.taken,
    })),
  );
  if (!Number.isInteger(index) || index < 0 || index >= active.length) {
    throw new Error(
      `The task picker returned ${index}; it must be an index into the ${active.length} running tasks.`,
    );
  }
  return index;
}
