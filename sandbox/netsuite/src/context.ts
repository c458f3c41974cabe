import type { GovernedInvocation } from './governance';
import { UsageMeter, USAGE_LIMITS } from './governance';

/**
 * The script invocation that is running now.
 *
 * SuiteScript is synchronous, so exactly one invocation runs at a time inside the emulator's
 * process. Runners (RESTlet host, map/reduce runner, scheduled runner) wrap each entry-point call in
 * `runInvocation()`; `N/*` modules read `currentInvocation()` to charge governance, read script
 * parameters (`N/runtime`) and write logs (`N/log`). Calling an `N/*` API outside an invocation is a
 * programming error in a test and throws.
 */
export interface LogEntry {
  level: 'DEBUG' | 'AUDIT' | 'ERROR' | 'EMERGENCY';
  title: string;
  details: string;
  scriptId: string;
  deploymentId: string;
  at: Date;
}

export interface Invocation {
  /** What kind of call this is: decides the usage limit. */
  readonly kind: GovernedInvocation;
  /** Script record id, e.g. `customscript_tts_rl_connector`. */
  readonly scriptId: string;
  /** Deployment id, e.g. `customdeploy_tts_rl_connector`. */
  readonly deploymentId: string;
  /** NetSuite script type for N/runtime (`RESTLET`, `MAPREDUCE`, `SCHEDULED`, ...). */
  readonly scriptType: string;
  readonly meter: UsageMeter;
  /** Script parameters of the deployment (`custscript_*`). */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Internal id of the user/role/etc. the script runs as. */
  readonly user: { id: number; role: number; roleId: string; name: string; email: string };
  readonly startedAt: Date;
  /** Logs written with N/log during this invocation (also appended to the emulator's log). */
  readonly logs: LogEntry[];
  /** Free-form runner data (e.g. the map/reduce task id), readable by N/runtime. */
  readonly extra: Record<string, unknown>;
}

export interface InvocationInit {
  kind: GovernedInvocation;
  scriptId: string;
  deploymentId: string;
  scriptType: string;
  parameters?: Record<string, unknown>;
  startedAt: Date;
  extra?: Record<string, unknown>;
}

const DEFAULT_USER = {
  id: 3,
  role: 3,
  roleId: 'administrator',
  name: 'Connector Integration',
  email: 'integration@example.com',
};

let current: Invocation | null = null;

export function createInvocation(init: InvocationInit): Invocation {
  return {
    kind: init.kind,
    scriptId: init.scriptId,
    deploymentId: init.deploymentId,
    scriptType: init.scriptType,
    meter: new UsageMeter(USAGE_LIMITS[init.kind]),
    parameters: init.parameters ?? {},
    user: DEFAULT_USER,
    startedAt: init.startedAt,
    logs: [],
    extra: init.extra ?? {},
  };
}

/** Run `fn` as `invocation`. Nested invocations (a script calling another synchronously) restore the outer one. */
export function runInvocation<T>(invocation: Invocation, fn: () => T): T {
  const outer = current;
  current = invocation;
  try {
    return fn();
  } finally {
    current = outer;
  }
}

export function currentInvocation(): Invocation {
  if (!current) {
    throw new Error(
      'An N/* API was called outside a script invocation. Run script code through the emulator runners (or runInvocation in a unit test).',
    );
  }
  return current;
}

export function hasInvocation(): boolean {
  return current !== null;
}
