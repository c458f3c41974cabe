/**
 * Transpiles one SuiteApp (or shared) TypeScript file into a SuiteScript 2.1 AMD module:
 * imports of shared-types are pointed at their emitted copy, imports NetSuite could not load are
 * refused, and the `@NApiVersion` JSDoc header is put first, above `define(`.
 */
import * as fs from 'node:fs';
import * as ts from 'typescript';
import { returnEntryPoints } from './amd-return-exports';
import type { ImportTarget, SuiteAppLayout } from './suiteapp-imports';
import { outputPathOf, relativeSpecifier, resolveImport } from './suiteapp-imports';

export interface BuildProblem {
  file: string;
  message: string;
  fix: string;
}

export interface TranspiledModule {
  source: string;
  output: string;
  text: string;
  /** The file declares `@NScriptType`: NetSuite runs it as a script. */
  isEntry: boolean;
  /** shared-types files this module loads at run time (they must be emitted too). */
  sharedDependencies: string[];
  problems: BuildProblem[];
}

/** Header for emitted modules that have none: shared and library modules are 2.1 like the scripts. */
export const LIBRARY_HEADER = '/**\n * @NApiVersion 2.1\n */';

const AMD_BUILTINS = new Set(['require', 'exports', 'module']);

const COMPILER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.AMD,
  target: ts.ScriptTarget.ES2022,
  removeComments: false,
  // Without interop helpers the output is a bare define(); N modules are namespaces, so
  // `import * as record from 'N/record'` is the form that works in NetSuite.
  esModuleInterop: false,
  sourceMap: false,
};

/** Splits the leading JSDoc block carrying `@NApiVersion` / `@NScriptType` off the source text. */
export function splitScriptHeader(text: string): { header?: string; body: string } {
  const ranges = ts.getLeadingCommentRanges(text, 0) ?? [];
  const range = ranges.find(
    (candidate) =>
      candidate.kind === ts.SyntaxKind.MultiLineCommentTrivia &&
      /@N(ApiVersion|ScriptType)\b/.test(text.slice(candidate.pos, candidate.end)),
  );
  if (range === undefined) return { body: text };
  return { header: text.slice(range.pos, range.end), body: text.slice(0, range.pos) + text.slice(range.end) };
}

function moduleSpecifierText(node: ts.ImportDeclaration | ts.ExportDeclaration): string | undefined {
  return node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)
    ? node.moduleSpecifier.text
    : undefined;
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  return ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly === true : node.isTypeOnly;
}

/** Reads the dependency list of the `define([...], factory)` call the AMD transform produced. */
function defineDependencies(sourceFile: ts.SourceFile): string[] {
  for (const statement of sourceFile.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) continue;
    const call = statement.expression;
    if (!ts.isIdentifier(call.expression) || ts.idText(call.expression) !== 'define') continue;
    const list = call.arguments[0];
    if (list === undefined || !ts.isArrayLiteralExpression(list)) return [];
    return list.elements.filter(ts.isStringLiteral).map((element) => element.text);
  }
  return [];
}

export function transpileSuiteScript(source: string, layout: SuiteAppLayout): TranspiledModule {
  const output = outputPathOf(source, layout);
  const { header, body } = splitScriptHeader(fs.readFileSync(source, 'utf8'));
  const isEntry = header !== undefined && /@NScriptType\b/.test(header);
  const problems: BuildProblem[] = [];
  const targets = new Map<string, ImportTarget>();
  const defaultImportsOfN = new Set<string>();
  const runtimeDependencies: string[] = [];

  const rewriteImports: ts.TransformerFactory<ts.SourceFile> = (context) => (sourceFile) => {
    const { factory } = context;
    const visit = (node: ts.Node): ts.Node => {
      if (!ts.isImportDeclaration(node) && !ts.isExportDeclaration(node)) return node;
      const specifier = moduleSpecifierText(node);
      if (specifier === undefined || isTypeOnly(node)) return node;
      const target = resolveImport(specifier, source, layout);
      const rewritten =
        target.kind === 'shared' ? relativeSpecifier(output, outputPathOf(target.file, layout)) : specifier;
      targets.set(rewritten, target);
      if (target.kind === 'netsuite' && ts.isImportDeclaration(node) && node.importClause?.name) {
        defaultImportsOfN.add(rewritten);
      }
      if (rewritten === specifier) return node;
      const literal = factory.createStringLiteral(rewritten);
      return ts.isImportDeclaration(node)
        ? factory.updateImportDeclaration(node, node.modifiers, node.importClause, literal, node.attributes)
        : factory.updateExportDeclaration(
            node,
            node.modifiers,
            node.isTypeOnly,
            node.exportClause,
            literal,
            node.attributes,
          );
    };
    return ts.visitEachChild(sourceFile, visit, context);
  };

  const readDependencies: ts.TransformerFactory<ts.SourceFile> = () => (sourceFile) => {
    runtimeDependencies.push(...defineDependencies(sourceFile));
    return sourceFile;
  };

  const result = ts.transpileModule(body, {
    compilerOptions: COMPILER_OPTIONS,
    fileName: source,
    reportDiagnostics: true,
    transformers: {
      before: [rewriteImports],
      after: isEntry ? [readDependencies, returnEntryPoints] : [readDependencies],
    },
  });

  for (const diagnostic of result.diagnostics ?? []) {
    const where =
      diagnostic.file && diagnostic.start !== undefined
        ? ` (line ${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1})`
        : '';
    problems.push({
      file: source,
      message: `${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}${where}`,
      fix: 'correct the syntax error',
    });
  }

  const sharedDependencies: string[] = [];
  for (const dependency of runtimeDependencies.filter((name) => !AMD_BUILTINS.has(name))) {
    const target = targets.get(dependency);
    if (target === undefined) continue;
    if (target.kind === 'refused') {
      problems.push({ file: source, message: `import ${target.reason}`, fix: target.fix });
    } else if (target.kind === 'shared') {
      sharedDependencies.push(target.file);
    } else if (defaultImportsOfN.has(dependency)) {
      problems.push({
        file: source,
        message: `default import of "${dependency}": NetSuite modules have no default export`,
        fix: `write import * as name from '${dependency}'`,
      });
    }
  }

  return {
    source,
    output,
    text: `${header ?? LIBRARY_HEADER}\n${result.outputText}`,
    isEntry,
    sharedDependencies,
    problems,
  };
}
