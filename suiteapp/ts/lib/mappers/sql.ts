/**
 * SuiteQL text built only from declared names: the `sql` tag accepts tables and columns from a
 * mapper's declaration (record-declaration.ts), other `sql` fragments and integers, never a plain
 * string, and dao/suiteql.ts runs nothing but `Sql`. The words written in the template itself are
 * SQL keywords and aliases only (`mapper-id-guard.test.ts` checks that), so a column cannot be
 * queried without being declared. Values always travel as `?` parameters.
 */
import type { SqlColumn, SqlTable } from './record-declaration';

declare const SQL: unique symbol;

export interface Sql {
  readonly text: string;
  readonly [SQL]: true;
}

export type SqlPart = Sql | SqlTable | SqlColumn | number;

function isSql(part: SqlPart): part is Sql {
  return typeof part === 'object' && part !== null && typeof (part as { text?: unknown }).text === 'string';
}

function render(part: SqlPart): string {
  if (isSql(part)) return part.text;
  if (typeof part === 'number') {
    if (!Number.isSafeInteger(part)) throw new Error(`SuiteQL number ${part} is not an integer`);
    return String(part);
  }
  return part;
}

function make(text: string): Sql {
  return { text } as Sql;
}

export function sql(strings: TemplateStringsArray, ...parts: readonly SqlPart[]): Sql {
  return make(
    strings.reduce((text, piece, i) => text + piece + (i < parts.length ? render(parts[i]) : ''), ''),
  );
}

/** `?, ?, ?` for an `IN (...)` list of `count` values. */
export function placeholders(count: number): Sql {
  return make(Array.from({ length: count }, () => '?').join(', '));
}

/** Fragments joined with `, ` (a select list). */
export function sqlList(parts: readonly SqlPart[]): Sql {
  return make(parts.map(render).join(', '));
}

/**
 * A column of the account's own custom item fields named by a setting (the shop's TikTok Matrix
 * Options: `custitem_color`, read on matrix children as `matrixoptioncustitem_color`). The customer
 * made these fields, so no mapper can declare them; only ids of that exact shape are let through.
 */
export function accountItemColumn(fieldId: string): SqlColumn {
  if (!/^(matrixoption)?custitem[a-z0-9_]{1,60}$/.test(fieldId)) {
    throw new Error(`"${fieldId}" is not a custom item field id (custitem_…)`);
  }
  return fieldId as SqlColumn;
}

/** `BUILTIN.DF(column)`: the display text of a select column (a list value's name). */
export function displayText(column: SqlColumn): Sql {
  return make(`BUILTIN.DF(${column})`);
}
