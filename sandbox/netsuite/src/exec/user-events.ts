/**
 * Runs the account's user event scripts around record saves (the data layer's UserEventHook).
 *
 * A deployment applies to a save when it is deployed and RELEASED — or TESTING and the user saving is
 * the script owner (Oracle help, "Setting Script Deployment Status", chapter_N2998873: "When a
 * script's deployment status is set to Testing, only the script owner can execute the script") —,
 * its `<recordtype>` names the saved record's type (`SALESORDER`, `[scriptid=customrecord_tts_shop]`)
 * and its `<executioncontext>` list, if any, holds the context of the save. The user saving is the
 * running script's user, or the UI user for saves made in the UI (the seed's `ui` service). Each entry
 * point runs as its own `userevent` invocation (1,000 units) as that user, whose
 * `runtime.executionContext` is the save's context. Saves made by a user event script trigger no
 * user events, as in NetSuite.
 */
import type { SdfScript } from '../../../../suiteapp/tools/sdf-model';
import type { Clock } from '../../../../shared-types/src/time/clock';
import type { ScriptUser } from '../context';
import { currentInvocation, hasInvocation } from '../context';
import type { SubmitEvent, SubmitStage, UserEventHook } from '../data/record/user-events';
import { USER_EVENT_TYPE } from '../data/record/user-events';
import type { InvocationHistory } from './invoke';
import { invoke } from './invoke';
import { ContextType, executionContextOf } from './runtime-module';
import type { RegisteredDeployment, RegisteredScript, ScriptRegistry } from './script-registry';
import { resolveParameters } from './script-registry';
import type { EntryPoints } from './types';

export interface UserEventDispatcherOptions {
  registry: ScriptRegistry;
  /** The scripts' owner: TESTING deployments run only for saves this user makes. */
  owner: ScriptUser;
  /** Who saves in the UI (the seed's `ui` service), outside any script. */
  uiUser: ScriptUser;
  loadEntryPoints(script: SdfScript): EntryPoints;
  clock: Clock;
  history?: InvocationHistory;
}

interface Target {
  script: RegisteredScript;
  deployment: RegisteredDeployment;
}

/** The record type id a deployment's `<recordtype>` names: `SALESORDER` → `salesorder`. */
export function deploymentRecordType(raw: string): string {
  const reference = /^\[scriptid=([^\]]+)\]$/i.exec(raw.trim());
  return (reference?.[1] ?? raw).trim().toLowerCase();
}

/**
 * The `scriptContext` a submit entry point gets. On create there is no old record, and the context
 * has no `oldRecord` at all (reading it gives undefined, not SuiteScript 1.0's `nlapiGetOldRecord()`
 * null). Oracle's beforeSubmit/afterSubmit pages (section_4407992070, section_4407992281) describe
 * `context.oldRecord` as "the old record" and give no value for create; no public material states
 * null for 2.x, so the emulator takes the stricter reading: a script that tests
 * `context.oldRecord === null` to detect a create fails here, while `!context.oldRecord` or
 * `context.type === context.UserEventType.CREATE` works wherever NetSuite passes either.
 */
function scriptContext(event: SubmitEvent): Record<string, unknown> {
  const context: Record<string, unknown> = {
    type: event.type,
    newRecord: event.newRecord,
    UserEventType: USER_EVENT_TYPE,
  };
  if (event.oldRecord !== null) context.oldRecord = event.oldRecord;
  return context;
}

export class UserEventDispatcher implements UserEventHook {
  constructor(private readonly options: UserEventDispatcherOptions) {}

  applies(recordType: string, executionContext: string | null): boolean {
    if (hasInvocation() && currentInvocation().kind === 'userevent') return false;
    return this.targets(recordType, this.contextOf(executionContext), this.userSaving()).length > 0;
  }

  run(stage: SubmitStage, recordType: string, event: SubmitEvent, executionContext: string | null): void {
    const context = this.contextOf(executionContext);
    const user = this.userSaving();
    for (const { script, deployment } of this.targets(recordType, context, user)) {
      const entry = this.options.loadEntryPoints(script.script)[stage];
      if (typeof entry !== 'function') continue;
      const outcome = invoke(
        {
          kind: 'userevent',
          user,
          scriptId: script.script.scriptid,
          deploymentId: deployment.deployment.scriptid,
          scriptType: 'USEREVENT',
          parameters: resolveParameters(script.script, deployment.deployment),
          startedAt: new Date(this.options.clock.now()),
          extra: { executionContext: context, userEventType: event.type },
        },
        () => (entry as (context: unknown) => unknown)(scriptContext(event)),
        { history: this.options.history },
      );
      if (!outcome.ok) throw outcome.error;
    }
  }

  /** User event deployments that a save of `recordType` in `context` by `user` triggers, in deployment order. */
  targets(recordType: string, context: string, user: ScriptUser): Target[] {
    const type = recordType.toLowerCase();
    const out: Target[] = [];
    for (const script of this.options.registry.all()) {
      if (script.script.objectType !== 'usereventscript') continue;
      for (const deployment of script.deployments) {
        const d = deployment.deployment;
        if (!d.isdeployed || d.recordtype === undefined) continue;
        if (d.status !== 'RELEASED' && !(d.status === 'TESTING' && user.id === this.options.owner.id))
          continue;
        if (deploymentRecordType(d.recordtype) !== type) continue;
        if (d.executioncontext !== undefined && !d.executioncontext.includes(context)) continue;
        out.push({ script, deployment });
      }
    }
    return out;
  }

  private userSaving(): ScriptUser {
    return hasInvocation() ? currentInvocation().user : this.options.uiUser;
  }

  private contextOf(explicit: string | null): string {
    if (explicit !== null) return explicit;
    return hasInvocation() ? executionContextOf(currentInvocation()) : ContextType.USER_INTERFACE;
  }
}
