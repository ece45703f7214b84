import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, migrate, type NotesDB, type NotesDatabase } from './schema';

/** Opens (and migrates) the notes database. Tests pass their own IDBFactory and name. */
export function openNotesDb(name = DB_NAME): Promise<NotesDatabase> {
  return openDB<NotesDB>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => migrate(db, oldVersion, tx),
    blocked: () => undefined,
  });
}

const shared = new Map<string, Promise<NotesDatabase>>();

/** One connection per database for the whole panel (its hooks share it), instead of one each. */
export function sharedNotesDb(name = DB_NAME): Promise<NotesDatabase> {
  let db = shared.get(name);
  if (!db) {
    db = openNotesDb(name);
    shared.set(name, db);
    db.catch(() => shared.delete(name));
  }
  return db;
}
