/**
 * The `scriptdeployment` search: the account's script deployments as N/search sees them. NetSuite's
 * records catalogue (reference/netsuite-records/records.json, search type `scriptdeployment`) lists
 * its filters and columns — `scriptid`, `title`, `status`, `isdeployed`, `loglevel`, `script`,
 * `scripttype` among them — and no body fields, so the emulator keeps no records of the type: the
 * rows come from the deployments the execution layer holds (exec/script-registry.ts, with the
 * changes an administrator made on Customization > Scripting > Script Deployments) each time a
 * search runs. `status` reads as NetSuite's id (`RELEASED`) with its label as text (`Released`);
 * `isdeployed` as a checkbox; `script` as the script record's internal id with its script id as text.
 */
import type { FieldInfo, RecordReader, RecordTypeInfo, StoredRecord } from '../store-types';

/** Deployment Status values (Oracle help, "Script Deployment Status"), by id. */
export const DEPLOYMENT_STATUS_LABELS: Readonly<Record<string, string>> = {
  RELEASED: 'Released',
  TESTING: 'Testing',
  SCHEDULED: 'Scheduled',
  NOTSCHEDULED: 'Not Scheduled',
};

/** One deployment as the search reads it. */
export interface DeploymentFacts {
  internalId: number;
  scriptid: string;
  title: string;
  status: string;
  isdeployed: boolean;
  loglevel: string;
  scriptInternalId: number;
  /** The script record's script id (`customscript_x`): the `script` column's text. */
  scriptScriptId: string;
  /** `RESTLET`, `SCHEDULED`, `MAPREDUCE`, ... */
  scriptType: string;
}

/** Where the execution layer plugs in its deployments (none until it does). */
export class DeploymentSlot {
  private provider: () => readonly DeploymentFacts[] = () => [];

  install(provider: () => readonly DeploymentFacts[]): void {
    this.provider = provider;
  }

  list(): readonly DeploymentFacts[] {
    return this.provider();
  }
}

export const SCRIPT_DEPLOYMENT_TYPE = 'scriptdeployment';

const text = (id: string, label: string): FieldInfo => ({ id, kind: 'text', label, mandatory: false, readOnly: true });

const TYPE_INFO: RecordTypeInfo = {
  id: SCRIPT_DEPLOYMENT_TYPE,
  category: 'other',
  externalIdGroup: SCRIPT_DEPLOYMENT_TYPE,
  optimisticLocking: false,
  custom: false,
  searchType: SCRIPT_DEPLOYMENT_TYPE,
  label: 'Script Deployment',
  displayField: 'title',
  family: 'other',
  fields: {
    scriptid: text('scriptid', 'ID'),
    title: text('title', 'Title'),
    status: {
      id: 'status',
      kind: 'select',
      label: 'Status',
      mandatory: true,
      readOnly: true,
      listLabels: DEPLOYMENT_STATUS_LABELS,
      selectTarget: `list:${Object.keys(DEPLOYMENT_STATUS_LABELS).join(',')}`,
    },
    isdeployed: { id: 'isdeployed', kind: 'checkbox', label: 'Deployed', mandatory: false, readOnly: true },
    loglevel: text('loglevel', 'Log Level'),
    script: { id: 'script', kind: 'select', label: 'Script', mandatory: true, readOnly: true, selectTarget: 'script' },
    scripttype: text('scripttype', 'Script Type'),
  },
  sublists: {},
  subrecords: {},
};

function recordOf(d: DeploymentFacts): StoredRecord {
  return {
    type: SCRIPT_DEPLOYMENT_TYPE,
    id: d.internalId,
    externalId: null,
    version: 1,
    fields: {
      scriptid: d.scriptid,
      title: d.title,
      status: d.status,
      isdeployed: d.isdeployed,
      loglevel: d.loglevel,
      script: String(d.scriptInternalId),
      scripttype: d.scriptType,
    },
    sublists: {},
    subrecords: {},
    createdAt: '',
    lastModified: '',
  };
}

/** `reader` with the `scriptdeployment` search type added, its rows read from `slot` at each call. */
export function withScriptDeployments(reader: RecordReader, slot: DeploymentSlot): RecordReader {
  const isMine = (type: string): boolean => type.toLowerCase() === SCRIPT_DEPLOYMENT_TYPE;
  const records = (): StoredRecord[] => slot.list().map(recordOf);
  return {
    typeInfo: (type) => (isMine(type) ? TYPE_INFO : reader.typeInfo(type)),
    hasType: (type) => isMine(type) || reader.hasType(type),
    types: () => [...reader.types(), TYPE_INFO],
    get: (type, id) => (isMine(type) ? (records().find((r) => r.id === id) ?? null) : reader.get(type, id)),
    getAny: (family, id) => reader.getAny(family, id),
    all: (type) => (isMine(type) ? records() : reader.all(type)),
    findByExternalId: (type, externalId) => (isMine(type) ? null : reader.findByExternalId(type, externalId)),
    displayText: (target, id) => {
      if (target !== 'script') return reader.displayText(target, id);
      return slot.list().find((d) => String(d.scriptInternalId) === id)?.scriptScriptId ?? id;
    },
    schema: () => reader.schema(),
  };
}
