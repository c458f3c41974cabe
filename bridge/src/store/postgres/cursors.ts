/** PostgreSQL part: reconcile cursors (`bridge/src/store/parts/cursors.ts`). */
import type { CursorStore, ReconcileCursor } from '../parts/cursors';
import type { Sql } from './connection';

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

export class PgCursors implements CursorStore {
  constructor(private readonly sql: Sql) {}

  async getCursor(shopId: string, name: string): Promise<ReconcileCursor | undefined> {
    const [row] = await this.sql.query<CursorRow>(
      'SELECT shop_id, name, value, updated_at FROM reconcile_cursors WHERE shop_id = $1 AND name = $2',
      [shopId, name],
    );
    return row ? toCursor(row) : undefined;
  }

  async setCursor(shopId: string, name: string, value: number, now: number): Promise<void> {
    await this.sql.query(
      `INSERT INTO reconcile_cursors (shop_id, name, value, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (shop_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      [shopId, name, value, now],
    );
  }

  async listCursors(): Promise<ReconcileCursor[]> {
    return (
      await this.sql.query<CursorRow>(
        'SELECT shop_id, name, value, updated_at FROM reconcile_cursors ORDER BY shop_id, name',
      )
    ).map(toCursor);
  }
}
