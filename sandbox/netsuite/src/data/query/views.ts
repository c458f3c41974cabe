/**
 * Keeps the SuiteQL views (TEMP views, so they never land in the store's database file) in step
 * with the record catalogue. `ensure()` rebuilds only when the catalogue changed.
 */
import type { Database } from 'better-sqlite3';
import type { RecordReader } from '../store-types';
import type { ViewColumn, ViewDef } from './view-model';
import { buildViews, catalogueSignature } from './view-model';

export class SuiteQLViews {
  private signature = '';
  private defs = new Map<string, ViewDef>();

  constructor(
    private readonly db: Database,
    private readonly reader: RecordReader,
  ) {}

  /** Drops and recreates every view from the current catalogue. */
  refresh(): void {
    const types = this.reader.types();
    const defs = buildViews(types);
    this.db.transaction(() => {
      for (const name of this.defs.keys()) this.db.exec(`DROP VIEW IF EXISTS temp."${name}"`);
      for (const def of defs) {
        this.db.exec(`DROP VIEW IF EXISTS temp."${def.name}"`);
        this.db.exec(`CREATE TEMP VIEW "${def.name}" AS ${def.sql}`);
      }
    })();
    this.defs = new Map(defs.map((d) => [d.name, d]));
    this.signature = catalogueSignature(types);
  }

  ensure(): void {
    if (catalogueSignature(this.reader.types()) !== this.signature) this.refresh();
  }

  view(name: string): ViewDef | undefined {
    return this.defs.get(name.toLowerCase());
  }

  column(table: string, column: string): ViewColumn | undefined {
    return this.view(table)?.columns.find((c) => c.name === column.toLowerCase());
  }

  /** Lower-case names of date and date-time columns across all views. */
  dateColumns(): Map<string, 'date' | 'datetime'> {
    const out = new Map<string, 'date' | 'datetime'>();
    for (const def of this.defs.values()) {
      for (const c of def.columns) if (c.kind === 'date' || c.kind === 'datetime') out.set(c.name, c.kind);
    }
    return out;
  }
}
