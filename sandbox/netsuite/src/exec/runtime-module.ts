/**
 * `N/runtime`: the running script, user and account, read from the current invocation.
 */
import type { Invocation } from '../context';
import { currentInvocation } from '../context';
import type { GovernedInvocation } from '../governance';
import type { ScriptRegistry } from './script-registry';

export const ContextType = {
  USER_INTERFACE: 'USERINTERFACE',
  WEBSERVICES: 'WEBSERVICES',
  WEBSTORE: 'WEBSTORE',
  PORTLET: 'PORTLET',
  SCHEDULED: 'SCHEDULED',
  SUITELET: 'SUITELET',
  CSV_IMPORT: 'CSVIMPORT',
  CUSTOM_MASSUPDATE: 'CUSTOMMASSUPDATE',
  WORKFLOW: 'WORKFLOW',
  USEREVENT: 'USEREVENT',
  MAP_REDUCE: 'MAPREDUCE',
  RESTLET: 'RESTLET',
  CLIENT: 'CLIENT',
  REST_WEBSERVICES: 'RESTWEBSERVICES',
  SUITESCRIPT_UNIT_TEST: 'SUITESCRIPTUNITTEST',
} as const;

export const EnvType = {
  SANDBOX: 'SANDBOX',
  PRODUCTION: 'PRODUCTION',
  BETA: 'BETA',
  INTERNAL: 'INTERNAL',
} as const;

const CONTEXT_OF_KIND: Readonly<Record<GovernedInvocation, string>> = {
  restlet: ContextType.RESTLET,
  suitelet: ContextType.SUITELET,
  userevent: ContextType.USER_INTERFACE,
  client: ContextType.CLIENT,
  scheduled: ContextType.SCHEDULED,
  'mapreduce.getInputData': ContextType.MAP_REDUCE,
  'mapreduce.map': ContextType.MAP_REDUCE,
  'mapreduce.reduce': ContextType.MAP_REDUCE,
  'mapreduce.summarize': ContextType.MAP_REDUCE,
};

/**
 * `runtime.executionContext` of an invocation: what started it. A user event runs in the context of
 * the save that triggered it (a RESTlet's save → `RESTLET`, the UI → `USERINTERFACE`), which its
 * runner puts in `extra.executionContext`.
 */
export function executionContextOf(invocation: Invocation): string {
  const explicit = invocation.extra.executionContext;
  return typeof explicit === 'string' ? explicit : CONTEXT_OF_KIND[invocation.kind];
}

export interface RuntimeModuleOptions {
  accountId: string;
  registry: ScriptRegistry;
  /** Enabled features (`SUBSIDIARIES`, `MULTILOCINVT`, ...), compared case-insensitively. */
  features: readonly string[];
  version?: string;
  /**
   * User preferences `getCurrentUser().getPreference({ name })` answers, by preference id (`TIMEZONE`:
   * the IANA zone, as public scripts pass it to `format.format({ type: DATETIMETZ, timezone })`).
   */
  userPreferences?: Readonly<Record<string, string>>;
  /** `runtime.country`: the company's country, two letters (default `US`). */
  country?: string;
}

/** Sandbox and release-preview accounts carry a `_SB1` / `_RP` suffix. */
export function envTypeOf(accountId: string): string {
  if (/_SB\d*$/i.test(accountId)) return EnvType.SANDBOX;
  if (/_RP\d*$/i.test(accountId)) return EnvType.BETA;
  return EnvType.PRODUCTION;
}

export function createRuntimeModule(options: RuntimeModuleOptions): Record<string, unknown> {
  const features = new Set(options.features.map((f) => f.toUpperCase()));
  const logLevelOf = (scriptId: string, deploymentId: string): string => {
    const script = options.registry.findScript(scriptId);
    const deployment = script ? options.registry.findDeployment(script, deploymentId) : null;
    return deployment?.deployment.loglevel ?? 'DEBUG';
  };
  const runtime = {
    ContextType,
    EnvType,
    accountId: options.accountId,
    country: options.country ?? 'US',
    envType: envTypeOf(options.accountId),
    version: options.version ?? '2026.2',
    processorCount: 2,
    queueCount: 1,
    get executionContext(): string {
      return executionContextOf(currentInvocation());
    },
    getCurrentScript() {
      const inv = currentInvocation();
      const script = options.registry.findScript(inv.scriptId);
      return {
        id: inv.scriptId,
        deploymentId: inv.deploymentId,
        apiVersion: '2.1',
        bundleIds: [] as string[],
        logLevel: logLevelOf(inv.scriptId, inv.deploymentId),
        percentComplete: 0,
        scriptType: inv.scriptType,
        internalId: script?.internalId ?? null,
        getParameter(opts: { name: string }): unknown {
          const name = String(opts?.name ?? '');
          const hit = Object.keys(inv.parameters).find((k) => k.toLowerCase() === name.toLowerCase());
          return hit === undefined ? null : inv.parameters[hit];
        },
        getRemainingUsage(): number {
          inv.meter.chargeApi('runtime.getRemainingUsage');
          return inv.meter.remaining;
        },
      };
    },
    getCurrentUser() {
      const user = currentInvocation().user;
      return {
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        roleId: user.roleId,
        roleCenter: 'BASIC',
        subsidiary: 1,
        department: 0,
        location: 0,
        contact: 0,
        getPreference(opts: { name: string }): string | null {
          const name = String(opts?.name ?? '').toUpperCase();
          return options.userPreferences?.[name] ?? null;
        },
      };
    },
    isFeatureInEffect(opts: { feature: string }): boolean {
      return features.has(String(opts?.feature ?? '').toUpperCase());
    },
  };
  return runtime;
}
