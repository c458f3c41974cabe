/**
 * Reads a SuiteScript file's header: the `@NApiVersion`, `@NScriptType` and `@NModuleScope` tags of
 * its leading JSDoc block.
 */
import * as ts from 'typescript';

/** The `@N...` tags of a SuiteScript file's leading JSDoc block. */
export interface ScriptHeader {
  apiVersion?: string;
  scriptType?: string;
  moduleScope?: string;
}

function tag(comment: string, name: string): string | undefined {
  return new RegExp(`@${name}[ \\t]+(\\S+)`).exec(comment)?.[1];
}

/**
 * Reads the header block that must open the file (above `define(`); undefined when the file does
 * not start with a block comment carrying `@NApiVersion` or `@NScriptType`.
 */
export function readScriptHeader(text: string): ScriptHeader | undefined {
  const ranges = ts.getLeadingCommentRanges(text, 0) ?? [];
  for (const range of ranges) {
    if (range.kind !== ts.SyntaxKind.MultiLineCommentTrivia) continue;
    const comment = text.slice(range.pos, range.end);
    const header: ScriptHeader = {};
    const apiVersion = tag(comment, 'NApiVersion');
    const scriptType = tag(comment, 'NScriptType');
    const moduleScope = tag(comment, 'NModuleScope');
    if (apiVersion !== undefined) header.apiVersion = apiVersion;
    if (scriptType !== undefined) header.scriptType = scriptType;
    if (moduleScope !== undefined) header.moduleScope = moduleScope;
    if (apiVersion !== undefined || scriptType !== undefined) return header;
  }
  return undefined;
}
