/**
 * Store part: admin sign-in sessions, kept server-side so they can be revoked. Only a keyed hash of
 * the session id is stored (`bridge/src/http/admin-auth.ts`), never the id the browser holds.
 */

export interface AdminSessionStore {
  /** Records a session; sessions expired for a day are forgotten on the way. */
  createAdminSession(idHash: string, expiresAt: number, now: number): Promise<void>;
  /** True while the session exists, is not revoked and has not expired. */
  isAdminSessionActive(idHash: string, now: number): Promise<boolean>;
  /** Revokes one session (sign-out); false when it was not active. */
  revokeAdminSession(idHash: string, now: number): Promise<boolean>;
  /**
   * Revokes every session not revoked yet ("sign out everywhere", `bridge revoke-sessions`), expired
   * ones included (the caller's clock may differ from the bridge's); how many.
   */
  revokeAllAdminSessions(now: number): Promise<number>;
}
