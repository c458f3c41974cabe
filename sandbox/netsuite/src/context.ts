/**
 * The script invocation that is running now.
 *
 * SuiteScript is synchronous, so exactly one invocation runs at a time inside the emulator's
 * process. Runners (RESTlet host, map/reduce runner, scheduled runner) wrap each entry-point call in
 * `runInvocation()`; `N/*` modules read `currentInvocation()` to charge governance, read script
 * parameters (`N/runtime`) and write logs (`N/log`). Calling an `N/*` API outside an invocation is a
 * programming error in a test and throws.
 */
import type { GovernedInvocation } from './governance';
import { UsageMeter, USAGE_LIMITS } from './governance';

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
  /** The user (and role) the script runs as. */
  readonly user: ScriptUser;
  readonly startedAt: Date;
  /** Logs written with N/log during this invocation (also appended to the emulator's log). */
  readonly logs: LogEntry[];
  /** Free-form runner data (e.g. the map/reduce task id), readable by N/runtime. */
  readonly extra: Record<string, unknown>;
}

/** A NetSuite user with the role a script runs under (`runtime.getCurrentUser()`). */
export interface ScriptUser {
  id: number;
  role: number;
  roleId: string;
  name: string;
  email: string;
}

export interface InvocationInit {
  /** Default: the integration user (INTEGRATION_USER). */
  user?: ScriptUser;
  kind: GovernedInvocation;
  scriptId: string;
  deploymentId: string;
  scriptType: string;
  parameters?: Record<string, unknown>;
  startedAt: Date;
  extra?: Record<string, unknown>;
}

/** The user of the integration's access token: RESTlet calls and the tasks they start run as it. */
export const INTEGRATION_USER: ScriptUser = Object.freeze({
  id: 3,
  role: 3,
  roleId: 'administrator',
  name: 'Connector Integration',
  email: 'integration@example.com',
});

/**
 * The administrator who works in the UI and deployed the SuiteApp, so the owner of its scripts by
 * default: SDF script objects have no owner element (suiteapp/reference/sdf-object-schema.json), and
 * NetSuite makes the deploying user the owner. A different user from the integration's, so TESTING
 * deployments do not run for the connector's own calls.
 */
export const ADMINISTRATOR_USER: ScriptUser = Object.freeze({
  id: -5,
  role: 3,
  roleId: 'administrator',
  name: 'Administrator',
  email: 'admin@example.com',
});

let current: Invocation | null = null;

export function createInvocation(init: InvocationInit): Invocation {
  return {
    kind: init.kind,
    scriptId: init.scriptId,
    deploymentId: init.deploymentId,
    scriptType: init.scriptType,
    meter: new UsageMeter(USAGE_LIMITS[init.kind]),
    parameters: init.parameters ?? {},
    user: init.user ?? INTEGRATION_USER,
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
