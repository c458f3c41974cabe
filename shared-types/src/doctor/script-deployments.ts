/**
 * The `scripts-released` check's input (issue #21): which of the SuiteApp's script deployments will
 * not run. A deployment runs when it is deployed (Deployed box) and its Status is Released (RESTlets,
 * Suitelets, user events), Scheduled or Not Scheduled (scheduled and map/reduce scripts: on their
 * schedule, or when submitted). Testing runs for the script owner only: NetSuite refuses the bridge's
 * RESTlet calls and the connector's task submissions. The deployments the SuiteApp ships Scheduled
 * must stay Scheduled: Not Scheduled stops their runs (the 15-minute import, the inventory export).
 */
import {
  DAILY_SUMMARY_DEPLOYMENT_ID,
  FULFILLMENT_CATCH_UP_SCHEDULED_DEPLOYMENT_ID,
  IMPORT_SCHEDULED_DEPLOYMENT_ID,
  INVENTORY_EXPORT_SCHEDULED_DEPLOYMENT_ID,
  ORDER_UPDATES_SCHEDULED_DEPLOYMENT_ID,
} from '../netsuite/netsuite-ids';

/** Script ids of the SuiteApp's deployments start with this. */
export const CONNECTOR_DEPLOYMENT_PREFIX = 'customdeploy_tts_';

export interface DeploymentState {
  scriptId: string;
  /** NetSuite's Status id: RELEASED, TESTING, SCHEDULED, NOTSCHEDULED. */
  status: string;
  deployed: boolean;
}

const RUNNING: readonly string[] = ['RELEASED', 'SCHEDULED', 'NOTSCHEDULED'];

/** The SuiteApp's deployments that run on a schedule (Status Scheduled in its SDF objects). */
export const SCHEDULED_DEPLOYMENT_IDS: readonly string[] = [
  IMPORT_SCHEDULED_DEPLOYMENT_ID,
  ORDER_UPDATES_SCHEDULED_DEPLOYMENT_ID,
  FULFILLMENT_CATCH_UP_SCHEDULED_DEPLOYMENT_ID,
  INVENTORY_EXPORT_SCHEDULED_DEPLOYMENT_ID,
  DAILY_SUMMARY_DEPLOYMENT_ID,
];

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
      const status = row.status.toUpperCase();
      const label = LABELS[status] ?? (row.status || 'empty');
      if (!RUNNING.includes(status)) why.push(`status ${label}`);
      else if (SCHEDULED_DEPLOYMENT_IDS.includes(row.scriptId) && status !== 'SCHEDULED')
        why.push(`status ${label}, so its schedule does not run`);
      if (!row.deployed) why.push('not deployed');
      return why.length === 0 ? [] : [`${row.scriptId}: ${why.join(', ')}`];
    });
}
