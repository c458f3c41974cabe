/** Caps how many async operations run at once; waiters start in arrival order. */
export class Semaphore {
  private active = 0;
  private readonly waiters: (() => void)[] = [];
  private peakActive = 0;

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`Semaphore limit must be >= 1, got ${limit}`);
  }

  /** Highest number of operations that ran at the same time. */
  get peak(): number {
    return this.peakActive;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.active += 1;
    this.peakActive = Math.max(this.peakActive, this.active);
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiters.shift()?.();
    }
  }
}
