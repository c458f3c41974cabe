import type { Clock } from '../core/clock';
import { describeError } from '../core/errors';

/** Runs a health probe at most once per `ttlMs` (one in flight at a time) and remembers the result. */
export interface ProbeResult {
  ok: boolean;
  checkedAt: string;
  error?: string;
}

export class CachedProbe {
  private last: { at: number; result: ProbeResult } | undefined;
  private running: Promise<ProbeResult> | undefined;

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly ttlMs: number,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<ProbeResult> {
    if (this.last && this.clock.now() - this.last.at < this.ttlMs) return this.last.result;
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
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
