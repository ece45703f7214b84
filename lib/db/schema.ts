import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { StoredSiteRule } from './site-rules';
import { DEFAULT_PREFERENCES, type SettingsRecord, type StoredEntry, type StoredGroup, type StoredSession } from './stored';

import { DB_NAME, DB_VERSION } from './version';

export { DB_NAME, DB_VERSION };

export interface NotesDB extends DBSchema {
  sessions: { key: string; value: StoredSession; indexes: { byUpdatedAt: string; byGroup: string } };
  entries: { key: string; value: StoredEntry; indexes: { bySession: string } };
  groups: { key: string; value: StoredGroup };
  /** Since version 2: fields the clinician chose per site (sealed but for id and date with encryption on). */
  siteRules: { key: string; value: StoredSiteRule; indexes: { byPage: string } };
  /** Since version 3: `encryption` (only while encryption is on) and `preferences`. */
  settings: { key: string; value: SettingsRecord };
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
  if (oldVersion < 2) {
    db.createObjectStore('siteRules', { keyPath: 'id' }).createIndex('byPage', 'pageKey');
  }
  if (oldVersion < 3) {
    // Settings, and encryption at rest. Existing records stay as they are (plain); encryption is turned on
    // later, by the clinician, in one transaction (see encryption.ts).
    const settings = db.createObjectStore('settings', { keyPath: 'id' });
    void settings.put(DEFAULT_PREFERENCES);
  }
}
