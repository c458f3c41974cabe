/**
 * The JSDoc block NetSuite reads at the top of an entry-point file (`@NApiVersion`, `@NScriptType`).
 */
import type { SdfScriptObjectType } from '../../../../suiteapp/tools/sdf-model';
import { SCRIPT_TYPE_FOR_OBJECT } from '../../../../suiteapp/tools/sdf-model';
import { SuiteScriptError } from '../errors';

export interface ScriptHeader {
  apiVersion: string | null;
  scriptType: string | null;
}

/** Tags of the first block comment of the file (leading whitespace and line comments allowed before it). */
export function readScriptHeader(source: string): ScriptHeader {
  const match = /^(?:\s|\/\/[^\n]*\n|['"]use strict['"];?)*\/\*\*([\s\S]*?)\*\//.exec(source);
  const block = match?.[1] ?? '';
  const tag = (name: string): string | null => {
    const m = new RegExp(`@${name}\\s+([^\\s*]+)`).exec(block);
    return m?.[1] ?? null;
  };
  return { apiVersion: tag('NApiVersion'), scriptType: tag('NScriptType') };
}

/** Refuses an entry file whose header does not say SuiteScript 2.1 and the script record's type. */
export function checkScriptHeader(
  source: string,
  file: string,
  objectType: SdfScriptObjectType,
  scriptId: string,
): void {
  const header = readScriptHeader(source);
  const expected = SCRIPT_TYPE_FOR_OBJECT[objectType];
  if (header.apiVersion !== '2.1') {
    throw new SuiteScriptError(
      'SSS_INVALID_SCRIPT_HEADER',
      `${file} (script ${scriptId}) must start with a JSDoc block declaring "@NApiVersion 2.1"; found ${
        header.apiVersion === null ? 'no @NApiVersion tag' : `"@NApiVersion ${header.apiVersion}"`
      }.`,
    );
  }
  if (header.scriptType !== expected) {
    throw new SuiteScriptError(
      'SSS_INVALID_SCRIPT_HEADER',
      `${file} is deployed as ${objectType} ${scriptId}, so its JSDoc header must declare "@NScriptType ${expected}"; found ${
        header.scriptType === null ? 'no @NScriptType tag' : `"@NScriptType ${header.scriptType}"`
      }.`,
    );
  }
}
