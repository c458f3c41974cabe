/**
 * The `scripts-released` check's input (issue #21): which of the SuiteApp's script deployments will
 * not run. A deployment runs when it is deployed (Deployed box) and its Status is Released (RESTlets,
 * Suitelets, user events), Scheduled or Not Scheduled (scheduled and map/reduce scripts: on their
 * schedule, or when submitted). Testing runs for the script owner only: NetSuite refuses the bridge's
 * RESTlet calls and the connector's task submissions.
 */

/** Script ids of the SuiteApp's deployments start with this. */
export const CONNECTOR_DEPLOYMENT_PREFIX = 'customdeploy_tts_';

export interface DeploymentState {
  scriptId: string;
  /** NetSuite's Status id: RELEASED, TESTING, SCHEDULED, NOTSCHEDULED. */
  status: string;
  deployed: boolean;
}

const RUNNING: readonly string[] = ['RELEASED', 'SCHEDULED', 'NOTSCHEDULED'];

const LABELS: Readonly<Record<string, string>> = {
  RELEASED: 'Released',
  TESTING: 'Testing',
  SCHEDULED: 'Scheduled',
  NOTSCHEDULED: 'Not Scheduled',
};

/** The deployments that will not run, each as "script id: why", in script id order. */
export function unreleasedDeployments(rows: readonly DeploymentState[]): string[] {
  return [...rows]
    .sort((a, b) => a.scriptId.localeCompare(b.scriptId))
    .flatMap((row) => {
      const why: string[] = [];
      if (!RUNNING.includes(row.status.toUpperCase()))
        why.push(`status ${LABELS[row.status.toUpperCase()] ?? (row.status || 'empty')}`);
      if (!row.deployed) why.push('not deployed');
      return why.length === 0 ? [] : [`${row.scriptId}: ${why.join(', ')}`];
    });
}
