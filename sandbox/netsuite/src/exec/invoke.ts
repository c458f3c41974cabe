/**
 * Runs one entry-point call as one governed invocation and records it in the history.
 */
import type { Invocation, InvocationInit } from '../context';
import { createInvocation, runInvocation } from '../context';
import { UsageLimits, UsageMeter } from '../governance';
import { errorName } from './error-shape';
import type { InvocationRecord } from './types';

export type InvocationOutcome<T> =
  { ok: true; value: T; invocation: Invocation } | { ok: false; error: unknown; invocation: Invocation };

/**
 * Every invocation the emulator ran, in order; readable by tests and benchmarks. Every runner hands
 * it to invoke(), so it also carries the usage limits a test lowered (EmulatedAccount.lowerUsageLimit).
 */
export class InvocationHistory {
  readonly entries: InvocationRecord[] = [];
  readonly usageLimits = new UsageLimits();
  private readonly listeners: ((record: InvocationRecord) => void)[] = [];

  add(record: InvocationRecord): void {
    this.entries.push(record);
    for (const listener of this.listeners) listener(record);
  }

  onRecord(listener: (record: InvocationRecord) => void): void {
    this.listeners.push(listener);
  }
}

export interface InvokeOptions {
  /** Replaces the invocation's usage meter (restart injection). */
  meter?: UsageMeter;
  history?: InvocationHistory;
  /** Recorded with the invocation (InvocationRecord.label). */
  label?: string;
}

export function invoke<T>(
  init: InvocationInit,
  fn: (invocation: Invocation) => T,
  options: InvokeOptions = {},
): InvocationOutcome<T> {
  const base = createInvocation(init);
  const limit = options.history?.usageLimits.limitOf(init.kind) ?? base.meter.limit;
  const meter = options.meter ?? (limit === base.meter.limit ? undefined : new UsageMeter(limit));
  const invocation: Invocation = meter ? { ...base, meter } : base;
  let outcome: InvocationOutcome<T>;
  try {
    outcome = { ok: true, value: runInvocation(invocation, () => fn(invocation)), invocation };
  } catch (error) {
    outcome = { ok: false, error, invocation };
  }
  options.history?.add({
    kind: invocation.kind,
    scriptId: invocation.scriptId,
    deploymentId: invocation.deploymentId,
    units: invocation.meter.used,
    startedAt: invocation.startedAt,
    error: outcome.ok ? null : errorName(outcome.error),
    ...(options.label === undefined ? {} : { label: options.label }),
  });
  return outcome;
}
