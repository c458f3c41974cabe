/**
 * Filter operators by field kind (text, number, date, select, checkbox): compiles one filter term into
 * a row test, throwing NetSuite's errors for a bad operator or value.
 */
import type { Clock } from '../../../../../shared-types/src/time/clock';
import { NS, SuiteScriptError } from '../../errors';
import type { FieldKind, FieldValue } from '../store-types';
import type { FieldRef } from './fields';
import type { SearchFilter } from './filter';
import type { DateOperand } from './filter-dates';
import { parseDateOperand, storedDate } from './filter-dates';
import type { Row } from './rows';

export type RowTest = (row: Row) => boolean;

type KindGroup = 'text' | 'number' | 'date' | 'select' | 'multiselect' | 'checkbox';

function groupOf(kind: FieldKind): KindGroup {
  switch (kind) {
    case 'integer':
    case 'float':
    case 'currency':
    case 'percent':
      return 'number';
    case 'date':
    case 'datetime':
      return 'date';
    case 'select':
    case 'multiselect':
    case 'checkbox':
      return kind;
    default:
      return 'text';
  }
}

function isEmpty(v: FieldValue): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function badOperator(filter: SearchFilter, kind: FieldKind): SuiteScriptError {
  return new SuiteScriptError(
    'SSS_INVALID_SRCH_OPERATOR',
    `An nlobjSearchFilter contains an invalid operator, or is not in proper syntax: ${filter.operator} is not valid for the ${kind} field ${filter.qualifiedName}.`,
  );
}

function badValue(filter: SearchFilter, detail: string): SuiteScriptError {
  return new SuiteScriptError(
    NS.SSS_INVALID_SRCH_FILTER,
    `An nlobjSearchFilter contains invalid search criteria: ${filter.qualifiedName} ${filter.operator} ${JSON.stringify(filter.values)} (${detail}).`,
  );
}

function textTest(filter: SearchFilter, read: (row: Row) => string | null): RowTest | null {
  const wanted = filter.values.map((v) => v.toLowerCase());
  const first = wanted[0] ?? '';
  const lower = (row: Row): string => (read(row) ?? '').toLowerCase();
  switch (filter.operator) {
    case 'is':
      return (r) => lower(r) === first;
    case 'isnot':
      return (r) => lower(r) !== first;
    case 'anyof':
      return (r) => wanted.includes(lower(r));
    case 'noneof':
      return (r) => !wanted.includes(lower(r));
    case 'contains':
      return (r) => lower(r).includes(first);
    case 'doesnotcontain':
      return (r) => !lower(r).includes(first);
    case 'startswith':
      return (r) => lower(r).startsWith(first);
    case 'doesnotstartwith':
      return (r) => !lower(r).startsWith(first);
    case 'haskeywords': {
      const words = first.split(/\s+/).filter(Boolean);
      return (r) => words.every((w) => lower(r).includes(w));
    }
    default:
      return null;
  }
}

function numberTest(filter: SearchFilter, ref: FieldRef): RowTest | null {
  const nums = filter.values.map(Number);
  if (nums.some((n) => Number.isNaN(n))) throw badValue(filter, 'values must be numbers');
  const [a = NaN, b = NaN] = nums;
  const num = (row: Row): number | null => {
    const v = ref.read(row);
    return isEmpty(v) ? null : Number(v);
  };
  const cmp = (pred: (n: number) => boolean): RowTest => {
    return (r) => {
      const n = num(r);
      return n !== null && pred(n);
    };
  };
  const tests: Record<string, RowTest> = {
    equalto: cmp((n) => n === a),
    notequalto: (r) => num(r) !== a,
    lessthan: cmp((n) => n < a),
    lessthanorequalto: cmp((n) => n <= a),
    greaterthan: cmp((n) => n > a),
    greaterthanorequalto: cmp((n) => n >= a),
    notlessthan: cmp((n) => n >= a),
    notlessthanorequalto: cmp((n) => n > a),
    notgreaterthan: cmp((n) => n <= a),
    notgreaterthanorequalto: cmp((n) => n < a),
    between: cmp((n) => n >= a && n <= b),
    notbetween: cmp((n) => n < a || n > b),
    anyof: cmp((n) => nums.includes(n)),
    noneof: (r) => !nums.includes(num(r) ?? NaN),
  };
  return tests[filter.operator] ?? null;
}

function dateTest(filter: SearchFilter, ref: FieldRef, clock: Clock): RowTest | null {
  const operands: DateOperand[] = filter.values.map((v) => {
    const d = parseDateOperand(v, clock);
    if (!d) throw badValue(filter, `"${v}" is not a date in the account format M/D/YYYY`);
    return d;
  });
  const first = operands[0];
  if (!first) return null;
  const range: DateOperand = operands.length > 1 ? { from: first.from, to: operands[1]!.to } : first;
  const stored = (row: Row): { day: string; instant: number } | null => {
    const v = ref.read(row);
    return typeof v === 'string' && v !== '' ? storedDate(v) : null;
  };
  const before = (s: { day: string; instant: number }): boolean =>
    first.instant !== undefined ? s.instant < first.instant : s.day < first.from;
  const after = (s: { day: string; instant: number }): boolean =>
    first.instant !== undefined ? s.instant > first.instant : s.day > first.to;
  const on = (s: { day: string }): boolean => s.day >= first.from && s.day <= first.to;
  const within = (s: { day: string }): boolean => s.day >= range.from && s.day <= range.to;
  const preds: Record<string, (s: { day: string; instant: number }) => boolean> = {
    on,
    noton: (s) => !on(s),
    before,
    notbefore: (s) => !before(s),
    after,
    notafter: (s) => !after(s),
    onorbefore: (s) => !after(s),
    notonorbefore: after,
    onorafter: (s) => !before(s),
    notonorafter: before,
    within,
    notwithin: (s) => !within(s),
  };
  const pred = preds[filter.operator];
  if (!pred) return null;
  return (r) => {
    const s = stored(r);
    return s !== null && pred(s);
  };
}

function selectTest(filter: SearchFilter, ref: FieldRef, multi: boolean): RowTest | null {
  const wanted = filter.values.flatMap((v) => v.split(',')).map((v) => v.trim());
  const matchesNone = wanted.includes('@NONE@');
  const ids = (row: Row): string[] => {
    if (ref.criteria) return ref.criteria(row);
    const v = ref.read(row);
    if (isEmpty(v)) return [];
    return Array.isArray(v) ? v : [String(v)];
  };
  const anyOf = (row: Row): boolean => {
    const have = ids(row);
    if (have.length === 0) return matchesNone;
    return have.some((id) => wanted.includes(id));
  };
  switch (filter.operator) {
    case 'anyof':
      return anyOf;
    case 'noneof':
      return (r) => !anyOf(r);
    case 'is':
      return multi ? null : (r) => ids(r)[0] === wanted[0];
    case 'isnot':
      return multi ? null : (r) => ids(r)[0] !== wanted[0];
    case 'allof':
      return multi ? (r) => wanted.every((w) => ids(r).includes(w)) : null;
    case 'notallof':
      return multi ? (r) => !wanted.every((w) => ids(r).includes(w)) : null;
    default:
      return null;
  }
}

function checkboxTest(filter: SearchFilter, ref: FieldRef): RowTest | null {
  const raw = (filter.values[0] ?? '').toUpperCase();
  if (raw !== 'T' && raw !== 'F' && raw !== 'TRUE' && raw !== 'FALSE') {
    throw badValue(filter, 'checkbox filters take T or F');
  }
  const want = raw === 'T' || raw === 'TRUE';
  if (filter.operator === 'is') return (r) => (ref.read(r) === true) === want;
  if (filter.operator === 'isnot') return (r) => (ref.read(r) === true) !== want;
  return null;
}

/** Compiles one filter term into a row test; throws NetSuite's errors for bad operators or values. */
export function compileTerm(filter: SearchFilter, ref: FieldRef, clock: Clock): RowTest {
  const op = filter.operator;
  if (op === 'any') return () => true;
  if (op === 'isempty' || op === 'isnotempty') {
    if (ref.kind === 'checkbox') throw badOperator(filter, ref.kind);
    const want = op === 'isempty';
    return (r) => isEmpty(ref.read(r)) === want;
  }
  if (filter.values.length === 0) throw badValue(filter, 'the operator needs a value');
  const group = groupOf(ref.kind);
  let test: RowTest | null;
  switch (group) {
    case 'number':
      test = numberTest(filter, ref);
      break;
    case 'date':
      test = dateTest(filter, ref, clock);
      break;
    case 'select':
    case 'multiselect':
      test = selectTest(filter, ref, group === 'multiselect');
      break;
    case 'checkbox':
      test = checkboxTest(filter, ref);
      break;
    default:
      test = textTest(filter, (row) => {
        const v = ref.read(row);
        return v === null ? null : String(v);
      });
  }
  if (!test) throw badOperator(filter, ref.kind);
  return test;
}
