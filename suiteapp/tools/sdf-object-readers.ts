/**
 * Turns the root element of one object file into the model (sdf-model.ts). Problems that make a
 * value unusable (a fieldtype outside the enum, a flag that is not T/F, an unbracketed file path)
 * are reported as issues; everything else is left to the validator.
 */
import type { SdfIssue } from './sdf-issue';
import type {
  SdfCustomList,
  SdfCustomRecordType,
  SdfField,
  SdfFieldKind,
  SdfFieldType,
  SdfRecurrence,
  SdfScript,
  SdfScriptDeployment,
  SdfScriptObjectType,
  SdfScriptParameter,
} from './sdf-model';
import { SCRIPT_TYPE_FOR_OBJECT, SDF_FIELD_TYPES } from './sdf-model';
import type { XmlElement } from './sdf-xml';
import { childElement, childText, descendants } from './sdf-xml';

interface ReadContext {
  file: string;
  issues: SdfIssue[];
}

export const FIELD_KINDS: readonly SdfFieldKind[] = [
  'transactionbodycustomfield',
  'transactioncolumncustomfield',
  'itemcustomfield',
  'entitycustomfield',
];

export const SCRIPT_OBJECT_TYPES = Object.keys(SCRIPT_TYPE_FOR_OBJECT) as SdfScriptObjectType[];

/** Prefix of the T/F flags that say which records a standalone field applies to. */
const APPLIES_TO_PREFIX: Readonly<Record<SdfFieldKind, string | undefined>> = {
  customrecordcustomfield: undefined,
  transactionbodycustomfield: 'body',
  transactioncolumncustomfield: 'col',
  itemcustomfield: 'appliesto',
  entitycustomfield: 'appliesto',
};

function flag(element: XmlElement, name: string, fallback: boolean, ctx: ReadContext, id: string): boolean {
  const text = childText(element, name);
  if (text === undefined || text === '') return fallback;
  if (text === 'T') return true;
  if (text === 'F') return false;
  ctx.issues.push({
    file: ctx.file,
    id,
    message: `<${name}> is "${text}"`,
    fix: `write <${name}>T</${name}> or <${name}>F</${name}>`,
  });
  return fallback;
}

function optionalText(element: XmlElement, name: string): string | undefined {
  const text = childText(element, name);
  return text === undefined || text === '' ? undefined : text;
}

function optionalInteger(
  element: XmlElement,
  name: string,
  ctx: ReadContext,
  id: string,
): number | undefined {
  const text = optionalText(element, name);
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  ctx.issues.push({
    file: ctx.file,
    id,
    message: `<${name}> is "${text}", not a whole number`,
    fix: `write a whole number in <${name}>`,
  });
  return undefined;
}

function scriptidOf(element: XmlElement, ctx: ReadContext): string | undefined {
  const scriptid = element.attributes['scriptid'];
  if (scriptid !== undefined && scriptid !== '') return scriptid;
  ctx.issues.push({
    file: ctx.file,
    id: element.name,
    message: `<${element.name}> has no scriptid attribute`,
    fix: `add scriptid="..." to <${element.name}>`,
  });
  return undefined;
}

function isFieldType(value: string): value is SdfFieldType {
  return (SDF_FIELD_TYPES as readonly string[]).includes(value);
}

function readFieldType(element: XmlElement, ctx: ReadContext, id: string): SdfFieldType | undefined {
  const text = childText(element, 'fieldtype') ?? '';
  if (isFieldType(text)) return text;
  ctx.issues.push({
    file: ctx.file,
    id,
    message: text === '' ? 'the field has no <fieldtype>' : `fieldtype "${text}" is not an SDF field type`,
    fix: `use one of ${SDF_FIELD_TYPES.join(', ')}`,
  });
  return undefined;
}

/** `[scriptid=customrecord_x]` → `customrecord_x`; `-103` stays; anything else is an issue. */
function readSelectTarget(element: XmlElement, ctx: ReadContext, id: string): string | undefined {
  const text = optionalText(element, 'selectrecordtype');
  if (text === undefined) return undefined;
  if (/^-\d+$/.test(text)) return text;
  const reference = /^\[scriptid=([a-z0-9_]+)\]$/i.exec(text);
  if (reference?.[1] !== undefined) return reference[1];
  ctx.issues.push({
    file: ctx.file,
    id,
    message: `selectrecordtype "${text}" is neither a negative standard-record id nor a [scriptid=...] reference`,
    fix: 'write a standard record id such as -103, or [scriptid=customrecord_x] for a custom record or list',
  });
  return undefined;
}

function appliesTo(element: XmlElement, kind: SdfFieldKind): string[] {
  const prefix = APPLIES_TO_PREFIX[kind];
  if (prefix === undefined) return [];
  return element.children
    .filter(
      (child) => child.name.startsWith(prefix) && child.name.length > prefix.length && child.text === 'T',
    )
    .map((child) => child.name.slice(prefix.length).toLowerCase());
}

export function readField(element: XmlElement, kind: SdfFieldKind, ctx: ReadContext): SdfField | undefined {
  const scriptid = scriptidOf(element, ctx);
  if (scriptid === undefined) return undefined;
  const fieldtype = readFieldType(element, ctx, scriptid);
  if (fieldtype === undefined) return undefined;
  const field: SdfField = {
    kind,
    scriptid,
    fieldtype,
    label: childText(element, 'label') ?? '',
    mandatory: flag(element, 'ismandatory', false, ctx, scriptid),
    appliesTo: appliesTo(element, kind),
    file: ctx.file,
  };
  const target = readSelectTarget(element, ctx, scriptid);
  if (target !== undefined) field.selectrecordtype = target;
  if (fieldtype === 'CHECKBOX') field.defaultchecked = flag(element, 'defaultchecked', false, ctx, scriptid);
  const defaultvalue = optionalText(element, 'defaultvalue');
  if (defaultvalue !== undefined) field.defaultvalue = defaultvalue;
  return field;
}

export function readCustomRecord(element: XmlElement, ctx: ReadContext): SdfCustomRecordType | undefined {
  const scriptid = scriptidOf(element, ctx);
  if (scriptid === undefined) return undefined;
  const fields = descendants(element, ['customrecordcustomfields', 'customrecordcustomfield'])
    .map((fieldElement) => readField(fieldElement, 'customrecordcustomfield', ctx))
    .filter((field): field is SdfField => field !== undefined);
  return {
    scriptid,
    recordname: childText(element, 'recordname') ?? '',
    enableoptimisticlocking: flag(element, 'enableoptimisticlocking', false, ctx, scriptid),
    includename: flag(element, 'includename', true, ctx, scriptid),
    fields,
    file: ctx.file,
  };
}

export function readCustomList(element: XmlElement, ctx: ReadContext): SdfCustomList | undefined {
  const scriptid = scriptidOf(element, ctx);
  if (scriptid === undefined) return undefined;
  const values = descendants(element, ['customvalues', 'customvalue']).map((valueElement) => ({
    scriptid: valueElement.attributes['scriptid'] ?? '',
    value: childText(valueElement, 'value') ?? '',
  }));
  return { scriptid, name: childText(element, 'name') ?? '', values, file: ctx.file };
}

function readRecurrence(element: XmlElement, ctx: ReadContext, id: string): SdfRecurrence | undefined {
  const group = childElement(element, 'recurrence')?.children[0];
  if (group === undefined) return undefined;
  const recurrence: SdfRecurrence = {
    kind: group.name,
    startdate: childText(group, 'startdate') ?? '',
    starttime: childText(group, 'starttime') ?? '',
  };
  const enddate = optionalText(group, 'enddate');
  if (enddate !== undefined) recurrence.enddate = enddate;
  const everyxdays = optionalInteger(group, 'everyxdays', ctx, id);
  if (everyxdays !== undefined) recurrence.everyxdays = everyxdays;
  const repeat = optionalText(group, 'repeat');
  if (repeat !== undefined) recurrence.repeat = repeat;
  return recurrence;
}

function readDeployment(element: XmlElement, ctx: ReadContext): SdfScriptDeployment | undefined {
  const scriptid = scriptidOf(element, ctx);
  if (scriptid === undefined) return undefined;
  const parameters: Record<string, string> = {};
  for (const child of element.children) {
    if (child.name.startsWith('custscript')) parameters[child.name] = child.text;
  }
  const deployment: SdfScriptDeployment = {
    scriptid,
    title: childText(element, 'title') ?? '',
    status: childText(element, 'status') ?? '',
    isdeployed: flag(element, 'isdeployed', true, ctx, scriptid),
    loglevel: childText(element, 'loglevel') ?? '',
    parameters,
  };
  if (childElement(element, 'allroles') !== undefined) {
    deployment.allroles = flag(element, 'allroles', false, ctx, scriptid);
  }
  const recordtype = optionalText(element, 'recordtype');
  if (recordtype !== undefined) deployment.recordtype = recordtype;
  const executioncontext = optionalText(element, 'executioncontext');
  if (executioncontext !== undefined) {
    deployment.executioncontext = executioncontext
      .split('|')
      .map((context) => context.trim())
      .filter((context) => context !== '');
  }
  const concurrencylimit = optionalInteger(element, 'concurrencylimit', ctx, scriptid);
  if (concurrencylimit !== undefined) deployment.concurrencylimit = concurrencylimit;
  const yieldaftermins = optionalInteger(element, 'yieldaftermins', ctx, scriptid);
  if (yieldaftermins !== undefined) deployment.yieldaftermins = yieldaftermins;
  const recurrence = readRecurrence(element, ctx, scriptid);
  if (recurrence !== undefined) deployment.recurrence = recurrence;
  return deployment;
}

function readParameter(element: XmlElement, ctx: ReadContext): SdfScriptParameter | undefined {
  const scriptid = scriptidOf(element, ctx);
  if (scriptid === undefined) return undefined;
  const fieldtype = readFieldType(element, ctx, scriptid);
  if (fieldtype === undefined) return undefined;
  const parameter: SdfScriptParameter = { scriptid, fieldtype, label: childText(element, 'label') ?? '' };
  const defaultvalue = optionalText(element, 'defaultvalue');
  if (defaultvalue !== undefined) parameter.defaultvalue = defaultvalue;
  return parameter;
}

/** `[/SuiteApps/x/y.js]` → `/SuiteApps/x/y.js`; an unbracketed path is kept as written and reported. */
function readScriptFile(element: XmlElement, ctx: ReadContext, id: string): string {
  const text = childText(element, 'scriptfile') ?? '';
  const bracketed = /^\[(.+)\]$/.exec(text);
  if (bracketed?.[1] !== undefined) return bracketed[1];
  ctx.issues.push({
    file: ctx.file,
    id,
    message: text === '' ? 'the script has no <scriptfile>' : `scriptfile "${text}" is not in brackets`,
    fix:
      text === ''
        ? 'add <scriptfile>[/SuiteApps/<appid>/<name>.js]</scriptfile>'
        : `write <scriptfile>[${text}]</scriptfile> (SDF file references are bracketed)`,
  });
  return text;
}

export function readScript(
  element: XmlElement,
  objectType: SdfScriptObjectType,
  ctx: ReadContext,
): SdfScript | undefined {
  const scriptid = scriptidOf(element, ctx);
  if (scriptid === undefined) return undefined;
  return {
    objectType,
    scriptid,
    name: childText(element, 'name') ?? '',
    scriptfile: readScriptFile(element, ctx, scriptid),
    parameters: descendants(element, ['scriptcustomfields', 'scriptcustomfield'])
      .map((parameterElement) => readParameter(parameterElement, ctx))
      .filter((parameter): parameter is SdfScriptParameter => parameter !== undefined),
    deployments: descendants(element, ['scriptdeployments', 'scriptdeployment'])
      .map((deploymentElement) => readDeployment(deploymentElement, ctx))
      .filter((deployment): deployment is SdfScriptDeployment => deployment !== undefined),
    file: ctx.file,
  };
}
