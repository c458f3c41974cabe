import Database from 'better-sqlite3';
import type { StoredRecord } from '../../store-types';
import type { MemoryReader } from '../../search/__tests__/memory-reader';
import { familyOf } from '../../search/__tests__/memory-reader';

/** An in-memory `records` table (the store's fixed layout) holding the reader's records. */
export function databaseFor(reader: MemoryReader): { db: Database.Database; sync(): void } {
  const db = new Database(':memory:');
  db.exec(
    'CREATE TABLE records(id INTEGER PRIMARY KEY, type TEXT NOT NULL, family TEXT NOT NULL, external_id TEXT, extid_group TEXT, version INTEGER NOT NULL, doc TEXT NOT NULL)',
  );
  const insert = db.prepare(
    'INSERT OR REPLACE INTO records(id, type, family, external_id, extid_group, version, doc) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const sync = (): void => {
    for (const r of reader.allRecords() as StoredRecord[]) {
      const info = reader.typeInfo(r.type);
      insert.run(r.id, r.type, familyOf(info), r.externalId, info.externalIdGroup, r.version, JSON.stringify(r));
    }
  };
  sync();
  return { db, sync };
}
