/** SQLite part: admin sessions (`parts/admin-sessions.ts`), stored by keyed hash only. */
import type { AdminSessionStore } from '../parts/admin-sessions';
import type { SqliteConnection } from './connection';

const FORGET_AFTER_MS = 24 * 3600 * 1000;

export class SqliteAdminSessions implements AdminSessionStore {
  constructor(private readonly c: SqliteConnection) {}

  async createAdminSession(idHash: string, expiresAt: number, now: number): Promise<void> {
    this.c.db.transaction(() => {
      this.c.statement('DELETE FROM admin_sessions WHERE expires_at < ?').run(now - FORGET_AFTER_MS);
      this.c
        .statement(
          'INSERT INTO admin_sessions (id_hash, created_at, expires_at, revoked_at) VALUES (?, ?, ?, NULL)',
        )
        .run(idHash, now, expiresAt);
    })();
  }

  async isAdminSessionActive(idHash: string, now: number): Promise<boolean> {
    const row = this.c
      .statement(
        'SELECT 1 AS ok FROM admin_sessions WHERE id_hash = ? AND revoked_at IS NULL AND expires_at > ?',
      )
      .get(idHash, now);
    return row !== undefined;
  }

  async revokeAdminSession(idHash: string, now: number): Promise<boolean> {
    return (
      this.c
        .statement(
          'UPDATE admin_sessions SET revoked_at = ? WHERE id_hash = ? AND revoked_at IS NULL AND expires_at > ?',
        )
        .run(now, idHash, now).changes === 1
    );
  }

  async revokeAllAdminSessions(now: number): Promise<number> {
    return this.c.statement('UPDATE admin_sessions SET revoked_at = ? WHERE revoked_at IS NULL').run(now)
      .changes;
  }
}
