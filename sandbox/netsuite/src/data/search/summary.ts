/**
 * Summary columns of `N/search` (GROUP, COUNT, SUM, MIN, MAX, AVG) over the rows of one group.
 */
import type { FieldKind, FieldValue } from '../store-types';
import type { Cell } from './cells';
import { compareCells, isEmptyValue } from './cells';
import type { SummaryValue } from './enums';

/** Summarises one column over the rows of one group (NetSuite's COUNT counts distinct values). */
export function summarise(summary: SummaryValue, cells: Cell[]): Cell {
  const filled = cells.filter((c) => !isEmptyValue(c.value));
  const kind: FieldKind = cells[0]?.kind ?? 'text';
  switch (summary) {
    case 'GROUP':
      return cells[0] ?? { kind, value: null, text: '' };
    case 'COUNT': {
      const distinct = new Set(filled.map((c) => JSON.stringify(c.value)));
      return { kind: 'integer', value: distinct.size, text: String(distinct.size) };
    }
    case 'SUM':
    case 'AVG': {
      if (filled.length === 0) return { kind, value: null, text: '' };
      const total = filled.reduce((s, c) => s + Number(c.value), 0);
      const value: FieldValue = summary === 'SUM' ? total : total / filled.length;
      const numericKind: FieldKind = kind === 'integer' && summary === 'AVG' ? 'float' : kind;
      return { kind: numericKind, value, text: String(value) };
    }
    case 'MIN':
    case 'MAX': {
      if (filled.length === 0) return { kind, value: null, text: '' };
      const sorted = [...filled].sort(compareCells);
      return summary === 'MIN' ? sorted[0]! : sorted[sorted.length - 1]!;
    }
  }
}
