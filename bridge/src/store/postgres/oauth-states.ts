/** PostgreSQL part: OAuth states (`bridge/src/store/parts/oauth-states.ts`), consumed with a row lock. */
import type { OAuthStateBinding, OAuthStateResult, OAuthStateStore } from '../parts/oauth-states';
import type { PgConnection } from './connection';

const FORGET_AFTER_MS = 24 * 3600 * 1000;

export class PgOAuthStates implements OAuthStateStore {
  constructor(private readonly c: PgConnection) {}

  async createOAuthState(
    state: string,
    expiresAt: number,
    now: number,
    binding: OAuthStateBinding = 'session',
  ): Promise<void> {
    await this.c.query('DELETE FROM oauth_states WHERE expires_at < $1', [now - FORGET_AFTER_MS]);
    await this.c.query(
      'INSERT INTO oauth_states (state, expires_at, used_at, created_at, binding) VALUES ($1, $2, NULL, $3, $4)',
      [state, expiresAt, now, binding],
    );
  }

  async getOAuthStateBinding(state: string): Promise<OAuthStateBinding | undefined> {
    const [row] = await this.c.query<{ binding: OAuthStateBinding }>(
      'SELECT binding FROM oauth_states WHERE state = $1',
      [state],
    );
    return row?.binding;
  }

  async consumeOAuthState(state: string, now: number): Promise<OAuthStateResult> {
    return this.c.tx(async (t) => {
      const [row] = await t.query<{ expires_at: number; used_at: number | null }>(
        'SELECT expires_at, used_at FROM oauth_states WHERE state = $1 FOR UPDATE',
        [state],
      );
      if (!row) return 'unknown';
      if (row.used_at !== null) return 'used';
      await t.query('UPDATE oauth_states SET used_at = $1 WHERE state = $2', [now, state]);
      return row.expires_at <= now ? 'expired' : 'ok';
    });
  }
}
