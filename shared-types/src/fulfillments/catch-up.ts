/**
 * The fulfillment catch-up's governance, decided without touching NetSuite
 * (suiteapp/ts/mr_fulfillment_catchup.ts): a map/reduce that queues shipped item fulfillments of
 * TikTok orders the user event did not capture (CSV import without server scripts, other scripts'
 * saves, the flow switched off at the time, a capture that failed).
 *
 * - getInputData takes at most CATCH_UP_RUN_CAP fulfillments (one SuiteQL query, 10 units); a run
 *   that took the cap re-submits itself from summarize, so a backlog is worked off run by run.
 * - map catches one fulfillment up: load 10 + the capture ≤ 55 (sales order load 10, shop lookup 1,
 *   outbox query 10, a row 6, exceptions 6 each: lib/services/fulfillment-capture-service.ts). A map
 *   invocation has 1,000 units; a capture is only started with CATCH_UP_UNITS_PER_FULFILLMENT left,
 *   else the fulfillment is deferred to the next run (reschedule, never cut in the middle).
 * - summarize writes one exception per fulfillment whose map failed twice (6 units each) while its
 *   10,000 units last with the re-submit (20) kept in reserve; the failures it cannot log one by one
 *   go into one summary entry, and the next run takes those fulfillments again.
 */

/** Fulfillments one run takes. */
export const CATCH_UP_RUN_CAP = 1000;
/** Worst case of one fulfillment in map: record.load 10 + capture 55. */
export const CATCH_UP_UNITS_PER_FULFILLMENT = 65;
/** A sync log entry (record create 2 + save 4). */
export const LOG_ENTRY_UNITS = 6;
/** `task.submit` of the catch-up's on-demand deployment. */
export const RESUBMIT_UNITS = 20;

export type CatchUpStep = 'capture' | 'defer';

/** Whether map may start capturing one fulfillment with `remainingUnits` left. */
export function catchUpStep(remainingUnits: number): CatchUpStep {
  return remainingUnits >= CATCH_UP_UNITS_PER_FULFILLMENT ? 'capture' : 'defer';
}

export interface CatchUpRunFacts {
  /** Fulfillments getInputData took. */
  taken: number;
  cap: number;
  /** Fulfillments map deferred for lack of units. */
  deferred: number;
  /** Fulfillments whose map failed finally. */
  failures: number;
  /** Units summarize has left when it starts deciding. */
  remainingUnits: number;
}

export interface CatchUpFinishPlan {
  /** Failures logged one by one (the first ones). */
  logged: number;
  /** Failures folded into one summary entry (0: none needed). */
  summarized: number;
  /** Submit the on-demand deployment again: the run was capped or deferred some. */
  resubmit: boolean;
}

export function planCatchUpFinish(facts: CatchUpRunFacts): CatchUpFinishPlan {
  const resubmit = facts.taken >= facts.cap || facts.deferred > 0;
  const reserve = RESUBMIT_UNITS + LOG_ENTRY_UNITS;
  const affordable = Math.max(0, Math.floor((facts.remainingUnits - reserve) / LOG_ENTRY_UNITS));
  const logged = Math.min(facts.failures, affordable);
  return { logged, summarized: facts.failures - logged, resubmit };
}
