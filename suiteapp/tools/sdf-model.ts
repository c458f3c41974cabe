/**
 * The parsed SDF project: what `loadSdfProject()` (sdf-project.ts) returns.
 *
 * One model serves three readers: the offline validator (validate-sdf.ts), the build, and the
 * NetSuite emulator (sandbox/netsuite), which creates record types, fields, scripts and deployments
 * from it, so the emulator runs the project exactly as it would be deployed.
 */

/** SDF `fieldtype` values (Oracle's SDF custom object reference). */
export const SDF_FIELD_TYPES = [
  'CHECKBOX',
  'CLOBTEXT',
  'CURRENCY',
  'DATE',
  'DATETIMETZ',
  'DOCUMENT',
  'EMAIL',
  'FLOAT',
  'HELP',
  'IMAGE',
  'INLINEHTML',
  'INTEGER',
  'MULTISELECT',
  'PASSWORD',
  'PERCENT',
  'PHONE',
  'RICHTEXT',
  'SELECT',
  'TEXT',
  'TEXTAREA',
  'TIMEOFDAY',
  'URL',
] as const;
export type SdfFieldType = (typeof SDF_FIELD_TYPES)[number];

/**
 * Standard record types a SELECT/MULTISELECT field may target by negative id
 * (Oracle's SDF custom object reference), with the record type id the emulator uses and the feature the target needs, if any.
 * Ids not listed here are refused by the offline validator until verified with `object:import`.
 */
export const STANDARD_SELECT_TARGETS: Readonly<Record<string, { recordType: string; feature?: string }>> = {
  '-2': { recordType: 'customer' },
  '-10': { recordType: 'item' },
  '-30': { recordType: 'transaction' },
  '-101': { recordType: 'classification', feature: 'CLASSES' },
  '-102': { recordType: 'department', feature: 'DEPARTMENTS' },
  '-103': { recordType: 'location', feature: 'LOCATIONS' },
  '-117': { recordType: 'subsidiary', feature: 'SUBSIDIARIES' },
};

/** Where a field lives. */
export type SdfFieldKind =
  | 'customrecordcustomfield'
  | 'transactionbodycustomfield'
  | 'transactioncolumncustomfield'
  | 'itemcustomfield'
  | 'entitycustomfield';

export interface SdfField {
  kind: SdfFieldKind;
  scriptid: string;
  fieldtype: SdfFieldType;
  label: string;
  mandatory: boolean;
  /**
   * For SELECT/MULTISELECT: the target as written in the XML: a negative standard-record id such as
   * `-103` (location), or a reference such as `[scriptid=customrecord_tts_shop]`; normalised here to
   * the bare id (`-103` or `customrecord_tts_shop`).
   */
  selectrecordtype?: string;
  defaultchecked?: boolean;
  defaultvalue?: string;
  /** For transaction body/column fields: which transaction families it applies to (`bodysale`, `colsale`, `bodyitemfulfillment`...: the flags set to T, without the prefix, lower case: `sale`, `itemfulfillment`). */
  appliesTo: string[];
  /** Object file the field was read from, for error messages. */
  file: string;
}

export interface SdfCustomRecordType {
  scriptid: string;
  recordname: string;
  enableoptimisticlocking: boolean;
  includename: boolean;
  fields: SdfField[];
  file: string;
}

export interface SdfCustomListValue {
  scriptid: string;
  value: string;
}

export interface SdfCustomList {
  scriptid: string;
  name: string;
  values: SdfCustomListValue[];
  file: string;
}

export type SdfScriptObjectType =
  'restlet' | 'scheduledscript' | 'mapreducescript' | 'suitelet' | 'usereventscript' | 'clientscript';

/** The `@NScriptType` each object type must declare. */
export const SCRIPT_TYPE_FOR_OBJECT: Readonly<Record<SdfScriptObjectType, string>> = {
  restlet: 'Restlet',
  scheduledscript: 'ScheduledScript',
  mapreducescript: 'MapReduceScript',
  suitelet: 'Suitelet',
  usereventscript: 'UserEventScript',
  clientscript: 'ClientScript',
};

export interface SdfRecurrence {
  /** `single`, `daily`, `everyweekday`, `weekly`, ... as in the XML. */
  kind: string;
  startdate: string;
  starttime: string;
  enddate?: string;
  everyxdays?: number;
  /** `repeat` as an ISO-8601 duration (e.g. `PT15M`), if any. */
  repeat?: string;
}

export interface SdfScriptDeployment {
  scriptid: string;
  title: string;
  status: string;
  isdeployed: boolean;
  loglevel: string;
  allroles?: boolean;
  /** User-event deployments: the record type as written (`SALESORDER`, `[scriptid=customrecord_x]`). */
  recordtype?: string;
  /**
   * User-event deployments: the execution contexts that trigger it (`<executioncontext>` split on
   * `|`, e.g. `['USERINTERFACE', 'RESTLET']`); absent = every context.
   */
  executioncontext?: string[];
  concurrencylimit?: number;
  yieldaftermins?: number;
  recurrence?: SdfRecurrence;
  /** Script parameter values set on the deployment (`custscript_*` → value). */
  parameters: Record<string, string>;
}

export interface SdfScriptParameter {
  scriptid: string;
  fieldtype: SdfFieldType;
  label: string;
  defaultvalue?: string;
}

export interface SdfScript {
  objectType: SdfScriptObjectType;
  scriptid: string;
  name: string;
  /** File Cabinet path without brackets, e.g. `/SuiteApps/com.opentts.connector/rl_connector.js`. */
  scriptfile: string;
  parameters: SdfScriptParameter[];
  deployments: SdfScriptDeployment[];
  file: string;
}

export interface SdfFeature {
  name: string;
  required: boolean;
}

export interface SdfManifest {
  projecttype: string;
  publisherid: string;
  projectid: string;
  projectname: string;
  projectversion: string;
  features: SdfFeature[];
}

export interface SdfProject {
  /** Absolute path of the project folder (`suiteapp/src`). */
  root: string;
  manifest: SdfManifest;
  /** `publisherid.projectid`. */
  appId: string;
  deploy: { files: string[]; objects: string[] };
  customRecords: SdfCustomRecordType[];
  /** Body, column, item and entity fields (not the ones inside custom records). */
  standaloneFields: SdfField[];
  customLists: SdfCustomList[];
  scripts: SdfScript[];
  /** Absolute path of a File Cabinet path such as `/SuiteApps/<appid>/x.js`. */
  resolveFileCabinetPath(path: string): string;
}
