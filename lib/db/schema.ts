import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Entry, Group, Session } from '@/lib/model';

export const DB_NAME = 'group-notes';
/** Bump by one for every schema change and add a step to `migrate` below; never edit a released step. */
export const DB_VERSION = 1;

export interface NotesDB extends DBSchema {
  sessions: { key: string; value: Session; indexes: { byUpdatedAt: string; byGroup: string } };
  entries: { key: string; value: Entry; indexes: { bySession: string } };
  groups: { key: string; value: Group };
}

export type NotesDatabase = IDBPDatabase<NotesDB>;

/** The append-only upgrade ladder: each step takes the database from version n-1 to n. */
export function migrate(
  db: IDBPDatabase<NotesDB>,
  oldVersion: number,
  _tx: IDBPTransaction<NotesDB, StoreNames<NotesDB>[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
    sessions.createIndex('byUpdatedAt', 'updatedAt');
    sessions.createIndex('byGroup', 'groupId');
    const entries = db.createObjectStore('entries', { keyPath: 'id' });
    entries.createIndex('bySession', 'sessionId');
    db.createObjectStore('groups', { keyPath: 'id' });
  }
}
