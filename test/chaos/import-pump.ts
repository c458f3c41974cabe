import type { TaskRunReport } from '../../sandbox/netsuite/src/exec/account';
import type { MapReduceReport, RestartInjection } from '../../sandbox/netsuite/src/exec/mapreduce/mr-types';
import type { NetSuiteEmulator } from '../../sandbox/netsuite/src/emulator';

/**
 * Plays NetSuite's processing queue during the chaos run: runs the import tasks the RESTlet
 * submitted, injecting each planned app-server restart into the next map/reduce run until it has
 * hit a map invocation, and — as the scheduled deployment does every 15 minutes in NetSuite — runs
 * the import for inbox records left pending with no task queued.
 */
export const IMPORT_SCRIPT = 'customscript_tts_mr_import_orders';
export const IMPORT_SCHEDULED_DEPLOYMENT = 'customdeploy_tts_mr_import_sched';
const RESTART = 'SSS_APP_SERVER_RESTART';

export class ImportPump {
  readonly runs: MapReduceReport[] = [];
  readonly failedTasks: TaskRunReport[] = [];
  restartsInjected = 0;
  safetyNetRuns = 0;
  private readonly injections: RestartInjection[];
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<void> = Promise.resolve();

  constructor(
    private readonly ns: NetSuiteEmulator,
    injections: readonly RestartInjection[],
  ) {
    this.injections = [...injections];
  }

  private record(report: MapReduceReport): void {
    this.runs.push(report);
    if (report.invocations.some((i) => i.error === RESTART)) {
      this.restartsInjected += 1;
      this.injections.shift();
    }
  }

  /** Runs whatever the queue holds (one pass). */
  async runQueued(): Promise<void> {
    const injectRestart = this.injections[0];
    const reports = await this.ns.runQueuedTasks(injectRestart ? { injectRestart } : {});
    for (const report of reports) {
      if (report.mapReduce) this.record(report.mapReduce);
      if (report.status !== 'COMPLETE') this.failedTasks.push(report);
    }
  }

  /** The scheduled deployment's pass: only when records wait and nothing is queued or running. */
  runScheduledIfIdle(pendingInbox: number): void {
    if (
      pendingInbox === 0 ||
      this.ns.queue.all().some((t) => t.status === 'PENDING' || t.status === 'PROCESSING')
    )
      return;
    this.safetyNetRuns += 1;
    this.record(this.ns.runMapReduce(IMPORT_SCRIPT, IMPORT_SCHEDULED_DEPLOYMENT));
  }

  start(intervalMs: number): void {
    const loop = (): void => {
      this.timer = setTimeout(() => {
        this.busy = this.runQueued().finally(() => {
          if (this.timer) loop();
        });
      }, intervalMs);
    };
    loop();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.busy;
  }

  get mapInvocations(): number {
    return this.runs.reduce((n, r) => n + r.invocations.filter((i) => i.stage === 'map').length, 0);
  }
}
