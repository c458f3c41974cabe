/**
 * Usage units, as NetSuite charges them (Oracle help, SuiteScript 2.x API Governance: limits per script type and unit costs per API).
 *
 * A meter is created per script invocation (one RESTlet request, one map() call, one scheduled
 * run...). Every `N/*` call charges it through `charge()`. Going over the limit throws
 * `SSS_USAGE_LIMIT_EXCEEDED`, exactly as NetSuite does, and the call that overran does not happen.
 */
import { NS, SuiteScriptError } from './errors';

/** Record categories NetSuite prices differently. */
export type RecordCategory = 'transaction' | 'custom' | 'other';

/** Script types and stages that carry their own limits. */
export type GovernedInvocation =
  | 'restlet'
  | 'suitelet'
  | 'userevent'
  | 'scheduled'
  | 'mapreduce.getInputData'
  | 'mapreduce.map'
  | 'mapreduce.reduce'
  | 'mapreduce.summarize'
  | 'client';

export const USAGE_LIMITS: Readonly<Record<GovernedInvocation, number>> = {
  restlet: 5000,
  suitelet: 1000,
  userevent: 1000,
  client: 1000,
  scheduled: 10000,
  'mapreduce.getInputData': 10000,
  'mapreduce.map': 1000,
  'mapreduce.reduce': 5000,
  'mapreduce.summarize': 10000,
};

/** Cost of record operations by category (Oracle help, SuiteScript 2.x API Governance). */
export const RECORD_COSTS = {
  create: { transaction: 10, custom: 2, other: 5 },
  load: { transaction: 10, custom: 2, other: 5 },
  copy: { transaction: 10, custom: 2, other: 5 },
  transform: { transaction: 10, custom: 2, other: 5 },
  save: { transaction: 20, custom: 4, other: 10 },
  delete: { transaction: 20, custom: 4, other: 10 },
  submitFields: { transaction: 10, custom: 2, other: 5 },
  attach: { transaction: 10, custom: 10, other: 10 },
  detach: { transaction: 10, custom: 10, other: 10 },
} as const satisfies Record<string, Record<RecordCategory, number>>;

/** Cost of everything else (Oracle help, SuiteScript 2.x API Governance). */
export const API_COSTS = {
  'search.create': 0,
  'search.load': 5,
  'search.save': 5,
  'search.delete': 5,
  'search.lookupFields': 1,
  'search.global': 10,
  'search.duplicates': 10,
  'ResultSet.getRange': 10,
  'ResultSet.each': 10,
  'Search.runPaged': 5,
  'PagedData.fetch': 5,
  'query.runSuiteQL': 10,
  'query.runSuiteQLPaged': 10,
  'query.load': 5,
  'https.request': 10,
  'https.requestRestlet': 10,
  'task.submit': 20,
  'task.checkStatus': 0,
  'cache.get.hit': 1,
  'cache.get.miss': 2,
  'cache.put': 1,
  'cache.remove': 1,
  'email.send': 20,
  'file.load': 10,
  'file.save': 20,
  'runtime.getRemainingUsage': 0,
  /** Oracle help section_4358678787: "Governance: 10 units". */
  'currency.exchangeRate': 10,
} as const;

export type ApiName = keyof typeof API_COSTS;

export interface UsageEntry {
  api: string;
  units: number;
}

export class UsageMeter {
  private usedUnits = 0;
  /** Every charge in order, so tests and benchmarks can see what a script spent its units on. */
  readonly entries: UsageEntry[] = [];

  constructor(readonly limit: number) {}

  get used(): number {
    return this.usedUnits;
  }

  get remaining(): number {
    return this.limit - this.usedUnits;
  }

  /**
   * Charge `units` for `api`. Throws SSS_USAGE_LIMIT_EXCEEDED (and charges nothing) when the call
   * would take usage past the limit.
   */
  charge(api: string, units: number): void {
    if (units <= 0) {
      this.entries.push({ api, units: 0 });
      return;
    }
    if (this.usedUnits + units > this.limit) {
      throw new SuiteScriptError(
        NS.USAGE_LIMIT,
        `Script Execution Usage Limit Exceeded: ${api} needs ${units} units, ${this.remaining} of ${this.limit} remain.`,
      );
    }
    this.usedUnits += units;
    this.entries.push({ api, units });
  }

  chargeApi(api: ApiName): void {
    this.charge(api, API_COSTS[api]);
  }

  chargeRecord(op: keyof typeof RECORD_COSTS, category: RecordCategory, recordType: string): void {
    this.charge(`record.${op}(${recordType})`, RECORD_COSTS[op][category]);
  }

  /** Units per API name, for reports. */
  summary(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.entries) out[e.api] = (out[e.api] ?? 0) + e.units;
    return out;
  }
}

/**
 * Usage limits as a test sets them: NetSuite's own (USAGE_LIMITS) unless a test lowered the limit
 * of an invocation kind, to drive a script into its "usage running low" paths, which a real account
 * reaches only with far bigger batches or slower records than a test wants to build. Limits can
 * only go down: NetSuite never grants more.
 */
export class UsageLimits {
  private readonly lowered = new Map<GovernedInvocation, number>();

  /** Invocations of `kind` started from now on get `units` instead of NetSuite's limit. */
  lower(kind: GovernedInvocation, units: number): void {
    if (!Number.isInteger(units) || units < 0 || units > USAGE_LIMITS[kind]) {
      throw new RangeError(
        `usage limit of ${kind} can be lowered to 0..${USAGE_LIMITS[kind]} units, not ${units}`,
      );
    }
    this.lowered.set(kind, units);
  }

  /** Back to NetSuite's limits (of one kind, or of all). */
  reset(kind?: GovernedInvocation): void {
    if (kind === undefined) this.lowered.clear();
    else this.lowered.delete(kind);
  }

  limitOf(kind: GovernedInvocation): number {
    return this.lowered.get(kind) ?? USAGE_LIMITS[kind];
  }
}
