/**
 * Contract of the admin sessions part (`parts/admin-sessions.ts`): what every implementation (SQLite, PostgreSQL) must do. Call
 * `runAdminSessionContract(name, factory)` from an implementation's test file; the factory returns a fresh, empty store.
 */
import { type StoreFactory, useFreshStore, T0 } from './fixtures';

export function runAdminSessionContract(name: string, factory: StoreFactory): void {
  describe(`AdminSessionStore contract: ${name}`, () => {
    const store = useFreshStore(factory);

    describe('admin sessions', () => {
      it('keeps a session active until it expires or is revoked', async () => {
        await store().createAdminSession('h1', T0 + 1000, T0);
        expect(await store().isAdminSessionActive('h1', T0 + 1)).toBe(true);
        expect(await store().isAdminSessionActive('h1', T0 + 1000)).toBe(false);
        expect(await store().isAdminSessionActive('unknown', T0 + 1)).toBe(false);
        expect(await store().revokeAdminSession('h1', T0 + 2)).toBe(true);
        expect(await store().isAdminSessionActive('h1', T0 + 3)).toBe(false);
        expect(await store().revokeAdminSession('h1', T0 + 4)).toBe(false);
      });

      it('revokes every session at once, expired ones included', async () => {
        await store().createAdminSession('a', T0 + 1000, T0);
        await store().createAdminSession('b', T0 + 1000, T0);
        await store().createAdminSession('old', T0 + 10, T0);
        expect(await store().revokeAllAdminSessions(T0 + 100)).toBe(3);
        expect(await store().isAdminSessionActive('a', T0 + 101)).toBe(false);
        expect(await store().isAdminSessionActive('b', T0 + 101)).toBe(false);
        await store().createAdminSession('c', T0 + 2000, T0 + 200);
        expect(await store().isAdminSessionActive('c', T0 + 201)).toBe(true);
      });
    });
  });
}
