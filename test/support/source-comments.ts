/**
 * Reads the comments of the repository's TypeScript and JavaScript sources, for the tests that
 * keep comments honest (test/docs/no-outside-citations.test.ts, test/docs/module-docs.test.ts):
 * the tracked source files under a folder, and each comment of a file with its line.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/** The repository root: the folder above `from` whose package.json declares workspaces. */
export function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && 'workspaces' in JSON.parse(fs.readFileSync(manifest, 'utf8'))) return dir;
    if (path.dirname(dir) === dir)
      throw new Error(`no repository root (package.json with workspaces) above ${from}`);
  }
}

/** Files git tracks (or would: untracked, not ignored) under `folders`, relative to `root`, with one of `extensions`. */
export function sourceFiles(
  root: string,
  folders: readonly string[],
  extensions: readonly string[],
): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...folders],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return [...new Set(listed.split('\n'))]
    .filter((file) => file !== '' && extensions.some((ext) => file.endsWith(ext)))
    .filter((file) => fs.existsSync(path.join(root, file)))
    .sort();
}

export interface SourceComment {
  /** 1-based line where the comment starts. */
  line: number;
  /** The comment as written, delimiters included. */
  text: string;
}

/** Every comment of a TypeScript or JavaScript source, in order (strings, templates and regular expressions are not comments). */
export function commentsOf(fileName: string, text: string): SourceComment[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKind(fileName));
  // Where literals start and end: comment markers inside them are text, not comments.
  const literalEnd = new Map<number, number>();
  const visit = (node: ts.Node): void => {
    if (LITERALS.has(node.kind)) literalEnd.set(node.getStart(source), node.end);
    ts.forEachChild(node, visit);
  };
  visit(source);
  const comments: SourceComment[] = [];
  const lineOf = (pos: number): number => source.getLineAndCharacterOfPosition(pos).line + 1;
  for (let i = 0; i < text.length;) {
    const skipTo = literalEnd.get(i);
    if (skipTo !== undefined && skipTo > i) {
      i = skipTo;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      comments.push({ line: lineOf(i), text: text.slice(i, stop) });
      i = stop;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      comments.push({ line: lineOf(i), text: text.slice(i, stop) });
      i = stop;
    } else i += 1;
  }
  return comments;
}

const LITERALS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.JsxText,
]);

function scriptKind(fileName: string): ts.ScriptKind {
  return /\.(c|m)?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}
