/**
 * Plays NetSuite's processing queue during the chaos run: runs the import tasks the RESTlet
 * submitted, injecting each planned app-server restart into the next map/reduce run until it has
 * hit a map invocation; every `scheduledEveryPasses` passes moves NetSuite's clock on 15 minutes, so
 * the every-15-minutes import deployment runs together with the queued on-demand ones, invocation
 * by invocation (round-robin), as NetSuite runs separate deployments at the same time; and — as the
 * scheduled deployment does in NetSuite — runs the import for inbox records left pending with no
 * task queued; and compresses the backoff of NetSuite's automatic retries (errors waiting for their
 * retry time are retried once nothing else runs).
 */
import type { TaskRunReport } from '../../sandbox/netsuite/src/exec/account';
import type { MapReduceReport, RestartInjection } from '../../sandbox/netsuite/src/exec/mapreduce/mr-types';
import type { NetSuiteEmulator } from '../../sandbox/netsuite/src/emulator';
import type { SteppingClock } from './stepping-clock';

export const IMPORT_SCRIPT = 'customscript_tts_mr_import_orders';
export const IMPORT_SCHEDULED_DEPLOYMENT = 'customdeploy_tts_mr_import_sched';
const RESTART = 'SSS_APP_SERVER_RESTART';
const INBOX = 'customrecord_tts_order';
const FIFTEEN_MINUTES = 15 * 60_000;

export class ImportPump {
  readonly runs: MapReduceReport[] = [];
  readonly failedTasks: TaskRunReport[] = [];
  restartsInjected = 0;
  safetyNetRuns = 0;
  /** Inbox records in error whose automatic retry time the pump brought forward. */
  retriesBroughtForward = 0;
  /** Scheduled import runs that ran interleaved with at least one on-demand import run. */
  overlappingScheduledRuns = 0;
  private passes = 0;
  private readonly injections: RestartInjection[];
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<void> = Promise.resolve();

  constructor(
    private readonly ns: NetSuiteEmulator,
    private readonly clock: SteppingClock,
    injections: readonly RestartInjection[],
    private readonly scheduledEveryPasses: number,
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

  private recordTasks(reports: readonly TaskRunReport[]): void {
    for (const report of reports) {
      if (report.mapReduce && report.scriptId === IMPORT_SCRIPT) this.record(report.mapReduce);
      if (report.status !== 'COMPLETE') this.failedTasks.push(report);
    }
  }

  /**
   * One pass: the queue, interleaved; every `scheduledEveryPasses`-th pass (once the restarts have
   * fired) with the scheduled deployments that came due.
   */
  async runQueued(): Promise<void> {
    this.passes += 1;
    const injectRestart = this.injections[0];
    if (injectRestart !== undefined || this.passes % this.scheduledEveryPasses !== 0) {
      this.recordTasks(
        await this.ns.runQueuedTasks({
          interleave: 'round-robin',
          ...(injectRestart ? { injectRestart } : {}),
        }),
      );
      return;
    }
    this.clock.advance(FIFTEEN_MINUTES);
    const tick = await this.ns.tick({ interleave: 'round-robin' });
    this.recordTasks([...tick.ran, ...tick.tasks]);
    const importRuns = (reports: readonly TaskRunReport[]) =>
      reports.filter((r) => r.scriptId === IMPORT_SCRIPT);
    if (importRuns(tick.ran).length > 0 && importRuns(tick.tasks).length > 0) {
      this.overlappingScheduledRuns += importRuns(tick.ran).length;
    }
  }

  private idle(): boolean {
    return !this.ns.queue.all().some((t) => t.status === 'PENDING' || t.status === 'PROCESSING');
  }

  /** The scheduled deployment's pass: only when records wait and nothing is queued or running. */
  runScheduledIfIdle(pendingInbox: number): void {
    if (pendingInbox === 0 || !this.idle()) return;
    this.safetyNetRuns += 1;
    this.record(this.ns.runMapReduce(IMPORT_SCRIPT, IMPORT_SCHEDULED_DEPLOYMENT));
  }

  /**
   * NetSuite's automatic retry with its backoff compressed: once nothing is queued or running, inbox
   * records in `error` waiting for their retry time (5 minutes and more after the failure; scripts
   * read the real clock) get it now, and the scheduled deployment's pass takes them, as it would
   * when that time came. Returns how many were brought forward.
   */
  retryWaitingErrors(): number {
    if (!this.idle()) return 0;
    const now = Math.floor(Date.now() / 1000);
    const waiting = this.ns.store.all(INBOX).filter((rec) => {
      const retryAt = rec.fields.custrecord_tts_ord_retry_at;
      return rec.fields.custrecord_tts_ord_state === 'error' && typeof retryAt === 'number' && retryAt > now;
    });
    for (const rec of waiting) {
      this.ns.seed.service.submitFields({
        type: INBOX,
        id: rec.id,
        values: { custrecord_tts_ord_retry_at: now - 1 },
      });
    }
    if (waiting.length > 0) {
      this.retriesBroughtForward += waiting.length;
      this.safetyNetRuns += 1;
      this.record(this.ns.runMapReduce(IMPORT_SCRIPT, IMPORT_SCHEDULED_DEPLOYMENT));
    }
    return waiting.length;
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

  /** Map outputs of every import run by key: `imported`, `linked`, ..., `not claimed: done`, ... */
  get results(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const run of this.runs) for (const { key } of run.output) out[key] = (out[key] ?? 0) + 1;
    return out;
  }
}
