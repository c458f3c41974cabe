/**
 * Custom object ids a compiled SuiteScript file refers to: every `customrecord_`, `custrecord_`,
 * `custbody_`, `custcol_`, `custitem_`, `custentity_`, `customscript_`, `customdeploy_`,
 * `custscript_` or `customlist_` token inside a string or template literal (SuiteQL text included)
 * and every property name that is such an id (`values.custbody_x`, `{ custbody_x: ... }`).
 */
import * as ts from 'typescript';

export const CUSTOM_ID_PREFIXES = [
  'customrecord_',
  'custrecord_',
  'custbody_',
  'custcol_',
  'custitem_',
  'custentity_',
  'customscript_',
  'customdeploy_',
  'custscript_',
  'customlist_',
] as const;

const ID_TOKEN = new RegExp(`\\b(?:${CUSTOM_ID_PREFIXES.join('|')})[a-z0-9_]*`, 'gi');

export interface CodeIdUse {
  id: string;
  line: number;
}

/** Tokens in a literal fragment; a token running into a `${...}` substitution is incomplete and skipped. */
function tokens(fragment: string, touchesSubstitutionAtEnd: boolean): string[] {
  const found: string[] = [];
  for (const match of fragment.matchAll(ID_TOKEN)) {
    const token = match[0];
    const end = (match.index ?? 0) + token.length;
    if (token.endsWith('_') || (touchesSubstitutionAtEnd && end === fragment.length)) continue;
    found.push(token.toLowerCase());
  }
  return found;
}

function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    ts.isShorthandPropertyAssignment(parent)
  );
}

export function findCustomIdsInCode(text: string, fileName: string): CodeIdUse[] {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const uses: CodeIdUse[] = [];
  const add = (node: ts.Node, ids: string[]): void => {
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    for (const id of ids) uses.push({ id, line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateTail(node)) {
      add(node, tokens(node.text, false));
    } else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node)) {
      add(node, tokens(node.text, true));
    } else if (ts.isIdentifier(node) && isPropertyName(node)) {
      add(
        node,
        tokens(node.text, false).filter((id) => id === node.text.toLowerCase()),
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return uses;
}
