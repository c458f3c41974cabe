/** PostgreSQL part: recent errors (`bridge/src/store/parts/errors.ts`), the newest 200 kept, text scrubbed. */
import { redactSecretsInText } from '../../core/redact';
import type { ErrorLogStore, RecentError } from '../parts/errors';
import { RECENT_ERRORS_KEPT } from '../sqlite/errors';
import type { PgConnection } from './connection';

export class PgErrors implements ErrorLogStore {
  constructor(private readonly c: PgConnection) {}

  async recordError(error: Omit<RecentError, 'id'>): Promise<void> {
    await this.c.tx(async (t) => {
      await t.query('INSERT INTO recent_errors (at, source, shop_id, message) VALUES ($1, $2, $3, $4)', [
        error.at,
        redactSecretsInText(error.source),
        error.shopId,
        redactSecretsInText(error.message),
      ]);
      await t.query('DELETE FROM recent_errors WHERE id <= (SELECT MAX(id) FROM recent_errors) - $1', [
        RECENT_ERRORS_KEPT,
      ]);
    });
  }

  async listRecentErrors(limit: number): Promise<RecentError[]> {
    return (
      await this.c.query<{ id: number; at: number; source: string; shop_id: string | null; message: string }>(
        'SELECT id, at, source, shop_id, message FROM recent_errors ORDER BY id DESC LIMIT $1',
        [limit],
      )
    ).map((r) => ({ id: r.id, at: r.at, source: r.source, shopId: r.shop_id, message: r.message }));
  }
}
