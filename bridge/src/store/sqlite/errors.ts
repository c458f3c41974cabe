/** SQLite part: recent errors (`parts/errors.ts`), the newest 200 kept, text scrubbed of secrets. */
import { redactSecretsInText } from '../../core/redact';
import type { ErrorLogStore, RecentError } from '../parts/errors';
import type { SqliteConnection } from './connection';

export const RECENT_ERRORS_KEPT = 200;

export class SqliteErrors implements ErrorLogStore {
  constructor(private readonly c: SqliteConnection) {}

  async recordError(error: Omit<RecentError, 'id'>): Promise<void> {
    this.c.db.transaction(() => {
      this.c
        .statement('INSERT INTO recent_errors (at, source, shop_id, message) VALUES (?, ?, ?, ?)')
        .run(error.at, redactSecretsInText(error.source), error.shopId, redactSecretsInText(error.message));
      this.c
        .statement('DELETE FROM recent_errors WHERE id <= (SELECT MAX(id) FROM recent_errors) - ?')
        .run(RECENT_ERRORS_KEPT);
    })();
  }

  async listRecentErrors(limit: number): Promise<RecentError[]> {
    return (
      this.c
        .statement('SELECT id, at, source, shop_id, message FROM recent_errors ORDER BY id DESC LIMIT ?')
        .all(limit) as { id: number; at: number; source: string; shop_id: string | null; message: string }[]
    ).map((r) => ({ id: r.id, at: r.at, source: r.source, shopId: r.shop_id, message: r.message }));
  }
}
