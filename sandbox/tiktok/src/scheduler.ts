/**
 * Work due at a clock time, run by `runDue()`, so simulated time never depends on real timers.
 */
import type { Clock } from '../../../shared-types/src/time/clock';

interface Job {
  id: number;
  dueAt: number;
  run: (dueAt: number) => void;
}

/**
 * Work due at a clock time (hold release, product audit, webhook retries). Jobs run when
 * `runDue()` is called — by a short real-time interval, before every API request, and by tests
 * after moving a TestClock — so simulated time never depends on real timers.
 */
export class Scheduler {
  private readonly jobs: Job[] = [];
  private nextId = 1;
  private running = false;

  constructor(private readonly clock: Clock) {}

  /** Schedules `run` at absolute epoch ms `dueAt`; returns a job id for `cancel`. */
  at(dueAt: number, run: (dueAt: number) => void): number {
    const id = this.nextId;
    this.nextId += 1;
    this.jobs.push({ id, dueAt, run });
    return id;
  }

  cancel(id: number): void {
    const index = this.jobs.findIndex((job) => job.id === id);
    if (index >= 0) this.jobs.splice(index, 1);
  }

  pending(): number {
    return this.jobs.length;
  }

  /** Earliest due time of a pending job (epoch ms), or null. */
  nextDueAt(): number | null {
    return this.jobs.reduce<number | null>(
      (min, job) => (min === null || job.dueAt < min ? job.dueAt : min),
      null,
    );
  }

  /** Runs every job whose time has come, earliest first (including jobs those jobs schedule). */
  runDue(): number {
    if (this.running) return 0;
    this.running = true;
    let ran = 0;
    try {
      for (;;) {
        const now = this.clock.now();
        let index = -1;
        for (let i = 0; i < this.jobs.length; i += 1) {
          const job = this.jobs[i] as Job;
          if (job.dueAt <= now && (index < 0 || job.dueAt < (this.jobs[index] as Job).dueAt)) index = i;
        }
        if (index < 0) break;
        const [job] = this.jobs.splice(index, 1);
        if (job) {
          job.run(job.dueAt);
          ran += 1;
        }
      }
    } finally {
      this.running = false;
    }
    return ran;
  }
}
