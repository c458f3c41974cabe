/** Deployment status, log level, record type and schedule rules (Oracle's SDF custom object reference). */
import type { SdfIssueSink } from './sdf-issue';
import type { SdfProject, SdfRecurrence, SdfScript, SdfScriptDeployment } from './sdf-model';

const QUEUED_TYPES = new Set(['scheduledscript', 'mapreducescript']);
const QUEUED_STATUSES = ['NOTSCHEDULED', 'SCHEDULED'];
const INTERACTIVE_STATUSES = ['RELEASED', 'TESTING'];
const LOG_LEVELS = ['DEBUG', 'AUDIT', 'ERROR', 'EMERGENCY'];
const RECURRENCE_KINDS = [
  'single',
  'daily',
  'everyweekday',
  'weekly',
  'monthly',
  'monthlydayofweek',
  'yearly',
  'yearlydayofweek',
];

type Report = (message: string, fix: string) => void;

function checkRecurrence(recurrence: SdfRecurrence, report: Report): void {
  if (!RECURRENCE_KINDS.includes(recurrence.kind)) {
    report(
      `recurrence <${recurrence.kind}> is not a recurrence group`,
      `use one of ${RECURRENCE_KINDS.join(', ')}`,
    );
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(recurrence.startdate)) {
    report(
      `recurrence startdate "${recurrence.startdate}" is not YYYY-MM-DD`,
      'write <startdate>2025-01-01</startdate>',
    );
  }
  if (!/^\d{2}:\d{2}:\d{2}Z?$/.test(recurrence.starttime)) {
    report(
      `recurrence starttime "${recurrence.starttime}" is not HH:MM:SSZ`,
      'write <starttime>00:00:00Z</starttime>',
    );
  }
  if (recurrence.everyxdays !== undefined && (recurrence.everyxdays < 1 || recurrence.everyxdays > 1000)) {
    report(`everyxdays ${recurrence.everyxdays} is outside 1-1000`, 'write a number of days from 1 to 1000');
  }
  if (recurrence.repeat !== undefined && !/^PT\d+[MH]$/.test(recurrence.repeat)) {
    report(
      `repeat "${recurrence.repeat}" is not an ISO-8601 duration in minutes or hours`,
      'write e.g. <repeat>PT15M</repeat>',
    );
  }
}

function checkDeployment(script: SdfScript, deployment: SdfScriptDeployment, sink: SdfIssueSink): void {
  const error: Report = (message, fix) =>
    sink.error({ file: script.file, id: deployment.scriptid, message, fix });
  const warning: Report = (message, fix) =>
    sink.warning({ file: script.file, id: deployment.scriptid, message, fix });
  const queued = QUEUED_TYPES.has(script.objectType);
  const allowed = queued ? QUEUED_STATUSES : INTERACTIVE_STATUSES;
  if (queued && deployment.status === 'TESTING') {
    warning('status TESTING is never queued by schedules or task.submit', 'use NOTSCHEDULED or SCHEDULED');
  } else if (!allowed.includes(deployment.status)) {
    error(
      `status "${deployment.status}" is not valid for a ${script.objectType}`,
      `use ${allowed.join(' or ')}`,
    );
  }
  if (script.objectType === 'restlet' && deployment.status === 'TESTING') {
    warning('a TESTING RESTlet answers only its owner, not the bridge', 'use RELEASED');
  }
  if (deployment.status === 'SCHEDULED' && deployment.recurrence === undefined) {
    error(
      'the SCHEDULED deployment has no <recurrence>, so it would never run',
      'add <recurrence> (e.g. <daily> with <repeat>PT15M</repeat>) or use NOTSCHEDULED',
    );
  }
  if (deployment.recurrence !== undefined) {
    if (deployment.status !== 'SCHEDULED') {
      warning(
        `<recurrence> is ignored because the status is ${deployment.status}`,
        'remove <recurrence> or use SCHEDULED',
      );
    }
    checkRecurrence(deployment.recurrence, error);
  }
  if (!LOG_LEVELS.includes(deployment.loglevel)) {
    error(`loglevel "${deployment.loglevel}" is not valid`, `use one of ${LOG_LEVELS.join(', ')}`);
  }
  if (script.objectType === 'usereventscript' && deployment.recordtype === undefined) {
    error('a user event deployment needs <recordtype>', 'add <recordtype>, e.g. SALESORDER');
  }
  if (!deployment.isdeployed) {
    warning(
      'isdeployed is F, so the deployment never runs',
      'set <isdeployed>T</isdeployed> if it should run',
    );
  }
}

export function checkDeployments(project: SdfProject, sink: SdfIssueSink): void {
  for (const script of project.scripts) {
    if (script.deployments.length === 0) {
      sink.warning({
        file: script.file,
        id: script.scriptid,
        message: 'the script has no deployment, so it never runs',
        fix: 'add a <scriptdeployment>',
      });
    }
    for (const deployment of script.deployments) checkDeployment(script, deployment, sink);
  }
}
