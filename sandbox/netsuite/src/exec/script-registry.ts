/**
 * Script records and their deployments, as the account holds them once the project is deployed:
 * each script gets a numeric internal id, each deployment a global internal id and a per-script
 * number (the `deploy=1` of a RESTlet URL).
 */
import type {
  SdfProject,
  SdfScript,
  SdfScriptDeployment,
  SdfScriptObjectType,
  SdfScriptParameter,
} from '../../../../suiteapp/tools/sdf-model';
import type { DeploymentFacts } from '../data/search';
import { DEPLOYMENT_STATUS_LABELS } from '../data/search';
import { SuiteScriptError } from '../errors';

export interface RegisteredDeployment {
  readonly deployment: SdfScriptDeployment;
  readonly internalId: number;
  /** 1-based position among the script's deployments: the numeric `deploy` URL parameter. */
  readonly number: number;
}

export interface RegisteredScript {
  readonly script: SdfScript;
  readonly internalId: number;
  readonly deployments: readonly RegisteredDeployment[];
}

/** The `scripttype` search value of each SDF script object type. */
const SCRIPT_TYPES: Readonly<Record<SdfScriptObjectType, string>> = {
  restlet: 'RESTLET',
  scheduledscript: 'SCHEDULED',
  mapreducescript: 'MAPREDUCE',
  suitelet: 'SCRIPTLET',
  usereventscript: 'USEREVENT',
  clientscript: 'CLIENT',
};

const FIRST_SCRIPT_ID = 1001;
const FIRST_DEPLOYMENT_ID = 2001;

export class ScriptRegistry {
  private readonly scripts: RegisteredScript[] = [];

  constructor(scripts: readonly SdfScript[]) {
    let deploymentId = FIRST_DEPLOYMENT_ID;
    scripts.forEach((script, index) => {
      this.scripts.push({
        script,
        internalId: FIRST_SCRIPT_ID + index,
        deployments: script.deployments.map((deployment, i) => ({
          deployment,
          internalId: deploymentId++,
          number: i + 1,
        })),
      });
    });
  }

  static fromProject(project: Pick<SdfProject, 'scripts'>): ScriptRegistry {
    return new ScriptRegistry(project.scripts);
  }

  all(): readonly RegisteredScript[] {
    return this.scripts;
  }

  /** By script id (case-insensitive, as NetSuite ids are) or numeric internal id; null when unknown. */
  findScript(idOrNumber: string | number): RegisteredScript | null {
    const key = String(idOrNumber).trim().toLowerCase();
    return (
      this.scripts.find((s) => s.script.scriptid.toLowerCase() === key || String(s.internalId) === key) ??
      null
    );
  }

  /** By deployment id, per-script number or global internal id; null when unknown. */
  findDeployment(script: RegisteredScript, idOrNumber: string | number): RegisteredDeployment | null {
    const key = String(idOrNumber).trim().toLowerCase();
    return (
      script.deployments.find(
        (d) =>
          d.deployment.scriptid.toLowerCase() === key ||
          String(d.number) === key ||
          String(d.internalId) === key,
      ) ?? null
    );
  }

  /**
   * Changes a deployment as an administrator does on Customization > Scripting > Script Deployments
   * (its Status, its Deployed box): RESTlet calls, task submissions and schedules follow it from then
   * on, and the `scriptdeployment` search reads it.
   */
  editDeployment(deploymentScriptId: string, changes: { status?: string; isdeployed?: boolean }): void {
    const key = deploymentScriptId.trim().toLowerCase();
    const found = this.scripts
      .flatMap((s) => s.deployments)
      .find((d) => d.deployment.scriptid.toLowerCase() === key);
    if (!found) throw new Error(`No script deployment ${deploymentScriptId} in the account.`);
    if (changes.status !== undefined && !(changes.status in DEPLOYMENT_STATUS_LABELS)) {
      throw new Error(
        `${changes.status} is not a deployment status; NetSuite's are ${Object.keys(DEPLOYMENT_STATUS_LABELS).join(', ')}.`,
      );
    }
    (found as { deployment: SdfScriptDeployment }).deployment = { ...found.deployment, ...changes };
  }

  /** Every deployment as the `scriptdeployment` search reads it. */
  deploymentFacts(): DeploymentFacts[] {
    return this.scripts.flatMap((s) =>
      s.deployments.map((d) => ({
        internalId: d.internalId,
        scriptid: d.deployment.scriptid,
        title: d.deployment.title,
        status: d.deployment.status,
        isdeployed: d.deployment.isdeployed,
        loglevel: d.deployment.loglevel,
        scriptInternalId: s.internalId,
        scriptScriptId: s.script.scriptid,
        scriptType: SCRIPT_TYPES[s.script.objectType],
      })),
    );
  }

  /** Like findScript, but throws a SuiteScriptError when the script is unknown or of another type. */
  requireScript(scriptId: string, objectType?: SdfScriptObjectType): RegisteredScript {
    const script = this.findScript(scriptId);
    if (!script)
      throw new SuiteScriptError('SSS_INVALID_SCRIPT_ID', `No script record with id ${scriptId} exists.`);
    if (objectType && script.script.objectType !== objectType) {
      throw new SuiteScriptError(
        'SSS_INVALID_SCRIPT_ID',
        `Script ${script.script.scriptid} is a ${script.script.objectType}, not a ${objectType}.`,
      );
    }
    return script;
  }

  /** Like findScript + findDeployment, but throws a SuiteScriptError naming what is missing. */
  require(
    scriptId: string,
    deploymentId: string,
    objectType?: SdfScriptObjectType,
  ): { script: RegisteredScript; deployment: RegisteredDeployment } {
    const script = this.requireScript(scriptId, objectType);
    const deployment = this.findDeployment(script, deploymentId);
    if (!deployment) {
      throw new SuiteScriptError(
        'SSS_INVALID_DEPLOYMENT_ID',
        `Script ${script.script.scriptid} has no deployment ${deploymentId}; its deployments are ${script.deployments
          .map((d) => d.deployment.scriptid)
          .join(', ')}.`,
      );
    }
    return { script, deployment };
  }
}

/**
 * Parameter values as `runtime.getCurrentScript().getParameter()` returns them: script defaults,
 * overridden by the deployment's values, overridden by `overrides` (task.submit params); typed by
 * the parameter's field type (checkbox → boolean, numbers → number, everything else → string).
 */
export function resolveParameters(
  script: SdfScript,
  deployment: SdfScriptDeployment,
  overrides: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const byId = new Map<string, SdfScriptParameter>(
    script.parameters.map((p) => [p.scriptid.toLowerCase(), p]),
  );
  for (const p of script.parameters) {
    if (p.defaultvalue !== undefined) out[p.scriptid] = typedParameter(p, p.defaultvalue);
  }
  const apply = (values: Readonly<Record<string, unknown>>): void => {
    for (const [name, raw] of Object.entries(values)) {
      const param = byId.get(name.toLowerCase());
      out[param ? param.scriptid : name] =
        param && typeof raw === 'string' ? typedParameter(param, raw) : raw;
    }
  };
  apply(deployment.parameters);
  apply(overrides);
  return out;
}

function typedParameter(param: SdfScriptParameter, raw: string): unknown {
  switch (param.fieldtype) {
    case 'CHECKBOX':
      return raw === 'T' || raw.toLowerCase() === 'true';
    case 'INTEGER':
    case 'FLOAT':
    case 'CURRENCY':
    case 'PERCENT':
      return raw.trim() === '' ? null : Number(raw);
    default:
      return raw;
  }
}
