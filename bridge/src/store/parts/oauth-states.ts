/** Store part: the single-use OAuth `state` values the bridge issued when an authorization started. */

export type OAuthStateResult = 'ok' | 'unknown' | 'used' | 'expired';
/**
 * `session`: started from a browser session, the callback must carry the matching state cookie.
 * `bearer`: started by a script with the Bearer admin token, which has no browser to bind to.
 */
export type OAuthStateBinding = 'session' | 'bearer';

export interface OAuthStateStore {
  /** `binding` defaults to `session`. States expired for a day are forgotten on the way. */
  createOAuthState(state: string, expiresAt: number, now: number, binding?: OAuthStateBinding): Promise<void>;
  /** How the state was issued; `undefined` when this bridge never issued it (used or not). */
  getOAuthStateBinding(state: string): Promise<OAuthStateBinding | undefined>;
  /** Marks the state used (single use) and says whether it was valid. */
  consumeOAuthState(state: string, now: number): Promise<OAuthStateResult>;
}
