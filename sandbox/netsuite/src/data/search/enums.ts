/** `search.Operator`, `search.Sort`, `search.Summary` with the string values NetSuite uses. */

export const Operator = {
  AFTER: 'after',
  ALLOF: 'allof',
  ANY: 'any',
  ANYOF: 'anyof',
  BEFORE: 'before',
  BETWEEN: 'between',
  CONTAINS: 'contains',
  DOESNOTCONTAIN: 'doesnotcontain',
  DOESNOTSTARTWITH: 'doesnotstartwith',
  EQUALTO: 'equalto',
  GREATERTHAN: 'greaterthan',
  GREATERTHANOREQUALTO: 'greaterthanorequalto',
  HASKEYWORDS: 'haskeywords',
  IS: 'is',
  ISEMPTY: 'isempty',
  ISNOT: 'isnot',
  ISNOTEMPTY: 'isnotempty',
  LESSTHAN: 'lessthan',
  LESSTHANOREQUALTO: 'lessthanorequalto',
  NONEOF: 'noneof',
  NOTAFTER: 'notafter',
  NOTALLOF: 'notallof',
  NOTBEFORE: 'notbefore',
  NOTBETWEEN: 'notbetween',
  NOTEQUALTO: 'notequalto',
  NOTGREATERTHAN: 'notgreaterthan',
  NOTGREATERTHANOREQUALTO: 'notgreaterthanorequalto',
  NOTLESSTHAN: 'notlessthan',
  NOTLESSTHANOREQUALTO: 'notlessthanorequalto',
  NOTON: 'noton',
  NOTONORAFTER: 'notonorafter',
  NOTONORBEFORE: 'notonorbefore',
  NOTWITHIN: 'notwithin',
  ON: 'on',
  ONORAFTER: 'onorafter',
  ONORBEFORE: 'onorbefore',
  STARTSWITH: 'startswith',
  WITHIN: 'within',
} as const;

export const Sort = { ASC: 'ASC', DESC: 'DESC', NONE: 'NONE' } as const;

export const Summary = {
  GROUP: 'GROUP',
  COUNT: 'COUNT',
  SUM: 'SUM',
  AVG: 'AVG',
  MIN: 'MIN',
  MAX: 'MAX',
} as const;

export type SortValue = (typeof Sort)[keyof typeof Sort];
export type SummaryValue = (typeof Summary)[keyof typeof Summary];

const OPERATORS: ReadonlySet<string> = new Set(Object.values(Operator));

export function isOperator(op: string): boolean {
  return OPERATORS.has(op);
}

/** Summary names are case-insensitive in NetSuite (`'group'` and `search.Summary.GROUP` both work). */
export function normaliseSummary(summary: unknown): SummaryValue | undefined {
  if (summary === undefined || summary === null || summary === '') return undefined;
  const upper = String(summary).toUpperCase();
  return (Object.values(Summary) as string[]).includes(upper) ? (upper as SummaryValue) : undefined;
}

export function normaliseSort(sort: unknown): SortValue {
  const upper = String(sort ?? 'NONE').toUpperCase();
  return upper === 'ASC' || upper === 'DESC' ? upper : 'NONE';
}
