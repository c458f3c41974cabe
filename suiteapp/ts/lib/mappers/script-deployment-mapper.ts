/**
 * Script deployments, read only (issue #21, the `scripts-released` check): the SuiteApp's own, found
 * by their script id, with their Status and Deployed box (NetSuite's `scriptdeployment` search).
 */
import type { DeploymentState } from '../../../../shared-types/src/doctor/script-deployments';
import type { SearchColumnId } from './record-declaration';
import { declareRecord } from './record-declaration';
import { boolOf, textOf } from './values';

export const SCRIPT_DEPLOYMENT = declareRecord({
  recordType: 'scriptdeployment',
  search: {
    columns: { scriptId: 'scriptid', status: 'status', deployed: 'isdeployed' },
    filters: { scriptId: 'scriptid' },
  },
});

/** One search result (its column reader) as the check reads it. */
export function deploymentStateOf(value: (column: SearchColumnId) => unknown): DeploymentState | null {
  const c = SCRIPT_DEPLOYMENT.search.columns;
  const scriptId = textOf(value(c.scriptId));
  return scriptId === null
    ? null
    : {
        scriptId: scriptId.toLowerCase(),
        status: textOf(value(c.status)) ?? '',
        deployed: boolOf(value(c.deployed), false),
      };
}
