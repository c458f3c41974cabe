/**
 * Oracle's outer-join marker in SuiteQL, `WHERE a.id = b.ref(+)`, as SQLite's LEFT JOIN. SuiteQL
 * accepts the Oracle syntax (public SuiteQL written for NetSuite: `FROM transaction t,
 * transactionline tl, item i WHERE t.id = tl.transaction(+) AND i.id = tl.item(+)`); SQLite does not.
 *
 * For a SELECT whose FROM clause is a comma list: every top-level WHERE condition that marks a
 * table's column with `(+)` moves, without the marker, into that table's ON clause, and the table
 * becomes `LEFT JOIN <table> <alias> ON …` after the tables it is joined to — Oracle's meaning: the
 * marked table's columns are null where no row matches. Conditions without a marker stay in WHERE.
 * What the emulator cannot rewrite faithfully (a marker in a subquery, next to ANSI JOINs, under OR,
 * or on two tables in one condition) is refused with EMULATOR_UNSUPPORTED, never run otherwise.
 */
import { NS, SuiteScriptError } from '../../errors';

const MARK = /\(\s*\+\s*\)/;

function unsupported(detail: string): SuiteScriptError {
  return new SuiteScriptError(
    NS.EMULATOR_UNSUPPORTED,
    `Search error occurred: the emulator rewrites Oracle (+) outer joins only in a top-level SELECT … FROM a, b WHERE … list; ${detail}.`,
  );
}

/** Replaces string literals by placeholders (so keywords inside them are not seen) and back. */
function maskLiterals(sql: string): { masked: string; unmask(s: string): string } {
  const literals: string[] = [];
  const masked = sql.replace(/'(?:[^']|'')*'/g, (m) => {
    literals.push(m);
    return `\u0001${literals.length - 1}\u0001`;
  });
  return { masked, unmask: (s) => s.replace(/\u0001(\d+)\u0001/g, (_m, i: string) => literals[Number(i)] ?? '') };
}

/** The matches of `re` outside parentheses. */
function topLevel(sql: string, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const depthAt: number[] = [];
  let depth = 0;
  for (let i = 0; i < sql.length; i += 1) {
    const ch = sql[i];
    if (ch === '(') depth += 1;
    depthAt.push(depth);
    if (ch === ')') depth -= 1;
  }
  for (const m of sql.matchAll(new RegExp(re.source, 'gi'))) {
    if (depthAt[m.index] === 0) out.push(m as RegExpExecArray);
  }
  return out;
}

/** Splits `text` at top-level occurrences of `re`. */
function splitTop(text: string, re: RegExp): string[] {
  const parts: string[] = [];
  let last = 0;
  for (const m of topLevel(text, re)) {
    parts.push(text.slice(last, m.index));
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

interface FromItem {
  text: string;
  alias: string;
}

function fromItem(text: string): FromItem {
  const words = text.trim().split(/\s+/).filter((w) => w.toLowerCase() !== 'as');
  const alias = (words[1] ?? words[0] ?? '').replace(/"/g, '').toLowerCase();
  return { text: text.trim(), alias };
}

/** The rewritten statement, or the statement itself when it has no `(+)`. */
export function rewriteOuterJoins(sql: string): string {
  if (!MARK.test(sql)) return sql;
  const { masked, unmask } = maskLiterals(sql);
  const from = topLevel(masked, /\bfrom\b/)[0];
  const where = topLevel(masked, /\bwhere\b/)[0];
  if (!from || !where || where.index < from.index) throw unsupported('the (+) must be in the WHERE clause');
  const fromText = masked.slice(from.index + from[0].length, where.index);
  if (/\bjoin\b/i.test(fromText)) throw unsupported('it cannot mix (+) with JOIN … ON in one FROM clause');
  const afterWhere = masked.slice(where.index + where[0].length);
  const end = topLevel(afterWhere, /\b(?:group\s+by|order\s+by|having|fetch|offset|union|minus|intersect)\b/)[0];
  const whereText = end ? afterWhere.slice(0, end.index) : afterWhere;
  const tail = end ? afterWhere.slice(end.index) : '';
  if (MARK.test(masked.slice(0, from.index)) || MARK.test(tail)) throw unsupported('the (+) must be in the WHERE clause');
  const items = splitTop(fromText, /,/).map(fromItem);
  const known = new Set(items.map((i) => i.alias));

  const kept: string[] = [];
  const onClauses = new Map<string, string[]>();
  for (const condition of splitTop(whereText, /\band\b/)) {
    if (!MARK.test(condition)) {
      kept.push(condition.trim());
      continue;
    }
    if (topLevel(condition, /\bor\b/).length > 0 || /^\s*\(/.test(condition)) throw unsupported('a (+) condition cannot be nested or use OR');
    const marked = new Set(
      [...condition.matchAll(/"?([a-z_]\w*)"?\s*\.\s*"?[a-z_]\w*"?\s*\(\s*\+\s*\)/gi)].map((m) => (m[1] ?? '').toLowerCase()),
    );
    const [alias, other] = [...marked];
    if (alias === undefined || other !== undefined || !known.has(alias)) {
      throw unsupported('each (+) condition must mark the columns of one table of the FROM list');
    }
    const list = onClauses.get(alias) ?? [];
    list.push(condition.replace(/\s*\(\s*\+\s*\)/g, '').trim());
    onClauses.set(alias, list);
  }

  const inner = items.filter((i) => !onClauses.has(i.alias));
  if (inner.length === 0) throw unsupported('at least one table must not be marked with (+)');
  // An outer table joins after the tables its conditions name (an outer table can depend on another).
  const pending = items.filter((i) => onClauses.has(i.alias));
  const placed = new Set(inner.map((i) => i.alias));
  let joins = inner.map((i) => i.text).join(', ');
  while (pending.length > 0) {
    const index = pending.findIndex((p) =>
      (onClauses.get(p.alias) ?? []).every((c) =>
        [...c.matchAll(/"?([a-z_]\w*)"?\s*\./gi)].every((m) => {
          const a = (m[1] ?? '').toLowerCase();
          return a === p.alias || !known.has(a) || placed.has(a);
        }),
      ),
    );
    if (index < 0) throw unsupported('the (+) conditions join the outer tables in a circle');
    const [next] = pending.splice(index, 1);
    if (!next) break;
    joins += ` LEFT JOIN ${next.text} ON ${(onClauses.get(next.alias) ?? []).join(' AND ')}`;
    placed.add(next.alias);
  }
  const whereClause = kept.length > 0 ? ` WHERE ${kept.join(' AND ')} ` : ' ';
  return unmask(`${masked.slice(0, from.index)}FROM ${joins}${whereClause}${tail}`);
}
