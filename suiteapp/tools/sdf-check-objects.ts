/** Script-id prefixes, lengths, object file names, labels and SELECT targets (Oracle's SDF custom object reference). */
import * as path from 'node:path';
import type { SdfIssueSink } from './sdf-issue';
import type { SdfField, SdfFieldKind, SdfProject } from './sdf-model';
import { STANDARD_SELECT_TARGETS } from './sdf-model';
import type { SdfObjectFile } from './sdf-project';

export const MAX_SCRIPT_ID_LENGTH = 40;
export const MAX_SCRIPT_NAME_LENGTH = 40;

const FIELD_PREFIX: Readonly<Record<SdfFieldKind, string>> = {
  customrecordcustomfield: 'custrecord_',
  transactionbodycustomfield: 'custbody_',
  transactioncolumncustomfield: 'custcol_',
  itemcustomfield: 'custitem_',
  entitycustomfield: 'custentity_',
};

/** Object types the validator understands; other files are only checked for their name. */
const KNOWN_OBJECT_TYPES = new Set([
  'customrecordtype',
  'customlist',
  ...Object.keys(FIELD_PREFIX),
  'restlet',
  'scheduledscript',
  'mapreducescript',
  'suitelet',
  'usereventscript',
  'clientscript',
]);

interface IdUse {
  id: string;
  prefix: string;
  what: string;
  file: string;
}

/** Every script id the project defines, with the prefix its object type requires. */
export function definedIds(project: SdfProject): IdUse[] {
  const ids: IdUse[] = [];
  for (const record of project.customRecords) {
    ids.push({ id: record.scriptid, prefix: 'customrecord_', what: 'custom record type', file: record.file });
    for (const field of record.fields) {
      ids.push({ id: field.scriptid, prefix: 'custrecord_', what: 'custom record field', file: field.file });
    }
  }
  for (const field of project.standaloneFields) {
    ids.push({ id: field.scriptid, prefix: FIELD_PREFIX[field.kind], what: field.kind, file: field.file });
  }
  for (const list of project.customLists) {
    ids.push({ id: list.scriptid, prefix: 'customlist_', what: 'custom list', file: list.file });
  }
  for (const script of project.scripts) {
    ids.push({
      id: script.scriptid,
      prefix: 'customscript_',
      what: `${script.objectType} script`,
      file: script.file,
    });
    for (const parameter of script.parameters) {
      ids.push({
        id: parameter.scriptid,
        prefix: 'custscript_',
        what: 'script parameter',
        file: script.file,
      });
    }
    for (const deployment of script.deployments) {
      ids.push({
        id: deployment.scriptid,
        prefix: 'customdeploy_',
        what: 'script deployment',
        file: script.file,
      });
    }
  }
  return ids;
}

export function checkObjectFiles(objectFiles: readonly SdfObjectFile[], sink: SdfIssueSink): void {
  for (const object of objectFiles) {
    if (!KNOWN_OBJECT_TYPES.has(object.type)) {
      sink.warning({
        file: object.file,
        id: object.scriptid || object.type,
        message: `object type <${object.type}> is not checked by the offline validator`,
        fix: 'check it with suitecloud project:validate against an account',
      });
    }
    if (object.scriptid !== '' && path.posix.basename(object.file) !== `${object.scriptid}.xml`) {
      sink.error({
        file: object.file,
        id: object.scriptid,
        message: `the file name does not match the script id ${object.scriptid}`,
        fix: `rename the file to ${path.posix.join(path.posix.dirname(object.file), `${object.scriptid}.xml`)}`,
      });
    }
  }
}

export function checkScriptIds(project: SdfProject, sink: SdfIssueSink): void {
  const firstFile = new Map<string, string>();
  for (const use of definedIds(project)) {
    if (!use.id.startsWith(use.prefix)) {
      sink.error({
        file: use.file,
        id: use.id,
        message: `the ${use.what} id does not start with ${use.prefix}`,
        fix: `rename it to ${use.prefix}${use.id.replace(/^[a-z]+_/, '')}`,
      });
    }
    if (use.id.length > MAX_SCRIPT_ID_LENGTH) {
      sink.error({
        file: use.file,
        id: use.id,
        message: `the id is ${use.id.length} characters long; SDF allows ${MAX_SCRIPT_ID_LENGTH}`,
        fix: `shorten it to ${MAX_SCRIPT_ID_LENGTH} characters or fewer`,
      });
    }
    if (!/^[a-z0-9_]+$/.test(use.id)) {
      sink.error({
        file: use.file,
        id: use.id,
        message: 'the id contains characters other than lower-case letters, digits and underscores',
        fix: 'use only a-z, 0-9 and _',
      });
    }
    const earlier = firstFile.get(use.id);
    if (earlier !== undefined) {
      sink.error({
        file: use.file,
        id: use.id,
        message: `the id is also defined in ${earlier}`,
        fix: 'give one of them a different id',
      });
    } else {
      firstFile.set(use.id, use.file);
    }
  }
}

function allFields(project: SdfProject): SdfField[] {
  return [...project.customRecords.flatMap((record) => record.fields), ...project.standaloneFields];
}

export function checkFields(project: SdfProject, sink: SdfIssueSink): void {
  const targets = new Set([
    ...project.customRecords.map((record) => record.scriptid),
    ...project.customLists.map((list) => list.scriptid),
  ]);
  for (const field of allFields(project)) {
    if (field.label.trim() === '') {
      sink.error({
        file: field.file,
        id: field.scriptid,
        message: 'the field has no label',
        fix: 'add <label>',
      });
    }
    if (field.fieldtype !== 'SELECT' && field.fieldtype !== 'MULTISELECT') continue;
    const target = field.selectrecordtype;
    if (target === undefined) {
      sink.error({
        file: field.file,
        id: field.scriptid,
        message: `the ${field.fieldtype} field has no <selectrecordtype>`,
        fix: 'add <selectrecordtype> with a standard record id (-103) or [scriptid=customrecord_x]',
      });
    } else if (target.startsWith('-')) {
      if (STANDARD_SELECT_TARGETS[target] === undefined) {
        sink.error({
          file: field.file,
          id: field.scriptid,
          message: `selectrecordtype ${target} is not a known standard record id (${Object.keys(STANDARD_SELECT_TARGETS).join(', ')})`,
          fix: 'use a known id, or verify the id with object:import and add it to STANDARD_SELECT_TARGETS in sdf-model.ts',
        });
      }
    } else if (!targets.has(target)) {
      sink.error({
        file: field.file,
        id: field.scriptid,
        message: `selectrecordtype [scriptid=${target}] is not defined in this project`,
        fix: `add Objects/${target}.xml or correct the reference`,
      });
    }
  }
  for (const field of project.standaloneFields) {
    if (field.appliesTo.length === 0) {
      sink.warning({
        file: field.file,
        id: field.scriptid,
        message: 'the field applies to no record, so it appears nowhere',
        fix: 'set at least one applies-to flag (e.g. <bodysale>T</bodysale>) to T',
      });
    }
  }
}

export function checkScriptNames(project: SdfProject, sink: SdfIssueSink): void {
  for (const script of project.scripts) {
    if (script.name.trim() === '' || script.name.length > MAX_SCRIPT_NAME_LENGTH) {
      sink.error({
        file: script.file,
        id: script.scriptid,
        message:
          script.name.trim() === ''
            ? 'the script has no <name>'
            : `<name> is ${script.name.length} characters long`,
        fix: `write a <name> of 1 to ${MAX_SCRIPT_NAME_LENGTH} characters`,
      });
    }
  }
}
