/**
 * Opens the store named by DATABASE_URL: `sqlite:<path>` (relative to the working folder),
 * `sqlite::memory:`, or `postgres://user:password@host:port/database` (several instances on one
 * database; `postgres-store.ts`).
 */
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import type { SqliteSynchronous } from '../config';
import { PostgresStore } from './postgres-store';
import { SqliteStore } from './sqlite-store';
import type { BridgeStore } from './types';

export function openStore(
  databaseUrl: string,
  options: { sqliteSynchronous?: SqliteSynchronous } = {},
): BridgeStore {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    if (path === '') {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.CONFIG_INVALID,
        'DATABASE_URL has no file path; use sqlite:data/bridge.db (or sqlite::memory: for tests).',
      );
    }
    return new SqliteStore(path, { synchronous: options.sqliteSynchronous ?? 'normal' });
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return new PostgresStore(databaseUrl);
  throw new BridgeError(
    BRIDGE_ERROR_CODES.CONFIG_INVALID,
    `DATABASE_URL "${databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}" is not supported; use sqlite:data/bridge.db or postgres://user:password@host:5432/database.`,
  );
}
