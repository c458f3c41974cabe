/**
 * Runs a health probe at most once per `ttlMs` (one in flight at a time) and remembers the result.
 * `get(maxWaitMs)` never keeps its caller longer than `maxWaitMs` waiting for a probe in flight:
 * a load balancer's health check has a timeout of its own (often 2–5 s), and a slow dependency
 * must not make this instance look dead. Past the wait it answers the last result with
 * `checking: true` (or, before any result, not ok and `checking: true`) while the probe finishes
 * in the background.
 */
import type { Clock } from '../../../shared-types/src/time/clock';
import { describeError } from '../core/errors';

export interface ProbeResult {
  ok: boolean;
  /** When the result was measured; null before the first probe has finished. */
  checkedAt: string | null;
  error?: string;
  /** A probe is still running (it outlasted the caller's wait); the result is the previous one. */
  checking?: true;
}

export class CachedProbe {
  private last: { at: number; result: ProbeResult } | undefined;
  private running: Promise<ProbeResult> | undefined;

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly ttlMs: number,
    private readonly clock: Clock,
  ) {}

  async get(maxWaitMs?: number): Promise<ProbeResult> {
    if (this.last && this.clock.now() - this.last.at < this.ttlMs) return this.last.result;
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    if (maxWaitMs === undefined) return this.running;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), maxWaitMs);
      timer.unref();
    });
    const result = await Promise.race([this.running, waited]);
    clearTimeout(timer);
    if (result) return result;
    return { ...(this.last?.result ?? { ok: false, checkedAt: null }), checking: true };
  }

  private async run(): Promise<ProbeResult> {
    const at = this.clock.now();
    let result: ProbeResult;
    try {
      await this.probe();
      result = { ok: true, checkedAt: new Date(at).toISOString() };
    } catch (error) {
      result = { ok: false, checkedAt: new Date(at).toISOString(), error: describeError(error) };
    }
    this.last = { at, result };
    return result;
  }
}
