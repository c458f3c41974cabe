/**
 * The guard that keeps the mappers' declarations complete: no NetSuite id reaches NetSuite without
 * being declared (and so checked by mapper-schema-check.ts). It type-checks the SuiteApp sources
 * (suiteapp/tsconfig.json) and holds four rules:
 *
 * 1. Only the DAO wrappers (dao/netsuite-record.ts, dao/suiteql.ts) call N/record, N/search,
 *    N/query, N/currentRecord, N/transaction or N/dataset — found by the type checker, so a record a
 *    user event hands over (`context.newRecord.getValue(...)`) counts too. The wrappers take ids only
 *    as `NetSuiteId`s, which `declareRecord` alone makes.
 * 2. Nothing else makes such an id: no type assertion to a declared-id type (`'tax1amt' as
 *    BodyFieldId`), to `Sql` or to `any`, and no `@ts-ignore`/`@ts-expect-error`, outside the two
 *    modules that mint them (mappers/record-declaration.ts, mappers/sql.ts).
 * 3. SuiteQL is written only with the `sql` tag, whose template text may hold SQL keywords, aliases,
 *    quoted literals, numbers and `?` — every table and column is an interpolated declared name.
 * 4. `declareRecord` is called only in the mapper modules the schema check loads
 *    (`mappers/<record>-mapper.ts`), so no declaration escapes it.
 *
 * Each problem names the file, the line, what is wrong and the fix.
 */
import * as path from 'node:path';
import * as ts from 'typescript';

export interface GuardIssue {
  file: string;
  line: number;
  message: string;
  fix: string;
}

export interface GuardOptions {
  /** The tsconfig.json of the sources to check. */
  tsconfig: string;
  /** Files (absolute) that may call the record APIs. */
  wrappers: readonly string[];
  /** Files (absolute) that may mint declared ids and Sql. */
  minting: readonly string[];
  /** The files that may call `declareRecord`: those the schema check loads. */
  declaring: RegExp;
}

/** N modules whose calls read or write records, fields, columns or SuiteQL. */
const RECORD_MODULES = ['record', 'search', 'query', 'currentRecord', 'transaction', 'dataset'];

/** Type names a value may only get by minting (record-declaration.ts, sql.ts). */
const MINTED_TYPES =
  /\b(NetSuiteId|RecordTypeId|BodyFieldId|SublistId|LineFieldId|SearchColumnId|SearchFilterId|SqlTable|SqlColumn|Sql|RecordDeclaration)\b/;

/** The SQL words a `sql` template may contain besides aliases (SuiteQL's Oracle dialect). */
const SQL_KEYWORDS = new Set(
  [
    'select',
    'distinct',
    'from',
    'where',
    'and',
    'or',
    'not',
    'exists',
    'in',
    'is',
    'null',
    'as',
    'on',
    'join',
    'left',
    'right',
    'inner',
    'outer',
    'order',
    'group',
    'by',
    'having',
    'asc',
    'desc',
    'fetch',
    'first',
    'next',
    'rows',
    'row',
    'only',
    'like',
    'between',
    'case',
    'when',
    'then',
    'else',
    'end',
    'nvl',
    'to_char',
    'to_date',
    'count',
    'sum',
    'min',
    'max',
    'upper',
    'lower',
    'trim',
  ].map((w) => w.toLowerCase()),
);

function isRecordModuleFile(fileName: string): boolean {
  const normalized = fileName.split(path.sep).join('/');
  return RECORD_MODULES.some(
    (m) =>
      normalized.includes(`/@hitc/netsuite-types/N/${m}.d.ts`) ||
      normalized.includes(`/@hitc/netsuite-types/N/${m}/`),
  );
}

function lineOf(node: ts.Node): number {
  const source = node.getSourceFile();
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

function relative(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join('/');
}

/**
 * The words of a `sql` template's text that are neither SQL keywords nor aliases. An alias counts
 * only where it is defined (`AS alias`, or the word right after an interpolated table in `FROM ${t}
 * o` / `JOIN ${t} s`) and, for a table alias, as an `o.` prefix; anywhere else the word could be a
 * column, so it is reported.
 */
export function undeclaredSqlWords(pieces: readonly string[]): string[] {
  const stripped = pieces.map((piece) => piece.replace(/'(?:[^']|'')*'/g, "''"));
  const tableAliases = new Set<string>();
  stripped.forEach((piece, i) => {
    if (i > 0 && /\b(from|join)\s*$/i.test(stripped[i - 1])) {
      const alias = /^\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(piece);
      if (alias && !SQL_KEYWORDS.has(alias[1].toLowerCase())) tableAliases.add(alias[1].toLowerCase());
    }
  });
  const words: string[] = [];
  stripped.forEach((piece, i) => {
    for (const match of piece.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
      const word = match[0].toLowerCase();
      const at = match.index ?? 0;
      const before = piece.slice(0, at);
      const after = piece.slice(at + match[0].length);
      const definesColumnAlias = /\bas\s+$/i.test(before);
      const definesTableAlias =
        tableAliases.has(word) && i > 0 && /^\s*$/.test(before) && /\b(from|join)\s*$/i.test(stripped[i - 1]);
      // `o.${column}`: a qualifier right before an interpolated (declared) column, never a column itself.
      const qualifiesDeclared = after === '.' && i < stripped.length - 1;
      if (SQL_KEYWORDS.has(word) || definesColumnAlias || definesTableAlias || qualifiesDeclared) continue;
      words.push(match[0]);
    }
  });
  return words;
}

function isSqlTag(
  node: ts.TaggedTemplateExpression,
  checker: ts.TypeChecker,
  minting: readonly string[],
): boolean {
  const symbol = checker.getSymbolAtLocation(node.tag);
  const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const declaration = target?.declarations?.[0];
  return (
    declaration !== undefined &&
    target?.name === 'sql' &&
    minting.includes(path.resolve(declaration.getSourceFile().fileName))
  );
}

function templatePieces(template: ts.TemplateLiteral): string[] {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [template.text];
  return [template.head.text, ...template.templateSpans.map((span) => span.literal.text)];
}

function loadProgram(tsconfig: string): ts.Program {
  const read = ts.readConfigFile(tsconfig, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(tsconfig));
  return ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
}

/** Every breach of the four rules in the sources of `tsconfig`. */
export function findGuardIssues(options: GuardOptions): GuardIssue[] {
  const program = loadProgram(options.tsconfig);
  const checker = program.getTypeChecker();
  const wrappers = options.wrappers.map((f) => path.resolve(f));
  const minting = options.minting.map((f) => path.resolve(f));
  const root = path.dirname(path.resolve(options.tsconfig));
  const issues: GuardIssue[] = [];
  const sources = program
    .getSourceFiles()
    .filter((s) => !s.isDeclarationFile && path.resolve(s.fileName).startsWith(root + path.sep))
    .filter((s) => !s.fileName.includes('/node_modules/'));
  for (const source of sources) {
    const file = path.resolve(source.fileName);
    const isWrapper = wrappers.includes(file);
    const isMinting = minting.includes(file);
    const report = (node: ts.Node, message: string, fix: string): void => {
      issues.push({ file: relative(file), line: lineOf(node), message, fix });
    };
    for (const comment of source.text.matchAll(/@ts-(ignore|expect-error|nocheck)/g)) {
      issues.push({
        file: relative(file),
        line: source.getLineAndCharacterOfPosition(comment.index ?? 0).line + 1,
        message: `\`@ts-${comment[1]}\` switches off the type check that keeps NetSuite ids declared`,
        fix: 'remove it and fix the type error',
      });
    }
    const visit = (node: ts.Node): void => {
      if (!isWrapper && (ts.isCallExpression(node) || ts.isNewExpression(node))) {
        const declaration = checker.getResolvedSignature(node)?.declaration;
        if (declaration && isRecordModuleFile(declaration.getSourceFile().fileName)) {
          const callee = node.expression.getText(source);
          report(
            node,
            `\`${callee}(...)\` calls NetSuite's record APIs outside the DAO wrappers, so its ids escape the mappers' declarations and the schema check`,
            `go through dao/netsuite-record.ts or dao/suiteql.ts with ids from the record's mapper (suiteapp/ts/lib/mappers/)`,
          );
        }
      }
      const isConstAssertion =
        (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) &&
        ts.isTypeReferenceNode(node.type) &&
        node.type.typeName.getText(source) === 'const';
      if (
        !isMinting &&
        !isConstAssertion &&
        (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node))
      ) {
        const target = checker.typeToString(checker.getTypeFromTypeNode(node.type));
        const written = node.type.getText(source);
        if (
          node.type.kind === ts.SyntaxKind.AnyKeyword ||
          MINTED_TYPES.test(target) ||
          MINTED_TYPES.test(written)
        ) {
          report(
            node,
            `\`as ${written}\` makes a NetSuite id or SuiteQL text that no mapper declared`,
            `declare the id in the record's mapper (declareRecord) and use it from there`,
          );
        }
      }
      if (ts.isCallExpression(node) && !options.declaring.test(file.split(path.sep).join('/'))) {
        const declaration = checker.getResolvedSignature(node)?.declaration;
        const name =
          declaration && ts.isFunctionDeclaration(declaration) ? declaration.name?.text : undefined;
        if (
          name === 'declareRecord' &&
          minting.includes(path.resolve(declaration!.getSourceFile().fileName))
        ) {
          report(
            node,
            '`declareRecord(...)` outside a mapper module: the schema check loads only suiteapp/ts/lib/mappers/<record>-mapper.ts, so these ids would go unchecked',
            "move the declaration into the record's mapper module",
          );
        }
      }
      if (ts.isTaggedTemplateExpression(node) && isSqlTag(node, checker, minting)) {
        for (const word of undeclaredSqlWords(templatePieces(node.template))) {
          report(
            node,
            `SuiteQL text names \`${word}\`, which is not a SQL keyword or an alias: a table or column written into the query instead of taken from a mapper's declaration`,
            `declare it in the record's mapper (suiteql.columns) and interpolate it: \${...suiteql.columns.x}`,
          );
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return issues;
}

export function formatGuardIssue(issue: GuardIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}. Fix: ${issue.fix}.`;
}
