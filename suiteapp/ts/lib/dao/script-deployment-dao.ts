/**
 * The SuiteApp's script deployments with their Status and Deployed box (issue #21, the
 * `scripts-released` check): one `scriptdeployment` search, 10 units (runPaged 5, one page 5).
 */
import type { DeploymentState } from '../../../../shared-types/src/doctor/script-deployments';
import { CONNECTOR_DEPLOYMENT_PREFIX } from '../../../../shared-types/src/doctor/script-deployments';
import { deploymentStateOf, SCRIPT_DEPLOYMENT } from '../mappers/script-deployment-mapper';
import { searchPaged } from './netsuite-record';

export function listConnectorDeployments(): DeploymentState[] {
  const c = SCRIPT_DEPLOYMENT.search.columns;
  const rows: DeploymentState[] = [];
  searchPaged(
    SCRIPT_DEPLOYMENT.recordType,
    [[SCRIPT_DEPLOYMENT.search.filters.scriptId, 'startswith', CONNECTOR_DEPLOYMENT_PREFIX]],
    [c.scriptId, c.status, c.deployed],
    (_id, value) => {
      const row = deploymentStateOf(value);
      if (row !== null) rows.push(row);
    },
  );
  return rows;
}
