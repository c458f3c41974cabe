/** SQLite part: reconcile cursors (`parts/cursors.ts`). */
import type { CursorStore, ReconcileCursor } from '../parts/cursors';
import type { SqliteConnection } from './connection';

interface CursorRow {
  shop_id: string;
  name: string;
  value: number;
  updated_at: number;
}

const toCursor = (r: CursorRow): ReconcileCursor => ({
  shopId: r.shop_id,
  name: r.name,
  value: r.value,
  updatedAt: r.updated_at,
});

export class SqliteCursors implements CursorStore {
  constructor(private readonly c: SqliteConnection) {}

  async getCursor(shopId: string, name: string): Promise<ReconcileCursor | undefined> {
    const row = this.c
      .statement(
        'SELECT shop_id, name, value, updated_at FROM reconcile_cursors WHERE shop_id = ? AND name = ?',
      )
      .get(shopId, name) as CursorRow | undefined;
    return row ? toCursor(row) : undefined;
  }

  async setCursor(shopId: string, name: string, value: number, now: number): Promise<void> {
    this.c
      .statement(
        `INSERT INTO reconcile_cursors (shop_id, name, value, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (shop_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(shopId, name, value, now);
  }

  async listCursors(): Promise<ReconcileCursor[]> {
    return (
      this.c
        .statement('SELECT shop_id, name, value, updated_at FROM reconcile_cursors ORDER BY shop_id, name')
        .all() as CursorRow[]
    ).map(toCursor);
  }
}
