/**
 * `search.Result`: `getValue` and `getText` of a column by name, join and summary, or by
 * `search.Column`.
 */
import type { Cell, ResultRow } from './cells';
import { cellJson, cellText, cellValue } from './cells';
import type { SearchColumn } from './column';
import { columnMatches } from './column';

export type ColumnRequest = string | SearchColumn | { name: string; join?: string; summary?: string };

/** `search.Result`. Summary rows have `id` and `recordType` null. */
export class SearchResult {
  readonly id: string | null;
  readonly recordType: string | null;
  readonly columns: SearchColumn[];
  private readonly cells: Cell[];

  constructor(row: ResultRow, columns: SearchColumn[]) {
    this.id = row.id;
    this.recordType = row.recordType;
    this.columns = columns;
    this.cells = row.cells;
  }

  private cellFor(request: ColumnRequest): Cell | undefined {
    const i = this.columns.findIndex((c) => columnMatches(c, request));
    return i < 0 ? undefined : this.cells[i];
  }

  /** Strings for everything but checkboxes (booleans); `null` for a column the search does not have. */
  getValue(request: ColumnRequest): string | boolean | null {
    const cell = this.cellFor(request);
    return cell ? cellValue(cell) : null;
  }

  /** Display text of select columns; `null` for other columns and unknown ones. */
  getText(request: ColumnRequest): string | null {
    const cell = this.cellFor(request);
    return cell ? cellText(cell) : null;
  }

  /** As `JSON.stringify(result)` gives it, which is what map/reduce passes to map(). */
  toJSON(): { recordType: string | null; id: string | null; values: Record<string, unknown> } {
    const values: Record<string, unknown> = {};
    this.columns.forEach((c, i) => {
      values[c.key] = cellJson(this.cells[i]!);
    });
    return { recordType: this.recordType, id: this.id, values };
  }
}
