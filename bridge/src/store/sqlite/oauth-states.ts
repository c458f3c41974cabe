/** SQLite part: OAuth states (`parts/oauth-states.ts`), consumed in an IMMEDIATE transaction. */
import type { OAuthStateBinding, OAuthStateResult, OAuthStateStore } from '../parts/oauth-states';
import type { SqliteConnection } from './connection';

const FORGET_AFTER_MS = 24 * 3600 * 1000;

export class SqliteOAuthStates implements OAuthStateStore {
  constructor(private readonly c: SqliteConnection) {}

  async createOAuthState(
    state: string,
    expiresAt: number,
    now: number,
    binding: OAuthStateBinding = 'session',
  ): Promise<void> {
    this.c.statement('DELETE FROM oauth_states WHERE expires_at < ?').run(now - FORGET_AFTER_MS);
    this.c
      .statement(
        'INSERT INTO oauth_states (state, expires_at, used_at, created_at, binding) VALUES (?, ?, NULL, ?, ?)',
      )
      .run(state, expiresAt, now, binding);
  }

  async getOAuthStateBinding(state: string): Promise<OAuthStateBinding | undefined> {
    const row = this.c.statement('SELECT binding FROM oauth_states WHERE state = ?').get(state) as
      { binding: OAuthStateBinding } | undefined;
    return row?.binding;
  }

  async consumeOAuthState(state: string, now: number): Promise<OAuthStateResult> {
    return this.c.db
      .transaction((): OAuthStateResult => {
        const row = this.c
          .statement('SELECT expires_at, used_at FROM oauth_states WHERE state = ?')
          .get(state) as { expires_at: number; used_at: number | null } | undefined;
        if (!row) return 'unknown';
        if (row.used_at !== null) return 'used';
        this.c.statement('UPDATE oauth_states SET used_at = ? WHERE state = ?').run(now, state);
        return row.expires_at <= now ? 'expired' : 'ok';
      })
      .immediate();
  }
}
