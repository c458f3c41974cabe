/**
 * Comments cite files of the repository, never notes outside it: a reader of the code has the
 * repository, not the notes it was written from. Checked in every comment of the TypeScript and
 * JavaScript sources under suiteapp/, bridge/, shared-types/, sandbox/ and test/:
 *
 * - no path into the notes folder next to the repository (`../shared/…`, `shared/reference/…`);
 * - every Markdown file a comment names (`docs/contracts.md`, `sandbox/tiktok/README.md`) is a file of
 *   the repository;
 * - a section sign (`§`) follows an RFC or a Markdown file of the repository on the same line;
 * - no source tags of the notes (`[D-sign]`, `[RB]`), no numbered notes (`invariant 8`, `reference B5`).
 *
 * Public sources (TikTok's and Oracle's documentation, RFCs, open-source repositories) may be cited.
 * The vendoring tools read the notes on purpose (their input), so their own files are exempt, as is
 * this file, which names what it looks for. A Markdown path under node_modules/ is a file of an installed package.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commentsOf, repoRoot, sourceFiles, type SourceComment } from '../support/source-comments';

const ROOT = repoRoot(__dirname);
const FOLDERS = ['suiteapp', 'bridge', 'shared-types', 'sandbox', 'test'];
const EXTENSIONS = ['.ts', '.js', '.mjs', '.cjs'];

/** Tools whose input is the notes folder (`npm run vendor:*`): naming its paths is their job. */
const READS_THE_NOTES = new Set([
  'suiteapp/tools/netsuite-catalogue-files.ts',
  'suiteapp/tools/vendor-netsuite-records.ts',
  'suiteapp/tools/vendor-sdf-schema.ts',
  'suiteapp/tools/__tests__/build-suiteapp.test.ts',
  'suiteapp/tools/__tests__/sdf-schema-vendor.test.ts',
  'suiteapp/tools/__tests__/vendor-netsuite-records.test.ts',
  'test/docs/no-outside-citations.test.ts',
]);

const NOTES_PATH = /\.\.\/shared\/|\/work\/shared\b|\bshared\/(?:reference|architecture|settings|seed)\b/;
const MARKDOWN = /[\w@./-]*[\w-]\.md\b/g;
const SECTION = /§/g;
const SOURCE_TAG = /\[(?:D-[\w:/.-]+|RB|PHP|TS|NET|GO-wh|OBS-[\w-]+|P3)\]/;
/** Every problem above needs one of these somewhere in the file. */
const MAY_CITE = /shared\/|\.md\b|§|\[(?:D-|RB\]|PHP\]|TS\]|NET\]|GO-|OBS-|P3\])|invariant|reference [ab]\d/i;
const NUMBERED_NOTE = /\binvariants? \d|\breference [AB]\d/i;

/** The Markdown files of the repository, by path and by name. */
function repositoryMarkdown(): { paths: Set<string>; names: Set<string> } {
  const files = sourceFiles(ROOT, ['.'], ['.md']);
  return { paths: new Set(files), names: new Set(files.map((file) => path.basename(file))) };
}

/** What is wrong with one line of a comment (empty when it cites only the repository and public sources). */
function outsideCitations(line: string, markdown: { paths: Set<string>; names: Set<string> }): string[] {
  const problems: string[] = [];
  if (NOTES_PATH.test(line)) problems.push('a path into the notes outside the repository (../shared)');
  const isRepositoryMarkdown = (name: string): boolean =>
    markdown.paths.has(name.replace(/^\.\//, '')) ||
    name.startsWith('node_modules/') ||
    (!name.includes('/') && markdown.names.has(name));
  for (const match of line.matchAll(MARKDOWN)) {
    if (!isRepositoryMarkdown(match[0])) problems.push(`${match[0]}, which is not a file of the repository`);
  }
  for (const match of line.matchAll(SECTION)) {
    const before = line.slice(0, match.index);
    const cited =
      /\bRFC ?\d+\b/.test(before) || [...before.matchAll(MARKDOWN)].some((m) => isRepositoryMarkdown(m[0]));
    const section = /§\s?\d+(?:\.\d+)*/.exec(line.slice(match.index))?.[0] ?? '§';
    if (!cited) problems.push(`a section (${section}) of no RFC or file of the repository`);
  }
  const tag = SOURCE_TAG.exec(line);
  if (tag) problems.push(`the notes' source tag ${tag[0]}`);
  const numbered = NUMBERED_NOTE.exec(line);
  if (numbered) problems.push(`a numbered note (${numbered[0]}) outside the repository`);
  return problems;
}

/** The problems of a comment, each with the file line it is on. */
function problemsOf(comment: SourceComment, markdown: { paths: Set<string>; names: Set<string> }): string[] {
  return comment.text
    .split('\n')
    .flatMap((line, index) =>
      outsideCitations(line, markdown).map((problem) => `${comment.line + index}: ${problem}`),
    );
}

describe('comments cite files of the repository, never notes outside it', () => {
  const markdown = repositoryMarkdown();

  it('in every source under suiteapp/, bridge/, shared-types/, sandbox/ and test/', () => {
    const files = sourceFiles(ROOT, FOLDERS, EXTENSIONS).filter((file) => !READS_THE_NOTES.has(file));
    expect(files.length).toBeGreaterThan(500);
    const found: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      if (!MAY_CITE.test(text)) continue; // nothing to look at: spares parsing most files
      for (const comment of commentsOf(file, text)) {
        for (const problem of problemsOf(comment, markdown)) found.push(`${file}:${problem}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('finds a planted citation of each kind, and lets repository files, RFCs and public sources pass', () => {
    const planted = [
      '/** The envelope of every webhook (reference §5.2). */',
      '// Dates are the shop’s (../shared/architecture.md invariant 8).',
      '/* see reference/netsuite.md for the unit costs */',
      '/** Rate limits per API ([D-rate-2026]). */',
      '/** Binds the OAuth state to the browser (reference B5). */',
      '/** Cost of record operations by category (§2.3). */',
    ];
    for (const comment of planted) expect(problemsOf({ line: 1, text: comment }, markdown)).not.toEqual([]);
    expect(problemsOf({ line: 7, text: '/**\n * ../shared/x\n */' }, markdown)).toEqual([
      '8: a path into the notes outside the repository (../shared)',
    ]);

    const fine = [
      '/** The RESTlet contract (docs/contracts.md), its words in docs/code-map.md. */',
      '/** Where TikTok’s sources disagree: sandbox/tiktok/README.md. */',
      '/** Percent-encoding as OAuth 1.0a requires (RFC 5849 §3.6). */',
      '/** TikTok Shop signing: https://partner.tiktokshop.com/docv2/page/sign-your-api-request */',
      "import { money } from '../../shared-types/src/money/money'; // not a note",
    ];
    for (const comment of fine) expect(problemsOf({ line: 1, text: comment }, markdown)).toEqual([]);
  });

  it('reads comments, not strings: a citation inside a string or template is no comment', () => {
    const source = [
      "const a = '../shared/architecture.md'; // a comment naming docs/contracts.md",
      'const b = `reference §5.2`;',
      '/** reference §6.1 */',
      'export const c = 1;',
    ].join('\n');
    const comments = commentsOf('planted.ts', source).map((c) => [c.line, c.text]);
    expect(comments).toEqual([
      [1, '// a comment naming docs/contracts.md'],
      [3, '/** reference §6.1 */'],
    ]);
  });
});
