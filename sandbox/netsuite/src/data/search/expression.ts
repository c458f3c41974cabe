/**
 * Parses `N/search` filter expressions (`['field', 'operator', values]` joined by AND / OR / NOT) into
 * a tree of filter terms.
 */
import { NS, SuiteScriptError } from '../../errors';
import { SearchFilter } from './filter';

/** A parsed filter: terms combined with AND / OR / NOT. */
export type FilterNode =
  | { kind: 'term'; filter: SearchFilter }
  | { kind: 'and' | 'or'; nodes: FilterNode[] }
  | { kind: 'not'; node: FilterNode };

const EXPR_ERROR = 'SSS_INVALID_SRCH_FILTER_EXPR';

function malformed(detail: string, expr: unknown): SuiteScriptError {
  return new SuiteScriptError(EXPR_ERROR, `Malformed search filter expression (${detail}): ${JSON.stringify(expr)}`);
}

function isConjunction(x: unknown): x is string {
  return typeof x === 'string' && ['and', 'or', 'not'].includes(x.toLowerCase());
}

/** `['customer.email', 'is', 'a@b.c']`, `['status', 'anyof', 'A', 'B']`, `['x', 'anyof', ['1', '2']]`. */
function isTerm(expr: unknown[]): boolean {
  return typeof expr[0] === 'string' && !isConjunction(expr[0]) && typeof expr[1] === 'string';
}

function termToFilter(expr: unknown[]): SearchFilter {
  const qualified = String(expr[0]).trim();
  if (/^formula/i.test(qualified) || /\(/.test(qualified)) {
    throw new SuiteScriptError(
      NS.SSS_INVALID_SRCH_FILTER,
      `The emulator does not evaluate formula or summary filters: ${qualified}.`,
    );
  }
  const rest = expr.slice(2);
  const values = rest.length === 1 && Array.isArray(rest[0]) ? rest[0] : rest;
  const dot = qualified.indexOf('.');
  return new SearchFilter({
    name: dot > 0 ? qualified.slice(dot + 1) : qualified,
    join: dot > 0 ? qualified.slice(0, dot) : undefined,
    operator: String(expr[1]),
    values,
  });
}

function parseOperand(items: unknown[], at: number, whole: unknown): [FilterNode, number] {
  const item = items[at];
  if (typeof item === 'string' && item.toLowerCase() === 'not') {
    const [node, next] = parseOperand(items, at + 1, whole);
    return [{ kind: 'not', node }, next];
  }
  if (item instanceof SearchFilter) return [{ kind: 'term', filter: item }, at + 1];
  if (Array.isArray(item)) return [parseExpression(item), at + 1];
  throw malformed(`unexpected ${JSON.stringify(item)} at position ${at}`, whole);
}

/** Parses one expression: a term, or operands joined by AND/OR (AND binds tighter), each may be NOT-ed. */
export function parseExpression(expr: unknown[]): FilterNode {
  if (expr.length === 0) return { kind: 'and', nodes: [] };
  if (isTerm(expr)) return { kind: 'term', filter: termToFilter(expr) };
  const orParts: FilterNode[][] = [[]];
  let at = 0;
  for (;;) {
    const [node, next] = parseOperand(expr, at, expr);
    orParts[orParts.length - 1]!.push(node);
    if (next >= expr.length) break;
    const conj = expr[next];
    if (typeof conj !== 'string' || !['and', 'or'].includes(conj.toLowerCase())) {
      throw malformed(`expected 'AND' or 'OR' at position ${next}`, expr);
    }
    if (conj.toLowerCase() === 'or') orParts.push([]);
    at = next + 1;
    if (at >= expr.length) throw malformed(`nothing after '${conj}'`, expr);
  }
  const ands = orParts.map((part): FilterNode => (part.length === 1 ? part[0]! : { kind: 'and', nodes: part }));
  return ands.length === 1 ? ands[0]! : { kind: 'or', nodes: ands };
}

/**
 * What `search.create({filters})` accepts: nothing, a Filter, an array of Filters (ANDed), or a
 * filter expression.
 */
export function parseFilters(filters: unknown): FilterNode {
  if (filters === undefined || filters === null) return { kind: 'and', nodes: [] };
  if (filters instanceof SearchFilter) return { kind: 'term', filter: filters };
  if (!Array.isArray(filters)) throw malformed('filters must be an array', filters);
  if (filters.every((f) => f instanceof SearchFilter)) {
    return { kind: 'and', nodes: filters.map((filter: SearchFilter) => ({ kind: 'term', filter })) };
  }
  return parseExpression(filters);
}

/** Every term of a tree, for validation. */
export function termsOf(node: FilterNode): SearchFilter[] {
  switch (node.kind) {
    case 'term':
      return [node.filter];
    case 'not':
      return termsOf(node.node);
    default:
      return node.nodes.flatMap(termsOf);
  }
}

/** The tree as a filter expression (what `Search.filterExpression` returns). */
export function toExpression(node: FilterNode): unknown[] {
  switch (node.kind) {
    case 'term':
      return [node.filter.qualifiedName, node.filter.operator, ...node.filter.values];
    case 'not':
      return ['NOT', toExpression(node.node)];
    default: {
      const out: unknown[] = [];
      node.nodes.forEach((n, i) => {
        if (i > 0) out.push(node.kind === 'and' ? 'AND' : 'OR');
        out.push(toExpression(n));
      });
      return out;
    }
  }
}
