/**
 * Turns the Oracle-flavoured SuiteQL scripts write into SQL SQLite runs:
 * - `BUILTIN.DF(alias.column)` / `BUILTIN.DF(column)` → `ns_df('<target>', …)`: the target is the
 *   select target of that column in the view the alias (or the only FROM/JOIN table having the
 *   column) names. Other arguments are rejected. A transaction status shows as
 *   `Sales Order : Pending Fulfillment` and `BUILTIN.CF(t.status)` gives `SalesOrd:B` (public SuiteQL:
 *   `BUILTIN.CF(transaction.status) NOT IN ('SalesOrd:C', …)`, and a tap's test reading status `H`
 *   with `BUILTIN.DF(transaction.status)` "Inkooporder : Gesloten").
 * - `FETCH FIRST n ROWS ONLY` → `LIMIT n`; `OFFSET m ROWS FETCH NEXT n ROWS ONLY` → `LIMIT m, n`
 *   (same order, so `?` parameters still bind in order).
 * - `SYSDATE`, `CURRENT_DATE` → the emulator clock.
 * - `transaction` (a keyword in SQLite) → `"transaction"`.
 * - Oracle `(+)` outer joins → LEFT JOIN (outer-joins.ts).
 * Only text outside string literals is rewritten.
 */
import { NS, SuiteScriptError } from '../../errors';
import { rewriteOuterJoins } from './outer-joins';
import type { SuiteQLViews } from './views';

export function suiteQLError(message: string): SuiteScriptError {
  return new SuiteScriptError(NS.SSS_SEARCH_ERROR_OCCURRED, `Search error occurred: ${message}`);
}

const KEYWORDS = new Set([
  'where',
  'on',
  'left',
  'right',
  'inner',
  'outer',
  'full',
  'cross',
  'join',
  'group',
  'order',
  'having',
  'fetch',
  'offset',
  'limit',
  'union',
  'as',
]);

/**
 * Alias (or table name) → table, from `FROM t [AS] a`, `JOIN t [AS] a` and then `, t [a]` lists;
 * earlier entries win, so select-list commas never hide a real alias.
 */
function tableAliases(sql: string): Map<string, string> {
  const map = new Map<string, string>();
  const add = (re: RegExp): void => {
    for (const m of sql.matchAll(re)) {
      const table = m[1]!.toLowerCase();
      if (KEYWORDS.has(table) || table === 'select') continue;
      if (!map.has(table)) map.set(table, table);
      const alias = m[2]?.toLowerCase();
      if (alias && !KEYWORDS.has(alias) && !map.has(alias)) map.set(alias, table);
    }
  };
  add(/\b(?:from|join)\s+"?([a-z_]\w*)"?(?:\s+(?:as\s+)?([a-z_]\w*))?/gi);
  add(/,\s*"?([a-z_]\w*)"?(?:\s+(?:as\s+)?([a-z_]\w*))?/gi);
  return map;
}

/** Splits SQL into code and single-quoted literal segments (literals keep their quotes). */
function segments(sql: string): Array<{ code: boolean; text: string }> {
  const out: Array<{ code: boolean; text: string }> = [];
  const re = /'(?:[^']|'')*'/g;
  let last = 0;
  for (const m of sql.matchAll(re)) {
    if (m.index! > last) out.push({ code: true, text: sql.slice(last, m.index) });
    out.push({ code: false, text: m[0] });
    last = m.index! + m[0].length;
  }
  if (last < sql.length) out.push({ code: true, text: sql.slice(last) });
  return out;
}

function dfTarget(views: SuiteQLViews, aliases: Map<string, string>, arg: string): string {
  const [first, second] = arg.toLowerCase().split('.');
  if (second !== undefined) {
    const table = aliases.get(first!) ?? first!;
    const col = views.column(table, second);
    if (!col) throw suiteQLError(`Field '${second}' for record '${table}' was not found.`);
    return col.target ?? '';
  }
  for (const table of new Set(aliases.values())) {
    const col = views.column(table, first!);
    if (col) return col.target ?? '';
  }
  throw suiteQLError(`Field '${first}' was not found.`);
}

/** A transaction status in criteria form, `SalesOrd:B`: the row's type code, a colon, the status letter. */
function statusCode(arg: string): string {
  const alias = arg.includes('.') ? `${arg.split('.')[0]}.` : '';
  return `(${alias}type || ':' || ${arg})`;
}

function rewriteCode(code: string, views: SuiteQLViews, aliases: Map<string, string>): string {
  let out = code.replace(/BUILTIN\.DF\s*\(\s*([a-z_]\w*(?:\.[a-z_]\w*)?)\s*\)/gi, (_m, arg: string) => {
    const target = dfTarget(views, aliases, arg).replace(/'/g, "''");
    // A transaction status shows as `Sales Order : Pending Fulfillment` (its type and its text).
    if (target === '@status') return `ns_df('@status', ${statusCode(arg)})`;
    return `ns_df('${target}', ${arg})`;
  });
  out = out.replace(/BUILTIN\.CF\s*\(\s*([a-z_]\w*(?:\.[a-z_]\w*)?)\s*\)/gi, (m, arg: string) => {
    // Criteria form: the emulator knows it for transaction status (`SalesOrd:B`) only.
    return dfTarget(views, aliases, arg) === '@status' ? statusCode(arg) : m;
  });
  const builtin = /BUILTIN\.\w+/i.exec(out);
  if (builtin) {
    throw suiteQLError(
      `${builtin[0]} is not supported by the emulator (supported: BUILTIN.DF(column) or BUILTIN.DF(alias.column), and BUILTIN.CF of a transaction status).`,
    );
  }
  if (/\brownum\b/i.test(out)) {
    throw suiteQLError('ROWNUM is not supported by the emulator; use FETCH FIRST n ROWS ONLY.');
  }
  out = out.replace(
    /\boffset\s+(\d+|\?)\s+rows?\s+fetch\s+(?:first|next)\s+(\d+|\?)\s+rows?\s+only\b/gi,
    (_m, off: string, n: string) => `LIMIT ${off}, ${n}`,
  );
  out = out.replace(/\bfetch\s+(?:first|next)\s+(\d+|\?)\s+rows?\s+only\b/gi, (_m, n: string) => `LIMIT ${n}`);
  out = out.replace(/(?<!")\btransaction\b(?!")/gi, '"transaction"');
  out = out.replace(/\bsysdate\b/gi, 'ns_now()');
  out = out.replace(/\bcurrent_date\b/gi, 'ns_today()');
  return out;
}

export function rewriteSuiteQL(sql: string, views: SuiteQLViews): string {
  const trimmed = rewriteOuterJoins(sql.trim().replace(/;\s*$/, ''));
  if (!/^(select|with)\b/i.test(trimmed)) {
    throw suiteQLError('Invalid search query: only SELECT statements can run in SuiteQL.');
  }
  const parts = segments(trimmed);
  if (parts.some((p) => p.code && p.text.includes(';'))) {
    throw suiteQLError('Invalid search query: one statement per call.');
  }
  const aliases = tableAliases(
    parts
      .filter((p) => p.code)
      .map((p) => p.text)
      .join(' '),
  );
  return parts.map((p) => (p.code ? rewriteCode(p.text, views, aliases) : p.text)).join('');
}
