/** PostgreSQL part: admin sessions (`bridge/src/store/parts/admin-sessions.ts`), stored by keyed hash only. */
import type { AdminSessionStore } from '../parts/admin-sessions';
import type { PgConnection } from './connection';

const FORGET_AFTER_MS = 24 * 3600 * 1000;

export class PgAdminSessions implements AdminSessionStore {
  constructor(private readonly c: PgConnection) {}

  async createAdminSession(idHash: string, expiresAt: number, now: number): Promise<void> {
    await this.c.tx(async (t) => {
      await t.query('DELETE FROM admin_sessions WHERE expires_at < $1', [now - FORGET_AFTER_MS]);
      await t.query(
        'INSERT INTO admin_sessions (id_hash, created_at, expires_at, revoked_at) VALUES ($1, $2, $3, NULL)',
        [idHash, now, expiresAt],
      );
    });
  }

  async isAdminSessionActive(idHash: string, now: number): Promise<boolean> {
    const rows = await this.c.query(
      'SELECT 1 AS ok FROM admin_sessions WHERE id_hash = $1 AND revoked_at IS NULL AND expires_at > $2',
      [idHash, now],
    );
    return rows.length > 0;
  }

  async revokeAdminSession(idHash: string, now: number): Promise<boolean> {
    const rows = await this.c.query(
      'UPDATE admin_sessions SET revoked_at = $1 WHERE id_hash = $2 AND revoked_at IS NULL AND expires_at > $1 RETURNING id_hash',
      [now, idHash],
    );
    return rows.length === 1;
  }

  async revokeAllAdminSessions(now: number): Promise<number> {
    const rows = await this.c.query(
      'UPDATE admin_sessions SET revoked_at = $1 WHERE revoked_at IS NULL RETURNING id_hash',
      [now],
    );
    return rows.length;
  }
}
