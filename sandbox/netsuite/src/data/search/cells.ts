/**
 * The cells of search result rows: stored value, kind and display text, and what `Result.getValue` /
 * `getText` return for each.
 */
import type { FieldKind, FieldValue } from '../store-types';
import { isoToAccountDate, formatAccountDateTime } from '../misc/datetime';

/** One column of one result row: the stored value, its kind and (for selects) its display text. */
export interface Cell {
  kind: FieldKind;
  value: FieldValue;
  text: string;
}

/** The row a search hands out, before it becomes a `search.Result`. */
export interface ResultRow {
  id: string | null;
  recordType: string | null;
  cells: Cell[];
}

export function isEmptyValue(v: FieldValue): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function formatNumber(kind: FieldKind, n: number): string {
  if (kind === 'currency') return n.toFixed(2);
  if (kind === 'percent') return `${n.toFixed(1)}%`;
  return String(n);
}

/** What `Result.getValue` returns for a cell (checkbox → boolean, everything else a string). */
export function cellValue(cell: Cell): string | boolean {
  const v = cell.value;
  if (cell.kind === 'checkbox') return v === true;
  if (isEmptyValue(v)) return '';
  if (Array.isArray(v)) return v.join(',');
  switch (cell.kind) {
    case 'date':
      return isoToAccountDate(String(v));
    case 'datetime':
      return formatAccountDateTime(new Date(String(v)));
    case 'integer':
    case 'float':
    case 'currency':
    case 'percent':
      return typeof v === 'number' || !Number.isNaN(Number(v)) ? formatNumber(cell.kind, Number(v)) : String(v);
    default:
      return String(v);
  }
}

/** What `Result.getText` returns: the display text of selects, `null` for other kinds. */
export function cellText(cell: Cell): string | null {
  if (cell.kind !== 'select' && cell.kind !== 'multiselect') return null;
  return cell.text;
}

/** The cell as `JSON.stringify(result)` writes it: selects as `[{value, text}]`, checkboxes boolean. */
export function cellJson(cell: Cell): unknown {
  if (cell.kind === 'select' || cell.kind === 'multiselect') {
    if (isEmptyValue(cell.value)) return '';
    const ids = Array.isArray(cell.value) ? cell.value : [String(cell.value)];
    const texts = cell.text.split(',');
    return ids.map((value, i) => ({ value, text: ids.length === 1 ? cell.text : (texts[i] ?? '') }));
  }
  return cellValue(cell);
}

/** Sort key comparison: numbers numerically, selects by text, text case-insensitively; empty first. */
export function compareCells(a: Cell, b: Cell): number {
  const ea = isEmptyValue(a.value);
  const eb = isEmptyValue(b.value);
  if (ea || eb) return ea === eb ? 0 : ea ? -1 : 1;
  if (a.kind === 'select' || a.kind === 'multiselect') {
    return a.text.localeCompare(b.text, 'en', { sensitivity: 'base', numeric: true });
  }
  if (typeof a.value === 'number' && typeof b.value === 'number') return a.value - b.value;
  if (typeof a.value === 'boolean' || typeof b.value === 'boolean') return Number(a.value) - Number(b.value);
  const na = Number(a.value);
  const nb = Number(b.value);
  if (['integer', 'float', 'currency', 'percent'].includes(a.kind) && !Number.isNaN(na) && !Number.isNaN(nb)) {
    return na - nb;
  }
  return String(a.value).localeCompare(String(b.value), 'en', { sensitivity: 'base' });
}
