/**
 * The bridge's SQLite file holds encrypted tokens, the webhook notifications and error text: only the
 * bridge's own user may read it. Before SQLite opens it, its folder is created owner-only (0700) and
 * refused when every user of the machine can write to it (another user could swap the file or plant
 * its `-wal`); the file is created 0600, and files an older bridge left readable are tightened to
 * 0600. SQLite creates the `-wal` and `-shm` files with the permissions of the database file
 * (https://www.sqlite.org/tempfiles.html; unix VFS `findCreateFileMode`), so they are 0600 too.
 * POSIX permissions only: on Windows the folder's ACL decides.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';

export const DATABASE_FILE_MODE = 0o600;
export const DATABASE_DIR_MODE = 0o700;
const COMPANIONS = ['', '-wal', '-shm', '-journal'];

export function prepareDatabaseFile(path: string): void {
  const file = resolve(path);
  const dir = dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: DATABASE_DIR_MODE });
  if (process.platform === 'win32') return;
  if ((statSync(dir).mode & 0o002) !== 0) {
    throw new BridgeError(
      BRIDGE_ERROR_CODES.CONFIG_INVALID,
      `The folder of the bridge database (${dir}) is writable by every user of this machine. Point DATABASE_URL at a folder only the bridge's user can write (e.g. sqlite:data/bridge.db), or run \`chmod o-w ${dir}\`.`,
    );
  }
  if (!existsSync(file)) closeSync(openSync(file, 'a', DATABASE_FILE_MODE));
  for (const suffix of COMPANIONS) {
    const companion = `${file}${suffix}`;
    if (existsSync(companion) && (statSync(companion).mode & 0o077) !== 0)
      chmodSync(companion, DATABASE_FILE_MODE);
  }
}
