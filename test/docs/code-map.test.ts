/**
 * Keeps the code map (docs/code-map.md) true: every `path#name` it cites names a file of the
 * repository that defines `name` (a top-level function, class, interface, type, enum or variable, an
 * exported name, `Class.member` for a class member, `object.key` for a key of a top-level object
 * literal), every bare `path` names an existing file or folder, and each step of an order, webhook to outbox,
 * has its row, and so does each flow built so far (`FLOWS`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && 'workspaces' in JSON.parse(fs.readFileSync(manifest, 'utf8'))) return dir;
    if (path.dirname(dir) === dir)
      throw new Error(`no repository root (package.json with workspaces) above ${from}`);
  }
}

const ROOT = repoRoot(__dirname);
const CODE_MAP = 'docs/code-map.md';

/** The steps of one order, in order, as the map's first table names them (`| 1. webhook |`). */
const STEPS = [
  'webhook',
  'verification',
  'job',
  'order detail',
  'RESTlet',
  'NetSuite inbox',
  'import run',
  'plan',
  'sales order',
  'tie-out',
  'outbox to TikTok',
];

/**
 * The flows built so far, as the "Other flows" table names them (a row's first cell starts with the
 * name): a flow that loses its row fails the test. Add a flow here when its row is written.
 */
const FLOWS = [
  'order updates',
  'cancellation from TikTok',
  'cancellation from NetSuite',
  'retry from the exceptions page',
  'shop record in NetSuite',
  'warehouses',
  'fulfillments out',
  'fulfillment catch-up',
  'late-dispatch watch',
  'Payment Method Map check on save',
  'cancel reason check on save',
  'buyer cancellation request in',
  'buyer cancellation answer out',
  'virtual bundles in the plan',
  'wiring',
  'returns in',
  'warehouse location links',
  'inventory out',
  'TikTok Shipping labels',
  'shipments into NetSuite',
  'returns from TikTok',
  'return answers out',
  'refunds in',
];

interface Reference {
  line: number;
  file: string;
  name: string | null;
}

const REFERENCE =
  /`((?:bridge|suiteapp|shared-types|sandbox|test|docs)\/[\w./-]+?)(?:#([\w$]+(?:\.[\w$]+)?))?`/g;

function referencesIn(markdown: string): Reference[] {
  return markdown.split('\n').flatMap((text, index) =>
    [...text.matchAll(REFERENCE)].map((match) => ({
      line: index + 1,
      file: match[1] ?? '',
      name: match[2] ?? null,
    })),
  );
}

function nameOf(node: ts.Node & { name?: ts.Node }): string | null {
  const name = node.name;
  if (name === undefined) return null;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return null;
}

/** The object literal a top-level `const x = { ... }` holds, through `as const`, `satisfies` and a call. */
function objectLiteralOf(expression: ts.Expression | undefined): ts.ObjectLiteralExpression | null {
  let current = expression;
  while (current !== undefined) {
    if (ts.isObjectLiteralExpression(current)) return current;
    if (
      ts.isAsExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isParenthesizedExpression(current)
    ) {
      current = current.expression;
    } else if (ts.isCallExpression(current) && current.arguments.length > 0) {
      current = current.arguments[0];
    } else {
      return null;
    }
  }
  return null;
}

/** Every name `file` defines or exports, as the code map may cite it. */
function definedNames(file: string): Set<string> {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (
      ts.isFunctionDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isEnumDeclaration(statement)
    ) {
      const name = nameOf(statement);
      if (name !== null) names.add(name);
    } else if (ts.isClassDeclaration(statement)) {
      const name = nameOf(statement);
      if (name === null) continue;
      names.add(name);
      for (const member of statement.members) {
        const memberName = nameOf(member);
        if (memberName !== null) names.add(`${name}.${memberName}`);
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        const name = declaration.name.text;
        names.add(name);
        for (const property of objectLiteralOf(declaration.initializer)?.properties ?? []) {
          const key = nameOf(property);
          if (key !== null) names.add(`${name}.${key}`);
        }
      }
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements) names.add(element.name.text);
    }
  }
  return names;
}

/** What is wrong with the references of `markdown` (one line per problem, naming the fix). */
function codeMapProblems(markdown: string, root: string): string[] {
  const cache = new Map<string, Set<string>>();
  const problems: string[] = [];
  for (const reference of referencesIn(markdown)) {
    const where = `${CODE_MAP}:${reference.line}: ${reference.file}${reference.name ? `#${reference.name}` : ''}`;
    const file = path.join(root, reference.file);
    if (!fs.existsSync(file)) {
      problems.push(`${where}: no such file; correct the path or the map row`);
      continue;
    }
    if (reference.name === null) continue;
    if (!fs.statSync(file).isFile()) {
      problems.push(`${where}: a folder defines no function; cite a file in it`);
      continue;
    }
    if (!/\.tsx?$/.test(file)) {
      problems.push(`${where}: a name can only be checked in a TypeScript file; cite the file alone`);
      continue;
    }
    const names = cache.get(file) ?? definedNames(file);
    cache.set(file, names);
    if (!names.has(reference.name)) {
      problems.push(`${where}: the file defines no ${reference.name}; rename it in the map (or the code)`);
    }
  }
  return problems;
}

describe('the code map (docs/code-map.md)', () => {
  const markdown = fs.readFileSync(path.join(ROOT, CODE_MAP), 'utf8');

  test('every file and function it names exists', () => {
    const references = referencesIn(markdown);
    expect(references.filter((reference) => reference.name !== null).length).toBeGreaterThanOrEqual(40);
    expect(codeMapProblems(markdown, ROOT)).toEqual([]);
  });

  test('has a row, with a file and function, for every flow built so far', () => {
    const rows = markdown.split('\n');
    for (const flow of FLOWS) {
      const row = rows.find((line) => line.startsWith(`| ${flow}`));
      expect({
        flow,
        cites: referencesIn(row ?? '').some((reference) => reference.name !== null),
      }).toEqual({ flow, cites: true });
    }
  });

  test('names every step of an order, webhook to outbox, in order, each with a file and function', () => {
    const rows = markdown.split('\n');
    let previous = -1;
    for (const [index, step] of STEPS.entries()) {
      const row = rows.findIndex((line) => line.startsWith(`| ${index + 1}. ${step} `));
      expect({ step, found: row > previous }).toEqual({ step, found: true });
      expect({
        step,
        cites: referencesIn(rows[row] ?? '').some((reference) => reference.name !== null),
      }).toEqual({
        step,
        cites: true,
      });
      previous = row;
    }
  });

  test('the check finds a missing file, a missing function and a missing method', () => {
    const broken = [
      '| x | `bridge/src/webhooks/no-such-file.ts#verifyTikTokWebhook` |',
      '| y | `bridge/src/webhooks/verify.ts#noSuchFunction` |',
      '| z | `bridge/src/tiktok/client.ts#TikTokClient.noSuchMethod` |',
      '| ok | `bridge/src/webhooks/verify.ts#verifyTikTokWebhook` `bridge/src/tiktok/client.ts#TikTokClient.getOrderDetail` |',
    ].join('\n');
    expect(codeMapProblems(broken, ROOT)).toEqual([
      `${CODE_MAP}:1: bridge/src/webhooks/no-such-file.ts#verifyTikTokWebhook: no such file; correct the path or the map row`,
      `${CODE_MAP}:2: bridge/src/webhooks/verify.ts#noSuchFunction: the file defines no noSuchFunction; rename it in the map (or the code)`,
      `${CODE_MAP}:3: bridge/src/tiktok/client.ts#TikTokClient.noSuchMethod: the file defines no TikTokClient.noSuchMethod; rename it in the map (or the code)`,
    ]);
  });
});
