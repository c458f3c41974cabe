/**
 * Every job kind has exactly one handler, wired in `bridge/src/workers/job-handlers.ts` (not only in the
 * composition root): a kind added to `JOB_KINDS` without a handler fails `npm run typecheck` (the
 * `@ts-expect-error` below proves the record is exhaustive) and this test.
 */
import { JOB_KINDS, type JobKind } from '../job-kinds';
import { jobHandlerList, jobHandlers, type JobHandlerDeps, type JobHandlers } from '../job-handlers';
import type { JobHandler } from '../job-runner';

// Building the handlers only closes over their dependencies; none is called here.
const deps = {} as JobHandlerDeps;

describe('jobHandlers: one handler for every job kind', () => {
  it('has a handler for each JOB_KINDS value, whose kind is that value', () => {
    const handlers = jobHandlers(deps);
    const kinds = Object.values(JOB_KINDS).sort();
    expect(Object.keys(handlers).sort()).toEqual(kinds);
    for (const kind of kinds) expect(handlers[kind].kind).toBe(kind);
  });

  it('lists each handler once for the job runner', () => {
    const kinds = jobHandlerList(jobHandlers(deps)).map((handler) => handler.kind);
    expect(kinds.sort()).toEqual(Object.values(JOB_KINDS).sort());
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('is a record the type checker holds to every kind', () => {
    const some: JobHandler = jobHandlers(deps)[JOB_KINDS.ORDER_UPSERT];
    // @ts-expect-error a record of handlers missing a kind does not type-check
    const missing: JobHandlers = { [JOB_KINDS.ORDER_UPSERT]: some };
    const kinds: JobKind[] = Object.keys(missing) as JobKind[];
    expect(kinds).toEqual([JOB_KINDS.ORDER_UPSERT]);
  });
});
