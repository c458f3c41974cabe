/**
 * Script files: bracketed `/SuiteApps/<appid>/...js` path, present after the build, with the
 * header NetSuite needs and the entry points its type calls (found by evaluating the AMD module).
 */
import * as fs from 'node:fs';
import { AmdLoadError, loadAmdExports } from './amd-exports';
import type { SdfIssueSink } from './sdf-issue';
import type { SdfProject, SdfScript, SdfScriptObjectType } from './sdf-model';
import { SCRIPT_TYPE_FOR_OBJECT } from './sdf-model';
import { readScriptHeader } from './script-header';

interface EntryPointRule {
  /** At least one of these must be exported. */
  anyOf: string[];
  /** All of these must be exported. */
  allOf: string[];
}

export const ENTRY_POINTS: Readonly<Record<SdfScriptObjectType, EntryPointRule>> = {
  restlet: { anyOf: ['get', 'post', 'put', 'delete'], allOf: [] },
  mapreducescript: { anyOf: ['map', 'reduce'], allOf: ['getInputData'] },
  scheduledscript: { anyOf: ['execute'], allOf: [] },
  suitelet: { anyOf: ['onRequest'], allOf: [] },
  usereventscript: { anyOf: ['beforeLoad', 'beforeSubmit', 'afterSubmit'], allOf: [] },
  clientscript: {
    anyOf: [
      'pageInit',
      'fieldChanged',
      'postSourcing',
      'sublistChanged',
      'lineInit',
      'validateField',
      'validateLine',
      'validateInsert',
      'validateDelete',
      'saveRecord',
      'localizationContextEnter',
      'localizationContextExit',
    ],
    allOf: [],
  },
};

/** Files each script loads (itself and its dependencies), for the unreached-file warning. */
export type LoadedFiles = Set<string>;

function checkPath(project: SdfProject, script: SdfScript, sink: SdfIssueSink): boolean {
  const prefix = `/SuiteApps/${project.appId}/`;
  if (script.scriptfile.startsWith(prefix) && script.scriptfile.endsWith('.js')) return true;
  sink.error({
    file: script.file,
    id: script.scriptid,
    message: `scriptfile "${script.scriptfile}" is not a .js file under ${prefix}`,
    fix: `write <scriptfile>[${prefix}<name>.js]</scriptfile>`,
  });
  return false;
}

function checkHeader(script: SdfScript, text: string, sink: SdfIssueSink): void {
  const expected = SCRIPT_TYPE_FOR_OBJECT[script.objectType];
  const report = (message: string, fix: string): void =>
    sink.error({ file: script.file, id: script.scriptid, message, fix });
  const header = readScriptHeader(text);
  if (header === undefined) {
    report(
      `${script.scriptfile} does not start with the @NApiVersion/@NScriptType JSDoc block`,
      `put /** @NApiVersion 2.1 @NScriptType ${expected} */ first in the source, above the imports`,
    );
    return;
  }
  if (header.scriptType !== expected) {
    report(
      `${script.scriptfile} declares @NScriptType ${header.scriptType ?? '(none)'} but the object is a ${script.objectType}`,
      `declare @NScriptType ${expected} in the source, or use the matching script object`,
    );
  }
  if (header.apiVersion !== '2.1') {
    report(
      `${script.scriptfile} declares @NApiVersion ${header.apiVersion ?? '(none)'}`,
      'declare @NApiVersion 2.1',
    );
  }
}

function checkEntryPoints(
  project: SdfProject,
  script: SdfScript,
  file: string,
  sink: SdfIssueSink,
  loaded: LoadedFiles,
): void {
  let exported: string[];
  try {
    const result = loadAmdExports(file, (id) => project.resolveFileCabinetPath(id));
    result.files.forEach((loadedFile) => loaded.add(loadedFile));
    exported = result.exportedFunctions;
  } catch (error) {
    if (!(error instanceof AmdLoadError)) throw error;
    loaded.add(file);
    sink.error({
      file: script.file,
      id: script.scriptid,
      message: `${script.scriptfile} cannot be loaded as an AMD module: ${error.file}: ${error.message}`,
      fix: 'make the file a single define([...], factory) module whose dependencies exist',
    });
    return;
  }
  const rule = ENTRY_POINTS[script.objectType];
  const missing = rule.allOf.filter((name) => !exported.includes(name));
  const hasAny = rule.anyOf.some((name) => exported.includes(name));
  if (missing.length === 0 && hasAny) return;
  const needs = [...missing.map((name) => `${name}`), ...(hasAny ? [] : [`one of ${rule.anyOf.join('/')}`])];
  sink.error({
    file: script.file,
    id: script.scriptid,
    message: `${script.scriptfile} exports ${exported.length > 0 ? exported.join(', ') : 'no functions'}; a ${script.objectType} needs ${needs.join(' and ')}`,
    fix: `export ${needs.join(' and ')} from the source file`,
  });
}

/** Checks every script; with `checkFiles`, also the compiled files. Returns the files the scripts load. */
export function checkScripts(project: SdfProject, sink: SdfIssueSink, checkFiles: boolean): LoadedFiles {
  const loaded: LoadedFiles = new Set();
  for (const script of project.scripts) {
    if (!checkPath(project, script, sink) || !checkFiles) continue;
    const file = project.resolveFileCabinetPath(script.scriptfile);
    if (!fs.existsSync(file)) {
      sink.error({
        file: script.file,
        id: script.scriptid,
        message: `scriptfile ${script.scriptfile} does not exist under FileCabinet`,
        fix: `run npm run build (it compiles suiteapp/ts/${script.scriptfile.split('/').slice(3).join('/').replace(/\.js$/, '.ts')}), or correct the path`,
      });
      continue;
    }
    checkHeader(script, fs.readFileSync(file, 'utf8'), sink);
    checkEntryPoints(project, script, file, sink, loaded);
  }
  return loaded;
}
