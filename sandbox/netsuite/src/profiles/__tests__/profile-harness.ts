import path from 'node:path';
import { TestClock } from '../../../../../test/support/test-clock';
import { createInvocation, runInvocation } from '../../context';
import type { DemoAccount } from '../../demo-account';
import { seedDemoAccount } from '../../demo-account';
import { NetSuiteEmulator } from '../../emulator';
import type { AccountProfile } from '../account-profile';

/**
 * An emulator over the SuiteApp's real SDF project (its custom records and fields; no script runs)
 * for one account profile, with the demo account seeded, and a way to run code as a script would.
 */
export const SUITEAPP_PROJECT = path.resolve(__dirname, '../../../../../suiteapp/src');

export interface ProfileWorld {
  ns: NetSuiteEmulator;
  account: DemoAccount;
  /** `N/record`, `N/search`, `N/query`, `N/runtime`, `N/format`, `N/currency` as scripts get them. */
  module<T>(id: string): T;
  /** Run `fn` inside a RESTlet invocation. */
  run<T>(fn: () => T): T;
  /** The error `fn` throws inside an invocation (fails when it does not throw). */
  refusal(fn: () => unknown): { name: string; message: string };
}

export async function startProfile(
  profile: AccountProfile | string | undefined,
  skus: string[] = ['SKU-A', 'SKU-B'],
): Promise<ProfileWorld> {
  const ns = await NetSuiteEmulator.start({
    projectRoot: SUITEAPP_PROJECT,
    profile,
    clock: new TestClock('2026-01-15T12:00:00Z'),
  });
  const account = seedDemoAccount(ns.seed, { skus, onHand: 10 });
  const run = <T>(fn: () => T): T =>
    runInvocation(
      createInvocation({
        kind: 'restlet',
        scriptId: 'customscript_test',
        deploymentId: 'customdeploy_test',
        scriptType: 'RESTLET',
        startedAt: new Date(),
      }),
      fn,
    );
  return {
    ns,
    account,
    module: (id) => ns.modules[id] as never,
    run,
    refusal: (fn) => {
      try {
        run(fn);
      } catch (e) {
        return e as { name: string; message: string };
      }
      throw new Error('expected the call to be refused');
    },
  };
}
