import { TestClock } from '../../../../../../test/support/test-clock';
import type { Invocation } from '../../../context';
import { createInvocation, runInvocation } from '../../../context';

/** Runs `fn` inside a fresh scheduled-script invocation; returns its result and the invocation. */
export function inInvocation<T>(fn: () => T, kind: Invocation['kind'] = 'scheduled'): { value: T; inv: Invocation } {
  const inv = createInvocation({
    kind,
    scriptId: 'customscript_test',
    deploymentId: 'customdeploy_test',
    scriptType: 'SCHEDULED',
    startedAt: new Date('2026-01-15T12:00:00Z'),
  });
  return { value: runInvocation(inv, fn), inv };
}

export const clock = new TestClock('2026-01-15T12:00:00Z');
