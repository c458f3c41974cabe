/**
 * Keeps module docs where a newcomer looks first: every source module under suiteapp/, bridge/,
 * shared-types/, sandbox/ and test/ (the support, benchmark and chaos modules) opens with a doc
 * comment (`/** … *\/` with at least one line of prose) above its first statement, so above its
 * imports, not on its first export. A SuiteScript entry file's `@NApiVersion` header stays the first
 * comment and holds tags only; the module doc follows it, still above the imports. Tests
 * (`__tests__/`, `*.test.ts`) and declaration files are not modules a reader opens to find the way
 * and are left out. Comments are read with the TypeScript scanner (test/support/source-comments.ts
 * lists the files).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { repoRoot, sourceFiles } from '../support/source-comments';

const ROOT = repoRoot(__dirname);
const FOLDERS = ['suiteapp', 'bridge', 'shared-types', 'sandbox', 'test'];

/** True for a block comment that is a doc comment with prose (not only `@tags`). */
function isModuleDoc(comment: string): boolean {
  if (!comment.startsWith('/**') || comment.startsWith('/**/')) return false;
  return comment
    .slice(3, -2)
    .split('\n')
    .map((line) => line.replace(/^\s*\*?\s?/, '').trim())
    .some((line) => line !== '' && !line.startsWith('@'));
}

/**
 * Why `text` has no module doc at its top, or null when it has one: the comments above its first
 * statement (or, in a file of comments only, the whole file) must include a doc comment with prose.
 */
function missingModuleDoc(fileName: string, text: string): string | null {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const first = source.statements[0];
  const end = first === undefined ? text.length : first.getStart(source);
  const ranges = ts.getLeadingCommentRanges(text, 0) ?? [];
  const above = ranges.filter((r) => r.end <= end).map((r) => text.slice(r.pos, r.end));
  if (above.some(isModuleDoc)) return null;
  const firstLine = first === undefined ? 1 : source.getLineAndCharacterOfPosition(end).line + 1;
  return first === undefined
    ? 'no doc comment in a file without statements'
    : `no doc comment above the first statement (line ${firstLine}); move the module's doc above its imports or write one`;
}

function isModule(file: string): boolean {
  return (
    file.endsWith('.ts') &&
    !file.endsWith('.d.ts') &&
    !file.endsWith('.test.ts') &&
    !file.split('/').includes('__tests__') &&
    !file.split('/').includes('node_modules')
  );
}

describe('module docs (issue #12)', () => {
  it('sees a doc above the imports, and not one on the first export or a tags-only header', () => {
    const doc = '/**\n * What this module does.\n */\n';
    expect(missingModuleDoc('a.ts', `${doc}import { x } from './x';\nexport const y = x;\n`)).toBeNull();
    expect(
      missingModuleDoc(
        'rl.ts',
        `/**\n * @NApiVersion 2.1\n * @NScriptType Restlet\n */\n${doc}import { x } from './x';\n`,
      ),
    ).toBeNull();
    expect(missingModuleDoc('b.ts', `import { x } from './x';\n${doc}export const y = x;\n`)).toMatch(
      /above the first statement \(line 1\)/,
    );
    expect(
      missingModuleDoc(
        'rl.ts',
        `/**\n * @NApiVersion 2.1\n * @NScriptType Restlet\n */\nimport { x } from './x';\n${doc}`,
      ),
    ).toMatch(/line 5/);
    expect(missingModuleDoc('c.ts', `// a line comment is not a doc\nexport const z = 1;\n`)).not.toBeNull();
    expect(missingModuleDoc('d.ts', `/* a block that is not a doc */\nexport const z = 1;\n`)).not.toBeNull();
    expect(missingModuleDoc('e.ts', doc)).toBeNull();
  });

  it('every source module under suiteapp/, bridge/, shared-types/, sandbox/ and test/ opens with its doc', () => {
    const files = sourceFiles(ROOT, FOLDERS, ['.ts']).filter(isModule);
    expect(files.length).toBeGreaterThan(300);
    const problems = files.flatMap((file) => {
      const why = missingModuleDoc(file, fs.readFileSync(path.join(ROOT, file), 'utf8'));
      return why === null ? [] : [`${file}: ${why}`];
    });
    expect(problems).toEqual([]);
  });
});
