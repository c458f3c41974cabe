/**
 * Keeps track of SCHEDULED deployments (scheduled and map/reduce scripts) and says which are due.
 * Runs missed while the emulator's clock jumped are coalesced: a deployment is due once however
 * many of its times passed, as NetSuite never queues a deployment twice.
 */
import type { Clock } from '../../../../shared-types/src/time/clock';
import { checkRecurrence, latestOccurrence } from './recurrence';
import type { RegisteredDeployment, RegisteredScript, ScriptRegistry } from './script-registry';

export interface DueDeployment {
  script: RegisteredScript;
  deployment: RegisteredDeployment;
  /** The recurrence time that made it due. */
  dueAt: Date;
}

interface Tracked {
  script: RegisteredScript;
  deployment: RegisteredDeployment;
  lastFired: number;
}

export class Scheduler {
  private readonly tracked: Tracked[] = [];

  /** Only times after `clock.now()` at construction count: the account starts now. */
  constructor(registry: ScriptRegistry, clock: Clock) {
    const now = clock.now();
    for (const script of registry.all()) {
      if (script.script.objectType !== 'scheduledscript' && script.script.objectType !== 'mapreducescript')
        continue;
      for (const deployment of script.deployments) {
        const { status, isdeployed, recurrence } = deployment.deployment;
        if (status !== 'SCHEDULED' || !isdeployed || !recurrence) continue;
        checkRecurrence(recurrence, `${script.script.scriptid}/${deployment.deployment.scriptid}`);
        this.tracked.push({ script, deployment, lastFired: now });
      }
    }
  }

  /**
   * Deployments with a recurrence time in (last fired, now]; marks them fired. A deployment an
   * administrator has since set to another status or undeployed (ScriptRegistry.editDeployment)
   * does not run; its missed times are skipped, not caught up.
   */
  takeDue(now: Date): DueDeployment[] {
    const out: DueDeployment[] = [];
    for (const t of this.tracked) {
      const { recurrence, status, isdeployed } = t.deployment.deployment;
      if (!recurrence) continue;
      const latest = latestOccurrence(recurrence, now.getTime());
      if (latest === null || latest <= t.lastFired) continue;
      t.lastFired = latest;
      if (status !== 'SCHEDULED' || !isdeployed) continue;
      out.push({ script: t.script, deployment: t.deployment, dueAt: new Date(latest) });
    }
    return out;
  }

  /** The scheduled deployments being tracked (`scriptid/deployid`). */
  deployments(): string[] {
    return this.tracked.map((t) => `${t.script.script.scriptid}/${t.deployment.deployment.scriptid}`);
  }
}
