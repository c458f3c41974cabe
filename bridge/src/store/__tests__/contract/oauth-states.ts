/**
 * Contract of the OAuth states part (`parts/oauth-states.ts`): what every implementation (SQLite, PostgreSQL) must do. Call
 * `runOAuthStateContract(name, factory)` from an implementation's test file; the factory returns a fresh, empty store.
 */
import { type StoreFactory, useFreshStore, T0 } from './fixtures';

export function runOAuthStateContract(name: string, factory: StoreFactory): void {
  describe(`OAuthStateStore contract: ${name}`, () => {
    const store = useFreshStore(factory);

    describe('oauth states', () => {
      it('accepts a state once, then reports it used', async () => {
        await store().createOAuthState('s1', T0 + 600_000, T0);
        expect(await store().consumeOAuthState('s1', T0 + 1)).toBe('ok');
        expect(await store().consumeOAuthState('s1', T0 + 2)).toBe('used');
      });

      it('reports unknown and expired states', async () => {
        await store().createOAuthState('s2', T0 + 600_000, T0);
        expect(await store().consumeOAuthState('other', T0 + 1)).toBe('unknown');
        expect(await store().consumeOAuthState('s2', T0 + 600_000)).toBe('expired');
        expect(await store().consumeOAuthState('s2', T0 + 600_001)).toBe('used');
      });

      it('remembers how each state was issued (session by default, bearer for script starts)', async () => {
        await store().createOAuthState('s3', T0 + 600_000, T0);
        await store().createOAuthState('s4', T0 + 600_000, T0, 'bearer');
        expect(await store().getOAuthStateBinding('s3')).toBe('session');
        expect(await store().getOAuthStateBinding('s4')).toBe('bearer');
        expect(await store().getOAuthStateBinding('never-issued')).toBeUndefined();
        expect(await store().consumeOAuthState('s4', T0 + 1)).toBe('ok');
        expect(await store().getOAuthStateBinding('s4')).toBe('bearer');
      });
    });
  });
}
