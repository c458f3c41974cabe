import { UsageLimits, USAGE_LIMITS } from '../../governance';
import { InvocationHistory, invoke } from '../invoke';

/**
 * Lowered usage limits (EmulatedAccount.lowerUsageLimit): a test makes the next invocations of one
 * kind start with fewer units, so the "usage running low" paths of a script can be exercised
 * without batches big enough to reach NetSuite's own limits.
 */
function run(history: InvocationHistory, kind: 'restlet' | 'userevent', spend: number) {
  return invoke(
    {
      kind,
      scriptId: 'customscript_probe',
      deploymentId: 'customdeploy_probe',
      scriptType: 'RESTLET',
      startedAt: new Date(0),
    },
    (invocation) => {
      const before = invocation.meter.remaining;
      invocation.meter.charge('probe', spend);
      return before;
    },
    { history },
  );
}

describe('lowered usage limits', () => {
  it("gives invocations of the lowered kind that many units, and other kinds NetSuite's", () => {
    const history = new InvocationHistory();
    history.usageLimits.lower('restlet', 100);
    const within = run(history, 'restlet', 100);
    expect(within).toMatchObject({ ok: true, value: 100 });
    const over = run(history, 'restlet', 101);
    expect(over.ok).toBe(false);
    expect(over.ok ? null : over.error).toMatchObject({ name: 'SSS_USAGE_LIMIT_EXCEEDED' });
    expect(history.entries.map((e) => [e.units, e.error])).toEqual([
      [100, null],
      [0, 'SSS_USAGE_LIMIT_EXCEEDED'],
    ]);
    expect(run(history, 'userevent', 1)).toMatchObject({ ok: true, value: USAGE_LIMITS.userevent });
  });

  it("goes back to NetSuite's limits on reset", () => {
    const limits = new UsageLimits();
    limits.lower('restlet', 10);
    limits.lower('userevent', 20);
    limits.reset('restlet');
    expect([limits.limitOf('restlet'), limits.limitOf('userevent')]).toEqual([5000, 20]);
    limits.reset();
    expect(limits.limitOf('userevent')).toBe(1000);
  });

  it('only lowers: never above NetSuite, never negative or fractional', () => {
    const limits = new UsageLimits();
    expect(() => limits.lower('userevent', 1001)).toThrow(
      'usage limit of userevent can be lowered to 0..1000 units, not 1001',
    );
    expect(() => limits.lower('restlet', -1)).toThrow(RangeError);
    expect(() => limits.lower('restlet', 1.5)).toThrow(RangeError);
    limits.lower('restlet', 0);
    expect(limits.limitOf('restlet')).toBe(0);
  });
});
